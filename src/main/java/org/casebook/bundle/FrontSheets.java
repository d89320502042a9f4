package org.casebook.bundle;

import java.io.IOException;
import java.util.List;

/**
 * An exhibit's front sheet (CPR PD32 para 11.3 / 18.3): "This is the exhibit marked 'SM/1' referred to in the
 * witness statement of … dated …", and for an exhibit of several documents, the list of what it holds.
 */
final class FrontSheets {
    private final String witness;
    private final String dated;
    private final java.time.ZoneId zone;

    FrontSheets(String witness, String dated, java.time.ZoneId zone) {
        this.witness = witness;
        this.dated = dated;
        this.zone = zone;
    }

    static String key(String mark) {
        return "front-sheet:" + mark;
    }

    /** The sentence identifying the exhibit. */
    String identifies(String mark) {
        return "This is the exhibit marked \u2018" + mark + "\u2019 referred to in the witness statement of " + witness
                + " dated " + dated + ".";
    }

    void write(PageWriter w, ExhibitItem e) throws IOException {
        begin(w, e.reference(), e.description());
        if (!e.files().isEmpty()) {
            w.gap(18);
            w.paragraph("This exhibit holds " + (e.files().size() + 1) + " documents:", PageWriter.BODY_BOLD);
            w.gap(4);
            item(w, e.reference(), (e.kind() == ExhibitItem.Kind.CONVERSATION ? "the messages: " : "the first copy: ")
                    + e.description() + ", " + Dates.span(e, zone));
            for (ExhibitItem f : e.files()) {
                item(w, f.reference(), f.typeLabel() + ": " + f.fileName() + ", " + Dates.dayTime(f.at(), zone));
            }
        }
        w.finish();
    }

    /** The diary's front sheet: the diary entries are an exhibit like any other. */
    void writeDiary(PageWriter w, String mark, int entries) throws IOException {
        begin(w, mark, "My diary: " + org.casebook.evidence.Plural.of(entries, "entry", "entries")
                + ", each with the time it was written down");
        w.finish();
    }

    private void begin(PageWriter w, String mark, String description) throws IOException {
        w.startTarget(key(mark));
        w.gap(200);
        centered(w, "Exhibit " + mark, PageWriter.TITLE);
        w.gap(18);
        centered(w, identifies(mark), StatementLayout.TEXT);
        w.gap(12);
        centered(w, description, PageWriter.BODY);
    }

    private static void item(PageWriter w, String mark, String text) throws IOException {
        w.row(List.of(PageWriter.Cell.of(mark, PageWriter.BODY_BOLD, PageWriter.LEFT + 40, 70),
                PageWriter.Cell.of(text, PageWriter.BODY, PageWriter.LEFT + 110, PageWriter.WIDTH - 150)));
    }

    private static void centered(PageWriter w, String text, org.casebook.bundle.text.TextStyle style)
            throws IOException {
        float width = PageWriter.WIDTH - 60;
        for (var line : w.wrap(text, style, width)) {
            w.need(w.lineHeight(style));
            w.drawAt(line, style, PageWriter.LEFT + 30 + (width - line.width()) / 2, w.y());
            w.y(w.y() - w.lineHeight(style));
        }
    }
}
