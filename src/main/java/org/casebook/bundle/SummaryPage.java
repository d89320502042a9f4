package org.casebook.bundle;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.TextLine;
import org.casebook.bundle.text.TextStyle;
import org.casebook.conduct.Channels;
import org.casebook.conduct.ConductSummary;
import org.casebook.evidence.Plural;
import org.casebook.model.IncidentType;
import org.casebook.model.ReportRecipient;
import org.casebook.model.When;

/**
 * The course-of-conduct summary: the page an officer who reads nothing else reads. The narrative first, then
 * the headline figures, the weekly chart, when contact happens, and the orders, reports and impact.
 */
final class SummaryPage {
    private static final TextStyle FIGURE = new TextStyle(Face.BOLD, 16);
    private static final float CHART_HEIGHT = 110;

    private final BundleContent content;
    private final PageWriter w;
    private final ConductSummary s;
    private final ZoneId zone;
    private final PageNumbers numbers;
    private final ProofPages proof;

    SummaryPage(BundleContent content, PageWriter writer) {
        this(content, writer, key -> "", ProofPages.none());
    }

    /** With the page numbers and places of the exhibits, so that rows about one item link to it. */
    SummaryPage(BundleContent content, PageWriter writer, PageNumbers numbers, ProofPages proof) {
        this.content = content;
        this.w = writer;
        this.numbers = numbers;
        this.proof = proof;
        this.s = content.summary();
        this.zone = s.zone() != null ? s.zone() : content.aCase().zone();
    }

    /** Whether there is a course of conduct to summarise: a contact, incident, order, report or impact. */
    static boolean hasConduct(ConductSummary s) {
        return s.incidents() + s.messages() + s.calls() > 0 || !s.orders().isEmpty() || !s.reports().isEmpty()
                || !s.impacts().isEmpty();
    }

    void write() throws IOException {
        w.startTarget(IndexEntry.SUMMARY);
        w.title("Course-of-conduct summary");
        w.paragraph("Period: " + Dates.period(s.from(), s.to()) + ". Times in " + zone.getId() + ".", PageWriter.SMALL);
        w.gap(6);
        for (String sentence : narrative()) {
            w.paragraph(sentence, PageWriter.BODY);
            w.gap(3);
        }
        figures();
        // what an officer can act on first: orders breached and reports already made
        orders();
        reports();
        new EscalationSection(w, s, numbers, proof).write();
        weeklyChart();
        timeOfDay();
        counts();
        impacts();
        method();
        w.finish();
    }

    /** The first contact's time in words, marked approximate when it is; a dash when there was no contact. */
    private String first() {
        return s.first() == null ? "—" : Dates.dayTime(new When(s.first().atZone(zone), null, s.firstApproximate()), zone);
    }

    /** The most recent contact's time in words, marked approximate when it is; a dash when there was no contact. */
    private String last() {
        return s.last() == null ? "—" : Dates.dayTime(new When(s.last().atZone(zone), null, s.lastApproximate()), zone);
    }

    /** The conduct package's narrative; when it has none, the plain facts in words. */
    private List<String> narrative() {
        if (s.narrative() != null && !s.narrative().isEmpty()) {
            return s.narrative();
        }
        long contacts = s.incidents() + s.messages() + s.calls();
        if (contacts == 0) {
            return List.of("No incidents, messages or calls are recorded in this period.");
        }
        List<String> out = new ArrayList<>();
        out.add("Between " + first() + " and " + last() + ", "
                + Plural.of(s.incidents(), "incident") + " " + (s.incidents() == 1 ? "was" : "were")
                + " recorded in the diary, with " + Plural.of(s.messages(), "message") + " and "
                + Plural.of(s.calls(), "call") + " in the imported records.");
        if (!s.perWeek().isEmpty()) {
            ConductSummary.WeekCount busiest = s.perWeek().stream()
                    .max(java.util.Comparator.comparingLong(ConductSummary.WeekCount::count)).orElseThrow();
            long weeksWithContact = s.perWeek().stream().filter(wc -> wc.count() > 0).count();
            out.add("There was contact in " + weeksWithContact + " of the " + s.perWeek().size()
                    + " weeks; the busiest week began " + Dates.day(busiest.monday()) + ", with "
                    + busiest.count() + ".");
        }
        return out;
    }

