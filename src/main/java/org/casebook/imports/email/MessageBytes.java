package org.casebook.imports.email;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One message's bytes, in chunks that grow as the message does (4 KB, 8 KB, … up to 1 MB each), so a small
 * message costs little and a large one is never copied into a bigger array: the only copy of a message in
 * memory. Readable any number of times through {@link #open()}.
 */
final class MessageBytes {
    private static final int FIRST = 4096;
    private static final int LARGEST = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private int lastUsed;
    private long size;

    long size() {
        return size;
    }

    void append(byte[] b, int off, int len) {
        while (len > 0) {
            if (chunks.isEmpty() || lastUsed == chunks.get(chunks.size() - 1).length) {
                int next = chunks.isEmpty() ? FIRST : Math.min(LARGEST, chunks.get(chunks.size() - 1).length * 2);
                chunks.add(new byte[next]);
                lastUsed = 0;
            }
            byte[] last = chunks.get(chunks.size() - 1);
            int n = Math.min(len, last.length - lastUsed);
            System.arraycopy(b, off, last, lastUsed, n);
            lastUsed += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    /** Drops the last {@code n} bytes (the blank line that separates mbox messages). */
    void dropLast(int n) {
        while (n > 0 && !chunks.isEmpty()) {
            int take = Math.min(n, lastUsed);
            lastUsed -= take;
            size -= take;
            n -= take;
            if (lastUsed == 0 && n > 0) {
                chunks.remove(chunks.size() - 1);
                lastUsed = chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).length;
            }
        }
    }

    /** The last byte, or -1 when empty. */
    int lastByte() {
        if (size == 0) {
            return -1;
        }
        if (lastUsed == 0) {
            byte[] prev = chunks.get(chunks.size() - 2);
            return prev[prev.length - 1] & 0xFF;
        }
        return chunks.get(chunks.size() - 1)[lastUsed - 1] & 0xFF;
    }

    byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too large for one array");
        }
        byte[] out = new byte[(int) size];
        int p = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            int n = i == chunks.size() - 1 ? lastUsed : c.length;
            System.arraycopy(c, 0, out, p, n);
            p += n;
        }
        return out;
    }

    InputStream open() {
        return new InputStream() {
            private int chunk;
            private int pos;

            private int available(int i) {
                return i == chunks.size() - 1 ? lastUsed : chunks.get(i).length;
            }

            @Override
            public int read() {
                while (chunk < chunks.size() && pos >= available(chunk)) {
                    chunk++;
                    pos = 0;
                }
                if (chunk >= chunks.size()) {
                    return -1;
                }
                return chunks.get(chunk)[pos++] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                while (chunk < chunks.size() && pos >= available(chunk)) {
                    chunk++;
                    pos = 0;
                }
                if (chunk >= chunks.size()) {
                    return -1;
                }
                int n = Math.min(len, available(chunk) - pos);
                System.arraycopy(chunks.get(chunk), pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
