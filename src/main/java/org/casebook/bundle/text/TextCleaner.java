package org.casebook.bundle.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns any Java string into paragraphs that are safe to lay out: line ends split paragraphs, tabs become
 * spaces, and what cannot be printed (controls, lone surrogates, unassigned code points) becomes the
 * placeholder U+25A1 plus a warning. Bidi and shaping never see a character that could split a paragraph.
 */
final class TextCleaner {
    static final char PLACEHOLDER = '\u25A1';
    private static final String TAB = "    ";

    private final TextWarnings warnings;
    private final Normalizer2 nfc = Normalizer2.getNFCInstance();

    TextCleaner(TextWarnings warnings) {
        this.warnings = warnings;
    }

    /** Paragraphs split at LF, CRLF, CR, U+2028 and U+2029 (CR too, so Windows exports don't show boxes). */
    List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                paragraphs.add(clean(text, start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        paragraphs.add(clean(text, start, text.length()));
        return paragraphs;
    }

    /** The whole text as one paragraph: line ends become spaces. */
    String singleLine(String text) {
        StringBuilder joined = new StringBuilder(text.length());
        for (String paragraph : paragraphs(text)) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(paragraph);
        }
        return joined.toString();
    }

    private String clean(String text, int start, int end) {
        StringBuilder out = null;
        int i = start;
        while (i < end) {
            int cp = text.codePointAt(i);
            // Never past end: text[end] is a line end, so a pair cannot straddle it, but stay in bounds anyway.
            int next = Math.min(end, i + Character.charCount(cp));
            String replacement = replacement(cp);
            if (replacement != null && out == null) {
                out = new StringBuilder(end - start + 8).append(text, start, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(text, i, next);
                }
            }
            i = next;
        }
        String cleaned = out == null ? text.substring(start, end) : out.toString();
        // Composed forms: "e" + U+0301 is drawn as the font's "é" rather than a mark placed by guesswork.
        return nfc.isNormalized(cleaned) ? cleaned : nfc.normalize(cleaned);
    }

    /** What replaces the code point, or null to keep it. */
    private String replacement(int cp) {
        if (cp == '\t') {
            return TAB;
        }
        switch (UCharacter.getType(cp)) {
            case UCharacterCategory.CONTROL:
                warnings.notPrintable(cp, "a control character");
                return String.valueOf(PLACEHOLDER);
            case UCharacterCategory.SURROGATE:
                warnings.notPrintable(cp, "half of a broken surrogate pair");
                return String.valueOf(PLACEHOLDER);
            case UCharacterCategory.UNASSIGNED:
                warnings.notPrintable(cp, "not an assigned Unicode character");
                return String.valueOf(PLACEHOLDER);
            default:
                return null;
        }
    }
}
