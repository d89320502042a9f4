package org.casebook.imports.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.casebook.imports.ImportException;

/**
 * Re-encodes a UTF-16 stream that starts with a byte-order mark (very old exports) as UTF-8, so that the
 * same byte scanner reads it. The BOM itself is consumed; malformed UTF-16 fails the import.
 */
final class Utf16ToUtf8 extends InputStream {
    private final Reader reader;
    private final String where;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
    private boolean done;

    Utf16ToUtf8(InputStream in, String where) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_16.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        this.where = where;
        chars.flip();
        bytes.flip();
    }

    /** True if the bytes start with a UTF-16 byte-order mark (either order). */
    static boolean hasBom(byte[] head) {
        return head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
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
        if (!bytes.hasRemaining() && !refill()) {
            return -1;
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private boolean refill() throws IOException {
        bytes.clear();
        try {
            while (bytes.position() == 0 && !done) {
                chars.compact();
                int n = reader.read(chars);
                chars.flip();
                boolean end = n < 0;
                CoderResult r = encoder.encode(chars, bytes, end);
                if (r.isError()) {
                    r.throwException();
                }
                if (end) {
                    encoder.flush(bytes);
                    done = true;
                }
            }
        } catch (CharacterCodingException e) {
            throw new ImportException(where + ": starts with a UTF-16 byte-order mark but is not valid UTF-16 text.", e);
        }
        bytes.flip();
        return bytes.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
