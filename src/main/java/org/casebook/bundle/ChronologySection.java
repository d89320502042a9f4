package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.Plural;
import org.casebook.evidence.TimeWords;
import org.casebook.model.Incident;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;

/**
 * One row per incident, per conversation-day of messages, per capture of a web page, and per file not already
 * shown with an incident:
 * when, what, a summary, and where in the bundle it is (exhibit reference and page).
 */
final class ChronologySection {
    private static final float[] X = {0, 92, 172, 390, 440};
    private static final String[] HEAD = {"Date and time", "Type", "Summary", "Exhibit", "Page"};

    /** One chronology row. {@code key} is the link target of its page. */
    record Row(When when, String type, String summary, String reference, String key, boolean dateOnly) {
        Row(When when, String type, String summary, String reference, String key) {
            this(when, type, summary, reference, key, false);
        }

        ZonedDateTime at() {
            return when.at();
        }
    }

    private final BundleContent content;
    private final PageWriter w;
    private final PageNumbers numbers;
    /** The columns at the size text is set in this bundle (see {@link Columns}). */
    private float[] x = X;

    ChronologySection(BundleContent content, PageWriter writer, PageNumbers numbers) {
        this.content = content;
        this.w = writer;
        this.numbers = numbers;
    }

    void write() throws IOException {
        w.startTarget(IndexEntry.CHRONOLOGY);
        w.title("Chronology");
        w.paragraph("Everything in this bundle in date order. Messages are grouped by conversation and day; the "
                + "exhibit holds each one in full.", PageWriter.SMALL);
        w.gap(6);
        List<Row> rows = rows(content, w.redactor());
        List<Columns.Text> marks = new ArrayList<>();
        marks.add(new Columns.Text(HEAD[3], PageWriter.SMALL_BOLD));
        rows.forEach(r -> marks.add(new Columns.Text(r.reference(), PageWriter.SMALL_BOLD)));
        List<Columns.Text> pages = new ArrayList<>();
        pages.add(new Columns.Text(HEAD[4], PageWriter.SMALL_BOLD));
        pages.add(new Columns.Text("C000", PageWriter.SMALL));
        x = Columns.fitted(w, X, PageWriter.WIDTH, 2, List.of(
                List.of(new Columns.Text("Wed 30 Sep 2024,", PageWriter.SMALL), new Columns.Text("Date and", PageWriter.SMALL_BOLD)),
                List.of(new Columns.Text(HEAD[1], PageWriter.SMALL_BOLD)), List.of(), marks, pages));
        w.continuation(this::header);
        header();
        if (rows.isEmpty()) {
            w.paragraph("Nothing is recorded in this period.", PageWriter.BODY);
        }
        for (Row r : rows) {
            String[] values = {r.dateOnly() ? Dates.weekDay(r.at(), content.aCase().zone())
                    : Dates.dayTime(r.when(), content.aCase().zone()), r.type(), r.summary(),
                r.reference() == null ? "—" : r.reference(), numbers.of(r.key())};
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                cells.add(new PageWriter.Cell(values[i], i == 3 ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                        PageWriter.LEFT + x[i], width(i), i == 4));
            }
            w.linked(r.key(), PageWriter.LEFT + x[3], PageWriter.RIGHT, () -> w.row(cells));
        }
        w.finish();
    }

    private void header() {
        try {
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < HEAD.length; i++) {
                cells.add(new PageWriter.Cell(HEAD[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + x[i], width(i), i == 4));
            }
            w.row(cells);
            w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.6f);
            w.gap(3);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private float width(int i) {
        return (i + 1 < x.length ? x[i + 1] : PageWriter.WIDTH) - x[i];
    }

    static List<Row> rows(BundleContent content, Redactor redactor) {
        ZoneId zone = content.aCase().zone();
        List<Row> rows = new ArrayList<>();
        Set<String> shownWithIncident = new HashSet<>();
        for (Incident i : content.incidents()) {
            List<String> refs = content.incidentExhibits().getOrDefault(i.id(), List.of());
            shownWithIncident.addAll(refs);
            rows.add(new Row(i.when(), i.type().label(), i.description()
                    + (i.policeRef() == null ? "" : " (reported: " + i.policeRef() + ")"),
                    refs.isEmpty() ? "Diary" : String.join(", ", refs), DiarySection.key(i)));
        }
        for (ExhibitItem e : content.exhibits()) {
            if (e.kind() == ExhibitItem.Kind.CONVERSATION) {
                Map<LocalDate, List<TimelineItem>> days = new LinkedHashMap<>();
                for (TimelineItem m : e.messages()) {
                    days.computeIfAbsent(TimeWords.day(m.when(), zone), d -> new ArrayList<>()).add(m);
                }
                days.forEach((day, messages) -> {
                    TimelineItem first = messages.get(0);
                    String firstLine = redactor.brief(first.text(), BundleSelection.DESCRIPTION_CHARS);
                    boolean calls = first.kind() == org.casebook.model.ItemKind.CALL;
                    rows.add(new Row(first.when(), e.typeLabel(), Plural.of(messages.size(), calls ? "call" : "message")
                            + "; first" + (first.sender() == null ? "" : " from " + from(first)) + ": \u201C" + firstLine
                            + "\u201D", e.reference(), TranscriptLayout.dayKey(e, day)));
                });
            } else if (e.kind() == ExhibitItem.Kind.CAPTURE) {
                // one row per capture: when the page was up, when it changed, when it was gone
                for (ExhibitItem c : e.originals()) {
                    rows.add(new Row(new When(c.at(), null, false), c == e ? e.typeLabel() : "Web page re-capture",
                            c == e ? e.description() : c.description(), c.reference(), c.key()));
                }
            } else if (!shownWithIncident.contains(e.reference())) {
                rows.add(new Row(new When(e.at(), null, e.approximate()), e.typeLabel(),
                        e.description() + " (" + e.fileName() + ")",
                        e.reference(), e.key(), TimeSources.dateOnly(e.timeSource())));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.at().toInstant()));
        return rows;
    }

    /** The sender as the export wrote them, and the person the witness attributes them to, said as hers. */
    private static String from(TimelineItem m) {
        return m.attributedTo() == null ? m.sender()
                : m.sender() + " (attributed by the witness to " + m.attributedTo() + ")";
    }
}
