package org.casebook.imports.email;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.MessageTime;

/**
 * Dates as mail writes them, read without the computer's time zone or locale: RFC 5322 {@code Date:} values
 * (lenient: obsolete two-digit years, named zones, a trailing comment), the date at the end of a
 * {@code Received:} header, and the asctime date of an mbox {@code From } line.
 */
final class MailDates {
    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    private static final Pattern RFC5322 = Pattern.compile(
            "^\\s*(?:[A-Za-z]{3,9}\\s*,?\\s*)?(\\d{1,2})[\\s-]+(" + MONTHS + ")[a-z]*\\.?[\\s-]+(\\d{2,4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?"
                    + "\\s*([+-]\\d{4}|[+-]\\d{1,2}:\\d{2}|[A-Za-z]{1,5})?\\s*(?:\\(.*\\))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** asctime as in mbox From lines: {@code Sat Feb 25 15:32:19 2017}, sometimes with a zone before the year. */
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:^|\\s)(?:[A-Za-z]{3})\\s+(" + MONTHS + ")\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "\\s+(?:([+-]\\d{4}|[A-Z]{2,5})\\s+)?(\\d{4})(?:\\s+([+-]\\d{4}))?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
            Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7));

    private MailDates() {
    }

    /** The result of reading a date: the time, or null; {@code zoneless} when it had no usable zone. */
    record Parsed(MessageTime time, boolean zoneless) {
    }

    /** Reads an RFC 5322 date, or returns null when it is not one. */
    static Parsed rfc5322(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = RFC5322.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            int day = Integer.parseInt(m.group(1));
            int month = month(m.group(2));
            int year = year(m.group(3));
            LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            ZoneOffset offset = offset(m.group(7));
            if (offset == null) {
                if (m.group(7) != null && m.group(7).length() == 1) {
                    // RFC 5322 4.3: military zones were used so inconsistently that they mean "-0000"
                    return new Parsed(MessageTime.withOffset(local.toInstant(ZoneOffset.UTC), ZoneOffset.UTC), false);
                }
                return new Parsed(MessageTime.local(local), true);
            }
            return new Parsed(MessageTime.withOffset(local.toInstant(offset), offset), false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The date after the last semicolon of a Received header, or null. */
    static Parsed received(String value) {
        if (value == null) {
            return null;
        }
        int semi = value.lastIndexOf(';');
        return semi < 0 ? null : rfc5322(value.substring(semi + 1));
    }

    /**
     * The shape of an mbox envelope line, strictly: {@code From}, one space, the sender (no spaces), and an
     * asctime date with a real day name ({@code From a@b.c Sat Feb 25 15:32:19 2017}, Gmail's
     * {@code From 1677…@xxx Wed Mar 01 10:00:00 +0000 2023}). A body line such as "From here on…" does not fit.
     */
    private static final Pattern ENVELOPE = Pattern.compile("^From \\S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?i:"
            + MONTHS + ") +\\d{1,2} +\\d{1,2}:\\d{2}(?::\\d{2})?(?: +(?:[+-]\\d{4}|[A-Z]{2,5}))? +\\d{4}"
            + "(?: +[+-]\\d{4})?(?: .*)?$");

    /** True when {@code line} is an mbox envelope line with a valid asctime date. */
    static boolean isEnvelope(String line) {
        return line != null && ENVELOPE.matcher(line).matches() && fromLine(line) != null;
    }

    /** The date of an mbox From line ({@code From sender Sat Feb 25 15:32:19 2017}), or null. */
    static Parsed fromLine(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = ASCTIME.matcher(line.strip());
        if (!m.find()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(7)), month(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            String zone = m.group(6) != null ? m.group(6) : m.group(8);
            ZoneOffset offset = offset(zone);
            if (offset == null) {
                return new Parsed(MessageTime.local(local), true);
            }
            return new Parsed(MessageTime.withOffset(local.toInstant(offset), offset), false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 4 + 1;
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        if (y.length() == 2) {
            return v < 50 ? 2000 + v : 1900 + v;
        }
        if (y.length() == 3) {
            return 1900 + v;
        }
        return v;
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return null;
        }
        String z = zone.strip();
        if (z.startsWith("+") || z.startsWith("-")) {
            String digits = z.substring(1).replace(":", "");
            if (digits.length() < 3) {
                digits = (digits.length() == 1 ? "0" : "") + digits + "00";
            }
            int hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            int minutes = Integer.parseInt(digits.substring(digits.length() - 2));
            if (hours > 18 || minutes > 59) {
                throw new DateTimeException("offset out of range: " + zone);
            }
            int sign = z.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONES.get(z.toLowerCase(Locale.ROOT));
        return hours == null ? null : ZoneOffset.ofHours(hours);
    }
}
