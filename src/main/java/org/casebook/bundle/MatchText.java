package org.casebook.bundle;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;

/**
 * Text as redaction matching sees it, with the way back to the text as written. The same words typed in other
 * ways come out the same: capitals and accents are folded ("CAFÉ" → "cafe", "ß" → "ss"), compatibility forms
 * are unfolded (full-width digits, ligatures), curly and straight apostrophes, quotes and dashes are one,
 * invisible characters (zero-width spaces, soft hyphens, direction marks) are dropped, full stops and commas count
 * as spaces ("St. John", "St John"), any run of white space (no-break spaces, tabs, line breaks) is one space,
 * spaces next to other punctuation go ("O ' Neill" → "o'neill"), and the separators inside a run of digits go
 * ("07700 900-456" → "07700900456", "3, 27" → "327").
 *
 * <p>Each character of {@link #key()} remembers the span of the written text it came from, so a match found in
 * the key is replaced in the text as written, leaving everything around it untouched.
 */
final class MatchText {
    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

    private final String key;
    private final int[] from;
    private final int[] to;

    private MatchText(String key, int[] from, int[] to) {
        this.key = key;
        this.from = from;
        this.to = to;
    }

    String key() {
        return key;
    }

    /** Where the key's characters {@code start} (inclusive) to {@code end} (exclusive) were in the written text. */
    int[] written(int start, int end) {
        return new int[] {from[start], to[end - 1]};
    }

    static MatchText of(CharSequence text) {
        Builder b = new Builder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = Character.codePointAt(text, i);
            int next = i + Character.charCount(cp);
            b.add(cp, i, next);
            i = next;
        }
        return b.tidy();
    }

    /** The key alone, for a term. */
    static String keyOf(CharSequence text) {
        return of(text).key;
    }

    private static final class Builder {
        private final StringBuilder key;
        private int[] from;
        private int[] to;

        Builder(int capacity) {
            key = new StringBuilder(capacity);
            from = new int[Math.max(16, capacity)];
            to = new int[Math.max(16, capacity)];
        }

        void add(int cp, int start, int end) {
            if (invisible(cp)) {
                if (!key.isEmpty()) {
                    to[key.length() - 1] = end; // part of the character before it
                }
                return;
            }
            if (space(cp)) {
                blank(start, end);
                return;
            }
            String folded = fold(cp);
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (c == '.' || c == ',') {
                    blank(start, end); // "St. John" and "St John", "Street, Leeds" and "Street Leeds"
                } else {
                    put(c, start, end);
                }
            }
        }

        private void blank(int start, int end) {
            if (!key.isEmpty() && key.charAt(key.length() - 1) == ' ') {
                to[key.length() - 1] = end;
            } else {
                put(' ', start, end);
            }
        }

        private void put(char c, int start, int end) {
            int n = key.length();
            if (n == from.length) {
                from = Arrays.copyOf(from, n * 2);
                to = Arrays.copyOf(to, n * 2);
            }
            key.append(c);
            from[n] = start;
            to[n] = end;
        }

        /** Drops spaces beside punctuation and separators inside digit runs; the kept characters keep their spans. */
        MatchText tidy() {
            int n = key.length();
            StringBuilder out = new StringBuilder(n);
            int[] f = new int[Math.max(1, n)];
            int[] t = new int[Math.max(1, n)];
            int i = 0;
            while (i < n) {
                char c = key.charAt(i);
                if (c == ' ' || separator(c)) {
                    int j = i;
                    while (j < n && (key.charAt(j) == ' ' || separator(key.charAt(j)))) {
                        j++;
                    }
                    char before = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
                    char after = j < n ? key.charAt(j) : 0;
                    if (digit(before) && digit(after)) {
                        i = j; // "07700 900-456": one number however it was grouped
                        continue;
                    }
                    if (c == ' ' && (punctuation(before) || punctuation(after))) {
                        i++; // "3 , 27" and "3,27" are the same
                        continue;
                    }
                }
                f[out.length()] = from[i];
                t[out.length()] = to[i];
                out.append(c);
                i++;
            }
            return new MatchText(out.toString(), f, t);
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean separator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
    }

    /** Anything but a letter, a digit or a space; the start and end of the text count as neither. */
    private static boolean punctuation(char c) {
        return c != 0 && c != ' ' && !Character.isLetterOrDigit(c);
    }

    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT || cp == 0x034F; // Cf, and the combining grapheme joiner
    }

    private static boolean space(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static String fold(int cp) {
        if (cp < 0x80) {
            return cp == '`' ? "'" : String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        }
        String variant = variant(cp);
        if (variant != null) {
            return variant;
        }
        if (Character.getType(cp) == Character.PRIVATE_USE) {
            return new String(Character.toChars(cp)); // the redaction mark stays what it is
        }
        String decomposed = NFKD.normalize(new String(Character.toChars(cp)));
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                base.appendCodePoint(c);
            }
        }
        String folded = UCharacter.foldCase(base.toString(), true);
        // a compatibility form may unfold to a space or to one of the variants (a full-width apostrophe)
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            String v = variant(c);
            if (v != null) {
                out.append(v);
            } else if (space(c)) {
                out.append(' ');
            } else if (!invisible(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** The one form of an apostrophe, a double quote or a dash, or null for any other character. */
    private static String variant(int c) {
        return switch (c) {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0x02BB, 0x02B9, 0x00B4, 0x0060, 0xFF07 -> "'";
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0xFF02 -> "\"";
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D -> "-";
            default -> null;
        };
    }
}
