package org.casebook.model;

import java.util.Locale;

/** The kinds of item on a case's timeline. */
public enum ItemKind {
    INCIDENT, ATTACHMENT, MESSAGE, CALL, CAPTURE;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static ItemKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
