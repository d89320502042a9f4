package org.casebook.bundle;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.TextStyle;
import org.casebook.model.CaseCover;
import org.casebook.statement.Declarations;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementProfile;

/**
 * Lays out a witness statement in its profile's form. Police: the MG11 front (statement of, age, occupation, the
 * s.9 declaration with the page count) and a signature line on every page, as each page is signed. Civil (CPR
 * PD32) and family: the top-right box (party, witness, statement number, exhibits, date), the title of the
 * proceedings, numbered paragraphs at 12 pt with a 3.5 cm left margin, and the statement of truth with the contempt
 * warning. What the case does not know is left in square brackets to be filled in, never guessed.
 */
final class StatementLayout {
    static final TextStyle TEXT = new TextStyle(Face.REGULAR, 12);
    static final TextStyle TEXT_BOLD = new TextStyle(Face.BOLD, 12);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    /** CPR PD32 19.1(1): a margin of not less than 3.5 cm on the left. */
    private static final float MARGIN = 99.2f;
    private static final float NUMBER_WIDTH = 26;
    private static final String BLANK = "……………………………";

    private final Statement statement;
    private final String subject;
    private final List<String> marks;
    private final CaseCover cover;

    /**
     * @param subject the person the statement is about, or null
     * @param marks   the exhibits the statement produces, in order
     * @param cover   the case's cover: the court, the case number, the parties and the witness when the statement's
     *                own details do not name them
     */
    StatementLayout(Statement statement, String subject, List<String> marks, CaseCover cover) {
        this.statement = statement;
        this.subject = subject;
        this.marks = List.copyOf(marks);
        this.cover = cover;
    }

    /** The witness's name as printed (the statement's, else the case cover's), or the place to write it. */
    String witness() {
        String name = statement.details().witness() != null ? statement.details().witness() : cover.witness();
        return name == null ? "[your full name]" : name;
    }

    /** The date as printed, or dots for a date written by hand when signing. */
    String dated() {
        return statement.details().dated() == null ? BLANK : DATE.format(statement.details().dated());
    }

