package org.casebook.bundle;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.casebook.bundle.text.TextStyle;
import org.casebook.conduct.ConductLevel;
import org.casebook.conduct.ConductSummary;

/**
 * The summary page's answer to "is it getting worse?": what kind of conduct each week or month held (a row per
 * kind, a darker cell for more), the milestones drawn across it as numbered lines, each more serious kind that
 * began and what it came after (linked to where the bundle proves it), and each kind's count, first and last.
 */
final class EscalationSection {
    private static final float ROW = 13;
    private static final float LABEL_W = 64;
    private static final float MIN_FIGURE = 9;

    private final PageWriter w;
    private final ConductSummary s;
    private final PageNumbers numbers;
    private final ProofPages proof;

    EscalationSection(PageWriter w, ConductSummary s, PageNumbers numbers, ProofPages proof) {
        this.w = w;
        this.s = s;
        this.numbers = numbers;
        this.proof = proof;
    }

    /** The key figure beside the counts: the most serious kind of the last 30 days, or null without a view. */
    static String[] lately(ConductSummary s) {
        ConductSummary.EscalationView v = s.escalationView();
        if (v == null || v.headline() == null) {
            return null;
        }
        return new String[] {v.mostSeriousLately() == null ? "None" : v.mostSeriousLately().shortLabel(),
            "most serious lately"};
    }

    /** {@code style}, or the largest smaller size (down to 9 pt) at which {@code text} fits {@code width}. */
    static TextStyle fitting(PageWriter w, String text, TextStyle style, float width) {
        TextStyle fit = style;
        while (w.width(text, fit) > width && fit.size() > MIN_FIGURE) {
            fit = new TextStyle(fit.face(), fit.size() - 0.5f);
        }
        return fit;
    }

    void write() throws IOException {
        ConductSummary.EscalationView v = s.escalationView();
        if (v == null || v.headline() == null || v.buckets().isEmpty()) {
            return;
        }
        List<ConductLevel> rows = new ArrayList<>(List.of(ConductLevel.values()));
        java.util.Collections.reverse(rows); // the most serious at the top
        float chartH = rows.size() * ROW;
        w.keepTogether(w.headingHeight() + 2 * w.lineHeight(PageWriter.BODY) + chartH + 40, 0);
        w.heading("What kind of conduct, over time");
        w.paragraph(v.headline(), PageWriter.BODY);
        w.gap(4);
        grid(v, rows, chartH);
        milestones(v);
        changes(v);
        kinds(v);
    }

    /** A row per kind, a column per week or month; the darker the cell, the more contacts of that kind. */
    private void grid(ConductSummary.EscalationView v, List<ConductLevel> rows, float chartH) throws IOException {
        List<ConductSummary.SeverityBucket> buckets = v.buckets();
        float left = PageWriter.LEFT + LABEL_W;
        float slot = (PageWriter.RIGHT - left) / buckets.size();
        w.need(chartH + 30);
        float top = w.y() - 10; // room above for the milestones' numbers
        long max = 1;
        for (ConductSummary.SeverityBucket b : buckets) {
            for (long n : b.byLevel()) {
                max = Math.max(max, n);
            }
        }
        PDPageContentStream cs = w.stream();
        for (int r = 0; r < rows.size(); r++) {
            float rowTop = top - r * ROW;
            cs.setNonStrokingColor(0f); // the last cell's grey is not the label's
            w.drawAt(w.line(rows.get(r).shortLabel(), PageWriter.SMALL), PageWriter.SMALL, PageWriter.LEFT, rowTop - 2);
            cs.setLineWidth(0.3f);
            cs.setStrokingColor(0.8f);
            cs.moveTo(left, rowTop - ROW);
            cs.lineTo(PageWriter.RIGHT, rowTop - ROW);
            cs.stroke();
            for (int b = 0; b < buckets.size(); b++) {
                long n = buckets.get(b).byLevel()[rows.get(r).ordinal()];
                if (n > 0) {
                    // grey 0.7 for one contact down to black for the busiest cell: readable without colour
                    cs.setNonStrokingColor(0.7f * (1f - (float) (n - 1) / Math.max(1, max - 1)));
                    cs.addRect(left + b * slot + Math.min(1f, slot * 0.1f), rowTop - ROW + 2,
                            Math.max(0.8f, slot - 2 * Math.min(1f, slot * 0.1f)), ROW - 4);
                    cs.fill();
                }
            }
        }
        cs.setNonStrokingColor(0f);
        cs.setStrokingColor(0f);
        float base = top - chartH;
        LocalDate start = buckets.get(0).start();
        LocalDate end = buckets.get(buckets.size() - 1).end();
        long span = ChronoUnit.DAYS.between(start, end) + 1;
        List<ConductSummary.Milestone> ms = v.milestones();
        float[] xs = new float[ms.size()];
        for (int i = 0; i < ms.size(); i++) {
            xs[i] = left + (PageWriter.RIGHT - left) * ChronoUnit.DAYS.between(start, ms.get(i).date()) / span;
            cs.setLineWidth(0.8f);
            cs.setLineDashPattern(new float[] {2, 2}, 0);
            cs.moveTo(xs[i], base);
            cs.lineTo(xs[i], top);
            cs.stroke();
            cs.setLineDashPattern(new float[] {}, 0);
        }
        // milestones on one day, or too close for their numbers to sit apart, share one label ("1–3") at the first
        int first = 0;
        while (first < ms.size()) {
            int last = first;
            while (last + 1 < ms.size() && xs[last + 1] - xs[first] < w.width(label(first, last + 1),
                    PageWriter.SMALL_BOLD) + 3) {
                last++;
            }
            String label = label(first, last);
            float width = w.width(label, PageWriter.SMALL_BOLD);
            w.drawAt(w.line(label, PageWriter.SMALL_BOLD), PageWriter.SMALL_BOLD,
                    Math.max(left, Math.min(xs[first] - width / 2, PageWriter.RIGHT - width)), top + 10);
            first = last + 1;
        }
        // the first and last dates under the grid, and some between as room allows
        int every = Math.max(1, (int) Math.ceil(buckets.size() / ((PageWriter.RIGHT - left) / 60)));
        for (int b = 0; b < buckets.size(); b += every) {
            var label = w.line(Dates.day(buckets.get(b).start()), PageWriter.SMALL);
            float x = left + b * slot;
            if (x + label.width() <= PageWriter.RIGHT) {
                w.drawAt(label, PageWriter.SMALL, x, base - 2);
            }
        }
        w.y(base - 4 - w.lineHeight(PageWriter.SMALL)); // below the dates, at any text size
        w.paragraph("Each column is one " + v.bucket() + ", from " + Dates.day(start) + "; the darker a cell, the more"
                + " contacts of that kind (the darkest: " + max + "). Dashed lines mark the numbered milestones.",
                PageWriter.SMALL);
    }

