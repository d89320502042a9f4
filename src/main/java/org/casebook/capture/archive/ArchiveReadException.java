package org.casebook.capture.archive;

import org.casebook.imports.ImportException;

/**
 * A saved page that cannot be read: not the format it seems, cut short, hostile, or its digests do not match.
 * The one-line message names the file and, where known, the record, part, entry or line. An
 * {@link ImportException}, so {@code casebook import} reports it as bad input (exit code 2).
 */
public class ArchiveReadException extends ImportException {
    public ArchiveReadException(String message) {
        super(message);
    }
}
