package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The police profile's exhibit list, laid out as a witness statement lists its exhibits: reference,
 * description, where and when the item was found or produced, and the bundle page it starts on. Each row links
 * to its exhibit.
 */
final class ExhibitList {
    private static final float[] X = {0, 60, 226, 443};
    private static final String[] HEAD = {"Reference", "Description", "Where and when found or produced", "Page"};

    private final BundleContent content;
    private final PageWriter w;
    private final PageNumbers numbers;

    ExhibitList(BundleContent content, PageWriter writer, PageNumbers numbers) {
        this.content = content;
        this.w = writer;
        this.numbers = numbers;
    }

    void write() throws IOException {
        w.startTarget(IndexEntry.EXHIBIT_LIST);
        w.title("Exhibit list");
        w.paragraph("The exhibits " + IndexEntry.producer(content) + " produces, in the order of a witness"
                + " statement's exhibit list. Each row is a link to the exhibit.", PageWriter.SMALL);
        w.gap(6);
        if (content.exhibits().isEmpty()) {
            w.paragraph("No exhibits are in this selection.", PageWriter.BODY);
            w.finish();
            return;
        }
        w.continuation(this::header);
        header();
        for (ExhibitItem e : content.exhibits()) {
            String[] values = {e.reference(), e.description(), foundOrProduced(content, e), numbers.of(e.key())};
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                cells.add(new PageWriter.Cell(values[i], i == 0 ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                        PageWriter.LEFT + X[i], width(i), i == 3));
            }
            w.linked(e.key(), PageWriter.LEFT, PageWriter.RIGHT, () -> w.row(cells));
            w.gap(3);
        }
        diary();
        w.finish();
    }

    /**
     * Where the item came from and when, as the witness would say it: "Attached file IMG_1.jpg, taken Wed 6 Mar
     * 2024, 14:07 GMT (the camera's own time (EXIF)); produced by Jane Smith, added to Casebook ...".
     */
    static String foundOrProduced(BundleContent content, ExhibitItem e) {
        var zone = content.aCase().zone();
        String when = Dates.span(e, zone);
        return e.source() + ", dated " + when + " (" + TimeSources.note(e.timeSource()) + "). Produced by "
                + IndexEntry.producer(content) + "; added to Casebook " + Dates.dayTime(e.added(), zone) + ".";
    }

    /** The diary, which the statement produces after the other exhibits, under the next mark. */
    private void diary() throws IOException {
        String mark = StatementExhibits.diaryMark(content);
        if (mark == null) {
            return;
        }
        var zone = content.aCase().zone();
        var entries = content.incidents();
        String[] values = {mark, "Diary (" + org.casebook.evidence.Plural.of(entries.size(), "entry", "entries")
                + ")", "Kept in Casebook by " + IndexEntry.producer(content) + ", "
                + (entries.size() == 1 ? "written for " + Dates.dayTime(entries.get(0).when(), zone)
                : "from " + Dates.dayTime(entries.get(0).when(), zone) + " to "
                + Dates.dayTime(entries.get(entries.size() - 1).when(), zone))
                + "; an entry amended later shows when and its earlier wording.",
            numbers.of(IndexEntry.DIARY)};
        List<PageWriter.Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            cells.add(new PageWriter.Cell(values[i], i == 0 ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                    PageWriter.LEFT + X[i], width(i), i == 3));
        }
        w.linked(IndexEntry.DIARY, PageWriter.LEFT, PageWriter.RIGHT, () -> w.row(cells));
        w.gap(3);
    }

    private void header() {
        try {
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < HEAD.length; i++) {
                cells.add(new PageWriter.Cell(HEAD[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + X[i], width(i),
                        i == 3));
            }
            w.row(cells);
            w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.6f);
            w.gap(3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float width(int i) {
        return (i + 1 < X.length ? X[i + 1] : PageWriter.WIDTH) - X[i];
    }
}
