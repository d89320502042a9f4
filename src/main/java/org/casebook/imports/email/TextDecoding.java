package org.casebook.imports.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the bytes of a header or a text part into text, by the charset the mail declares when that works and
 * by one fixed rule when it does not, so the same mail always reads the same way:
 * <ul>
 *   <li>bytes that are all ASCII read as ASCII, whatever is declared;</li>
 *   <li>ISO-8859-1 (or US-ASCII) declared but bytes 0x80–0x9F present: windows-1252, which is what the sender's
 *       software meant in practice;</li>
 *   <li>a charset that is unknown, missing for 8-bit text, or that the bytes do not fit: UTF-8 when the bytes
 *       are valid UTF-8, else windows-1252 (every byte kept as one character; the five bytes windows-1252 leaves
 *       undefined become the C1 control of the same value, as browsers do).</li>
 * </ul>
 * Every fallback is reported through {@code warn}: an evidence tool never repairs silently.
 */
final class TextDecoding {
    private static final char[] WINDOWS_1252 = new char[256];
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("latin1", "ISO-8859-1"),
            Map.entry("latin-1", "ISO-8859-1"),
            Map.entry("ascii", "US-ASCII"),
            Map.entry("ansi_x3.4-1968", "US-ASCII"),
            Map.entry("gb2312", "GBK"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("shift-jis", "Shift_JIS"),
            Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("cp-1252", "windows-1252"),
            Map.entry("win-1252", "windows-1252"));

    static {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String s = new String(all, Charset.forName("windows-1252"));
        for (int i = 0; i < 256; i++) {
            char c = s.charAt(i);
            WINDOWS_1252[i] = c == '\uFFFD' ? (char) i : c;
        }
    }

    private TextDecoding() {
    }

    /**
     * Decodes {@code bytes} by {@code declared} (null when the mail declares nothing).
     *
     * @param what what is being decoded, for the warning ("the text part", "the file name")
     */
    static String decode(byte[] bytes, int off, int len, String declared, String what, Consumer<String> warn) {
        String label = declared == null ? "" : declared.strip().replace("\"", "").replace("'", "");
        Charset charset = lookup(label);
        boolean ascii = isAscii(bytes, off, len);
        boolean wide = charset != null && (charset.name().contains("UTF-16") || charset.name().contains("UTF-32"));
        boolean plain = ascii && !wide && indexOf(bytes, off, len, (byte) 0x1B) < 0 && indexOf(bytes, off, len, (byte) 0) < 0;
        if (plain) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (ascii && (charset == null || charset.equals(StandardCharsets.US_ASCII))
                && indexOf(bytes, off, len, (byte) 0x1B) >= 0) {
            // 7-bit text with escape sequences and no (or an ASCII) charset: old Japanese mail writes raw ISO-2022-JP
            try {
                String text = strict(Charset.forName("ISO-2022-JP"), bytes, off, len);
                warn.accept(what + (label.isEmpty() ? " declares no charset" : " declares " + label)
                        + " but holds ISO-2022-JP escape sequences; read as ISO-2022-JP.");
                return text;
            } catch (CharacterCodingException | UnsupportedCharsetException e) {
                return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
            }
        }
        if (ascii && (charset == null || charset.equals(StandardCharsets.US_ASCII))) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (charset == null) {
            String text = fallback(bytes, off, len);
            warn.accept(what + (label.isEmpty() ? " declares no charset" : " declares the unknown charset '" + label + "'")
                    + " but holds 8-bit bytes; read as " + fallbackName(bytes, off, len) + ".");
            return text;
        }
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            if (charset.equals(StandardCharsets.US_ASCII)) {
                String text = fallback(bytes, off, len);
                warn.accept(what + " declares " + label + " but holds 8-bit bytes; read as "
                        + fallbackName(bytes, off, len) + ".");
                return text;
            }
            if (hasC1(bytes, off, len)) {
                warn.accept(what + " declares " + label + " but holds windows-1252 characters (bytes 0x80-0x9F);"
                        + " read as windows-1252.");
                return windows1252(bytes, off, len);
            }
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (charset.name().equals("windows-1252")) {
            return windows1252(bytes, off, len);
        }
        try {
            return strict(charset, bytes, off, len);
        } catch (CharacterCodingException e) {
            String text = fallback(bytes, off, len);
            warn.accept(what + " is not valid " + label + "; read as " + fallbackName(bytes, off, len) + ".");
            return text;
        }
    }

    static String decode(byte[] bytes, String declared, String what, Consumer<String> warn) {
        return decode(bytes, 0, bytes.length, declared, what, warn);
    }

    /** A charset by its MIME label, or null when Java does not know it (or it is "unknown-8bit" and the like). */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(l);
        try {
            return Charset.forName(alias != null ? alias : l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isUtf8(byte[] b, int off, int len) {
        try {
            strict(StandardCharsets.UTF_8, b, off, len);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else windows-1252. */
    static String fallback(byte[] b, int off, int len) {
        if (isUtf8(b, off, len)) {
            return new String(b, off, len, StandardCharsets.UTF_8);
        }
        return windows1252(b, off, len);
    }

    static String fallbackName(byte[] b, int off, int len) {
        return isUtf8(b, off, len) ? "UTF-8" : "windows-1252";
    }

    static String windows1252(byte[] b, int off, int len) {
        char[] out = new char[len];
        for (int i = 0; i < len; i++) {
            out[i] = WINDOWS_1252[b[off + i] & 0xFF];
        }
        return new String(out);
    }

    private static int indexOf(byte[] b, int off, int len, byte v) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasC1(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xFF;
            if (v >= 0x80 && v <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static String strict(Charset charset, byte[] b, int off, int len) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
    }
}
