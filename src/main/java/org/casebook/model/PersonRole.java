package org.casebook.model;

import java.util.Locale;

/** How a person relates to the case. */
public enum PersonRole {
    PERPETRATOR, WITNESS, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonRole fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
