package org.casebook.bundle;

import java.util.Locale;

/** The rules a bundle follows: who receives it decides how exhibits and pages are labelled. */
public enum BundleProfile {
    /** A witness statement's exhibit list: reference, description, where and when produced. */
    POLICE,
    /** FPR PD27A: pages numbered by section (A1, B1, ...), a warning above 350 pages. */
    FAMILY,
    /** CPR PD32: exhibits marked with initials and number, in chronological order. */
    CIVIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BundleProfile fromCode(String code) {
        for (BundleProfile p : values()) {
            if (p.code().equalsIgnoreCase(code.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown bundle profile '" + code + "'. Use police, family or civil.");
    }
}
