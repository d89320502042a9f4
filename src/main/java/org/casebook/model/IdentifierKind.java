package org.casebook.model;

import java.util.Locale;

/** The kinds of identity a person can be known by in the evidence. */
public enum IdentifierKind {
    PHONE, EMAIL, HANDLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentifierKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
