package org.casebook.evidence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;
import org.casebook.model.When;

/**
 * How a time is written for a reader wherever it is shown (the bundle, the app, the command line), so that no
 * time reads as more certain than it is:
 *
 * <ul>
 * <li>A wall-clock time the zone showed twice (the hour the clocks go back) carries its offset: "01:30 BST" and
 *     "01:30 GMT" are an hour apart.</li>
 * <li>A time a source wrote that the zone never showed (the hour the clocks go forward) is kept as written and
 *     said not to exist there.</li>
 * <li>An approximate time (a day written without a time is kept at midday) says so: "about 12:00".</li>
 * </ul>
 */
public final class TimeWords {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private TimeWords() {
    }

    /** Whether the wall-clock time of {@code t} happened twice in its zone (the hour the clocks went back). */
    public static boolean repeated(ZonedDateTime t) {
        return t.getZone().getRules().getValidOffsets(t.toLocalDateTime()).size() > 1;
    }

    /**
     * The zone's short name for the offset in force at {@code t} ("BST", "GMT", "CEST"), or the offset itself in
     * brackets ("(+03:00)") where the zone has no name for it.
     */
    public static String offsetName(ZonedDateTime t) {
        String name = ZONE_NAME.format(t);
        if (name.chars().allMatch(Character::isLetter)) {
            return name;
        }
        return "(" + (t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId()) + ")";
    }

    /** The local date and time a reader is shown: as written when the zone skipped it, else the time in the zone. */
    public static LocalDateTime local(When when, ZoneId zone) {
        if (when.clockChange() != null && when.clockChange().skipped()) {
            return when.clockChange().written();
        }
        return when.at().withZoneSameInstant(zone).toLocalDateTime();
    }

    /** The day to file the time under (a skipped time stays on the day written). */
    public static LocalDate day(When when, ZoneId zone) {
        return local(when, zone).toLocalDate();
    }

    /**
     * The clock time: "21:15", "01:30 BST" in a repeated hour, the written "01:30" for a skipped one. Whether it
     * is approximate is for the caller to mark in its own way ("about", "~", "≈").
     */
    public static String clock(When when, ZoneId zone) {
        String time = CLOCK.format(local(when, zone));
        ZonedDateTime at = when.at().withZoneSameInstant(zone);
        boolean skipped = when.clockChange() != null && when.clockChange().skipped();
        if (!skipped && repeated(at)) {
            time += " " + offsetName(at);
        }
        return time;
    }

    /** "about 12:00" for an approximate time, else the {@link #clock}. */
    public static String clockInWords(When when, ZoneId zone) {
        return (when.approximate() ? "about " : "") + clock(when, zone);
    }

    /** A whole date and time: "Tue 12 Mar 2024, 21:15", "Tue 12 Mar 2024, about 12:00". */
    public static String dayAndClock(When when, ZoneId zone) {
        return DAY.format(day(when, zone)) + ", " + clockInWords(when, zone);
    }

    /**
     * The clock-change marker in a few words, for a table row or a message's header, or null: "clock change: no
     * such time in Europe/London", "clock change: hour repeated".
     */
    public static String marker(When when, ZoneId zone) {
        When.ClockChange change = when.clockChange();
        if (change == null) {
            return null;
        }
        return change.skipped() ? "clock change: no such time in " + zone.getId() : "clock change: hour repeated";
    }

    /**
     * What a reader must be told beside the time, or null: that it is approximate, that the zone skipped it, or
     * that the source wrote a time the zone showed twice (the clock-change marker the import promises).
     */
    public static String note(When when, ZoneId zone) {
        When.ClockChange change = when.clockChange();
        if (change != null && change.skipped()) {
            ZoneOffsetTransition t = zone.getRules().getTransition(change.written());
            return "clock change: no such time in " + zone.getId() + (t == null ? ""
                    : " (the clocks went forward from " + CLOCK.format(t.getDateTimeBefore()) + " to "
                    + CLOCK.format(t.getDateTimeAfter()) + ")") + "; kept as the export wrote it";
        }
        if (change != null) {
            ZoneOffsetTransition t = zone.getRules().getTransition(change.written());
            return "clock change: " + (t == null ? "this hour"
                    : CLOCK.format(t.getDateTimeAfter()) + " to " + CLOCK.format(t.getDateTimeBefore()))
                    + " happened twice in " + zone.getId() + " and the export gives no offset; read as "
                    + offsetName(when.at().withZoneSameInstant(zone)) + " from the order of the export";
        }
        return when.approximate() ? "time approximate" : null;
    }
}
