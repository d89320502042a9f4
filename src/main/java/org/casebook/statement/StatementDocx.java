package org.casebook.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The witness statement as an editable Word document (.docx), holding what the PDF holds in the same form: the
 * MG11 front and a signature line on every page for the police; the court heading, paragraphs numbered by the word
 * processor (an inserted paragraph renumbers the rest) and the statement of truth for a court. Page numbers and
 * the MG11's page count are fields, so they stay right as the witness edits.
 */
public final class StatementDocx {
    /** CPR PD32 19.1(1): a margin of not less than 3.5 cm on the left. */
    private static final int COURT_LEFT_MARGIN = 1985;
    private static final int POLICE_LEFT_MARGIN = 1134;
    /** Where an MG11 field's value starts, and where "Date:" sits on a signature line (in twips). */
    private static final int LABEL_TAB = 2268;
    private static final int SECOND_TAB = 5670;

    private StatementDocx() {
    }

    /**
     * Writes the document. {@code pages} is the PDF's page count, shown by the page-count fields until the word
     * processor counts its own pages.
     */
    public static void write(StatementSheet sheet, int pages, OutputStream out) throws IOException {
        String count = Integer.toString(pages);
        List<DocxParagraph> body = sheet.police() ? police(sheet, count) : court(sheet);
        DocxParagraph footer = sheet.police()
                ? DocxParagraph.of("Signature: " + StatementSheet.BLANK + "\tStatement page ").tabAt(SECOND_TAB)
                : DocxParagraph.of("Page ").align("center");
        footer.field("PAGE", "1").text(" of ").field("NUMPAGES", count);
        DocxPackage.write(out, new DocxPackage.Setup("Witness statement of " + sheet.witness(), sheet.witness(),
                sheet.police() ? POLICE_LEFT_MARGIN : COURT_LEFT_MARGIN), body, List.of(footer));
    }

    private static List<DocxParagraph> police(StatementSheet sheet, String count) {
        List<DocxParagraph> out = new ArrayList<>();
        out.add(DocxParagraph.bold("RESTRICTED (when complete)"));
        out.add(DocxParagraph.of("WITNESS STATEMENT").style("Title"));
        out.add(DocxParagraph.of(Declarations.POLICE_AUTHORITY).align("center"));
        for (StatementSheet.Field f : sheet.policeFields()) {
            out.add(DocxParagraph.bold(f.label() + ":").text("\t" + f.value()).tabAt(LABEL_TAB).tight());
        }
        List<String> declaration = Declarations.policeAroundPages();
        out.add(DocxParagraph.of("").tight());
        out.add(DocxParagraph.of(declaration.get(0)).field("NUMPAGES", count).text(declaration.get(1)).keepNext());
        out.add(DocxParagraph.of("Signature: " + StatementSheet.BLANK + "\tDate: " + sheet.dated())
                .tabAt(SECOND_TAB).ruled());
        for (String p : sheet.paragraphs()) {
            out.add(DocxParagraph.of(p));
        }
        out.add(DocxParagraph.of("Signature: " + StatementSheet.BLANK + "\tSignature witnessed by: "
                + StatementSheet.BLANK).tabAt(SECOND_TAB));
        return out;
    }

    private static List<DocxParagraph> court(StatementSheet sheet) {
        List<DocxParagraph> out = new ArrayList<>();
        for (String line : sheet.corner()) {
            out.add(DocxParagraph.bold(line).align("right").tight());
        }
        out.add(DocxParagraph.of("").tight());
        out.add(DocxParagraph.bold(sheet.courtLine()).align("center").tight());
        out.add(DocxParagraph.of(sheet.caseNumberLine()).align("center"));
        out.add(DocxParagraph.bold("BETWEEN").align("center"));
        List<StatementSheet.Party> parties = sheet.parties();
        for (int i = 0; i < parties.size(); i++) {
            if (i > 0) {
                out.add(DocxParagraph.of("- and -").align("center"));
            }
            out.add(DocxParagraph.bold(parties.get(i).name()).align("center").tight());
            out.add(DocxParagraph.of(parties.get(i).role()).align("center"));
        }
        out.add(DocxParagraph.of(sheet.title()).style("Title").ruled());
        for (String p : sheet.paragraphs()) {
            out.add(DocxParagraph.of(p).numbered());
        }
        out.add(DocxParagraph.of("Statement of truth").style("Heading1"));
        out.add(DocxParagraph.of(Declarations.TRUTH).keepNext().tight());
        out.add(DocxParagraph.of(Declarations.CONTEMPT).keepNext());
        List<String> signature = sheet.courtSignature();
        for (int i = 0; i < signature.size(); i++) {
            DocxParagraph line = DocxParagraph.of(signature.get(i));
            out.add(i < signature.size() - 1 ? line.keepNext() : line);
        }
        return out;
    }
}
