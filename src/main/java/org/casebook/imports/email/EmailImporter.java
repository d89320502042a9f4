package org.casebook.imports.email;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;
import org.casebook.vault.Progress;

/**
 * E-mail: one message in an {@code .eml} file, or many in an {@code .mbox} (mboxo or mboxrd, as Gmail Takeout,
 * Thunderbird and mail servers write them), or the {@code .mbox}/{@code .eml} files inside a zip (a Takeout
 * download). The mbox is split while streaming (see {@link MboxSplitter}); each message's bytes, bounded in
 * size, go to mime4j ({@link MailParser}).
 *
 * <p>Each message becomes one record: the conversation is Gmail's thread id when the export has one, else the
 * subject without its Re:/Fwd: prefixes; the sender is the From header; the time is the Date header with its
 * own offset (or, when Date is missing or unreadable, the first Received header's date, then the mbox From
 * line's, with a warning); the raw text is the text/plain body (or the text of an HTML-only mail, whose HTML is
 * kept as an attachment). The whole message travels as an attachment {@code message-N.eml}, and every other
 * part (files, nested messages, other renditions) as an attachment of its own.
 */
public final class EmailImporter implements Importer {
    /** A single message larger than this is refused (mail services cap messages far below it). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 256L * 1024 * 1024;
    private static final int HEAD_BYTES = 8192;
    /** A display name that is itself an e-mail address. */
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+>?");
    private static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "^(?:re|fwd?|aw|wg|sv|vs|antw|odp|rv|tr|enc|res)\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE);

    private final long maxMessageBytes;

