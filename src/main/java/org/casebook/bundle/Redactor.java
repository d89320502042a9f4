package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the redacted strings from every text before layout. Text for the page gets U+E000 (the typesetter
 * draws a visible "[redacted]" box); text for metadata, bookmarks and file names gets "[redacted]".
 */
final class Redactor {
    static final String MARK = "\uE000";
    static final String PLAIN = "[redacted]";
    private final List<String> terms;
    private final Pattern pattern;

    Redactor(List<String> terms) {
        this.terms = List.copyOf(terms);
        this.pattern = terms.isEmpty() ? null : Pattern.compile(String.join("|", terms.stream()
                // longest first, so a term containing another is removed whole
                .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList()),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean active() {
        return pattern != null;
    }

    /** For the page: each occurrence becomes the redaction mark. Null stays null. */
    String page(String text) {
        return text == null || pattern == null ? text : pattern.matcher(text).replaceAll(MARK);
    }

    /** For metadata, bookmarks, file names: each occurrence becomes "[redacted]". */
    String plain(String text) {
        return text == null || pattern == null ? text : pattern.matcher(text).replaceAll(PLAIN);
    }

    /**
     * Whether an original's bytes, read as UTF-8 text, contain a redacted string (case-insensitive).
     * Streams with a window the length of the longest term, so a GB file costs no memory.
     */
    boolean foundIn(InputStream in) throws IOException {
        if (pattern == null) {
            return false;
        }
        int longest = terms.stream().mapToInt(String::length).max().orElse(0);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buffer = new char[1 << 16];
        StringBuilder window = new StringBuilder();
        int n;
        while ((n = reader.read(buffer)) > 0) {
            window.append(buffer, 0, n);
            if (pattern.matcher(window).find()) {
                return true;
            }
            if (window.length() > longest) {
                window.delete(0, window.length() - longest);
            }
        }
        return false;
    }
}
