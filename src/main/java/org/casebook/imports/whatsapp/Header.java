package org.casebook.imports.whatsapp;

import java.nio.charset.StandardCharsets;

/**
 * Recognises a WhatsApp message header at the start of a line by looking at the bytes in place: digits and
 * separators at the positions the header grammar allows, with no regular expression and no decoding. One
 * instance is reused for every line; after {@link #parse} returns true its fields describe the header.
 *
 * <pre>
 * header   = bidi* ['['] date datetime-sep [prefix-meridiem] time [meridiem] terminator
 * date     = n{1,4} sep [space] n{1,4} sep [space] n{1,4} ['.']      sep = '/' | '.' | '-'
 *            (a four-digit year first, last, or in the middle: 06/2018/13)
 * datetime = [','] space+ ['klo' space+]                             (Finnish "klo")
 * time     = n{1,2} (':' | '.') nn [(':' | '.') nn]
 * meridiem = space* ('a' | 'p') ['.'] [space] 'm' ['.']              (AM, pm, a.m., "p. m." with NBSP)
 *          | space* (午前 | 午後 | 오전 | 오후 | 上午 | 下午)
 * term     = ']' space            when the header opened with '['  (iOS)
 *          | space '-' space      otherwise                         (Android)
 *          | ':' space            (13.06.18 21.25.15: Name: text)
 *          | space                when an author and ": " follow   (13. 6. 2018. 21:25:15 Name: text)
 * space    = U+0020 | U+00A0 | U+202F | U+2009
 * bidi     = U+200E | U+200F      (and U+FEFF, a stray byte-order mark)
 * </pre>
 *
 * The date's fields are kept as numbers with their digit counts; which is the day and which the month is
 * decided by the importer for the whole file. {@link #shape} packs what stays constant within one export
 * (brackets, separators, seconds, 12-hour clock), so that a header-like line in a different style, such as
 * a quoted message pasted from another chat, is not mistaken for a new message.
 */
final class Header {
    static final int NONE = 0;
    static final int AM = 1;
    static final int PM = 2;

    int f1;
    int f2;
    int f3;
    int n1;
    int n2;
    int n3;
    int hour;
    int minute;
    int second;
    int meridiem;
    int shape;
    /** Where the date as written starts and ends (for showing samples). */
    int dateStart;
    int dateEnd;
    /** Where the time as written ends (the header text is {@code dateStart..timeEnd}). */
    int timeEnd;
    /** First byte after the terminator: the author and body, or a system line's text. */
    int rest;

    /** The header's date as written, e.g. {@code 31/12/2023}. */
    String dateText(byte[] b) {
        return new String(b, dateStart, dateEnd - dateStart, StandardCharsets.UTF_8);
    }

    /** The header's date and time as written, e.g. {@code 12/31/23, 9:05 PM}. */
    String dateTimeText(byte[] b) {
        return new String(b, dateStart, timeEnd - dateStart, StandardCharsets.UTF_8);
    }

    boolean yearFirst() {
        return n1 == 4;
    }

    /** True when the year was written between the other two numbers (06/2018/13); it is in f3 all the same. */
    boolean yearInTheMiddle;

