package org.casebook.model;

import java.util.Locale;

/** The user's decision on a possible breach. Suggestions are computed and never stored. */
public enum BreachStatus implements Coded {
    CONFIRMED, DISMISSED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BreachStatus fromCode(String code) {
        return Coded.fromCode(BreachStatus.class, "breach status", code);
    }
}
