package org.casebook.evidence;

/**
 * Evidence-derived text (file names, sender names, conversation titles, message text, warnings that quote
 * them) made safe to show on a terminal or in a window. The vault keeps the original characters; only what is
 * shown changes. A control character could move the cursor, clear the screen or forge a line of output, and a
 * bidirectional override (U+202E) can make "invoice", U+202E, "txt.exe" read as "invoiceexe.txt": each is
 * shown as a visible escape instead, written as in Java source: a line break as backslash-n, a tab as
 * backslash-t, anything else as backslash-u and four hex digits (U+001B as backslash-u001b). Joiners (U+200C,
 * U+200D) stay: emoji and several scripts need them, and they cannot reorder or hide text.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** The text on one line: every control and invisible formatting character escaped, line breaks too. */
    public static String line(String text) {
        return escape(text, false);
    }

    /**
     * Text that may span lines (a message body): line breaks ({@code \n}, and {@code \r\n} read as one) stay;
     * every other control and invisible formatting character is escaped.
     */
    public static String text(String text) {
        return escape(text, true);
    }

    /**
     * True for the characters that are never shown as they are: C0 and C1 controls, DEL, the line and paragraph
     * separators, bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
     * invisible format characters (U+00AD, U+200B, U+2060–U+2064, U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB).
     */
    public static boolean hidden(int cp) {
        if (cp < 0x20 || cp >= 0x7F && cp <= 0x9F) {
            return true;
        }
        return cp == 0x00AD || cp == 0x061C || cp == 0x180E || cp == 0x200B || cp == 0x200E || cp == 0x200F
                || cp >= 0x2028 && cp <= 0x202E || cp >= 0x2060 && cp <= 0x206F || cp == 0xFEFF
                || cp >= 0xFFF9 && cp <= 0xFFFB || cp >= 0xD800 && cp <= 0xDFFF;
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text, keepLineBreaks);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (keepLineBreaks && cp == '\n') {
                out.append('\n');
            } else if (keepLineBreaks && cp == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                // CR LF is one line break
            } else if (hidden(cp)) {
                switch (cp) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", cp));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out.toString();
    }

    private static int firstToEscape(String text, boolean keepLineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII: the common case, checked first
            }
            if (keepLineBreaks && c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a whole supplementary character, shown as it is
                continue;
            }
            if (hidden(c)) {
                return i;
            }
        }
        return -1;
    }
}
