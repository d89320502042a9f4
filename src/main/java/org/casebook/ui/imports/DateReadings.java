package org.casebook.ui.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Both readings of an ambiguous numeric date, in words, so the person can tell which one is right. */
public final class DateReadings {
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})[./-]\\s?(\\d{1,2})[./-]\\s?(\\d{2,4})");
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private DateReadings() {
    }

    /** "Friday 1 March 2024", or null when the sample holds no such date or that reading is impossible. */
    public static String dayFirst(String sample) {
        return reading(sample, true);
    }

    public static String monthFirst(String sample) {
        return reading(sample, false);
    }

    private static String reading(String sample, boolean dayFirst) {
        Matcher m = DATE.matcher(sample == null ? "" : sample);
        if (!m.find()) {
            return null;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        if (m.group(3).length() <= 2) {
            y += 2000;
        }
        try {
            return WORDS.format(dayFirst ? LocalDate.of(y, b, a) : LocalDate.of(y, a, b));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
