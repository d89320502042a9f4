package org.casebook.model;

import java.util.Locale;

/** The user's decision on a possible breach. Suggestions are computed and never stored. */
public enum BreachStatus {
    CONFIRMED, DISMISSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BreachStatus fromCode(String code) {
        return Coded.fromCode(BreachStatus.class, BreachStatus::code, "breach status", code);
    }
}
