package org.casebook.model;

import java.util.Locale;

/**
 * The kinds of identity a person can be known by in the evidence, and where they live: a postal address is never
 * matched against a sender, but a redacted bundle offers to hide the witness's; nor is a vehicle (its
 * registration), which the who-is-who page attributes to its driver.
 */
public enum IdentifierKind {
    PHONE, EMAIL, HANDLE, ADDRESS, VEHICLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentifierKind fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
