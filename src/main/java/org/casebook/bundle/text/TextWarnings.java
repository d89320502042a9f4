package org.casebook.bundle.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Problems met while laying out text, for the bundle's log. Each names a code point only, never the text
 * around it: the log must not leak evidence content. Repeats are counted, not listed.
 */
public final class TextWarnings {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public TextWarnings() {
    }

    /** Every distinct warning in the order first met, e.g. "No font has U+1F9CC; shown as a placeholder (3 times)". */
    public List<String> all() {
        List<String> all = new ArrayList<>(counts.size());
        counts.forEach((message, count) -> all.add(count == 1 ? message : message + " (" + count + " times)"));
        return all;
    }

    void noFont(int codePoint) {
        add("No font has " + codePoint(codePoint) + "; shown as a placeholder");
    }

    void notPrintable(int codePoint, String what) {
        add(codePoint(codePoint) + " is " + what + "; shown as a placeholder");
    }

    void add(String message) {
        counts.merge(message, 1, Integer::sum);
    }

    static String codePoint(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
