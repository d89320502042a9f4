package org.casebook.statement;

import java.util.Locale;

/** Which form a witness statement takes: who will read it decides its heading, declaration and layout. */
public enum StatementProfile {
    /** MG11-style statement for the police, with the s.9 CJA 1967 / s.5B MCA 1980 declaration. */
    POLICE,
    /** A family court statement (FPR Part 22), numbered paragraphs and the FPR PD17A statement of truth. */
    FAMILY,
    /** A civil witness statement (CPR PD32): heading, numbered paragraphs, statement of truth. */
    CIVIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StatementProfile fromCode(String code) {
        for (StatementProfile p : values()) {
            if (p.code().equalsIgnoreCase(code.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown statement profile '" + code + "'. Use police, family or civil.");
    }
}
