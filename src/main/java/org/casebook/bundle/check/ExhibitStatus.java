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
    UNREADABLE,
    /**
     * A redacted copy's photo: the embedded file is the copy without location and device details, and its
     * SHA-256 equals the one the appendix prints for that copy (beside the original's).
     */
    REDACTED_COPY,
    /** A redacted copy's appendix row for an original it says it withholds: not embedded, on purpose. */
    WITHHELD
}
