package org.casebook.imports.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes a {@code Content-Transfer-Encoding: x-uuencode} part: a {@code begin <mode> <name>} line, lines whose
 * first character gives their length, then {@code `} (or a space) and {@code end}. mime4j has no uuencode
 * decoder, hence this one. Text before {@code begin} is skipped; data lines without a {@code begin} line are
 * decoded too; a part that never ends is decoded as far as it goes.
 */
final class Uudecode extends InputStream {
    private final InputStream in;
    private byte[] out = new byte[0];
    private int pos;
    private boolean begun;
    private boolean ended;
    private String name;

    Uudecode(InputStream in) {
        this.in = in;
    }

    /** The file name on the {@code begin} line, once read, else null. */
    String name() {
        return name;
    }

    @Override
    public int read() throws IOException {
        while (pos >= out.length) {
            if (!fill()) {
                return -1;
            }
        }
        return out[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= out.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.length - pos);
        System.arraycopy(out, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Decodes the next line; false at the end. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        String line = line();
        if (line == null) {
            ended = true;
            return false;
        }
        out = new byte[0];
        pos = 0;
        if (!begun) {
            if (line.startsWith("begin ")) {
                begun = true;
                String[] parts = line.split(" ", 3);
                name = parts.length == 3 ? parts[2].strip() : null;
                return true;
            }
            if (!encoded(line)) {
                return true; // text before the data
            }
            begun = true; // some mailers send the lines without "begin" (mikel/mail decodes those too)
        }
        if (line.equals("end")) {
            ended = true;
            return false;
        }
        if (line.isEmpty()) {
            return true;
        }
        int length = (line.charAt(0) - 32) & 0x3F;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
        for (int i = 1; i < line.length() && bytes.size() < length; i += 4) {
            int a = sextet(line, i);
            int b = sextet(line, i + 1);
            int c = sextet(line, i + 2);
            int d = sextet(line, i + 3);
            int v = a << 18 | b << 12 | c << 6 | d;
            for (int k = 0; k < 3 && bytes.size() < length; k++) {
                bytes.write(v >>> (16 - 8 * k) & 0xFF);
            }
        }
        out = bytes.toByteArray();
        return true;
    }

    /** A line of uuencoded data: its length character, then enough characters of the uuencode alphabet. */
    private static boolean encoded(String line) {
        if (line.isEmpty()) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x60) {
                return false;
            }
        }
        int length = (line.charAt(0) - 32) & 0x3F;
        return length > 0 && line.length() - 1 >= (length + 2) / 3 * 4;
    }

    private static int sextet(String line, int i) {
        return i < line.length() ? (line.charAt(i) - 32) & 0x3F : 0;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            sb.append((char) c);
        }
        if (c < 0 && sb.isEmpty()) {
            return null;
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
            end--;
        }
        return sb.substring(0, end);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