    /** The numbers of milestones {@code first} to {@code last} (from 0) as printed: "2", "1, 2" or "1–3". */
    private static String label(int first, int last) {
        return first == last ? String.valueOf(first + 1) : last == first + 1 ? (first + 1) + ", " + (last + 1)
                : (first + 1) + "–" + (last + 1);
    }

    private void milestones(ConductSummary.EscalationView v) throws IOException {
        if (v.milestones().isEmpty()) {
            return;
        }
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < v.milestones().size(); i++) {
            ConductSummary.Milestone m = v.milestones().get(i);
            rows.add(List.of(PageWriter.Cell.of(String.valueOf(i + 1), PageWriter.SMALL_BOLD, PageWriter.LEFT, 16),
                    PageWriter.Cell.of(Dates.day(m.date()), PageWriter.SMALL, PageWriter.LEFT + 16, 70),
                    PageWriter.Cell.of(m.text(), PageWriter.SMALL, PageWriter.LEFT + 86, PageWriter.WIDTH - 86)));
        }
        w.gap(3);
        for (List<PageWriter.Cell> row : rows) {
            w.row(row);
        }
    }

    /** Each change in kind in words, with where the bundle shows its first instance. */
    private void changes(ConductSummary.EscalationView v) throws IOException {
        for (ConductSummary.KindChange c : v.changes()) {
            ProofPages.Place place = proof.of(c.firstItemId());
            String where = place == null ? "" : " First shown: " + place.reference() + ", p. " + numbers.of(place.key())
                    + ".";
            w.gap(3);
            if (place == null) {
                w.paragraph("\u2022 " + c.sentence(), PageWriter.BODY);
            } else {
                w.linked(place.key(), PageWriter.LEFT, PageWriter.RIGHT,
                        () -> w.paragraph("\u2022 " + c.sentence() + where, PageWriter.BODY));
            }
        }
    }

    private void kinds(ConductSummary.EscalationView v) throws IOException {
        String[] head = {"Kind of conduct", "Contacts", "First", "Most recent"};
        List<List<Columns.Text>> words = new ArrayList<>();
        for (String h : head) {
            words.add(List.of(new Columns.Text(h, PageWriter.SMALL_BOLD), new Columns.Text("30 Sep 2024",
                    PageWriter.SMALL)));
        }
        // at a court's 12 pt "Contacts" needs more room: the kind's column gives it rather than the word breaking
        float[] x = Columns.fitted(w, new float[] {0, 190, 250, 340}, PageWriter.WIDTH, 0, words);
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        List<PageWriter.Cell> cells = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            cells.add(PageWriter.Cell.of(head[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + x[i], width(x, i)));
        }
        rows.add(cells);
        for (ConductSummary.LevelFigures l : v.levels()) {
            String[] values = {l.level().label(), String.valueOf(l.count()), Dates.day(l.first()), Dates.day(l.last())};
            List<PageWriter.Cell> row = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                row.add(PageWriter.Cell.of(values[i], PageWriter.SMALL, PageWriter.LEFT + x[i], width(x, i)));
            }
            rows.add(row);
        }
        float height = 6;
        for (List<PageWriter.Cell> row : rows) {
            height += w.rowHeight(row);
        }
        w.keepTogether(height, w.rowHeight(rows.get(0)) * 2);
        w.gap(6);
        for (List<PageWriter.Cell> row : rows) {
            w.row(row);
        }
    }

    private static float width(float[] x, int i) {
        return (i + 1 < x.length ? x[i + 1] : PageWriter.WIDTH) - x[i];
    }
}
