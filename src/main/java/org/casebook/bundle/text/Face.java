package org.casebook.bundle.text;

/** The three type faces the bundle uses; each falls back to DejaVu Sans, then CJK, then emoji. */
public enum Face {
    REGULAR, BOLD, MONO
}
