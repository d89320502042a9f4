package org.casebook.model;

import java.util.Locale;

/**
 * A phone number, e-mail address or handle, kept as written ({@code raw}) and in a normalised form that
 * importers match on.
 */
public record Identifier(IdentifierKind kind, String raw, String normalized) {

    public static Identifier of(IdentifierKind kind, String raw) {
        return new Identifier(kind, raw, normalize(kind, raw));
    }

    /**
     * Phone: digits with a leading + kept ("00" becomes "+"); e-mail and handle: lower case, no "@" prefix;
     * address: lower case, one space between words.
     */
    public static String normalize(IdentifierKind kind, String raw) {
        String value = raw.strip();
        switch (kind) {
            case PHONE -> {
                StringBuilder digits = new StringBuilder();
                for (int i = 0; i < value.length(); i++) {
                    char ch = value.charAt(i);
                    if (Character.isDigit(ch)) {
                        digits.append(Character.forDigit(Character.digit(ch, 10), 10));
                    } else if (ch == '+' && digits.length() == 0) {
                        digits.append('+');
                    }
                }
                String d = digits.toString();
                return d.startsWith("00") ? "+" + d.substring(2) : d;
            }
            case EMAIL -> {
                return value.toLowerCase(Locale.ROOT);
            }
            case ADDRESS -> {
                return value.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            }
            case VEHICLE -> {
                return value.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
            }
            default -> {
                String handle = value.startsWith("@") ? value.substring(1) : value;
                return handle.toLowerCase(Locale.ROOT);
            }
        }
    }
}
