package org.casebook.imports.sms;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.casebook.imports.AttachmentRef;

/**
 * The bytes of an MMS part, base64 in the XML's {@code data} attribute, decoded only when read and as a
 * stream (a 50 MB video is never a second 37 MB array). Strict: line breaks and spaces are skipped, any other
 * character outside the base64 alphabet is an error, never ignored. Padding may be missing.
 *
 * <p>The base64 text is held only while its message is being imported: once the sink has taken the message,
 * {@link #release()} drops it, and {@link #open()} fails from then on.
 */
final class Base64Data implements AttachmentRef.EmbeddedData {
    private static final byte[] DECODE = new byte[128];
    private static final byte SKIP = -2;
    private static final byte BAD = -1;

    static {
        Arrays.fill(DECODE, BAD);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
        }
        DECODE[' '] = SKIP;
        DECODE['\t'] = SKIP;
        DECODE['\r'] = SKIP;
        DECODE['\n'] = SKIP;
    }

    private final String where;
    private volatile CharSequence base64;

    /**
     * @param base64 the attribute's text (a String, or the reader's {@link XmlCharReader.Embedded} copy of it)
     * @param where  the part, for messages ("sms-1.xml, line 12, part image.jpg")
     */
    Base64Data(CharSequence base64, String where) {
        this.base64 = base64;
        this.where = where;
    }

    @Override
    public InputStream open() throws IOException {
        CharSequence text = base64;
        if (text == null) {
            throw new IOException(where + ": the embedded data can only be read while its message is being"
                    + " imported.");
        }
        return new Decoder(text, where);
    }

    /** Drops the text: called once the message has been imported. */
    void release() {
        base64 = null;
    }

    /** Decodes the whole text (small parts: text in a charset). */
    static byte[] decodeAll(CharSequence text, String where) throws IOException {
        try (InputStream in = new Decoder(text, where)) {
            return in.readAllBytes();
        }
    }

    /** Decodes in blocks: characters are fetched as bytes into a buffer, then decoded with array loops. */
    private static final class Decoder extends InputStream {
        private final CharSequence text;
        private final String where;
        private final int length;
        /** The next character of {@code text} to fetch. */
        private int index;
        private final byte[] in = new byte[8192];
        private int inPos;
        private int inLim;
        /** Sextets of the quantum being read, and how many. */
        private int acc;
        private int count;
        /** '=' seen: only '=' and whitespace may follow. */
        private boolean padded;
        private boolean ended;
        /** Decoded bytes not yet returned (at most 2), left-aligned in bits 23..8. */
        private int held;
        private int heldCount;

        Decoder(CharSequence text, String where) {
            this.text = text;
            this.where = where;
            this.length = text.length();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int o = off;
            int end = off + len;
            while (heldCount > 0 && o < end) {
                b[o++] = (byte) (held >>> 16);
                held <<= 8;
                heldCount--;
            }
            while (o < end && !ended) {
                if (inPos == inLim && !refill()) {
                    o = finish(b, o, end);
                    continue;
                }
                if (count == 0 && !padded) {
                    // Fast path: whole quanta of four clean characters.
                    byte[] src = in;
                    int p = inPos;
                    int stop = Math.min(inLim - 3, p + (end - o) / 3 * 4);
                    while (p < stop) {
                        int v = DECODE[src[p] & 0x7F] << 18 | DECODE[src[p + 1] & 0x7F] << 12
                                | DECODE[src[p + 2] & 0x7F] << 6 | DECODE[src[p + 3] & 0x7F];
                        if (v < 0 || (src[p] | src[p + 1] | src[p + 2] | src[p + 3]) < 0) {
                            break;
                        }
                        b[o++] = (byte) (v >>> 16);
                        b[o++] = (byte) (v >>> 8);
                        b[o++] = (byte) v;
                        p += 4;
                    }
                    inPos = p;
                    if (o == end || inPos == inLim) {
                        continue;
                    }
                }
                o = one(b, o, end);
            }
            return o == off ? (ended && heldCount == 0 ? -1 : 0) : o - off;
        }

        /** Fetches the next block of characters as bytes (anything outside ASCII becomes an invalid byte). */
        private boolean refill() {
            int n = Math.min(in.length, length - index);
            if (n <= 0) {
                return false;
            }
            if (text instanceof XmlCharReader.Embedded e) {
                e.copy(index, in, 0, n);
            } else {
                for (int k = 0; k < n; k++) {
                    char c = text.charAt(index + k);
                    in[k] = c < 128 ? (byte) c : (byte) 0x80;
                }
            }
            index += n;
            inPos = 0;
            inLim = n;
            return true;
        }

        /** One character the careful way: whitespace, padding, errors. */
        private int one(byte[] b, int o, int end) throws IOException {
            byte raw = in[inPos++];
            int position = index - inLim + inPos;
            int d = raw < 0 ? BAD : DECODE[raw];
            if (d == SKIP) {
                return o;
            }
            if (padded) {
                if (raw != '=') {
                    throw new IOException(where + ": the base64 data goes on after its end (character " + position + ").");
                }
                return o;
            }
            if (raw == '=') {
                if (count < 2) {
                    throw new IOException(where + ": the base64 data has '=' in the wrong place (character "
                            + position + ").");
                }
                padded = true;
                return flush(b, o, end);
            }
            if (d < 0) {
                char c = text.charAt(position - 1);
                throw new IOException(where + ": the base64 data has a character that is not base64 ('"
                        + (c < ' ' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c))
                        + "', character " + position + ").");
            }
            acc = acc << 6 | d;
            if (++count == 4) {
                return flush(b, o, end);
            }
            return o;
        }

        /** At the end of the text: what is left of the last quantum. */
        private int finish(byte[] b, int o, int end) throws IOException {
            if (count == 1) {
                throw new IOException(where + ": the base64 data ends in the middle of a byte.");
            }
            o = flush(b, o, end);
            ended = true;
            return o;
        }

        /** Writes the bytes of the quantum read so far (2, 3 or 4 sextets), keeping what does not fit. */
        private int flush(byte[] b, int o, int end) {
            if (count < 2) {
                count = 0;
                acc = 0;
                return o;
            }
            int bytes = count - 1;
            int v = acc << 6 * (4 - count);
            count = 0;
            acc = 0;
            int k = 0;
            while (k < bytes && o < end) {
                b[o++] = (byte) (v >>> (16 - 8 * k));
                k++;
            }
            if (k < bytes) {
                held = v << (8 * k);
                heldCount = bytes - k;
            }
            return o;
        }
    }
}
