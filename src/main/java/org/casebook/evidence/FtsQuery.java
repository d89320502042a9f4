package org.casebook.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a person types into a safe FTS5 query: every word must appear, FTS5 operators and quotes in
 * the text are taken literally, and the last word may match as a prefix (search as you type).
 */
public final class FtsQuery {
    private FtsQuery() {
    }

    /** Returns null when there is nothing to search for. */
    public static String of(String userText, boolean prefixLast) {
        if (userText == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        for (String word : userText.strip().split("\\s+")) {
            String clean = word.replace("\"", "").strip();
            if (!clean.isEmpty() && clean.codePoints().anyMatch(Character::isLetterOrDigit)) {
                terms.add("\"" + clean + "\"");
            }
        }
        if (terms.isEmpty()) {
            return null;
        }
        if (prefixLast) {
            int last = terms.size() - 1;
            terms.set(last, terms.get(last) + "*");
        }
        return String.join(" ", terms);
    }
}
