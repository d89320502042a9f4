package org.casebook.imports.csv;

import java.io.IOException;
import java.io.Reader;
import org.casebook.imports.MessageText;

/**
 * The characters of a CSV file as the CSV parser should see them: every field at most
 * {@link MessageText#READ_LIMIT} characters, every record at most {@link #MAX_FIELDS} fields. The parser holds
 * a whole record in memory, so one line of hundreds of megabytes (one huge field, or millions of commas) would
 * otherwise become strings of that size. What is dropped is read and skipped; fields and records otherwise
 * reach the parser unchanged (quotes, doubled quotes, line breaks inside quotes), so a field that was cut is
 * still longer than {@link MessageText#MAX_CHARS} and {@link MessageText#capped} marks its message.
 *
 * <p>It follows the parser's dialect: fields separated by {@code delimiter}, quoted with {@code "} only when
 * the quote is the field's first character, a doubled quote inside quotes standing for one, records ending at
 * CR, LF or CR LF outside quotes.
 */
final class BoundedCsvReader extends Reader {
    static final int MAX_FIELDS = 1000;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** Inside quotes, just after a quote: a second one is a quote in the text, anything else ends the field. */
    private static final int QUOTE_SEEN = 3;
    /** After a record's last field that is kept: skip to the end of the record. */
    private static final int SKIP_RECORD = 4;
    private static final int SKIP_RECORD_QUOTED = 5;

    private final Reader in;
    private final char delimiter;
    private final int maxField;
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int lim;
    private int state = FIELD_START;
    private int fieldLength;
    private int fields = 1;
    private long cutFields;
    private long cutRecords;
    private boolean cutThisRecord;
    // the read in progress
    private char[] out;
    private int off;
    private int len;
    private int n;
    /** A character produced but not yet handed out, or -1. */
    private int pending = -1;

    BoundedCsvReader(Reader in, char delimiter) {
        this(in, delimiter, MessageText.READ_LIMIT);
    }

    /** @param maxField the most characters of a field kept (tests use a small one) */
    BoundedCsvReader(Reader in, char delimiter, int maxField) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxField = maxField;
    }

    /** How many fields were cut short. */
    long cutFields() {
        return cutFields;
    }

    /** How many records had more than {@link #MAX_FIELDS} fields (the rest of each was skipped). */
    long cutRecords() {
        return cutRecords;
    }

    @Override
    public int read(char[] out, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        this.out = out;
        this.off = off;
        this.len = len;
        n = 0;
        if (pending >= 0) {
            out[off + n++] = (char) pending;
            pending = -1;
        }
        while (n < len) {
            if (pos >= lim) {
                if (n > 0) {
                    return n;
                }
                lim = in.read(buf, 0, buf.length);
                pos = 0;
                if (lim <= 0) {
                    lim = 0;
                    if (state == QUOTE_SEEN) {
                        put('"'); // the closing quote, held back at the very end of the file
                        state = FIELD_START;
                        continue;
                    }
                    return n == 0 ? -1 : n;
                }
            }
            step(buf[pos++]);
        }
        return n;
    }

    private void step(char c) {
        switch (state) {
            case FIELD_START -> {
                fieldLength = 0;
                if (c == '"') {
                    state = QUOTED;
                    put(c);
                } else if (c == delimiter) {
                    endField(c);
                } else if (c == '\n' || c == '\r') {
                    put(c);
                    endRecord();
                } else {
                    state = UNQUOTED;
                    content(c);
                }
            }
            case UNQUOTED -> {
                if (c == delimiter) {
                    endField(c);
                } else if (c == '\n' || c == '\r') {
                    put(c);
                    endRecord();
                } else {
                    content(c);
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTE_SEEN; // held back until the next character says what it is
                } else {
                    content(c);
                }
            }
            case QUOTE_SEEN -> {
                if (c == '"') {
                    state = QUOTED; // a quote in the text, written doubled
                    if (fieldLength + 2 <= maxField) {
                        put('"');
                        put('"');
                    } else if (fieldLength < maxField + 2) {
                        cutFields++;
                    }
                    fieldLength += 2;
                } else {
                    put('"'); // the closing quote
                    fieldLength = Math.min(fieldLength, maxField); // what follows is kept, as the parser sees it
                    state = UNQUOTED;
                    step(c);
                }
            }
            case SKIP_RECORD -> {
                if (c == '"') {
                    state = SKIP_RECORD_QUOTED;
                } else if (c == '\n' || c == '\r') {
                    put(c);
                    endRecord();
                }
            }
            case SKIP_RECORD_QUOTED -> {
                if (c == '"') {
                    state = SKIP_RECORD; // a doubled quote re-enters quotes at once: the same for skipping
                }
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    /** Hands a character out, or keeps it for the next read when this one's buffer is full. */
    private void put(char c) {
        if (n < len) {
            out[off + n++] = c;
        } else {
            pending = c;
        }
    }

    private void content(char c) {
        if (fieldLength < maxField) {
            put(c);
        } else if (fieldLength == maxField) {
            cutFields++;
        }
        fieldLength++;
    }

    private void endField(char c) {
        state = FIELD_START;
        if (++fields > MAX_FIELDS) {
            state = SKIP_RECORD;
            if (!cutThisRecord) {
                cutThisRecord = true;
                cutRecords++;
            }
            return;
        }
        put(c);
    }

    private void endRecord() {
        state = FIELD_START;
        fields = 1;
        cutThisRecord = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
