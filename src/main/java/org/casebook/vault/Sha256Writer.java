package org.casebook.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A reusable SHA-256 that is fed text as UTF-8 without building the joined string or its byte array first:
 * for hashes computed once per imported row. What it hashes is byte for byte what
 * {@code text.getBytes(StandardCharsets.UTF_8)} gives, an unpaired surrogate included (it becomes {@code ?}).
 * Not thread-safe; {@link #digest} resets it for the next hash.
 */
public final class Sha256Writer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Longer values go through {@link String#getBytes} rather than the buffer. */
    private static final int LONG_TEXT = 4096;
    /** Values this long or longer are encoded by {@link String#getBytes}, then copied. */
    private static final int SHORT_TEXT = 24;

    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] out = new byte[32];
    private byte[] buf = new byte[2048];
    private final char[] chars = new char[LONG_TEXT];
    private int len;

    /** Adds one byte. */
    public Sha256Writer put(int b) {
        room(1);
        buf[len++] = (byte) b;
        return this;
    }

    /** Adds {@code text} as UTF-8. */
    public Sha256Writer utf8(String text) {
        return utf8(text, false);
    }

    /**
     * Adds {@code text} as UTF-8, with {@code \} written as {@code \\} and LF as {@code \n} when
     * {@code escapeLines} is set: the bytes of {@code text.replace("\\", "\\\\").replace("\n", "\\n")}.
     */
    public Sha256Writer utf8(String text, boolean escapeLines) {
        int n = text.length();
        if (n > LONG_TEXT) {
            flush();
            String s = escapeLines ? text.replace("\\", "\\\\").replace("\n", "\\n") : text;
            digest.update(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }
        if (n >= SHORT_TEXT) {
            // String's own encoder checks a whole run of ASCII at once; a short value is not worth the array.
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!escapeLines || !needsEscape(bytes)) {
                room(bytes.length);
                System.arraycopy(bytes, 0, buf, len, bytes.length);
                len += bytes.length;
                return this;
            }
        }
        room(3 * n);
        char[] cs = chars;
        text.getChars(0, n, cs, 0);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                if (escapeLines && (c == '\\' || c == '\n')) {
                    b[p++] = '\\';
                    b[p++] = (byte) (c == '\n' ? 'n' : '\\');
                } else {
                    b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(low = cs[i + 1])) {
                    int cp = Character.toCodePoint(c, low);
                    b[p++] = (byte) (0xf0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[p++] = (byte) (0x80 | (cp & 0x3f));
                    i++;
                } else {
                    b[p++] = '?';
                }
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        len = p;
        return this;
    }

    private static boolean needsEscape(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\\' || b == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Adds a string known to be ASCII (a column name, say). */
    public Sha256Writer ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Adds {@code Long.toString(value)}. */
    public Sha256Writer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        room(20);
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = len + digits;
        for (int p = end - 1; p >= len; p--) {
            buf[p] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        len = end;
        return this;
    }

    /** Drops everything added since the last digest. */
    public void reset() {
        len = 0;
        digest.reset();
    }

    /** The hash of everything added since the last digest; the returned array is reused by the next call. */
    public byte[] digest() {
        flush();
        try {
            digest.digest(out, 0, out.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The hash as lower-case hex, as {@link Sha256#hex} writes it. */
    public String hex() {
        return Sha256.hex(digest());
    }

    /** Writes the 64 lower-case hex digits of {@code hash} into {@code into}. */
    public static void hex(byte[] hash, byte[] into) {
        for (int i = 0; i < 32; i++) {
            into[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            into[2 * i + 1] = HEX[hash[i] & 0xf];
        }
    }

    /** The first eight bytes of {@code hash}, big-endian. */
    public static long leadingLong(byte[] hash) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xff);
        }
        return v;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            flush();
            if (n > buf.length) {
                buf = new byte[n];
            }
        }
    }

    private void flush() {
        if (len > 0) {
            digest.update(buf, 0, len);
            len = 0;
        }
    }
}
