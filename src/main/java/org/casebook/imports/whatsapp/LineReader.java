package org.casebook.imports.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.casebook.imports.ImportException;
import org.casebook.imports.MessageText;
import org.casebook.vault.Progress;

/**
 * Splits a UTF-8 byte stream into lines without decoding it: the chat scanner looks at the bytes of each
 * line in place ({@link #buf()}, {@link #start()}, {@link #end()}) and decodes only the author and body it
 * keeps. Lines end at LF; a CR just before the LF is not part of the line. A UTF-8 byte-order mark at the
 * very start is skipped. A NUL byte anywhere fails the import (a binary file, or UTF-16 without a BOM).
 *
 * <p>The buffer holds one chunk of the file (1 MiB) and grows only while a single line is longer than that,
 * so memory stays bounded by the longest line, not by the file; and a line keeps at most
 * {@link MessageText#READ_LIMIT} bytes ({@link #truncated()}): the rest of it is read and skipped, so one
 * huge line costs no more than that.
 */
final class LineReader {
    static final int CHUNK = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;

    private final InputStream in;
    private final String where;
    private final Progress progress;
    private final long total;
    private final int maxLine;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private long bytesBefore;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;
    private boolean lineCr;
    private boolean lineTruncated;
    private int pin = -1;

    /**
     * @param where    the file (and zip entry) for error messages
     * @param total    the stream's length for progress, or -1
     * @param progress told the bytes read after each chunk, and asked whether to stop; may be null
     */
    LineReader(InputStream in, String where, long total, Progress progress) {
        this(in, where, total, progress, CHUNK);
    }

    LineReader(InputStream in, String where, long total, Progress progress, int chunk) {
        this(in, where, total, progress, chunk, MessageText.READ_LIMIT);
    }

    /** @param maxLine the most bytes of one line kept (tests use a small one) */
    LineReader(InputStream in, String where, long total, Progress progress, int chunk, int maxLine) {
        this.in = in;
        this.where = where;
        this.total = total;
        this.progress = progress;
        this.buf = new byte[Math.max(16, chunk)];
        this.maxLine = Math.max(16, maxLine);
    }

    byte[] buf() {
        return buf;
    }

    /** First byte of the current line. */
    int start() {
        return lineStart;
    }

    /** One past the last byte of the current line (the LF, and a CR before it, excluded). */
    int end() {
        return lineEnd;
    }

    /** 1-based number of the current line. */
    long lineNumber() {
        return lineNumber;
    }

    /** True if the current line ended with CR LF. */
    boolean crlf() {
        return lineCr;
    }

    /** True if the current line was longer than the reader keeps: its end was skipped. */
    boolean truncated() {
        return lineTruncated;
    }

    /**
     * Keeps the bytes from {@code offset} (in the current buffer) on: they stay in the buffer, and in one
     * piece, until {@link #unpin}, however many lines are read meanwhile. {@link #pinned} tells where they
     * are now. The chat reader pins a message's first body byte and decodes the whole message at once.
     */
    void pin(int offset) {
        pin = offset;
    }

    void unpin() {
        pin = -1;
    }

