package org.casebook.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a person types into a safe FTS5 query: every word must appear, FTS5 operators and quotes in
 * the text are taken literally, and the last word may match as a prefix (search as you type).
 *
 * <p>A prefix needs at least {@value #MIN_PREFIX} letters or digits (any number in Chinese, Japanese or Korean,
 * where one or two characters are already a word): a one- or two-letter prefix such as "wh" matches a large
 * part of every message ever written and costs FTS5 a merge of every word it starts, so while the user is
 * still typing it is matched as a whole word instead.
 */
public final class FtsQuery {
    static final int MIN_PREFIX = 3;

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
        int last = terms.size() - 1;
        if (prefixLast && longEnoughForPrefix(terms.get(last))) {
            terms.set(last, terms.get(last) + "*");
        }
        return String.join(" ", terms);
    }

    private static boolean longEnoughForPrefix(String quotedTerm) {
        long letters = quotedTerm.codePoints().filter(Character::isLetterOrDigit).count();
        return letters >= MIN_PREFIX || quotedTerm.codePoints().anyMatch(FtsQuery::isEastAsian);
    }

    private static boolean isEastAsian(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
