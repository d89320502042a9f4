package org.casebook.model;

import java.util.Locale;

/** The kinds of item on a case's timeline. */
public enum ItemKind {
    INCIDENT, ATTACHMENT, MESSAGE, CALL, CAPTURE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
