package org.casebook.imports.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.casebook.imports.MessageText;

/**
 * The bytes of a JSON file as the parser should see them: every string value at most {@link #limit}
 * characters ({@link MessageText#READ_LIMIT}). Jackson holds a whole string in memory before handing it over,
 * so one text value of hundreds of megabytes would otherwise become a string of that size (or fail at
 * Jackson's own limit, with no message read). The rest of a long string is read and skipped and the string is
 * closed where it was cut; it is still longer than {@link MessageText#MAX_CHARS} characters, so
 * {@link MessageText#capped} marks its message. A string is cut only between characters, never inside an
 * escape or a UTF-8 sequence; everything outside strings passes unchanged (line numbers too).
 */
final class JsonStringCap extends FilterInputStream {
    private static final int OUTSIDE = 0;
    private static final int STRING = 1;
    private static final int ESCAPE = 2;
    private static final int UNICODE = 3;
    private static final int SKIP = 4;
    private static final int SKIP_ESCAPE = 5;

    private final int limit;
    private int state = OUTSIDE;
    private int chars;
    private int hexLeft;
    private long cut;

    JsonStringCap(InputStream in) {
        this(in, MessageText.READ_LIMIT);
    }

    /** @param limit the most characters of a string kept (tests use a small one) */
    JsonStringCap(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    /** How many strings were cut. */
    long cut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            int w = filter(b, off, off + n);
            if (w > off) {
                return w - off;
            }
            // everything read was skipped: read on
        }
    }

    /** Filters {@code b[from, to)} in place; returns the end of what is kept. */
    private int filter(byte[] b, int from, int to) {
        int w = from;
        for (int r = from; r < to; r++) {
            byte c = b[r];
            switch (state) {
                case OUTSIDE -> {
                    b[w++] = c;
                    if (c == '"') {
                        state = STRING;
                        chars = 0;
                    }
                }
                case STRING -> {
                    if (c == '"') {
                        b[w++] = c;
                        state = OUTSIDE;
                    } else if ((c & 0xC0) == 0x80) {
                        b[w++] = c; // the rest of a character already counted
                    } else if (chars >= limit) {
                        cut++;
                        state = c == '\\' ? SKIP_ESCAPE : SKIP;
                    } else {
                        chars++;
                        b[w++] = c;
                        if (c == '\\') {
                            state = ESCAPE;
                        }
                    }
                }
                case ESCAPE -> {
                    b[w++] = c;
                    if (c == 'u') {
                        state = UNICODE;
                        hexLeft = 4;
                    } else {
                        state = STRING;
                    }
                }
                case UNICODE -> {
                    b[w++] = c;
                    if (--hexLeft == 0) {
                        state = STRING;
                    }
                }
                case SKIP -> {
                    if (c == '"') {
                        b[w++] = c; // the string ends where it was cut
                        state = OUTSIDE;
                    } else if (c == '\\') {
                        state = SKIP_ESCAPE;
                    }
                }
                case SKIP_ESCAPE -> state = SKIP;
                default -> throw new IllegalStateException("state " + state);
            }
        }
        return w;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long done = 0;
        while (done < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
