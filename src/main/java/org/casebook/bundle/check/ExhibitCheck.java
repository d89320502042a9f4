package org.casebook.bundle.check;

import java.nio.file.Path;

/**
 * One exhibit of a verified bundle. {@code reference} is the exhibit reference (e.g. "JS/12"), or null for an
 * embedded file that names none; {@code fileName} the embedded file's name, or null when nothing is
 * embedded; the hashes are lower-case hex or null when absent; {@code extractedTo} is where the original was
 * written (only when asked), else null; {@code detail} explains a non-match in words.
 */
public record ExhibitCheck(String reference, ExhibitStatus status, String fileName, String embeddedSha256,
                           String appendixSha256, long size, Path extractedTo, String detail) {
    public boolean matches() {
        return status == ExhibitStatus.MATCH;
    }
}
