package org.casebook.imports;

import java.util.regex.Pattern;

/**
 * An export that cannot be imported: truncated, not the format it claims, hostile. The message names the
 * file and, where known, the line or entry; nothing from such a file is written.
 *
 * <p>The message is always one line: it often quotes the file (a parser's complaint, a bad value), and a hostile
 * file's line breaks or terminal control characters must not reach the user's screen as such.
 */
public class ImportException extends RuntimeException {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\t]]|[\\x{80}-\\x{9F}]");

    public ImportException(String message) {
        super(oneLine(message));
    }

    public ImportException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    public static ImportException at(String file, long line, String problem) {
        return new ImportException(file + ", line " + line + ": " + problem);
    }

    /** Line breaks (with the space around them) become one space; other control characters "?". */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        return CONTROLS.matcher(LINE_BREAKS.matcher(message.strip()).replaceAll(" ")).replaceAll("?");
    }
}
