package org.casebook.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The app's date formats, one place so every screen writes dates the same way. */
public final class Formats {
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Formats() {
    }

    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** A time as people type it ("9:05", "09:05", "21.15"), or null when it is not one. */
    public static java.time.LocalTime parseTime(String typed) {
        String text = typed == null ? "" : typed.strip().replace('.', ':');
        if (text.isEmpty()) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(text.length() == 4 && text.indexOf(':') == 1 ? "0" + text : text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