    public EmailImporter() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    /** @param maxMessageBytes the largest single message accepted (tests use a small one) */
    EmailImporter(long maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.EMAIL;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (file.isZip()) {
            for (String entry : file.entriesEndingWith(".mbox")) {
                if (looksLikeMbox(file.head(entry, HEAD_BYTES))) {
                    return true;
                }
            }
            return false;
        }
        byte[] head = file.head(null, HEAD_BYTES);
        if (lower(file.name()).endsWith(".eml")) {
            return looksLikeEml(head);
        }
        return looksLikeMbox(head);
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(file.path()).toInstant();
        } catch (IOException e) {
            modified = null;
        }
        Run run = new Run(context, sink, modified);
        if (file.isZip()) {
            List<String> entries = file.entriesEndingWith(".mbox", ".eml");
            if (entries.isEmpty()) {
                throw new ImportException(file.name() + ": the zip holds no .mbox or .eml file.");
            }
            for (String entry : entries) {
                String where = file.name() + ", entry " + entry;
                byte[] head = file.head(entry, HEAD_BYTES);
                try (InputStream in = file.zip().open(entry)) {
                    readOne(where, entry + ", ", kind(where, head, lower(entry).endsWith(".eml")), in,
                            file.zip().size(entry), run);
                }
            }
        } else {
            byte[] head = file.head(null, HEAD_BYTES);
            Kind kind = kind(file.name(), head, lower(file.name()).endsWith(".eml"));
            long size = Files.size(file.path());
            try (InputStream in = file.open()) {
                readOne(file.name(), "", kind, in, size, run);
            }
        }
    }

    private enum Kind { EML, MBOX }

    /** What a file holds, or a clear refusal when it is not e-mail at all. */
    private static Kind kind(String where, byte[] head, boolean emlByName) {
        if (head.length == 0) {
            throw new ImportException(where + ": is empty.");
        }
        if (!emlByName && looksLikeMbox(head)) {
            return Kind.MBOX;
        }
        if (looksLikeEml(head)) {
            return Kind.EML;
        }
        if (binary(head)) {
            throw new ImportException(where + ": is not an e-mail file (it holds binary data).");
        }
        throw new ImportException(where + ": is not an e-mail file (it does not start with e-mail headers"
                + (emlByName ? "" : " or an mbox 'From ' line") + ").");
    }

    /** The state of one import: warnings go to the context, Message-IDs are remembered to flag repeats. */
    private final class Run {
        final ImportContext context;
        final MessageSink sink;
        final Progress progress;
        final IdSet messageIds = new IdSet();
        final Instant fileTime;
        /** The files read so far (zip entries), for naming where an earlier duplicate was; 1-based. */
        final List<String> files = new ArrayList<>();
        final List<Kind> kinds = new ArrayList<>();
        int file;

        Run(ImportContext context, MessageSink sink, Instant fileTime) {
            this.context = context;
            this.sink = sink;
            this.fileTime = fileTime;
            this.progress = context.progress() == null ? Progress.NONE : context.progress();
        }
    }

    private void readOne(String where, String sourcePrefix, Kind kind, InputStream raw, long size, Run run)
            throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        run.files.add(where);
        run.kinds.add(kind);
        run.file = run.files.size();
        if (kind == Kind.EML) {
            MessageBytes bytes = new MessageBytes();
            String fromLine = readEml(where, in, bytes);
            boolean endsWithNewline = bytes.lastByte() == '\n';
            convert(where, sourcePrefix + "message", 1, fromLine, bytes, true, endsWithNewline, run);
            run.progress.update(size, size);
            return;
        }
        MboxSplitter splitter = new MboxSplitter(in, where, maxMessageBytes);
        splitter.split(m -> {
            run.progress.checkCancelled();
            convert(where, sourcePrefix + "message " + m.number() + " (offset " + m.offset() + ")", m.number(),
                    m.fromLine(), m.bytes(), m.last(), m.fileEndsWithNewline(), run);
            run.progress.update(m.offset(), size);
        });
        if (splitter.unseparated() > 0) {
            run.context.warn(where + ": " + splitter.unseparated() + " message(s) start with a From line without a"
                    + " blank line before it; each was read as a message of its own.");
        }
        if (splitter.quotedDeeper() > 0) {
            run.context.warn(where + ": " + splitter.quotedDeeper() + " body line(s) starting '>>From ' were read as"
                    + " mboxrd (one '>' removed); if this mbox is mboxo, they had one more '>'.");
        }
        run.progress.update(size, size);
    }

    /** Reads a whole .eml (bounded), setting aside an mbox-style From line at its top; returns that line. */
    private String readEml(String where, InputStream in, MessageBytes bytes) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] first = readLine(in, HEAD_BYTES);
        String fromLine = null;
        if (first.length >= 5 && startsWith(first, "From ")) {
            fromLine = new String(first, StandardCharsets.ISO_8859_1).strip();
        } else {
            in.reset();
        }
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (bytes.size() + n > maxMessageBytes) {
                throw new ImportException(where + ": is larger than " + size(maxMessageBytes)
                        + "; Casebook refuses single messages this large.");
            }
            bytes.append(buf, 0, n);
        }
        return fromLine;
    }

    private void convert(String where, String source, int number, String fromLine, MessageBytes bytes, boolean last,
                         boolean fileEndsWithNewline, Run run) throws IOException {
        String label = where + ", " + source;
        if (source.equals("message") || source.endsWith(", message")) {
            label = where;
        }
        Set<String> notes = new LinkedHashSet<>();
        MailParser.ParsedMail mail;
        try {
            mail = MailParser.parse(bytes, "message-" + number, notes::add);
        } catch (IOException e) {
            throw new ImportException(label + ": " + e.getMessage(), e);
        }
        if (mail.headers().isEmpty()) {
            throw new ImportException(label + ": has no e-mail headers; the file is not e-mail or is damaged.");
        }
        for (HeaderText.RawHeader h : mail.headers()) {
            if (h.name().indexOf('\0') >= 0 || h.value().indexOf('\0') >= 0) {
                throw new ImportException(label + ": its headers hold binary data; the file is not e-mail or is damaged.");
            }
        }
        if (mail.unclosedMultipart()) {
            if (last && !fileEndsWithNewline) {
                throw new ImportException(label + ": ends in the middle of its MIME parts; the file looks truncated.");
            }
            notes.add("its MIME parts are not closed (the final boundary is missing); it may be incomplete.");
        }

        String subject = HeaderText.decodeWords(mail.header("Subject"), notes::add);
        String normalised = normaliseSubject(subject);
        String thread = mail.header("X-GM-THRID");
        String conversation = thread != null && !thread.isBlank() ? thread.strip() : normalised;

        String from = mail.header("From");
        HeaderText.Mailbox sender = HeaderText.mailbox(from, notes::add);
        if (from == null) {
            notes.add("has no From header.");
        }
        String senderName = sender.name() != null ? sender.name() : sender.address();
        if (sender.name() != null && sender.address() != null && ADDRESS.matcher(sender.name().strip()).matches()) {
            // "alice@example.com" <mallory@evil.example>: the name is a claim, the address is where it came from
            senderName = sender.address();
            if (!sender.name().strip().equalsIgnoreCase(sender.address())) {
                notes.add("its sender's display name \"" + sender.name().strip() + "\" is an address other than the"
                        + " one it was sent from (" + sender.address() + "); the real address is shown as the sender.");
            }
        }
        MessageTime time = time(mail, fromLine, label, notes, run.fileTime);

        String messageId = mail.header("Message-ID");
        if (messageId != null && !messageId.isBlank()) {
            long earlier = run.messageIds.putIfAbsent(messageId.strip(), number, run.file);
            if (earlier != 0) {
                int earlierFile = (int) (earlier >>> 32);
                notes.add("has the same Message-ID " + messageId.strip() + " as "
                        + (earlierFile == run.file ? "message " + (int) earlier : run.files.get(earlierFile - 1)
                        + (run.kinds.get(earlierFile - 1) == Kind.EML ? "" : ", message " + (int) earlier))
                        + "; both are kept.");
            }
        }

        List<AttachmentRef> attachments = new ArrayList<>(mail.attachments().size() + 1);
        attachments.add(AttachmentRef.messageOriginal("message-" + number + ".eml", "message/rfc822", bytes::open));
        attachments.addAll(mail.attachments());

        for (String note : notes) {
            run.context.warn(label + ": " + note);
        }
        run.sink.accept(new ImportedMessage(ImportedMessage.Kind.MESSAGE, conversation,
                normalised.isEmpty() ? null : normalised, "E-mail", senderName, sender.address(),
                ImportedMessage.Direction.UNKNOWN, time, mail.text(), attachments,
                mail.shortened() ? Set.of(MessageFlag.SHORTENED) : Set.of(), null, source));
    }

    /** The Date header with its offset; else the first Received header's date; else the mbox From line's. */
    private static MessageTime time(MailParser.ParsedMail mail, String fromLine, String label, Set<String> notes,
                                    Instant fileTime) {
        String date = mail.header("Date");
        MailDates.Parsed parsed = MailDates.rfc5322(date);
        if (parsed != null) {
            if (parsed.zoneless()) {
                notes.add("its Date header '" + date + "' has no time zone; kept as a local time.");
            }
            return parsed.time();
        }
        String reason = date == null ? "has no Date header" : "its Date header '" + date + "' is not a date";
        for (String received : mail.headers("Received")) {
            MailDates.Parsed r = MailDates.received(received);
            if (r != null) {
                String when = received.substring(received.lastIndexOf(';') + 1).strip();
                notes.add(reason + "; used the date of the first Received header (" + when + ") instead.");
                return r.time();
            }
        }
        MailDates.Parsed envelope = MailDates.fromLine(fromLine);
        if (envelope != null) {
            notes.add(reason + "; used the date of the mbox From line (" + fromLine + ") instead"
                    + (envelope.zoneless() ? ", which has no time zone (kept as a local time)." : "."));
            return envelope.time();
        }
        if (fileTime == null) {
            throw new ImportException(label + ": " + reason + ", and no Received header or From line gives one;"
                    + " Casebook cannot place it in time.");
        }
        notes.add(reason + ", and no Received header or From line gives one; used the file's modification time ("
                + fileTime + "), which says when the file was saved, not when the mail was sent.");
        return MessageTime.instant(fileTime);
    }

    /** The subject without Re:/Fwd: (and common localised) prefixes, white space collapsed. */
    static String normaliseSubject(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.replaceAll("\\s+", " ").strip();
        while (true) {
            Matcher m = SUBJECT_PREFIX.matcher(s);
            if (!m.lookingAt()) {
                return s;
            }
            s = s.substring(m.end()).strip();
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // detection

    /** An mbox: a From line (after blank lines at most) and then a header field. */
    static boolean looksLikeMbox(byte[] head) {
        int p = 0;
        while (p < head.length && (head[p] == '\n' || head[p] == '\r')) {
            p++;
        }
        if (!startsWith(head, p, "From ")) {
            return false;
        }
        int eol = indexOf(head, p, (byte) '\n');
        if (eol < 0) {
            return false;
        }
        if (!headerLine(head, eol + 1)) {
            return false;
        }
        for (int i = p; i < headerEnd(head, eol + 1); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** One message: (an optional From line, then) header fields, one of them a usual e-mail header. */
    static boolean looksLikeEml(byte[] head) {
        int p = 0;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            return false;
        }
        if (startsWith(head, 0, "From ")) {
            int eol = indexOf(head, 0, (byte) '\n');
            if (eol < 0) {
                return false;
            }
            p = eol + 1;
        }
        if (!headerLine(head, p)) {
            return false;
        }
        int end = headerEnd(head, p);
        for (int i = p; i < end; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        String headers = "\n" + new String(head, p, end - p, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String known : new String[] {"from:", "date:", "subject:", "message-id:", "received:", "mime-version:",
                "to:", "return-path:", "content-type:", "delivered-to:"}) {
            if (headers.contains("\n" + known) || headers.contains("\r\n" + known)) {
                return true;
            }
        }
        return false;
    }

    private static int headerEnd(byte[] b, int p) {
        for (int i = p; i < b.length; i++) {
            if (b[i] == '\n' && (i + 1 < b.length && b[i + 1] == '\n'
                    || i + 2 < b.length && b[i + 1] == '\r' && b[i + 2] == '\n')) {
                return i;
            }
        }
        return b.length;
    }

    private static boolean headerLine(byte[] b, int p) {
        int i = p;
        while (i < b.length && b[i] >= 0x21 && b[i] <= 0x7E && b[i] != ':') {
            i++;
        }
        if (i == p) {
            return false;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i < b.length && b[i] == ':';
    }

    private static boolean binary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        return startsWith(b, 0, prefix);
    }

    private static boolean startsWith(byte[] b, int p, String prefix) {
        if (b.length - p < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[p + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, byte v) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c;
        while (out.size() < max && (c = in.read()) >= 0) {
            out.write(c);
            if (c == '\n') {
                break;
            }
        }
        return out.toByteArray();
    }

    /** A size for messages to the user: "256 MB", "1024 bytes". */
    static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Message-IDs seen in this import, as 64-bit hashes with the file and number of the message that had each: a
     * million messages cost about 32 MB, not the strings themselves.
     */
    private static final class IdSet {
        private long[] keys = new long[1024];
        private long[] values = new long[1024];
        private int size;

        /**
         * Remembers {@code id} for message {@code number} of file {@code file} (1-based); returns the earlier
         * message's {@code file << 32 | number}, or 0 when the id is new.
         */
        long putIfAbsent(String id, int number, int file) {
            long h = hash(id);
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int i = (int) (mix(h) & (keys.length - 1));
            while (values[i] != 0) {
                if (keys[i] == h) {
                    return values[i];
                }
                i = (i + 1) & (keys.length - 1);
            }
            keys[i] = h;
            values[i] = (long) file << 32 | (number & 0xFFFFFFFFL);
            size++;
            return 0;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldValues.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldValues[j] != 0) {
                    int i = (int) (mix(oldKeys[j]) & (keys.length - 1));
                    while (values[i] != 0) {
                        i = (i + 1) & (keys.length - 1);
                    }
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }

        private static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }

        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }
    }
}
