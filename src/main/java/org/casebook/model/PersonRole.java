package org.casebook.model;

import java.util.Locale;

/**
 * How a person relates to the case. A third party is someone who passes messages on for the perpetrator
 * (a friend, a relative), which the law counts as indirect contact.
 */
public enum PersonRole implements Coded {
    PERPETRATOR, WITNESS, THIRD_PARTY, OTHER;

    /** The name used on the command line and in JSON, e.g. {@code third-party}. */
    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PersonRole fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