    /** True if {@code b[s..e)} starts with a header; fills the fields. */
    boolean parse(byte[] b, int s, int e) {
        int p = s;
        // invisible marks before the header (LRM before iOS's '[', a stray BOM)
        while (p + 2 < e && (b[p] == (byte) 0xE2 && b[p + 1] == (byte) 0x80 && (b[p + 2] == (byte) 0x8E || b[p + 2] == (byte) 0x8F)
                || b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB && b[p + 2] == (byte) 0xBF)) {
            p += 3;
        }
        if (p >= e) {
            return false;
        }
        boolean bracket = b[p] == '[';
        if (bracket) {
            p++;
        }
        dateStart = p;
        // --- date: three numbers
        int v = 0;
        int q = p;
        while (q < e && q - p < 5 && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        int n = q - p;
        if (n == 0 || n > 4 || q >= e) {
            return false;
        }
        f1 = v;
        n1 = n;
        byte sep = b[q];
        if (sep != '/' && sep != '.' && sep != '-') {
            return false;
        }
        p = q + 1;
        boolean sepSpace = p < e && b[p] == ' ';
        if (sepSpace) {
            p++;
        }
        v = 0;
        q = p;
        while (q < e && q - p < 5 && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        n = q - p;
        if (n == 0 || n == 3 || n > 4 || (n == 4 && n1 > 2) || q >= e || b[q] != sep) {
            return false;
        }
        f2 = v;
        n2 = n;
        p = q + 1;
        if (p < e && b[p] == ' ') {
            p++;
        }
        v = 0;
        q = p;
        while (q < e && q - p < 5 && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        n = q - p;
        if (n == 0 || n > 4 || q >= e) {
            return false;
        }
        f3 = v;
        n3 = n;
        yearInTheMiddle = n2 == 4;
        if (yearInTheMiddle) {
            if (n3 > 2) {
                return false;
            }
            // kept as if written day/month/year (or month/day/year): the year goes last
            int year = f2;
            f2 = f3;
            n2 = n3;
            f3 = year;
            n3 = 4;
        } else if (n1 == 4 ? n3 > 2 : n1 > 2 || n3 == 1 || n3 == 3) {
            return false;
        }
        p = q;
        boolean trailingDot = false;
        if (b[p] == '.' && sep == '.') {
            trailingDot = true; // hr/sr "13. 6. 2018."
            p++;
        }
        dateEnd = p;
        // --- between date and time
        if (p >= e) {
            return false;
        }
        boolean comma = b[p] == ',';
        if (comma) {
            p++;
        }
        int sp = spaces(b, p, e);
        if (sp == p) {
            return false;
        }
        p = sp;
        boolean klo = false;
        if (p + 3 < e && b[p] == 'k' && b[p + 1] == 'l' && b[p + 2] == 'o') {
            int after = spaces(b, p + 3, e);
            if (after > p + 3) {
                klo = true;
                p = after;
            }
        }
        meridiem = NONE;
        boolean prefixMeridiem = false;
        int m = asianMeridiem(b, p, e);
        if (m != NONE) {
            meridiem = m;
            prefixMeridiem = true;
            p = spaces(b, p + 6, e);
        }
        // --- time
        q = p;
        v = 0;
        while (q < e && q - p < 3 && isDigit(b[q])) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        n = q - p;
        if (n == 0 || n > 2 || q + 2 >= e) {
            return false;
        }
        hour = v;
        byte tsep = b[q];
        if ((tsep != ':' && tsep != '.') || !isDigit(b[q + 1]) || !isDigit(b[q + 2])) {
            return false;
        }
        minute = (b[q + 1] - '0') * 10 + (b[q + 2] - '0');
        p = q + 3;
        boolean seconds = false;
        second = 0;
        if (p + 2 < e && b[p] == tsep && isDigit(b[p + 1]) && isDigit(b[p + 2])) {
            seconds = true;
            second = (b[p + 1] - '0') * 10 + (b[p + 2] - '0');
            p += 3;
        }
        if (p < e && isDigit(b[p])) {
            return false;
        }
        timeEnd = p;
        // --- meridiem after the time
        if (!prefixMeridiem) {
            int t = spaces(b, p, e);
            if (t < e) {
                int r = latinMeridiem(b, t, e);
                if (r > t) {
                    p = r;
                    timeEnd = p;
                } else if ((m = asianMeridiem(b, t, e)) != NONE) {
                    meridiem = m;
                    p = t + 6;
                    timeEnd = p;
                }
            }
        }
        // --- terminator
        int terminator = 0;
        if (bracket) {
            if (p >= e || b[p] != ']') {
                return false;
            }
            p++;
            if (p < e) {
                int t = spaceAt(b, p, e);
                if (t == p) {
                    return false;
                }
                p = t;
            }
        } else {
            int t = spaceAt(b, p, e);
            if (t > p && t < e && b[t] == '-') {
                p = t + 1;
                if (p < e) {
                    t = spaceAt(b, p, e);
                    if (t == p) {
                        return false;
                    }
                    p = t;
                }
            } else if (p + 1 < e && b[p] == ':' && spaceAt(b, p + 1, e) > p + 1) {
                terminator = 1; // "21.25.15: Name: text"
                p = spaceAt(b, p + 1, e);
            } else if (t > p && t < e && authorFollows(b, t, e)) {
                terminator = 2; // "21:25:15 Name: text"
                p = t;
            } else {
                return false;
            }
        }
        rest = p;
        shape = (bracket ? 1 : 0)
                | terminator << 18
                | (yearInTheMiddle ? 1 << 20 : 0)
                | (sep << 1)
                | (sepSpace ? 1 << 9 : 0)
                | (trailingDot ? 1 << 10 : 0)
                | (comma ? 1 << 11 : 0)
                | (klo ? 1 << 12 : 0)
                | (tsep == ':' ? 1 << 13 : 0)
                | (seconds ? 1 << 14 : 0)
                | (meridiem != NONE ? 1 << 15 : 0)
                | (prefixMeridiem ? 1 << 16 : 0)
                | (n1 == 4 ? 1 << 17 : 0);
        return true;
    }

    /** An author and ": " ahead on the line (the header form with no terminator of its own needs one). */
    private static boolean authorFollows(byte[] b, int p, int e) {
        for (int i = p + 1; i + 1 < e; i++) {
            if (b[i] == ':' && b[i + 1] == ' ') {
                return true;
            }
        }
        return false;
    }

    /** After "a"/"p" [.] [space] "m" [.] starting at {@code p}; sets {@link #meridiem}; returns p if none. */
    private int latinMeridiem(byte[] b, int p, int e) {
        byte c = b[p];
        int which;
        if (c == 'a' || c == 'A') {
            which = AM;
        } else if (c == 'p' || c == 'P') {
            which = PM;
        } else {
            return p;
        }
        int q = p + 1;
        if (q < e && b[q] == '.') {
            q++;
        }
        q = spaceAt(b, q, e);
        if (q >= e || (b[q] != 'm' && b[q] != 'M')) {
            return p;
        }
        q++;
        if (q < e && b[q] == '.') {
            q++;
        }
        if (q < e && isLetter(b[q])) {
            return p; // a word, not a marker
        }
        meridiem = which;
        return q;
    }

    /** 午前/午後 (ja), 오전/오후 (ko), 上午/下午 (zh): six bytes each. */
    private static int asianMeridiem(byte[] b, int p, int e) {
        if (p + 6 > e) {
            return NONE;
        }
        int b0 = b[p] & 0xFF;
        int b1 = b[p + 1] & 0xFF;
        int b2 = b[p + 2] & 0xFF;
        int b3 = b[p + 3] & 0xFF;
        int b4 = b[p + 4] & 0xFF;
        int b5 = b[p + 5] & 0xFF;
        if (b0 == 0xE5 && b1 == 0x8D && b2 == 0x88) { // 午
            if (b3 == 0xE5 && b4 == 0x89 && b5 == 0x8D) {
                return AM; // 午前
            }
            if (b3 == 0xE5 && b4 == 0xBE && b5 == 0x8C) {
                return PM; // 午後
            }
        } else if (b0 == 0xEC && b1 == 0x98 && b2 == 0xA4) { // 오
            if (b3 == 0xEC && b4 == 0xA0 && b5 == 0x84) {
                return AM; // 오전
            }
            if (b3 == 0xED && b4 == 0x9B && b5 == 0x84) {
                return PM; // 오후
            }
        } else if (b3 == 0xE5 && b4 == 0x8D && b5 == 0x88 && b0 == 0xE4 && b1 == 0xB8) { // 上午 / 下午
            if (b2 == 0x8A) {
                return AM;
            }
            if (b2 == 0x8B) {
                return PM;
            }
        }
        return NONE;
    }

    /** Skips any run of spaces (U+0020, U+00A0, U+202F, U+2009). */
    static int spaces(byte[] b, int p, int e) {
        int q;
        while ((q = spaceAt(b, p, e)) > p) {
            p = q;
        }
        return p;
    }

    /** Skips one space (U+0020, U+00A0, U+202F, U+2009) at {@code p}; returns p if there is none. */
    static int spaceAt(byte[] b, int p, int e) {
        if (p >= e) {
            return p;
        }
        byte c = b[p];
        if (c == ' ') {
            return p + 1;
        }
        if (c == (byte) 0xC2 && p + 1 < e && b[p + 1] == (byte) 0xA0) {
            return p + 2;
        }
        if (c == (byte) 0xE2 && p + 2 < e && b[p + 1] == (byte) 0x80 && (b[p + 2] == (byte) 0xAF || b[p + 2] == (byte) 0x89)) {
            return p + 3;
        }
        return p;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c < 0;
    }
}
