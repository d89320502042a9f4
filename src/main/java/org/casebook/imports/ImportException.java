package org.casebook.imports;

/**
 * An export that cannot be imported: truncated, not the format it claims, hostile. The message names the
 * file and, where known, the line or entry; nothing from such a file is written.
 */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ImportException at(String file, long line, String problem) {
        return new ImportException(file + ", line " + line + ": " + problem);
    }
}
