package org.casebook.imports;

import java.text.Normalizer;

/**
 * The display form of a message's raw text: bidirectional control characters removed and NFC applied.
 * Derived on demand and for search; the raw text is what the vault keeps.
 */
public final class DisplayText {
    private DisplayText() {
    }

    public static String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (isBidiControl(ch) || ch == '\uFEFF') {
                if (out == null) {
                    out = new StringBuilder(raw.length()).append(raw, 0, i);
                }
            } else if (out != null) {
                out.append(ch);
            }
        }
        String stripped = out == null ? raw : out.toString();
        return Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped
                : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    static boolean isBidiControl(char ch) {
        return ch == '\u200E' || ch == '\u200F' || ch >= '\u202A' && ch <= '\u202E'
                || ch >= '\u2066' && ch <= '\u2069' || ch == '\u061C';
    }
}
