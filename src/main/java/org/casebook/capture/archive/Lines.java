package org.casebook.capture.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 lines of a JSON-lines or CDXJ file read with a cap on each line's length, so that a file with no line
 * breaks cannot fill memory: an over-long line is skipped to its end and reported as {@link #TOO_LONG}.
 */
final class Lines implements AutoCloseable {
    /** Returned in place of a line longer than the cap. */
    static final String TOO_LONG = "\0too long";

    private final BufferedReader in;
    private final int max;
    private int number;

    Lines(InputStream in, int max) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.max = max;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        number++;
        for (; c >= 0 && c != '\n'; c = in.read()) {
            if (line.length() < max) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return line.toString();
    }

    /** The number of the line {@link #next} last returned, from 1. */
    int number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
