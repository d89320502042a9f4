package org.casebook.bundle.check;

/** How one exhibit's embedded original compares with its row in the integrity appendix. */
public enum ExhibitStatus {
    /** The embedded file's SHA-256 equals the hash printed in the appendix. */
    MATCH,
    /** The embedded file's SHA-256 differs from the printed one (or the appendix prints two different ones). */
    MISMATCH,
    /** An embedded file the appendix does not list. */
    NO_APPENDIX_ROW,
    /** An appendix row whose original is not embedded. */
    NO_EMBEDDED_FILE,
    /** The embedded file is there but its bytes cannot be decoded. */
    UNREADABLE
}
