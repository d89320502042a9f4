package org.casebook.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Reads the conduct commands' option values; bad ones are bad input (exit 2) naming the option. */
final class ConductOptions {
    private ConductOptions() {
    }

    static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CliException.badInput(option + ": '" + value + "' is not a date. Write it like 2024-03-01.");
        }
    }

    /** The days from {@code from} to {@code to}, each null when not given. */
    record Period(LocalDate from, LocalDate to) {
    }

    /** {@code --from} and {@code --to} read as dates, the first not after the second. */
    static Period period(String from, String to) {
        LocalDate fromDate = date("--from", from);
        LocalDate toDate = date("--to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw CliException.badInput("--from: " + fromDate + " is after --to " + toDate + ".");
        }
        return new Period(fromDate, toDate);
    }

    /** A code from one of the fixed vocabularies (order kinds, tags, ...). */
    static <T> T code(String option, Function<String, T> fromCode, String value) {
        try {
            return fromCode.apply(value);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(option + ": " + e.getMessage());
        }
    }
}
