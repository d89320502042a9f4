package org.casebook.model;

import java.time.ZonedDateTime;

/**
 * When something happened: a zoned time, an optional end, and whether the time is only approximate
 * (a diary entry written later, or a file's modification time standing in for a capture time).
 */
public record When(ZonedDateTime at, ZonedDateTime end, boolean approximate) {
    public static When exactly(ZonedDateTime at) {
        return new When(at, null, false);
    }

    public static When about(ZonedDateTime at) {
        return new When(at, null, true);
    }
}
