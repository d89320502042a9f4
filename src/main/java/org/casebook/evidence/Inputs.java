package org.casebook.evidence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.casebook.model.When;
import org.casebook.vault.VaultException;

/** Checks and reads the values a user types, with messages that say which field is wrong and why. */
public final class Inputs {
    private Inputs() {
    }

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw VaultException.badInput(field + " is required.");
        }
        return value.strip();
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A time zone by name; a mistake is refused with the zones probably meant (see {@link TimeZones}). */
    public static ZoneId zone(String field, String value) {
        return TimeZones.parse(field, value);
    }

    /**
     * Reads when something happened: a local date-time in the case's zone ({@code 2024-03-01T21:15},
     * a space also works), one with an offset ({@code 2024-03-01T21:15+01:00}), or a date alone, which
     * is recorded as midday and marked approximate.
     */
    public static When when(String field, String value, ZoneId zone) {
        String text = required(field, value).replace(' ', 'T');
        try {
            return When.exactly(OffsetDateTime.parse(text).atZoneSameInstant(zone));
        } catch (DateTimeParseException ignored) {
            // not one with an offset; try local forms
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text);
            return When.exactly(ZonedDateTime.ofLocal(local, zone, null));
        } catch (DateTimeParseException ignored) {
            // not a local date-time; try a date alone
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return When.about(date.atTime(12, 0).atZone(zone));
        } catch (DateTimeParseException e) {
            throw VaultException.badInput(field + ": '" + value
                    + "' is not a date and time. Write it like 2024-03-01T21:15 (or 2024-03-01 for a day).");
        }
    }

    /** Exhibit initials: 1 to 4 letters, upper case. */
    public static String initials(String value, String title) {
        String initials = value;
        if (initials == null || initials.isBlank()) {
            StringBuilder derived = new StringBuilder();
            for (String word : title.strip().split("\\s+")) {
                if (!word.isEmpty() && Character.isLetter(word.codePointAt(0)) && derived.length() < 2) {
                    derived.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
                }
            }
            initials = derived.length() == 0 ? "CB" : derived.toString();
        }
        initials = initials.strip().toUpperCase(java.util.Locale.ROOT);
        if (!initials.matches("\\p{L}{1,4}")) {
            throw VaultException.badInput("initials: '" + value + "' should be 1 to 4 letters, such as JS.");
        }
        return initials;
    }
}
