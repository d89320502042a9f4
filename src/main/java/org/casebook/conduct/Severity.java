package org.casebook.conduct;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.casebook.evidence.Plural;

/**
 * The escalation view's counting, fed one contact at a time in time order by {@link ConductFigures}: the contacts
 * of each {@link ConductLevel kind} per week (per month for a period over {@link #MAX_WEEKS} weeks), each kind's
 * first and last, and each more serious kind as it begins.
 */
final class Severity {
    /** Above this many weeks the chart counts by month: a bar a week would be too thin to read. */
    static final int MAX_WEEKS = 26;
    /** "Lately": the last days of the period whose most serious kind is the page's figure. */
    static final int LATELY_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate firstMonday;
    private final YearMonth firstMonth;
    private final boolean byWeek;
    private final long[][] buckets;
    private final long[] count = new long[ConductLevel.values().length];
    private final LocalDate[] first = new LocalDate[ConductLevel.values().length];
    private final LocalDate[] last = new LocalDate[ConductLevel.values().length];
    private final long[] firstItem = new long[ConductLevel.values().length];
    private final List<long[]> began = new ArrayList<>();
    private LocalDate firstContactDay;
    private ConductLevel worstSoFar;
    private ConductLevel lately;

    Severity(LocalDate from, LocalDate to, LocalDate firstMonday, int weeks, YearMonth firstMonth, int months) {
        this.from = from;
        this.to = to;
        this.firstMonday = firstMonday;
        this.firstMonth = firstMonth;
        this.byWeek = weeks <= MAX_WEEKS;
        this.buckets = new long[byWeek ? weeks : months][ConductLevel.values().length];
    }

    /** Counts one contact of the period, in time order. */
    void count(long itemId, LocalDate day, ConductLevel level) {
        int l = level.ordinal();
        int bucket = byWeek ? (int) (ChronoUnit.DAYS.between(firstMonday, day) / 7)
                : (int) ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(day));
        buckets[bucket][l]++;
        count[l]++;
        if (first[l] == null) {
            first[l] = day;
            firstItem[l] = itemId;
        }
        last[l] = day;
        if (firstContactDay == null) {
            firstContactDay = day;
        }
        // a kind more serious than any before, after the first day of contact, is a change in kind
        if (worstSoFar != null && level.compareTo(worstSoFar) > 0 && day.isAfter(firstContactDay)) {
            began.add(new long[] {l, day.toEpochDay(), itemId});
        }
        if (worstSoFar == null || level.compareTo(worstSoFar) > 0) {
            worstSoFar = level;
        }
        if (!day.isBefore(to.minusDays(LATELY_DAYS - 1)) && (lately == null || level.compareTo(lately) > 0)) {
            lately = level;
        }
    }

    /** The view, once every contact is counted; {@code milestones} are the case's, whatever the period. */
    ConductSummary.EscalationView view(List<ConductSummary.Milestone> milestones, long firstHalf, long secondHalf) {
        List<ConductSummary.SeverityBucket> out = new ArrayList<>();
        for (int b = 0; b < buckets.length; b++) {
            LocalDate start = byWeek ? firstMonday.plusWeeks(b) : firstMonth.plusMonths(b).atDay(1);
            LocalDate end = byWeek ? start.plusDays(6) : firstMonth.plusMonths(b).atEndOfMonth();
            out.add(new ConductSummary.SeverityBucket(start, end, buckets[b].clone()));
        }
        List<ConductSummary.LevelFigures> levels = new ArrayList<>();
        for (ConductLevel level : ConductLevel.values()) {
            int l = level.ordinal();
            if (count[l] > 0) {
                levels.add(new ConductSummary.LevelFigures(level, count[l], first[l], last[l], firstItem[l]));
            }
        }
        List<ConductSummary.KindChange> changes = new ArrayList<>();
        for (long[] b : began) {
            ConductLevel level = ConductLevel.values()[(int) b[0]];
            LocalDate day = LocalDate.ofEpochDay(b[1]);
            ConductSummary.Milestone after = null;
            for (ConductSummary.Milestone m : milestones) {
                if (!m.date().isAfter(day)) {
                    after = m;
                }
            }
            changes.add(new ConductSummary.KindChange(level, day, b[2], count[level.ordinal()], after,
                    sentence(level, day, after)));
        }
        List<ConductSummary.Milestone> shown = milestones.stream()
                .filter(m -> !m.date().isBefore(from) && !m.date().isAfter(to)).toList();
        return new ConductSummary.EscalationView(byWeek ? "week" : "month", out, levels, shown, changes, lately,
                headline(changes, firstHalf, secondHalf), method());
    }

    /** "Following, watching or turning up began on 3 March 2024 (7 in all), 2 days after: Order served." */
    private String sentence(ConductLevel level, LocalDate day, ConductSummary.Milestone after) {
        long days = after == null ? 0 : ChronoUnit.DAYS.between(after.date(), day);
        return level.label() + " began on " + DAY.format(day) + " (" + count[level.ordinal()] + " in all from then)"
                + (after == null ? "" : ", " + (days == 0 ? "the same day as" : Plural.of(days, "day") + " after")
                + ": " + lowerFirst(after.text()) + " on " + DAY.format(after.date())) + ".";
    }

    private String headline(List<ConductSummary.KindChange> changes, long firstHalf, long secondHalf) {
        if (worstSoFar == null) {
            return null;
        }
        String counts = " By count: " + Plural.of(firstHalf, "contact") + " in the first half of the period and "
                + secondHalf + " in the second.";
        if (changes.isEmpty()) {
            return "No more serious kind of conduct began during the period; the most serious throughout was "
                    + lowerFirst(worstSoFar.label()) + "." + counts;
        }
        List<String> parts = new ArrayList<>();
        for (ConductSummary.KindChange c : changes) {
            parts.add(lowerFirst(c.level().label()) + " from " + DAY.format(c.began()));
        }
        return "It changed in kind: " + String.join(", then ", parts) + "." + counts;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private String method() {
        return ConductLevel.definition() + " The chart counts the contacts of each kind per "
                + (byWeek ? "ISO week (Monday to Sunday)" : "calendar month") + ". A change in kind is a kind more"
                + " serious than any before it, first seen after the first day of contact in the period; the"
                + " milestone named beside it is the latest order, report or move recorded on or before that day,"
                + " which places it in time and says nothing of cause. \"Lately\" is the last " + LATELY_DAYS
                + " days of the period.";
    }
}