    private void figures() throws IOException {
        String[][] boxes = {
            {String.valueOf(s.incidents()), "diary incidents"},
            {String.valueOf(s.messages()), "messages"},
            {String.valueOf(s.calls()), "calls"},
            EscalationSection.lately(s) != null ? EscalationSection.lately(s)
                    : new String[] {s.perWeek().stream().filter(wc -> wc.count() > 0).count() + " of "
                    + s.perWeek().size(), "weeks with contact"},
        };
        float boxW = (PageWriter.WIDTH - 3 * 8) / 4;
        // a label too wide for its box (a court's minimum size makes them wider) goes on as many lines as it needs
        List<List<TextLine>> labels = new ArrayList<>();
        int labelLines = 1;
        for (String[] box : boxes) {
            List<TextLine> lines = w.wrap(box[1], PageWriter.SMALL, boxW - 16);
            labels.add(lines);
            labelLines = Math.max(labelLines, lines.size());
        }
        float boxH = 44 + (labelLines - 1) * w.lineHeight(PageWriter.SMALL);
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        for (String[] f : facts()) {
            rows.add(List.of(PageWriter.Cell.of(f[0], PageWriter.SMALL_BOLD, PageWriter.LEFT, 110),
                    PageWriter.Cell.of(f[1], PageWriter.SMALL, PageWriter.LEFT + 110, PageWriter.WIDTH - 110)));
        }
        float height = boxH + 8;
        for (List<PageWriter.Cell> row : rows) {
            height += w.rowHeight(row);
        }
        // the boxes and the facts under them are one block, and never a page apart from their heading
        w.keepTogether(w.headingHeight() + height, w.headingHeight() + boxH + 8);
        w.heading("Key figures");
        float top = w.y();
        PDPageContentStream cs = w.stream();
        for (int i = 0; i < boxes.length; i++) {
            float x = PageWriter.LEFT + i * (boxW + 8);
            cs.setLineWidth(0.8f);
            cs.addRect(x, top - boxH, boxW, boxH);
            cs.stroke();
            // a figure too wide for its box is set smaller, never left to run over the edge
            TextStyle figure = EscalationSection.fitting(w, boxes[i][0], FIGURE, boxW - 16);
            w.drawAt(w.line(boxes[i][0], figure), figure, x + 8, top - 6);
            float labelTop = top - 28;
            for (TextLine line : labels.get(i)) {
                w.drawAt(line, PageWriter.SMALL, x + 8, labelTop);
                labelTop -= w.lineHeight(PageWriter.SMALL);
            }
        }
        w.y(top - boxH - 8);
        for (List<PageWriter.Cell> row : rows) {
            w.row(row);
        }
    }

