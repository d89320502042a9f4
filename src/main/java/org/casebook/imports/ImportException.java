package org.casebook.imports;

import java.util.regex.Pattern;
import org.casebook.evidence.VisibleText;

/**
 * An export that cannot be imported: truncated, not the format it claims, hostile. The message names the
 * file and, where known, the line or entry; nothing from such a file is written.
 *
 * <p>The message is always one line: it often quotes the file (a parser's complaint, a bad value), and a hostile
 * file's line breaks, terminal control characters or bidi overrides must not reach the user's screen as such.
 */
public class ImportException extends RuntimeException {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    public ImportException(String message) {
        super(oneLine(message));
    }

    public ImportException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    public static ImportException at(String file, long line, String problem) {
        return new ImportException(file + ", line " + line + ": " + problem);
    }

    /**
     * Line breaks (with the space around them) become one space, as a parser's two-line complaint reads best; any
     * other control or invisible character is shown escaped ({@link VisibleText#line}), as everywhere else.
     */
    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        return VisibleText.line(LINE_BREAKS.matcher(message.strip()).replaceAll(" "));
    }
}
