package org.casebook.imports.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.DateOrderEvidence;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageText;
import org.casebook.imports.MessageTime;

/**
 * Reads one WhatsApp chat text: {@link #inferDateOrder} (a first pass over the headers, when the user has
 * not said how dates are written) and {@link #read} (the pass that streams the records). Both work on the
 * UTF-8 bytes line by line; only the authors and bodies that are kept are decoded.
 */
final class ChatReader {
    static final String CHANNEL = "WhatsApp";
    private static final int AUTHOR_CACHE = 256;
    private static final Set<MessageFlag> NO_FLAGS = Set.of();

    /** Where the chat text is, for messages: "chat.txt" or "export.zip, entry _chat.txt". */
    private final String where;
    /** Prefix of each record's source: "line " or "_chat.txt line ". */
    private final String sourcePrefix;
    private final String conversation;
    private final MediaFinder media;
    private final Header h = new Header();

    // the date order in force, and why (for messages)
    private DateOrder order;
    private String orderReason;
    private boolean orderFromEvidence;
    private int shape = -1;
    private long firstHeaderLine;

    // the message being collected
    private boolean pending;
    private long pLine;
    private LocalDateTime pTime;
    private String pAuthorRaw;
    private String pAuthor;
    private String pAddress;
    /** The body's bytes are pinned in the line reader: its length there, and whether it spans lines. */
    private int pLength;
    private boolean pMultiLine;
    /** The message grew past what one keeps: its kept text is in {@link #joined}, its first pJoinedLength bytes. */
    private boolean pOverflow;
    private int pJoinedLength;
    private LineReader pReader;
    private byte[] joined = new byte[256];

    // the last date seen: consecutive messages mostly share it
    private long lastDateKey = -1;
    private LocalDate lastDate;

    // authors seen, by their bytes
    private final byte[][] authorKeys = new byte[AUTHOR_CACHE][];
    private final String[] authorRaw = new String[AUTHOR_CACHE];
    private final String[] authorClean = new String[AUTHOR_CACHE];
    private final String[] authorAddress = new String[AUTHOR_CACHE];

    private long messages;

    /** Finds the media files an export refers to. */
    interface MediaFinder {
        /** The reference, with the path in the export when the export holds the file. */
        AttachmentRef find(String name);

        /** True if the export holds a file of that name. */
        boolean has(String name);
    }

    ChatReader(String where, String sourcePrefix, String conversation, MediaFinder media) {
        this.where = where;
        this.sourcePrefix = sourcePrefix;
        this.conversation = conversation;
        this.media = media;
    }

    long messages() {
        return messages;
    }

    // ------------------------------------------------------------------------------------------------
    // pass 1: how are the dates written?

    /**
     * Reads the headers until one of them settles the date order: a four-digit first field means year first, a
     * date valid only one way settles it at once. Otherwise the whole file is read for the export's other
     * evidence ({@link DateOrderEvidence}: dates that read the same both ways, media file names, dates never
     * running backwards). Throws {@link AmbiguousDateOrderException} when that leaves it open.
     */
    DateOrder inferDateOrder(LineReader r) throws IOException {
        DateOrderEvidence evidence = new DateOrderEvidence();
        while (r.next()) {
            if (!header(r)) {
                continue;
            }
            if (h.yearFirst()) {
                return DateOrder.YMD;
            }
            int y = year(h.f3, h.n3);
            if (!validDate(y, h.f2, h.f1) && !validDate(y, h.f1, h.f2)) {
                throw ImportException.at(where, r.lineNumber(), "the date " + h.dateText(r.buf())
                        + " is not a valid date in any reading.");
            }
            String at = "line " + r.lineNumber();
            DateOrder settled = evidence.date(h.f1, h.f2, y, clock(), at, h.dateTimeText(r.buf()));
            if (settled != null) {
                orderReason = at + " (" + h.dateText(r.buf()) + ") can only be read "
                        + (settled == DateOrder.DMY ? "day first" : "month first");
                return settled;
            }
            MediaNames.Dated named = MediaNames.find(r.buf(), h.rest, r.end());
            if (named != null) {
                evidence.mediaDate(named.date(), at, named.name());
            }
        }
        if (shape < 0) {
            throw noHeader(r);
        }
        DateOrderEvidence.Decision decision = evidence.decide();
        if (decision == null) {
            throw new AmbiguousDateOrderException(where, evidence.samples());
        }
        orderReason = decision.reason();
        orderFromEvidence = true;
        return decision.order();
    }

