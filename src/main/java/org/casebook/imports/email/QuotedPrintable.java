package org.casebook.imports.email;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Quoted-printable decoding (RFC 2045 6.7) that keeps each hard line break as the message wrote it (LF or
 * CRLF), where mime4j's decoder writes CRLF: the decoded text of an LF-only mbox stays LF-only. Soft breaks
 * ({@code =} at the end of a line, with or without CR, with transport padding after it) join lines;
 * {@code =XX} becomes its byte (lower-case hex too); an {@code =} that starts nothing valid stays as written;
 * unencoded white space at the end of a line, added by transport, is dropped as the RFC says.
 */
final class QuotedPrintable extends InputStream {
    private final InputStream in;
    private byte[] line = new byte[256];
    private byte[] out = new byte[256];
    private int outPos;
    private int outLen;
    private boolean eof;

    QuotedPrintable(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (outPos >= outLen && !fill()) {
            return -1;
        }
        return out[outPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos >= outLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Decodes the next line into {@code out}; false at the end. */
    private boolean fill() throws IOException {
        while (true) {
            if (eof) {
                return false;
            }
            int n = 0;
            int c;
            boolean newline = false;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    newline = true;
                    break;
                }
                if (n == line.length) {
                    line = Arrays.copyOf(line, n * 2);
                }
                line[n++] = (byte) c;
            }
            if (c < 0) {
                eof = true;
                if (n == 0) {
                    return false;
                }
            }
            boolean cr = n > 0 && line[n - 1] == '\r';
            int end = cr ? n - 1 : n;
            while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
                end--;
            }
            boolean soft = end > 0 && line[end - 1] == '=';
            if (soft) {
                end--;
            }
            if (out.length < n + 2) {
                out = new byte[n + 2];
            }
            outPos = 0;
            outLen = 0;
            for (int i = 0; i < end; i++) {
                byte b = line[i];
                if (b == '=' && i + 2 < end && hex(line[i + 1]) >= 0 && hex(line[i + 2]) >= 0) {
                    out[outLen++] = (byte) (hex(line[i + 1]) * 16 + hex(line[i + 2]));
                    i += 2;
                } else {
                    out[outLen++] = b;
                }
            }
            if (!soft && newline) {
                if (cr) {
                    out[outLen++] = '\r';
                }
                out[outLen++] = '\n';
            }
            if (outLen > 0) {
                return true;
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