    private List<String[]> facts() {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"First recorded", first()});
        facts.add(new String[] {"Most recent", last()});
        if (s.incidents() + s.messages() + s.calls() > 0 && s.longestGapDays() > 0) {
            facts.add(new String[] {"Longest quiet spell", quietSpell()});
        }
        if (s.escalationView() != null && s.escalationView().headline() != null) {
            facts.add(new String[] {"What changed", s.escalationView().headline() + " The kinds over time are"
                    + " under the orders and reports."});
        } else if (s.escalation() != null && s.escalation().method() != null) {
            ConductSummary.Escalation e = s.escalation();
            facts.add(new String[] {"Trend", e.direction() + ": " + Plural.of(e.firstHalf(), "contact") + " in the first half of the"
                    + " period, " + e.secondHalf() + " in the second (severe: " + e.severeFirstHalf() + " then "
                    + e.severeSecondHalf() + "); how it is worked out is under the figures"});
        }
        return facts;
    }

    /**
     * How the figures are counted, last: a reader who doubts the trend can check it, and one who does not is
     * not held up by it among the key figures.
     */
    private void method() throws IOException {
        if (s.escalation() == null || s.escalation().method() == null) {
            return;
        }
        w.heading("How these figures are counted");
        w.paragraph(s.escalation().method(), PageWriter.SMALL);
        if (s.escalationView() != null && s.escalationView().method() != null) {
            w.gap(3);
            w.paragraph(s.escalationView().method(), PageWriter.SMALL);
        }
    }

    /** Contacts per week as vector bars; the severe part of each week solid, the rest grey (readable in mono). */
    private void weeklyChart() throws IOException {
        List<ConductSummary.WeekCount> weeks = s.perWeek();
        if (weeks == null || weeks.isEmpty()) {
            return;
        }
        // the chart, its heading and its two-line caption move together
        w.keepTogether(w.headingHeight() + CHART_HEIGHT + 40 + 2 * w.lineHeight(PageWriter.SMALL), 0);
        w.heading("Contacts and incidents per week");
        float axisLeft = PageWriter.LEFT + 28;
        float chartW = PageWriter.RIGHT - axisLeft;
        w.need(CHART_HEIGHT + 40);
        float top = w.y() - 4;
        float base = top - CHART_HEIGHT;
        long max = Math.max(1, weeks.stream().mapToLong(ConductSummary.WeekCount::count).max().orElse(1));
        long scaleMax = niceCeiling(max);
        PDPageContentStream cs = w.stream();
        // gridlines at quarters of the scale, labelled on the left
        cs.setLineWidth(0.3f);
        cs.setStrokingColor(0.75f);
        for (int q = 0; q <= 4; q++) {
            float gy = base + CHART_HEIGHT * q / 4f;
            cs.moveTo(axisLeft, gy);
            cs.lineTo(PageWriter.RIGHT, gy);
            cs.stroke();
            String label = String.valueOf(scaleMax * q / 4);
            w.rightAligned(label, PageWriter.SMALL, axisLeft - 4, gy + 4);
        }
        cs.setStrokingColor(0f);
        float slot = chartW / weeks.size();
        float bar = Math.max(1f, slot * 0.72f);
        for (int i = 0; i < weeks.size(); i++) {
            ConductSummary.WeekCount wc = weeks.get(i);
            float x = axisLeft + i * slot + (slot - bar) / 2;
            float h = CHART_HEIGHT * wc.count() / scaleMax;
            float severe = CHART_HEIGHT * Math.min(wc.severe(), wc.count()) / scaleMax;
            cs.setNonStrokingColor(0.62f);
            cs.addRect(x, base + severe, bar, h - severe);
            cs.fill();
            if (severe > 0) {
                cs.setNonStrokingColor(0f);
                cs.addRect(x, base, bar, severe);
                cs.fill();
            }
        }
        cs.setNonStrokingColor(0f);
        cs.setLineWidth(0.8f);
        cs.moveTo(axisLeft, base);
        cs.lineTo(PageWriter.RIGHT, base);
        cs.stroke();
        // week labels: as many as fit without overlapping
        int every = Math.max(1, (int) Math.ceil(weeks.size() / (chartW / 58)));
        for (int i = 0; i < weeks.size(); i += every) {
            float x = axisLeft + i * slot;
            var label = w.line(Dates.day(weeks.get(i).monday()), PageWriter.SMALL);
            if (x + label.width() <= PageWriter.RIGHT) {
                w.drawAt(label, PageWriter.SMALL, x, base - 3);
            }
        }
        w.y(base - 16);
        boolean anySevere = weeks.stream().anyMatch(wc -> wc.severe() > 0);
        w.paragraph("Each bar is one week (Monday to Sunday), labelled by its Monday; highest week: " + max + "."
                + (anySevere ? " The solid black part of a bar counts the severe items (threats, damage, turning up,"
                + " following); grey is all other contact." : ""), PageWriter.SMALL);
    }

    private void timeOfDay() throws IOException {
        long[] hours = s.byHour();
        if (hours == null || hours.length != 24 || java.util.Arrays.stream(hours).sum() == 0) {
            return;
        }
        float chartH = 44;
        w.keepTogether(w.headingHeight() + chartH + 30 + 2 * w.lineHeight(PageWriter.SMALL), 0);
        w.heading("Time of day");
        float slot = PageWriter.WIDTH / 24;
        w.need(chartH + 30);
        float base = w.y() - chartH;
        long max = java.util.Arrays.stream(hours).max().orElse(1);
        PDPageContentStream cs = w.stream();
        for (int h = 0; h < 24; h++) {
            float bh = chartH * hours[h] / max;
            // the night hours (22:00 to 06:00) solid, the day grey, so the pattern reads without colour
            cs.setNonStrokingColor(h >= 22 || h < 6 ? 0f : 0.62f);
            cs.addRect(PageWriter.LEFT + h * slot + 1, base, slot - 2, bh);
            cs.fill();
        }
        cs.setNonStrokingColor(0f);
        for (int h = 0; h < 24; h += 3) {
            w.drawAt(w.line(String.format(Locale.ROOT, "%02d:00", h), PageWriter.SMALL), PageWriter.SMALL,
                    PageWriter.LEFT + h * slot, base - 2);
        }
        w.y(base - 16);
        long total = java.util.Arrays.stream(hours).sum();
        long night = 0;
        for (int h = 0; h < 24; h++) {
            night += h >= 22 || h < 6 ? hours[h] : 0;
        }
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            busiest = hours[h] > hours[busiest] ? h : busiest;
        }
        w.paragraph(String.format(Locale.ROOT, "%d of %d (%d%%) were at night, between 22:00 and 06:00 (solid bars)."
                + " The busiest hour was %02d:00 to %02d:00.", night, total, Math.round(100.0 * night / total),
                busiest, (busiest + 1) % 24) + leftOut() + dayOfWeek(), PageWriter.SMALL);
    }

    /** What the hours leave out: a day written without a time would otherwise count as midday. */
    private String leftOut() {
        long n = s.byHourLeftOut();
        return n == 0 ? "" : " Not in these hours: " + Plural.of(n, "contact") + " with no exact time (a day written"
                + " without a time, or a time marked approximate); " + (n == 1 ? "it counts" : "they count")
                + " in the weeks and days.";
    }

    private String dayOfWeek() {
        long[] days = s.byDayOfWeek();
        if (days == null || days.length != 7) {
            return "";
        }
        String[] names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        StringBuilder out = new StringBuilder(" By day: ");
        for (int d = 0; d < 7; d++) {
            out.append(names[d]).append(' ').append(days[d]).append(d < 6 ? ", " : ".");
        }
        return out.toString();
    }

    /** Channel, type and tag counts side by side. */
    private void counts() throws IOException {
        List<Map<String, Long>> maps = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        addCounts(maps, titles, Channels.byLabel(s.byChannel()), "By channel");
        addCounts(maps, titles, s.byType(), "Incidents by type");
        addCounts(maps, titles, s.byTag(), "By behaviour");
        if (maps.isEmpty()) {
            return;
        }
        float colW = PageWriter.WIDTH / maps.size();
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        List<PageWriter.Cell> head = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            head.add(PageWriter.Cell.of(titles.get(i), PageWriter.SMALL_BOLD, PageWriter.LEFT + i * colW, colW - 10));
        }
        rows.add(head);
        int most = maps.stream().mapToInt(Map::size).max().orElse(0);
        List<List<Map.Entry<String, Long>>> lists = maps.stream().map(m -> List.copyOf(m.entrySet())).toList();
        for (int r = 0; r < most; r++) {
            List<PageWriter.Cell> cells = new ArrayList<>();
            for (int i = 0; i < lists.size(); i++) {
                float x = PageWriter.LEFT + i * colW;
                boolean has = r < lists.get(i).size();
                Map.Entry<String, Long> e = has ? lists.get(i).get(r) : null;
                cells.add(PageWriter.Cell.of(has ? label(e.getKey()) : "", PageWriter.SMALL, x, colW - 50));
                cells.add(new PageWriter.Cell(has ? String.valueOf(e.getValue()) : "", PageWriter.SMALL,
                        x + colW - 50, 40, true));
            }
            rows.add(cells);
        }
        table("Counts", rows);
    }

    /**
     * A heading and its table rows, moved whole to the next page when they would otherwise split: a reader
     * comparing figures should not have to turn the page halfway through a small table.
     */
    private void table(String heading, List<List<PageWriter.Cell>> rows) throws IOException {
        float height = w.headingHeight();
        for (List<PageWriter.Cell> row : rows) {
            height += w.rowHeight(row);
        }
        w.keepTogether(height, w.headingHeight() + w.rowHeight(rows.get(0))
                + (rows.size() > 1 ? w.rowHeight(rows.get(1)) : 0));
        w.heading(heading);
        for (List<PageWriter.Cell> row : rows) {
            w.row(row);
        }
    }

    private static void addCounts(List<Map<String, Long>> maps, List<String> titles, Map<String, Long> m, String t) {
        if (m != null && !m.isEmpty()) {
            maps.add(m);
            titles.add(t);
        }
    }

    /** Incident type codes as their labels; other codes as words. */
    private static String label(String code) {
        try {
            return IncidentType.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            String words = code.replace('-', ' ').replace('_', ' ');
            return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    private void orders() throws IOException {
        new OrderBlocks(content, w, numbers, proof, zone).write();
    }

    private void reports() throws IOException {
        if (s.reports() == null || s.reports().isEmpty()) {
            return;
        }
        String[] head = {"Date", "To", "Reference", "Officer", "Outcome"};
        List<String[]> values = new ArrayList<>();
        for (ConductSummary.ReportFigures r : s.reports()) {
            values.add(new String[] {Dates.day(r.date()), ReportRecipient.describe(r.recipientKind(), r.recipient()),
                r.reference() == null ? "—" : r.reference(), r.officer() == null ? "—" : r.officer(),
                outcomeWithLinks(r)});
        }
        // at a court's 12 pt a narrow column is widened from the outcome's rather than a word broken in it
        List<List<Columns.Text>> words = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            List<Columns.Text> column = new ArrayList<>(List.of(new Columns.Text(head[i], PageWriter.SMALL_BOLD)));
            for (String[] v : values) {
                column.add(new Columns.Text(v[i], reportStyle(i)));
            }
            words.add(column);
        }
        float[] x = Columns.fitted(w, new float[] {0, 62, 190, 262, 352}, PageWriter.WIDTH, 4, words);
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        List<PageWriter.Cell> cells = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            cells.add(PageWriter.Cell.of(head[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + x[i], colWidth(x, i)));
        }
        rows.add(cells);
        for (String[] v : values) {
            List<PageWriter.Cell> row = new ArrayList<>();
            for (int i = 0; i < v.length; i++) {
                row.add(PageWriter.Cell.of(v[i], reportStyle(i), PageWriter.LEFT + x[i], colWidth(x, i)));
            }
            rows.add(row);
        }
        table("Reports made", rows);
    }

    /** The reports table's reference column is bold, as a reference is what the reader looks up. */
    private static org.casebook.bundle.text.TextStyle reportStyle(int column) {
        return column == 2 ? PageWriter.SMALL_BOLD : PageWriter.SMALL;
    }

    private static float colWidth(float[] x, int i) {
        return (i + 1 < x.length ? x[i + 1] : PageWriter.WIDTH) - x[i];
    }

    private void impacts() throws IOException {
        if (s.impacts() == null || s.impacts().isEmpty()) {
            return;
        }
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        for (ConductSummary.ImpactFigures i : s.impacts()) {
            rows.add(List.of(PageWriter.Cell.of(Dates.day(i.date()), PageWriter.SMALL, PageWriter.LEFT, 70),
                    PageWriter.Cell.of(label(i.kind()), PageWriter.SMALL_BOLD, PageWriter.LEFT + 70, 100),
                    PageWriter.Cell.of(i.text(), PageWriter.SMALL, PageWriter.LEFT + 170, PageWriter.WIDTH - 170)));
        }
        table("Impact on the witness", rows);
    }

    /** 1, 2, 5, 10, 20, 50 ... at or above {@code n}, divisible by 4 where possible for the gridlines. */
    static long niceCeiling(long n) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 4, 5, 8}) {
                if (step * m >= n) {
                    return Math.max(4, step * m);
                }
            }
            step *= 10;
        }
    }


    /** "9 days (after 3 Mar 2024, until 13 Mar 2024)"; an open end is the start or end of the period. */
    private String quietSpell() {
        long days = s.longestGapDays();
        String words = days == 1 ? "1 day" : days + " days";
        ConductSummary.Gap gap = s.longestGap();
        if (gap == null) {
            return words;
        }
        return words + " (" + (gap.after() == null ? "from the start of the period" : "after " + Dates.day(gap.after()))
                + ", " + (gap.before() == null ? "to the end of the period" : "until " + Dates.day(gap.before())) + ")";
    }

    /** "Statement taken. 4 incidents linked." — one sentence each, whatever punctuation the user typed. */
    private static String outcomeWithLinks(ConductSummary.ReportFigures r) {
        String outcome = r.outcome() == null || r.outcome().isBlank() ? "" : r.outcome().strip();
        if (!outcome.isEmpty() && !outcome.matches(".*[.!?]$")) {
            outcome += ".";
        }
        long n = r.linkedIncidents();
        String links = n == 0 ? "" : n + (n == 1 ? " incident linked." : " incidents linked.");
        String text = (outcome + " " + links).strip();
        return text.isEmpty() ? "—" : text;
    }
}
