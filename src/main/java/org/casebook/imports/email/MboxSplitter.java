package org.casebook.imports.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.casebook.imports.ImportException;

/**
 * Splits an mbox into messages while streaming it, one line of bytes at a time (CRLF, LF or a mix), so a file
 * of any size is read with one message in memory. A message starts at a {@code From } line that opens the
 * file, follows a blank line, or is a true envelope line ({@code From sender} and an asctime date,
 * {@link MailDates#isEnvelope}) even without the blank line, and only when the next line looks like a header
 * field: a body line that merely starts with "From " (a sloppy mbox that did not escape it) does not split. Body lines escaped as
 * {@code >From } lose one {@code >} (mboxo and mboxrd agree on that); lines with more ({@code >>From }) are
 * read as mboxrd, which Gmail and Thunderbird write, and counted so the importer can say so.
 */
final class MboxSplitter {
    /** A message as found in the mbox. */
    record Message(int number, long offset, String fromLine, MessageBytes bytes, boolean last, boolean fileEndsWithNewline) {
    }

    @FunctionalInterface
    interface Handler {
        void accept(Message message) throws IOException;
    }

    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final String where;
    private final long maxMessageBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long bufStart;
    private boolean eof;
    private long quotedDeeper;
    private long unseparated;
    /** The message being read (0 before the first) and the offset of its From line. */
    private int number;
    private long offset;

    /**
     * @param where how to name the file in errors
     */
    MboxSplitter(InputStream in, String where, long maxMessageBytes) {
        this.in = in;
        this.where = where;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Messages whose From line had no blank line before it. */
    long unseparated() {
        return unseparated;
    }

    /** Lines that started {@code >>From } (or deeper) and lost one {@code >} by the mboxrd rule. */
    long quotedDeeper() {
        return quotedDeeper;
    }

    private static final class Line {
        byte[] b = new byte[512];
        int len;
        long offset;

        /** Appends; false when the line would pass {@code max} bytes. */
        boolean append(byte[] src, int off, int n, long max) {
            if (len + n > b.length) {
                if (len + n > max) {
                    return false;
                }
                long want = Math.max((long) b.length * 2, (long) len + n);
                b = Arrays.copyOf(b, (int) Math.min(want, Integer.MAX_VALUE - 16));
            }
            System.arraycopy(src, off, b, len, n);
            len += n;
            return true;
        }

        boolean isBlank() {
            return len == 1 && b[0] == '\n' || len == 2 && b[0] == '\r' && b[1] == '\n' || len == 1 && b[0] == '\r';
        }

        boolean startsWith(byte[] prefix, int at) {
            if (len - at < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (b[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** A header field line: printable ASCII name without a colon, optional blanks, then a colon. */
        boolean isHeaderField() {
            int i = 0;
            while (i < len && b[i] >= 0x21 && b[i] <= 0x7E && b[i] != ':') {
                i++;
            }
            if (i == 0) {
                return false;
            }
            while (i < len && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            return i < len && b[i] == ':';
        }

        String text() {
            int n = len;
            while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == '\r')) {
                n--;
            }
            return new String(b, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads the next line (with its line ending) into {@code line}; false at the end of the file. */
    private boolean readLine(Line line) throws IOException {
        line.len = 0;
        line.offset = bufStart + pos;
        while (true) {
            if (pos >= lim && !fill()) {
                return line.len > 0;
            }
            int start = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            boolean newline = pos < lim;
            if (newline) {
                pos++;
            }
            if (!line.append(buf, start, pos - start, maxMessageBytes + 2)) {
                throw new ImportException(where + (number > 0 ? ", message " + number + " (offset " + offset + ")" : "")
                        + ": is larger than " + EmailImporter.size(maxMessageBytes)
                        + "; Casebook refuses single messages this large.");
            }
            if (newline) {
                return true;
            }
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bufStart += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim = n;
        return true;
    }

    /** Streams every message to {@code handler}. */
    void split(Handler handler) throws IOException {
        Line line = new Line();
        Line ahead = new Line();
        boolean haveAhead = false;
        boolean aheadOk = false;
        boolean previousBlank = true;
        int previousLen = 0;
        boolean lastEndedWithNewline = false;

        MessageBytes current = null;
        String fromLine = null;

        while (true) {
            boolean got;
            if (haveAhead) {
                Line t = line;
                line = ahead;
                ahead = t;
                got = aheadOk;
                haveAhead = false;
            } else {
                got = readLine(line);
            }
            if (!got) {
                break;
            }
            lastEndedWithNewline = line.len > 0 && line.b[line.len - 1] == '\n';
            // A message starts at a From line after a blank line, or at a true envelope line (a valid asctime
            // date) even without one: mboxes written by hand or by sloppy tools leave the blank line out.
            boolean envelope = !previousBlank && current != null && line.startsWith(FROM, 0)
                    && MailDates.isEnvelope(line.text());
            if ((previousBlank || envelope) && line.startsWith(FROM, 0)) {
                aheadOk = readLine(ahead);
                haveAhead = true;
                if (aheadOk && ahead.isHeaderField()) {
                    if (envelope) {
                        unseparated++;
                    }
                    if (current != null) {
                        if (previousLen > 0) {
                            current.dropLast(previousLen);
                        }
                        handler.accept(new Message(number, offset, fromLine, current, false, true));
                    }
                    number++;
                    current = new MessageBytes();
                    offset = line.offset;
                    fromLine = line.text();
                    previousBlank = false;
                    previousLen = 0;
                    continue;
                }
            }
            if (current == null) {
                if (line.isBlank()) {
                    continue;
                }
                throw new ImportException(where + ": is not an mbox file (it does not start with a 'From ' line"
                        + " followed by e-mail headers).");
            }
            int skip = 0;
            if (line.len > 0 && line.b[0] == '>') {
                int q = 0;
                while (q < line.len && line.b[q] == '>') {
                    q++;
                }
                if (line.startsWith(FROM, q)) {
                    skip = 1;
                    if (q > 1) {
                        quotedDeeper++;
                    }
                }
            }
            if (current.size() + line.len - skip > maxMessageBytes) {
                throw new ImportException(where + ", message " + number + " (offset " + offset + "): is larger than "
                        + EmailImporter.size(maxMessageBytes) + "; Casebook refuses single messages this large.");
            }
            current.append(line.b, skip, line.len - skip);
            previousBlank = line.isBlank();
            previousLen = previousBlank ? line.len : 0;
        }
        if (current == null) {
            throw new ImportException(where + ": is empty or not an mbox file (no 'From ' line followed by"
                    + " e-mail headers).");
        }
        if (previousLen > 0) {
            current.dropLast(previousLen);
        }
        handler.accept(new Message(number, offset, fromLine, current, true, lastEndedWithNewline));
    }
}
