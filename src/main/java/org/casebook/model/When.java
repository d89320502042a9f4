package org.casebook.model;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * When something happened: a zoned time, an optional end, whether the time is only approximate (a diary entry
 * written later, a day with no time, or a file's modification time standing in for a capture time), and, for a
 * local time a source wrote at a clock change, what it wrote.
 *
 * @param clockChange null, unless the source wrote a local time the zone's clocks skipped or showed twice
 */
public record When(ZonedDateTime at, ZonedDateTime end, boolean approximate, ClockChange clockChange) {
    public When(ZonedDateTime at, ZonedDateTime end, boolean approximate) {
        this(at, end, approximate, null);
    }

    public static When exactly(ZonedDateTime at) {
        return new When(at, null, false);
    }

    public static When about(ZonedDateTime at) {
        return new When(at, null, true);
    }

    /**
     * A local time as a source wrote it (an export with no zone), at a clock change in the zone it is read in.
     *
     * @param written the local date and time exactly as written
     * @param skipped true when the zone has no such time (the clocks went forward over it); false when the zone
     *                showed it twice (the clocks went back) and the source does not say which one it was
     */
    public record ClockChange(LocalDateTime written, boolean skipped) {
    }
}
