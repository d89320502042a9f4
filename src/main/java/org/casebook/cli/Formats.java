package org.casebook.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** How times and text appear in the command line's output. */
final class Formats {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private Formats() {
    }

    /** ISO-8601 with the offset always written as {@code +hh:mm} (no "Z"), e.g. {@code 2024-03-01T21:15:00+00:00}. */
    static String iso(ZonedDateTime t) {
        if (t == null) {
            return null;
        }
        return (t.getNano() == 0 ? ISO_SECONDS : ISO_MILLIS).format(t);
    }

    static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : iso(instant.atZone(zone == null ? ZoneOffset.UTC : zone));
    }

    /** A compact local time for tables, e.g. {@code 2024-03-01 21:15}. */
    static String human(ZonedDateTime t) {
        return t == null ? "" : HUMAN.format(t);
    }

    /** Text on one line, at most {@code max} characters (then "..."). */
    static String cell(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s*\\R\\s*", " / ");
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        int end = line.offsetByCodePoints(0, Math.max(0, max - 3));
        return line.substring(0, end) + "...";
    }
}
