package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.TextStyle;
import org.casebook.model.CaseCover;
import org.casebook.statement.Declarations;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementSheet;
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
    /** CPR PD32 19.1(1): a margin of not less than 3.5 cm on the left. */
    private static final float MARGIN = 99.2f;
    private static final float NUMBER_WIDTH = 26;
    private static final String BLANK = StatementSheet.BLANK;

    private final Statement statement;
    private final StatementSheet sheet;

    /**
     * @param subject the person the statement is about, or null
     * @param marks   the exhibits the statement produces, in order
     * @param cover   the case's cover: the court, the case number, the parties and the witness when the statement's
     *                own details do not name them
     */
    StatementLayout(Statement statement, String subject, List<String> marks, CaseCover cover) {
        this.statement = statement;
        this.sheet = new StatementSheet(statement, subject, marks, cover);
    }

    /** The witness's name as printed (the statement's, else the case cover's), or the place to write it. */
    String witness() {
        return sheet.witness();
    }

    /** The date as printed, or dots for a date written by hand when signing. */
    String dated() {
        return sheet.dated();
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
        return write(w, key, pages(w.type().minimumSize(), w.redactor()));
    }

    /** How many pages the statement takes with nothing below {@code minimumSize} points, laid out in a scratch document. */
    int pages(float minimumSize, Redactor redactor) throws IOException {
        try (var scratch = BundleDocuments.create()) {
            PageWriter dry = new PageWriter(scratch, new org.casebook.bundle.text.Typesetter(
                    org.casebook.bundle.text.FontSet.load(scratch, new org.casebook.bundle.text.TextWarnings()),
                    minimumSize), redactor, new Links());
            return write(dry, BundleStatement.KEY, 1).size();
        }
    }

    private void police(PageWriter w, int pages) throws IOException {
        w.paragraph("RESTRICTED (when complete)", PageWriter.SMALL_BOLD);
        w.gap(4);
        w.paragraph("WITNESS STATEMENT", PageWriter.TITLE);
        w.paragraph(Declarations.POLICE_AUTHORITY, PageWriter.SMALL);
        w.gap(8);
        for (StatementSheet.Field f : sheet.policeFields()) {
            field(w, f.label(), f.value());
        }
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
        float top = w.y();
        for (String line : sheet.corner()) {
            w.rightAligned(line, PageWriter.SMALL_BOLD, PageWriter.RIGHT, top);
            top -= w.lineHeight(PageWriter.SMALL_BOLD);
        }
        w.y(top - 14);
        center(w, sheet.courtLine(), TEXT_BOLD);
        center(w, sheet.caseNumberLine(), TEXT);
        w.gap(10);
        center(w, "BETWEEN", TEXT_BOLD);
        w.gap(6);
        List<StatementSheet.Party> parties = sheet.parties();
        center(w, parties.get(0).name(), TEXT_BOLD);
        center(w, parties.get(0).role(), TEXT);
        center(w, "- and -", TEXT);
        center(w, parties.get(1).name(), TEXT_BOLD);
        center(w, parties.get(1).role(), TEXT);
        w.gap(12);
        w.rule(MARGIN, PageWriter.RIGHT, 0.8f);
        w.gap(8);
        center(w, sheet.title(), TEXT_BOLD);
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
        List<String> signature = sheet.courtSignature();
        for (int i = 0; i < signature.size(); i++) {
            w.gap(i == 0 ? 16 : 6);
            w.paragraph(signature.get(i), TEXT, MARGIN, PageWriter.RIGHT - MARGIN);
        }
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

    /** What the statement says around its paragraphs, shared with its editable copy. */
    StatementSheet sheet() {
        return sheet;
    }
}
