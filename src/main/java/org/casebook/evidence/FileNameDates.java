package org.casebook.evidence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date (and, where it says, the time) a file's name gives: "2021-01-31 Letter from his solicitor.pdf",
 * "IMG_20210131_143005.jpg", "31.01.2021 police letter.pdf" (day before month, as written in the UK). People
 * name scanned letters and saved documents by their date; that date says more than when the file was last
 * copied. Also gives the name without its date, the default title of an exhibit.
 */
public final class FileNameDates {
    private static final String SEP = "[-_. ]";
    /** Year first: 2021-01-31, 2021_01_31, 20210131, each optionally followed by a time 14-30-05 / 143005. */
    private static final Pattern YEAR_FIRST = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(" + SEP + "?)(\\d\\d)\\2(\\d\\d)"
            + "(?:[-_ T.](\\d\\d)([-_.:]?)(\\d\\d)(?:\\6(\\d\\d))?)?(?!\\d)");
    /** Day first: 31-01-2021, 31.01.2021, 31_01_2021. */
    private static final Pattern DAY_FIRST = Pattern.compile("(?<!\\d)(\\d\\d)(" + SEP + ")(\\d\\d)\\2((?:19|20)\\d\\d)(?!\\d)");

    /** A date from a name, with its time when the name gives one. */
    public record Found(LocalDate date, LocalTime time, int start, int end) {
        public boolean dateOnly() {
            return time == null;
        }

        public LocalDateTime at() {
            return date.atTime(time == null ? LocalTime.MIDNIGHT : time);
        }
    }

    private FileNameDates() {
    }

    public static Optional<Found> find(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = YEAR_FIRST.matcher(fileName);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(1), m.group(3), m.group(4));
            if (date.isPresent()) {
                LocalTime time = m.group(5) == null ? null : time(m.group(5), m.group(7), m.group(8));
                // a time that does not read as one is left out, with the text it came from
                int end = time == null && m.group(5) != null ? m.end(4) : m.end();
                return Optional.of(new Found(date.get(), time, m.start(), end));
            }
        }
        m = DAY_FIRST.matcher(fileName);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(4), m.group(3), m.group(1));
            if (date.isPresent()) {
                return Optional.of(new Found(date.get(), null, m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** The name without its extension and its date: "2021-01-31 Letter from his solicitor.pdf" gives "Letter from his solicitor". */
    public static String title(String fileName) {
        String whole = fileName == null ? "" : fileName.strip();
        int dot = whole.lastIndexOf('.');
        String name = dot > 0 && whole.length() - dot <= 6 ? whole.substring(0, dot) : whole;
        Optional<Found> found = find(name);
        String without = found.map(f -> name.substring(0, f.start()) + " " + name.substring(f.end())).orElse(name);
        String cleaned = without.replaceAll("^[\\s\\-_.,–—]+|[\\s\\-_.,–—]+$", "").replaceAll("\\s{2,}", " ");
        return cleaned.isEmpty() ? name : cleaned;
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String hour, String minute, String second) {
        try {
            return LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute),
                    second == null ? 0 : Integer.parseInt(second));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
