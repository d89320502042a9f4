package org.casebook.imports.sms;

import java.util.Locale;

/**
 * The key a phone number is grouped by: {@code +44 7700 900123}, {@code +447700-900123} and
 * {@code (+44) 7700 900123} are one conversation. Only separators are removed (spaces, dashes, dots,
 * brackets, slashes) and digits in other scripts become ASCII; nothing is guessed: a national number
 * ({@code 07700 900123}) is not turned into an international one without knowing the country, so it stays a
 * different key from its +44 form. Alphanumeric senders ({@code MPESA}) and e-mail addresses (MMS) are kept
 * as written, e-mail addresses in lower case. The raw value is always kept beside the key.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** The normalised key, or "" for an absent number ({@code null}, "null", blank). */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        if (s.isEmpty() || s.equals("null")) {
            return "";
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = Character.digit(c, 10);
            if (d >= 0) {
                digits.append((char) ('0' + d));
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (!isSeparator(c)) {
                return s.indexOf('@') >= 0 ? s.toLowerCase(Locale.ROOT) : s.replaceAll("\\s+", " ");
            }
        }
        if (digits.length() == 0) {
            return s;
        }
        return plus ? "+" + digits : digits.toString();
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00A0'
                || c == '\u202F' || c == '\u2009' || c == '\u2010' || c == '\u2011' || c == '\u2012'
                || c == '\u2013' || c == '\t';
    }
}
