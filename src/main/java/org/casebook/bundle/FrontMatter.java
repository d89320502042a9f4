package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.casebook.Version;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.TextStyle;

/** The cover and the index: what the bundle is, and where everything in it is. */
final class FrontMatter {
    private static final TextStyle COVER_TITLE = new TextStyle(Face.BOLD, 26);
    private static final TextStyle COVER_CASE = new TextStyle(Face.BOLD, 16);
    private static final float NUMBER_COLUMN = 60;

    private final BundleContent content;
    private final PageWriter w;
    private final PageNumbers numbers;

    FrontMatter(BundleContent content, PageWriter writer, PageNumbers numbers) {
        this.content = content;
        this.w = writer;
        this.numbers = numbers;
    }

    void cover(int totalPages, LocalDate prepared, OriginalPlans plans) throws IOException {
        boolean redacted = plans.redacted();
        w.startTarget(IndexEntry.COVER);
        w.gap(90);
        w.paragraph("Evidence bundle", COVER_TITLE);
        w.gap(10);
        w.paragraph(content.aCase().title(), COVER_CASE);
        w.gap(24);
        BundleOptions o = content.options();
        List<String[]> facts = new java.util.ArrayList<>(CoverFacts.proceedings(content));
        facts.addAll(List.of(new String[][] {
            {"Prepared by", IndexEntry.producer(content)},
            {"Prepared for", content.cover().preparedFor()},
            {"Date prepared", Dates.day(prepared)},
            {"Period covered", CoveredPeriod.of(content)},
            {"Total pages", String.valueOf(totalPages)},
            {"Exhibits", content.exhibits().size() + (content.exhibits().isEmpty() ? "" : " (references "
                    + content.exhibits().get(0).reference() + " to "
                    + content.exhibits().get(content.exhibits().size() - 1).reference() + ")")},
            {"Diary entries", String.valueOf(content.incidents().size())},
            {"Profile", switch (o.profile()) {
                case POLICE -> "Police (exhibits listed as in a witness statement)";
                case FAMILY -> "Family court (FPR PD27A: pages numbered by section)";
                case CIVIL -> "Civil court (CPR PD32: exhibits by initials and number, in date order)";
            }},
            {"Times shown in", content.aCase().zone().getId()},
        }));
        facts.removeIf(f -> f[1] == null);
        for (String[] f : facts) {
            w.row(List.of(PageWriter.Cell.of(f[0], PageWriter.BODY_BOLD, PageWriter.LEFT, 130),
                    PageWriter.Cell.of(f[1], PageWriter.BODY, PageWriter.LEFT + 130, PageWriter.WIDTH - 130)));
            w.gap(3);
        }
        if (redacted) {
            w.gap(24);
            TextStyle heading = new TextStyle(Face.BOLD, 18);
            String said = "Text has been removed from this copy wherever it appeared (pages, bookmarks, file names and"
                    + " metadata), however it was spaced, spelt or broken across lines, and before anything was"
                    + " shortened; each place is marked [redacted]. " + plans.summary() + " Text drawn inside"
                    + " pictures cannot be searched and is not redacted; a PDF whose text holds redacted text is not"
                    + " merged into this copy.";
            float inner = PageWriter.WIDTH - 24;
            // the box and its text on one page, so its frame is drawn around all of it
            w.need(16 + w.paragraphHeight("REDACTED COPY", heading, inner) + w.paragraphHeight(said, PageWriter.BODY,
                    inner));
            float top = w.y();
            w.gap(8);
            w.paragraph("REDACTED COPY", heading, PageWriter.LEFT + 12, inner);
            w.paragraph(said, PageWriter.BODY, PageWriter.LEFT + 12, inner);
            w.gap(8);
            w.stream().setLineWidth(2);
            w.stream().addRect(PageWriter.LEFT, w.y(), PageWriter.WIDTH, top - w.y());
            w.stream().stroke();
        }
        w.gap(30);
        w.paragraph("Made with Casebook " + Version.get() + ". " + (redacted
                ? "The originals that are not withheld travel inside this PDF as attached files (photos as copies"
                + " without location and device details)" : "The original of every exhibit travels inside this PDF"
                + " as an attached file") + "; the integrity appendix explains how to check each one.",
                PageWriter.SMALL);
    }

    /** Wide enough for the longest mark on one line, within reason. */
    private float markColumn(List<IndexEntry> entries) {
        float widest = 0;
        for (IndexEntry e : entries) {
            if (e.mark() != null) {
                widest = Math.max(widest, w.width(e.mark(), PageWriter.BODY_BOLD));
            }
        }
        return Math.min(widest + 10, 110);
    }

    void index(List<IndexEntry> entries) throws IOException {
        w.startTarget(IndexEntry.INDEX);
        w.continuation(() -> {
            try {
                w.paragraph("Index (continued)", PageWriter.SUBHEADING);
                w.gap(4);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        w.title("Index");
        w.paragraph("Every entry is a link to its page. Page numbers are the PDF's own page numbers"
                + (content.options().profile() == BundleProfile.FAMILY ? ", shown as section page labels (A1, B1, ...)." : "."),
                PageWriter.SMALL);
        w.gap(8);
        float numberX = PageWriter.RIGHT - NUMBER_COLUMN;
        float markWidth = markColumn(entries);
        for (IndexEntry e : entries) {
            float indent = e.level() * 18;
            float textWidth = numberX - PageWriter.LEFT - indent - 8;
            List<PageWriter.Cell> cells = new java.util.ArrayList<>();
            if (e.mark() != null) {
                // an exhibit on one row: mark, title (wrapped, never cut), date, page
                float dateWidth = w.width("about 30 Sep 2024", PageWriter.BODY) + 8;
                float x = PageWriter.LEFT + indent;
                cells.add(PageWriter.Cell.of(e.mark(), PageWriter.BODY_BOLD, x, markWidth));
                cells.add(PageWriter.Cell.of(e.title(), PageWriter.BODY, x + markWidth,
                        numberX - x - markWidth - dateWidth));
                cells.add(PageWriter.Cell.of(e.detail(), PageWriter.BODY, numberX - dateWidth, dateWidth));
            } else {
                cells.add(PageWriter.Cell.of(e.title() + (e.detail() == null ? "" : "  (" + e.detail() + ")"),
                        e.level() == 0 ? PageWriter.BODY_BOLD : PageWriter.BODY, PageWriter.LEFT + indent, textWidth));
            }
            cells.add(new PageWriter.Cell(numbers.of(e.key()), e.level() == 0 ? PageWriter.BODY_BOLD : PageWriter.BODY,
                    numberX, NUMBER_COLUMN, true));
            // an entry is kept on one page: a reader follows its number along its row
            w.keepTogether(w.rowHeight(cells), w.rowHeight(cells));
            w.linked(e.key(), PageWriter.LEFT + indent, PageWriter.RIGHT, () -> w.row(cells));
            w.gap(e.level() == 0 ? 4 : 2);
        }
        w.finish();
    }
}