    /** The header's time of day, or null when it is not a valid one (the reading pass reports that). */
    private LocalTime clock() {
        int hour = h.hour;
        if (h.meridiem != Header.NONE) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = h.meridiem == Header.AM ? hour % 12 : hour % 12 + 12;
        }
        return hour > 23 || h.minute > 59 || h.second > 59 ? null : LocalTime.of(hour, h.minute, h.second);
    }

    /**
     * True when the order was worked out from the export's weaker evidence (media names, the order of the
     * lines) rather than from a date that fits only one way; the importer says so, so the user can check.
     */
    boolean orderFromEvidence() {
        return orderFromEvidence;
    }

    /**
     * True if the current line is a message header of this export's style. The first non-blank line must be
     * one; a header-like line in a different style later on is part of a message body.
     */
    private boolean header(LineReader r) {
        byte[] b = r.buf();
        int s = r.start();
        int e = r.end();
        if (shape < 0) {
            if (blank(b, s, e)) {
                return false;
            }
            if (!h.parse(b, s, e)) {
                throw ImportException.at(where, r.lineNumber(), "this is not a WhatsApp chat export: the first line "
                        + "is not a message header such as \"31/12/2023, 21:05 - Name: text\" or "
                        + "\"[31/12/2023, 21:05:09] Name: text\".");
            }
            shape = h.shape;
            firstHeaderLine = r.lineNumber();
            return true;
        }
        if (s == e) {
            return false;
        }
        byte c = b[s];
        if ((c < '0' || c > '9') && c != '[' && c != (byte) 0xE2 && c != (byte) 0xEF) {
            return false;
        }
        return h.parse(b, s, e) && h.shape == shape;
    }

    private ImportException noHeader(LineReader r) {
        return new ImportException(where + ": " + (r.lineNumber() == 0 ? "is empty" : "holds only blank lines")
                + "; this is not a WhatsApp chat export.");
    }

    private static boolean blank(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                continue;
            }
            if (c == (byte) 0xEF && i + 2 < e && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
                i += 2; // a byte-order mark
                continue;
            }
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // pass 2: the records

    /**
     * Streams every record to the sink.
     *
     * @param order       DMY, MDY or YMD; a file whose dates are written year first (four digits) is read
     *                    year first whatever this says
     * @param orderReason why this order, for the message when a date does not fit it
     */
    void read(LineReader r, DateOrder order, String orderReason, ImportContext context, MessageSink sink)
            throws IOException {
        this.order = order;
        this.orderReason = orderReason;
        shape = -1;
        boolean warnedOrder = false;
        while (r.next()) {
            byte[] b = r.buf();
            int s = r.start();
            int e = r.end();
            boolean isHeader;
            if (shape < 0) {
                isHeader = header(r);
                if (!isHeader) {
                    continue; // blank lines before the first header
                }
                if (h.yearFirst() && order != DateOrder.YMD && !warnedOrder) {
                    context.warn(where + ": the dates are written year first (" + h.dateText(b) + "), so they were "
                            + "read year first, not as the date order given (" + order.code() + ").");
                    warnedOrder = true;
                }
            } else {
                isHeader = header(r);
                if (!isHeader && s < e && looksLikeOtherHeader(b, s, e)) {
                    context.warn(where + ", line " + r.lineNumber() + ": looks like a message header in another "
                            + "style; kept as part of the message at line " + pLine + ".");
                }
            }
            if (isHeader) {
                if (pending) {
                    flush(context, sink);
                }
                startMessage(r, b, e);
            } else {
                if (!pending) {
                    throw new IllegalStateException("continuation before the first header");
                }
                if (!pOverflow) {
                    pLength = e - r.pinned();
                    pMultiLine = true;
                    if (pLength > MessageText.READ_LIMIT) {
                        overflow(); // the rest of this message's lines are read but not kept
                    }
                }
            }
        }
        if (shape < 0) {
            throw noHeader(r);
        }
        if (pending) {
            flush(context, sink);
        }
    }

    /** A line that parsed as a header of a different style (the parser left its shape set). */
    private boolean looksLikeOtherHeader(byte[] b, int s, int e) {
        byte c = b[s];
        return ((c >= '0' && c <= '9') || c == '[' || c == (byte) 0xE2) && h.parse(b, s, e);
    }

    private void startMessage(LineReader r, byte[] b, int e) {
        long line = r.lineNumber();
        pending = true;
        pLine = line;
        pTime = LocalDateTime.of(date(b, line), time(b, line));
        pReader = r;
        pMultiLine = false;
        pOverflow = false;
        int rest = h.rest;
        // the author ends at the first ": "
        int hash = 1;
        int colon = -1;
        for (int i = rest; i < e - 1; i++) {
            byte c = b[i];
            if (c == ':' && b[i + 1] == ' ') {
                colon = i;
                break;
            }
            hash = 31 * hash + c;
        }
        if (colon < 0) {
            pAuthorRaw = null;
            pAuthor = null;
            pAddress = null;
            r.pin(rest);
            pLength = e - rest;
            return;
        }
        int slot = (hash ^ (hash >>> 11) ^ (hash >>> 22)) & (AUTHOR_CACHE - 1);
        byte[] key = authorKeys[slot];
        if (key == null || !Arrays.equals(key, 0, key.length, b, rest, colon)) {
            String raw = decode(b, rest, colon, line);
            String clean = Markers.stripBidi(raw).strip();
            authorKeys[slot] = Arrays.copyOfRange(b, rest, colon);
            authorRaw[slot] = raw;
            authorClean[slot] = clean;
            authorAddress[slot] = phoneNumber(clean);
        }
        pAuthorRaw = authorRaw[slot];
        pAuthor = authorClean[slot];
        pAddress = authorAddress[slot];
        r.pin(colon + 2);
        pLength = e - colon - 2;
    }

    private void flush(ImportContext context, MessageSink sink) {
        pending = false;
        String raw = body();
        pReader.unpin();
        Kind kind = pAuthor == null ? Kind.SYSTEM : Kind.MESSAGE;
        String sender = pAuthor;
        String address = pAddress;
        Set<MessageFlag> flags = NO_FLAGS;
        List<AttachmentRef> attachments = List.of();
        if (kind == Kind.MESSAGE && !raw.isEmpty()) {
            EnumSet<MessageFlag> f = null;
            int nl = raw.indexOf('\n');
            int firstEnd = nl < 0 ? raw.length() : nl;
            if (nl < 0 && Markers.isDeleted(raw)) {
                f = EnumSet.of(MessageFlag.DELETED);
            } else {
                String omitted = Markers.omitted(raw, firstEnd);
                if (omitted != null) {
                    f = EnumSet.of(MessageFlag.OMITTED);
                    attachments = List.of(AttachmentRef.missing(omitted));
                } else {
                    Markers.Attached att = Markers.attached(raw, firstEnd);
                    if (att != null && (att.certain() || media.has(att.name()))) {
                        attachments = List.of(media.find(att.name()));
                    }
                }
                if (Markers.isEdited(raw)) {
                    if (f == null) {
                        f = EnumSet.noneOf(MessageFlag.class);
                    }
                    f.add(MessageFlag.EDITED);
                }
            }
            if (f != null) {
                flags = f;
            } else if (attachments.isEmpty() && nl < 0 && Markers.isEncryptionNotice(raw)
                    && (raw.charAt(0) == Markers.LRM || pAuthor.equals(conversation) || messages == 0
                    || Markers.isCurrentEncryptionNotice(raw))) {
                // iOS writes the notice with the chat as its "author", with or without the mark: a system line
                kind = Kind.SYSTEM;
                sender = null;
                address = null;
            } else if (attachments.isEmpty() && (shape & 1) != 0 && raw.charAt(0) == Markers.LRM) {
                // iOS writes system lines with the group or a person as "author"; the LRM gives them away
                kind = Kind.SYSTEM;
                raw = pAuthorRaw + ": " + raw;
                sender = null;
                address = null;
            }
        }
        messages++;
        sink.accept(new ImportedMessage(kind, conversation, conversation, CHANNEL, sender, address,
                Direction.UNKNOWN, MessageTime.local(pTime), raw, attachments, flags, null, sourcePrefix + pLine));
    }

    /**
     * The pending message has grown past what a message keeps ({@link MessageText#READ_LIMIT} bytes): its
     * text so far is set aside in {@link #joined} and the line reader lets go of it, so that memory stays
     * bounded however many lines the message goes on for. {@link MessageText#capped} then cuts and marks it.
     */
    private void overflow() {
        pJoinedLength = join(pReader.buf(), pReader.pinned(), pReader.pinned() + MessageText.READ_LIMIT);
        pJoinedLength = MessageText.utf8Boundary(joined, 0, pJoinedLength);
        pReader.unpin();
        pOverflow = true;
    }

    /** Copies bytes into {@link #joined}, CR LF read as LF; returns how many it holds. */
    private int join(byte[] b, int s, int e) {
        if (joined.length < e - s) {
            joined = new byte[Math.max(e - s, joined.length * 2)];
        }
        int n = 0;
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c != '\r' || i + 1 >= e || b[i + 1] != '\n') {
                joined[n++] = c;
            }
        }
        return n;
    }

    /** The pending message's text: its bytes from the pinned start, CR LF between lines read as LF. */
    private String body() {
        if (pOverflow) {
            String text = decode(joined, 0, pJoinedLength, pLine);
            joined = new byte[256];
            return text;
        }
        byte[] b = pReader.buf();
        int s = pReader.pinned();
        int e = s + pLength;
        if (!pMultiLine) {
            return decode(b, s, e, pLine);
        }
        int n = join(b, s, e);
        String text = decode(joined, 0, n, pLine);
        if (joined.length > LineReader.CHUNK) {
            joined = new byte[256]; // one huge message does not keep its buffer for the rest of the chat
        }
        return text;
    }

    // ------------------------------------------------------------------------------------------------
    // dates and times

    private LocalDate date(byte[] b, long line) {
        long key = ((long) h.f1 << 36) | ((long) h.f2 << 22) | ((long) h.n3 << 18) | ((long) h.f3 << 4) | h.n1;
        if (key == lastDateKey) {
            return lastDate;
        }
        int y;
        int m;
        int d;
        DateOrder used = h.yearFirst() ? DateOrder.YMD : order;
        switch (used) {
            case DMY -> {
                d = h.f1;
                m = h.f2;
                y = year(h.f3, h.n3);
            }
            case MDY -> {
                m = h.f1;
                d = h.f2;
                y = year(h.f3, h.n3);
            }
            default -> {
                y = year(h.f1, h.n1);
                m = h.f2;
                d = h.f3;
                if (h.n3 > 2) {
                    y = -1;
                }
            }
        }
        if (!validDate(y, m, d)) {
            String text = h.dateText(b);
            String reading = switch (used) {
                case DMY -> "day first";
                case MDY -> "month first";
                case YMD -> "year first";
            };
            throw ImportException.at(where, line, "the date " + text + " is not a valid date when read " + reading
                    + (h.yearFirst() ? "." : " (" + orderReason + ")"
                    + (fitsOtherOrder(used) ? "; the file mixes date orders." : ".")));
        }
        lastDateKey = key;
        lastDate = LocalDate.of(y, m, d);
        return lastDate;
    }

    private boolean fitsOtherOrder(DateOrder used) {
        int y = year(h.f3, h.n3);
        return used == DateOrder.DMY ? validDate(y, h.f1, h.f2) : used == DateOrder.MDY && validDate(y, h.f2, h.f1);
    }

    private LocalTime time(byte[] b, long line) {
        int hour = h.hour;
        if (h.meridiem != Header.NONE) {
            if (hour > 12 || (hour == 0 && h.meridiem == Header.PM)) {
                throw ImportException.at(where, line, "the time " + h.dateTimeText(b) + " is not a valid 12-hour time.");
            }
            if (h.meridiem == Header.AM) {
                hour = hour == 12 ? 0 : hour; // 12:xx AM is 00:xx
            } else if (hour != 12) {
                hour += 12;
            }
        }
        if (hour > 23 || h.minute > 59 || h.second > 59) {
            throw ImportException.at(where, line, "the time in " + h.dateTimeText(b) + " is not a valid time.");
        }
        return LocalTime.of(hour, h.minute, h.second);
    }

    /** Two-digit years are 2000-2099; one- or three-digit years are not valid (-1). */
    static int year(int value, int digits) {
        return digits == 2 ? 2000 + value : digits == 4 ? value : -1;
    }

    static boolean validDate(int y, int m, int d) {
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        int max = switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return d <= max;
    }

    // ------------------------------------------------------------------------------------------------
    // text

    /** Decodes UTF-8 and refuses malformed bytes rather than replacing them silently. */
    private String decode(byte[] b, int s, int e, long line) {
        String text = new String(b, s, e - s, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0 && count(text) != countEncoded(b, s, e)) {
            throw ImportException.at(where, line, "is not valid UTF-8 text (the file may be damaged, or in another "
                    + "encoding)" + (line == pLine && pMultiLine ? "; the message starting here" : "") + ".");
        }
        return text;
    }

    private static int count(String text) {
        int n = 0;
        for (int i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
            n++;
        }
        return n;
    }

    private static int countEncoded(byte[] b, int s, int e) {
        int n = 0;
        for (int i = s; i + 2 < e; i++) {
            if (b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBF && b[i + 2] == (byte) 0xBD) {
                n++;
            }
        }
        return n;
    }

    /** The author as a phone number when it is one ("+44 7700 900123"), else null. */
    static String phoneNumber(String author) {
        if (author.length() < 7 || author.charAt(0) != '+') {
            return null;
        }
        int digits = 0;
        for (int i = 1; i < author.length(); i++) {
            char c = author.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '\u00A0') {
                return null;
            }
        }
        return digits >= 6 ? author : null;
    }

    long firstHeaderLine() {
        return firstHeaderLine;
    }

    String orderReason() {
        return orderReason;
    }
}
