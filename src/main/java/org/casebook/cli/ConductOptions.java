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

    /** A code from one of the fixed vocabularies (order kinds, tags, ...). */
    static <T> T code(String option, Function<String, T> fromCode, String value) {
        try {
            return fromCode.apply(value);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(option + ": " + e.getMessage());
        }
    }
}
