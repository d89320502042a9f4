package org.casebook.bundle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.casebook.evidence.TimeWords;
import org.casebook.model.When;

/** How the bundle writes dates and times: unambiguous day-month-year words, in the case's zone. */
final class Dates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter WEEK_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);

    private Dates() {
    }

    static String day(LocalDate d) {
        return d == null ? "—" : DAY.format(d);
    }

    /** A day without a time, for what only a date is known of: "Sun 31 Jan 2021". */
    static String weekDay(ZonedDateTime t, ZoneId zone) {
        return WEEK_DAY.format(t.withZoneSameInstant(zone));
    }

    /** When a file exhibit is of: its day alone when only a date is known, else its time. */
    static String of(ExhibitItem e, ZoneId zone) {
        return TimeSources.dateOnly(e.timeSource()) ? weekDay(e.at(), zone)
                : dayTime(new When(e.at(), null, e.approximate()), zone);
    }

    static String longDay(LocalDate d) {
        return LONG_DAY.format(d);
    }

    static String time(ZonedDateTime t, ZoneId zone) {
        return TIME.format(t.withZoneSameInstant(zone));
    }

    static String dayTime(ZonedDateTime t, ZoneId zone) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        return DAY_TIME.format(local) + " " + ZONE.format(local);
    }

    /**
     * A time as the bundle states it: "Tue 12 Mar 2024, 21:15 GMT", "Sun 27 Oct 2024, 01:30 BST" (an hour that
     * happened twice), "Tue 12 Mar 2024, about 12:00 GMT (time approximate)", and a time the zone never showed
     * kept as written and marked.
     */
    static String dayTime(When when, ZoneId zone) {
        ZonedDateTime at = when.at().withZoneSameInstant(zone);
        boolean skipped = when.clockChange() != null && when.clockChange().skipped();
        String text = TimeWords.dayAndClock(when, zone);
        if (!skipped && !TimeWords.repeated(at)) {
            text += " " + TimeWords.offsetName(at);
        }
        if (when.approximate()) {
            text += " (time approximate)";
        }
        String marker = TimeWords.marker(when, zone);
        return marker == null ? text : text + " [" + marker + "]";
    }

    /**
     * When an exhibit happened: a conversation from its first message's time to its last, each as {@link
     * #dayTime(When, ZoneId)} states it (a time at a clock change keeps its mark); a file at its time, marked
     * when approximate.
     */
    static String span(ExhibitItem e, ZoneId zone) {
        if (!e.messages().isEmpty()) {
            When first = e.messages().get(0).when();
            When last = e.messages().get(e.messages().size() - 1).when();
            return e.messages().size() == 1 ? dayTime(first, zone) : dayTime(first, zone) + " to " + dayTime(last, zone);
        }
        return of(e, zone)
                + (e.until() != null && !e.until().equals(e.at()) ? " to " + dayTime(e.until(), zone) : "");
    }

    static String dayTime(Instant t, ZoneId zone) {
        return t == null ? "—" : dayTime(t.atZone(zone), zone);
    }

    static String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "the whole record";
        }
        return (from == null ? "the start of the record" : day(from)) + " to " + (to == null ? "the end of the record" : day(to));
    }
}