    /**
     * Writes the statement from a new page, its first page marked {@code key}, and returns its pages. {@code pages}
     * is the statement's own page count, which the MG11 declaration states (measured by a first layout).
     */
    List<PDPage> write(PageWriter w, String key, int pages) throws IOException {
        int first = w.pages().size();
        w.startTarget(key);
        w.continuation(() -> {
            try {
                w.paragraph("Witness statement of " + witness() + " (continued)", PageWriter.SMALL_BOLD);
                w.gap(6);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            if (statement.profile() == StatementProfile.POLICE) {
                police(w, pages);
            } else {
                court(w);
            }
        } finally {
            w.continuation(null);
        }
        w.finish();
        List<PDPage> out = new ArrayList<>(w.pages().subList(first, w.pages().size()));
        if (statement.profile() == StatementProfile.POLICE) {
            signEveryPage(w, out);
        }
        return out;
    }

    /**
     * Writes the statement with the page count its declaration states: laid out once in a scratch document to
     * count its pages (the count's digits never change how the declaration wraps by a line), then for real.
     */
    List<PDPage> write(PageWriter w, String key) throws IOException {
        int pages;
        try (var scratch = BundleDocuments.create()) {
            PageWriter dry = new PageWriter(scratch, new org.casebook.bundle.text.Typesetter(
                    org.casebook.bundle.text.FontSet.load(scratch, new org.casebook.bundle.text.TextWarnings())),
                    w.redactor(), new Links());
            pages = write(dry, key, 1).size();
        }
        return write(w, key, pages);
    }

    private void police(PageWriter w, int pages) throws IOException {
        w.paragraph("RESTRICTED (when complete)", PageWriter.SMALL_BOLD);
        w.gap(4);
        w.paragraph("WITNESS STATEMENT", PageWriter.TITLE);
        w.paragraph(Declarations.POLICE_AUTHORITY, PageWriter.SMALL);
        w.gap(8);
        field(w, "URN", BLANK);
        field(w, "Statement of", witness());
        field(w, "Age if under 18", statement.details().age());
        field(w, "Occupation", statement.details().occupation() == null ? "[your occupation]"
                : statement.details().occupation());
        w.gap(8);
        w.paragraph(Declarations.police(pages), TEXT, PageWriter.LEFT, PageWriter.WIDTH);
        w.gap(10);
        w.paragraph("Signature: " + BLANK + "          Date: " + dated(), TEXT);
        w.gap(6);
        w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.8f);
        w.gap(12);
        for (String p : statement.paragraphs()) {
            w.paragraph(p, TEXT, PageWriter.LEFT, PageWriter.WIDTH);
            w.gap(9);
        }
        w.gap(12);
        w.need(3 * w.lineHeight(TEXT));
        w.paragraph("Signature: " + BLANK + "          Signature witnessed by: " + BLANK, TEXT);
    }

    private void court(PageWriter w) throws IOException {
        boolean family = statement.profile() == StatementProfile.FAMILY;
        var d = statement.details();
        String party = d.party() != null ? d.party() : family ? "Applicant" : "Claimant";
        // CPR PD32 17.2: party, witness's initials and surname, statement number, exhibits, date, top right
        List<String> corner = List.of("On behalf of the " + party, "Witness: " + initialsAndSurname(witness()),
                ordinal(d.number()) + " statement", "Exhibits: " + exhibitRange(), "Dated: " + dated());
        float top = w.y();
        for (String line : corner) {
            w.rightAligned(line, PageWriter.SMALL_BOLD, PageWriter.RIGHT, top);
            top -= w.lineHeight(PageWriter.SMALL_BOLD);
        }
        w.y(top - 14);
        center(w, courtLine(family), TEXT_BOLD);
        center(w, (family ? "Case No: " : "Claim No: ") + (cover.caseNumber() == null ? "[number]" : cover.caseNumber()),
                TEXT);
        w.gap(10);
        center(w, "BETWEEN", TEXT_BOLD);
        w.gap(6);
        boolean witnessApplies = !party.toLowerCase(Locale.UK).matches(".*(respondent|defendant).*");
        String other = subject == null ? "[name]" : subject;
        String applicant = cover.applicant() != null ? cover.applicant() : witnessApplies ? witness() : other;
        String respondent = cover.respondent() != null ? cover.respondent() : witnessApplies ? other : witness();
        center(w, applicant.toUpperCase(Locale.UK), TEXT_BOLD);
        center(w, family ? "Applicant" : "Claimant", TEXT);
        center(w, "- and -", TEXT);
        center(w, respondent.toUpperCase(Locale.UK), TEXT_BOLD);
        center(w, family ? "Respondent" : "Defendant", TEXT);
        w.gap(12);
        w.rule(MARGIN, PageWriter.RIGHT, 0.8f);
        w.gap(8);
        center(w, ordinal(d.number()).toUpperCase(Locale.UK) + " WITNESS STATEMENT OF " + witness().toUpperCase(Locale.UK),
                TEXT_BOLD);
        w.gap(6);
        w.rule(MARGIN, PageWriter.RIGHT, 0.8f);
        w.gap(14);
        int n = 0;
        for (String p : statement.paragraphs()) {
            n++;
            float lh = w.lineHeight(TEXT);
            w.need(lh);
            w.rightAligned(n + ".", TEXT, MARGIN + NUMBER_WIDTH - 8, w.y());
            w.paragraph(p, TEXT, MARGIN + NUMBER_WIDTH, PageWriter.RIGHT - MARGIN - NUMBER_WIDTH);
            w.gap(9);
        }
        w.gap(6);
        float block = 8 * w.lineHeight(TEXT) + w.paragraphHeight(Declarations.truth(), TEXT, PageWriter.RIGHT - MARGIN);
        w.need(block);
        w.paragraph("Statement of truth", TEXT_BOLD, MARGIN, PageWriter.RIGHT - MARGIN);
        w.gap(4);
        w.paragraph(Declarations.TRUTH, TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
        w.paragraph(Declarations.CONTEMPT, TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
        w.gap(16);
        w.paragraph("Signed: " + BLANK, TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
        w.gap(6);
        w.paragraph("Name: " + witness(), TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
        w.gap(6);
        w.paragraph("Date: " + dated(), TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
    }

    /** "IN THE FAMILY COURT AT LEEDS" from the cover's court ("Family Court at Leeds"), or the place to write it. */
    private String courtLine(boolean family) {
        if (cover.court() == null) {
            return family ? "IN THE FAMILY COURT AT [court]" : "IN THE COUNTY COURT AT [court]";
        }
        String court = cover.court().toUpperCase(Locale.UK);
        return court.startsWith("IN THE ") ? court : "IN THE " + court;
    }

    private static void field(PageWriter w, String label, String value) throws IOException {
        w.row(List.of(PageWriter.Cell.of(label + ":", TEXT_BOLD, PageWriter.LEFT, 130),
                PageWriter.Cell.of(value, TEXT, PageWriter.LEFT + 130, PageWriter.WIDTH - 130)));
    }

    private static void center(PageWriter w, String text, TextStyle style) throws IOException {
        float width = PageWriter.RIGHT - MARGIN;
        for (var line : w.wrap(text, style, width)) {
            w.need(w.lineHeight(style));
            w.drawAt(line, style, MARGIN + (width - line.width()) / 2, w.y());
            w.y(w.y() - w.lineHeight(style));
        }
    }

    /** MG11: every page is signed by the witness; the line sits above the bundle's page stamp. */
    private void signEveryPage(PageWriter w, List<PDPage> pages) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = pages.get(i);
            try (PDPageContentStream cs = new PDPageContentStream(w.document(), page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                var line = w.line("Signature: " + BLANK + "     Statement page " + (i + 1) + " of " + pages.size(),
                        PageWriter.SMALL);
                w.type().draw(cs, line, PageWriter.LEFT, 46);
            }
        }
    }

    String exhibitRange() {
        if (marks.isEmpty()) {
            return "none";
        }
        return marks.size() == 1 ? marks.get(0) : marks.get(0) + " to " + marks.get(marks.size() - 1);
    }

    /** "S Morgan" for "Sam Morgan" (CPR PD32 17.2(2)); a name still to be filled in is left as it is. */
    static String initialsAndSurname(String name) {
        if (name.startsWith("[")) {
            return name;
        }
        String[] parts = name.strip().split("\\s+");
        if (parts.length == 1) {
            return parts[0];
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            s.appendCodePoint(Character.toUpperCase(parts[i].codePointAt(0)));
            s.append(' ');
        }
        return s.append(parts[parts.length - 1]).toString();
    }

    static String ordinal(int n) {
        return switch (n) {
            case 1 -> "First";
            case 2 -> "Second";
            case 3 -> "Third";
            case 4 -> "Fourth";
            case 5 -> "Fifth";
            default -> n + (n % 10 == 1 && n % 100 != 11 ? "st" : n % 10 == 2 && n % 100 != 12 ? "nd"
                    : n % 10 == 3 && n % 100 != 13 ? "rd" : "th");
        };
    }
}
