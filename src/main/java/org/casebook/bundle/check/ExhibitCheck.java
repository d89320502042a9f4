package org.casebook.bundle.check;

import java.nio.file.Path;

/**
 * One exhibit of a verified bundle. {@code reference} is the exhibit reference (e.g. "JS/12"), or null for an
 * embedded file that names none; {@code fileName} the embedded file's name, or null when nothing is
 * embedded; the hashes are lower-case hex or null when absent; {@code extractedTo} is where the original was
 * written (only when asked), else null; {@code detail} explains a non-match in words. For a redacted copy's
 * photo, {@code appendixSha256} is the hash printed for the copy and {@code originalSha256} the original's; else
 * {@code originalSha256} is the appendix hash too (or null).
 */
public record ExhibitCheck(String reference, ExhibitStatus status, String fileName, String embeddedSha256,
                           String appendixSha256, long size, Path extractedTo, String detail, String originalSha256) {
    public ExhibitCheck(String reference, ExhibitStatus status, String fileName, String embeddedSha256,
                        String appendixSha256, long size, Path extractedTo, String detail) {
        this(reference, status, fileName, embeddedSha256, appendixSha256, size, extractedTo, detail, appendixSha256);
    }

    /** Whether this exhibit is as the appendix says: its original (or its redacted copy) matches, or it is withheld. */
    public boolean matches() {
        return status == ExhibitStatus.MATCH || status == ExhibitStatus.REDACTED_COPY
                || status == ExhibitStatus.WITHHELD;
    }
}