    /** Where the pinned byte is now. */
    int pinned() {
        return pin;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
                pos += 3;
            }
            // a binary file fails as binary, not as "the first line is not a header"
            int probe = Math.min(limit, pos + 64 * 1024);
            for (int i = pos; i < probe; i++) {
                if (buf[i] == 0) {
                    nul(i);
                }
            }
        }
        int scan = pos;
        lineTruncated = false;
        while (true) {
            int nl = findLf(scan, limit);
            if (nl >= 0) {
                lineNumber++;
                lineStart = pos;
                lineCr = !lineTruncated && nl > pos && buf[nl - 1] == '\r';
                lineEnd = lineCr ? nl - 1 : nl;
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    lineNumber++;
                    lineStart = pos;
                    lineEnd = limit;
                    lineCr = false;
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (!lineTruncated && limit - pos > maxLine) {
                scan = skipRestOfLine(); // where the LF that ends the line is now (the end, at the stream's end)
                continue;
            }
            int scanned = limit - pos;
            compactAndFill();
            scan = pos + scanned; // the bytes already looked at moved with the rest
        }
    }

    /**
     * The current line is longer than {@link #maxLine}: keeps its first {@code maxLine} bytes (ending on a
     * whole UTF-8 character) and reads the rest of it without keeping it. Afterwards the kept bytes are followed
     * by the LF that ended the line and what came after it, or the stream is at its end.
     *
     * @return the index of that LF in the buffer, or the buffer's end at the end of the stream
     */
    private int skipRestOfLine() throws IOException {
        lineTruncated = true;
        int keepEnd = pos + MessageText.utf8Boundary(buf, pos, maxLine);
        bytesBefore += limit - keepEnd; // read, and dropped
        limit = keepEnd;
        byte[] scratch = new byte[1 << 16];
        while (true) {
            int n = in.read(scratch, 0, scratch.length);
            if (n < 0) {
                eof = true;
                return limit;
            }
            int nl = -1;
            for (int i = 0; i < n; i++) {
                byte c = scratch[i];
                if (c == '\n') {
                    nl = i;
                    break;
                }
                if (c == 0) {
                    throw binary(lineNumber + 1);
                }
            }
            if (nl < 0) {
                bytesBefore += n;
                reportProgress();
                continue;
            }
            bytesBefore += nl;
            // the LF and what follows it join the kept bytes; the buffer has room for them after compacting
            int tail = n - nl;
            if (buf.length - limit < tail) {
                int from = pin >= 0 ? Math.min(pin, pos) : pos;
                if (from > 0) {
                    System.arraycopy(buf, from, buf, 0, limit - from);
                    bytesBefore += from;
                    pos -= from;
                    if (pin >= 0) {
                        pin -= from;
                    }
                    limit -= from;
                }
                if (buf.length - limit < tail) {
                    buf = Arrays.copyOf(buf, limit + tail);
                }
            }
            System.arraycopy(scratch, nl, buf, limit, tail);
            int lf = limit;
            limit += tail;
            reportProgress();
            return lf;
        }
    }

    private void reportProgress() {
        if (progress != null) {
            progress.update(bytesBefore + limit, total);
            progress.checkCancelled();
        }
    }

    private void compactAndFill() throws IOException {
        int from = pin >= 0 ? Math.min(pin, pos) : pos;
        int keep = limit - from;
        if (from == 0 && limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // one line (or pinned message) longer than the buffer
        } else if (from > 0 && keep > 0) {
            System.arraycopy(buf, from, buf, 0, keep);
        }
        bytesBefore += from;
        pos -= from;
        if (pin >= 0) {
            pin -= from;
        }
        limit = keep;
        fill();
    }

    private void fill() throws IOException {
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                break;
            }
            limit += n;
            if (n == 0) {
                break;
            }
        }
        reportProgress();
    }

    /**
     * Index of the next LF in {@code [from, to)}, or -1. Looks at eight bytes at a time (SWAR) and fails on a
     * NUL byte on the way.
     */
    private int findLf(int from, int to) {
        byte[] b = buf;
        int i = from;
        int last = to - 8;
        while (i <= last) {
            long w = (long) LONGS.get(b, i);
            long x = w ^ LFS;
            long hit = ((x - ONES) & ~x & HIGHS) | ((w - ONES) & ~w & HIGHS);
            if (hit != 0) {
                int j = i + (Long.numberOfTrailingZeros(hit) >>> 3);
                // the lowest flagged byte is exact for the first match in little-endian order
                if (b[j] == '\n') {
                    return j;
                }
                nul(j);
            }
            i += 8;
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                return i;
            }
            if (c == 0) {
                nul(i);
            }
        }
        return -1;
    }

    private void nul(int at) {
        long line = lineNumber + 1;
        for (int k = pos; k < at; k++) {
            if (buf[k] == '\n') {
                line++;
            }
        }
        throw binary(line);
    }

    private ImportException binary(long line) {
        return ImportException.at(where, line, "holds a NUL byte: this is a binary file (or UTF-16 text without a "
                + "byte-order mark), not a WhatsApp chat export.");
    }
}
