package org.casebook.vault;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A vault passphrase, checked and normalised once.
 *
 * <p>The bundled SQLite3MultipleCiphers has two sharp edges this class designs out: an empty key silently
 * creates an <em>unencrypted</em> database, and a NUL character truncates the key. The text is normalised
 * to NFC so that "é" typed as one code point or as e + combining accent opens the same vault.
 */
public final class Passphrase implements AutoCloseable {
    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /** Checks and normalises; the caller may wipe {@code input} afterwards. */
    public static Passphrase of(char[] input) {
        if (input == null || input.length == 0 || new String(input).isBlank()) {
            throw VaultException.badInput("The passphrase is empty. Choose a passphrase of several words.");
        }
        for (char c : input) {
            if (c == '\0') {
                throw VaultException.badInput("The passphrase contains a NUL character, which cannot be used.");
            }
        }
        String normalised = Normalizer.normalize(new String(input), Normalizer.Form.NFC);
        return new Passphrase(normalised.toCharArray());
    }

    public static Passphrase of(String input) {
        return of(input == null ? null : input.toCharArray());
    }

    /** The key text handed to the cipher. Kept as short-lived as the driver allows. */
    String keyText() {
        return new String(chars);
    }

    /** The text as UTF-8, as the cipher reads the key text, made without a String; the caller wipes it. */
    byte[] utf8() {
        java.nio.ByteBuffer encoded = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    /** A copy with its own characters, to be wiped on its own (no String is made on the way). */
    Passphrase copy() {
        return new Passphrase(chars.clone());
    }

    /** Whether both hold the same text, compared in time that does not depend on where they differ. */
    boolean sameAs(Passphrase other) {
        int difference = chars.length ^ other.chars.length;
        for (int i = 0; i < Math.max(chars.length, other.chars.length); i++) {
            char a = i < chars.length ? chars[i] : 0;
            char b = i < other.chars.length ? other.chars[i] : 0;
            difference |= a ^ b;
        }
        return difference == 0;
    }

    public int length() {
        return chars.length;
    }

    /** Overwrites the characters in memory. */
    @Override
    public void close() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
