package org.casebook.imports.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.DateOrderEvidence;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageText;
import org.casebook.imports.MessageTime;
import org.casebook.vault.Progress;

/**
 * Signal has no plain-text export of its own; this reads the text the common Signal Desktop exporters write:
 * <ul>
 *   <li>{@code [2019-12-24, 12:23] Jane Doe: Hello} with continuation lines (carderne/signal-export before
 *       its Markdown rewrite, and the form chat-miner's fixture uses);</li>
 *   <li>carderne/signal-export's Markdown {@code chat.md}: {@code [2024-01-02 10:11:12] Name: text}, the sender
 *       "Me" for the exporting user, attachments as {@code ![name](./media/file.jpg)} (images) or
 *       {@code [name](./media/file.pdf)}, quotes as {@code > } lines, reactions as {@code (- Name: 👍 -)}, and
 *       {@code (This message was deleted)}.</li>
 * </ul>
 * Times are local with no zone (the case's zone is applied later) and written year first, so these forms
 * are never ambiguous. Only when the user names the format explicitly are numeric day/month headers such as
 * {@code [24/12/2019, 12:23]} read too, and then, like WhatsApp, a file whose dates fit both readings is refused
 * until the user says which.
 *
 * <p>Detection is strict so that a WhatsApp export is never taken for Signal: a {@code .txt} must open with
 * {@code [YYYY-MM-DD, HH:MM] Name:} exactly (WhatsApp writes {@code dd/mm/yy, HH:MM - } on Android and always
 * has seconds in iOS's brackets); a {@code .md} may also have seconds, since WhatsApp never writes Markdown.
 */
public final class SignalImporter implements Importer {
    private static final int HEAD_BYTES = 8192;
    /** Year-first: [2019-12-24, 12:23] or [2024-01-02 10:11:12]. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "^\\[(\\d{4})-(\\d{2})-(\\d{2})(,?) (\\d{2}):(\\d{2})(?::(\\d{2}))?\\] (.*)$", Pattern.DOTALL);
    /** Numeric day/month first, read only when the format is given: [24/12/2019, 12:23]. */
    private static final Pattern NUMERIC = Pattern.compile(
            "^\\[(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(,?) (\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\] (.*)$",
            Pattern.DOTALL);
    /** The strict forms detection accepts: .txt without seconds, .md with or without. */
    private static final Pattern DETECT_TXT = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}, \\d{2}:\\d{2}\\] [^\\[\\]]*?:( .*)?$");
    private static final Pattern DETECT_MD = Pattern.compile(
            "^\\[\\d{4}-\\d{2}-\\d{2},? \\d{2}:\\d{2}(:\\d{2})?\\] [^\\[\\]]*?:( .*)?$");
    /** Markdown links to a file in the export: ![name](./media/x.jpg) or [name](media/x.pdf). */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]\\n]*)\\]\\(([^)\\s]+)\\)");
    private static final Pattern ATTACHMENT_NOTE = Pattern.compile("\\[(?:attachment|Attachment|ATTACHMENT): ?([^\\]\\n]+)\\]");
    private static final String DELETED = "(This message was deleted)";
    /**
     * A call as signal-export words it: "Incoming voice call (accepted, 2m 5s)", "Missed video call",
     * "Outgoing call (unanswered)", "Outgoing voice call (declined by recipient)", legacy "Incoming call".
     */
    private static final Pattern CALL = Pattern.compile(
            "(Incoming|Outgoing|Missed) (?:(?:voice|video|audio) )?call(?: \\(([^)\\n]*)\\))?");
    private static final Pattern CALL_LENGTH = Pattern.compile("accepted, (?:(\\d+)m )?(\\d+)s");
    /** What signal-export writes for an attachment it did not export. */
    private static final Pattern NOT_EXPORTED = Pattern.compile("\\((media|attachment) not exported\\)");

    @Override
    public ImportFormat format() {
        return ImportFormat.SIGNAL;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (file.isZip()) {
            return false;
        }
        String name = file.name().toLowerCase(Locale.ROOT);
        boolean md = name.endsWith(".md");
        if (!md && !name.endsWith(".txt")) {
            return false;
        }
        String first = firstLine(file.head(null, HEAD_BYTES));
        return first != null && (md ? DETECT_MD : DETECT_TXT).matcher(first).matches();
    }

    /** The first non-blank line of the head (without a BOM), or null when it is not UTF-8 text. */
    static String firstLine(byte[] head) {
        int start = 0;
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            start = 3;
        }
        for (int i = start; i < head.length; i++) {
            if (head[i] == 0) {
                return null;
            }
        }
        int p = start;
        while (p < head.length) {
            int e = p;
            while (e < head.length && head[e] != '\n') {
                e++;
            }
            String line = null;
            // the head may end inside a character: drop up to three bytes of a cut-off last line
            for (int cut = 0; line == null && cut <= (e == head.length ? 3 : 0) && e - cut >= p; cut++) {
                try {
                    line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(head, p, e - cut - p)).toString();
                } catch (CharacterCodingException ex) {
                    line = null;
                }
            }
            if (line == null) {
                return null;
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.isBlank()) {
                return line;
            }
            p = e + 1;
        }
        return null;
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        if (file.isZip()) {
            throw new ImportException(file.name() + ": is a zip; import the chat's .md or .txt file from inside it.");
        }
        Progress progress = context.progress() == null ? Progress.NONE : context.progress();
        String conversation = conversation(file.path());
        DateOrder order = context.dateOrder();
        Shape shape;
        try (Lines lines = new Lines(file)) {
            shape = firstShape(lines);
        }
        if (shape.numeric && (order == null || order == DateOrder.YMD)) {
            // day/month headers: a year-first answer does not apply to them
            order = inferOrder(file, shape);
        }
        try (Lines lines = new Lines(file)) {
            new Chat(file, conversation, shape, order, progress, sink).read(lines);
        }
    }

    /** The chat's name: the folder for signal-export's {@code Name/chat.md}, else the file's name. */
    static String conversation(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.equals("chat.md") || lower.equals("index.md")) && path.toAbsolutePath().getParent() != null
                && path.toAbsolutePath().getParent().getFileName() != null) {
            return path.toAbsolutePath().getParent().getFileName().toString();
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** What every header of one file looks like; a line in another style is text, not a new message. */
    private record Shape(boolean numeric, boolean comma, boolean seconds, char separator) {
    }

    private static Shape shapeOf(String line) {
        Matcher y = YEAR_FIRST.matcher(line);
        if (y.matches()) {
            return new Shape(false, !y.group(4).isEmpty(), y.group(7) != null, '-');
        }
        Matcher n = NUMERIC.matcher(line);
        if (n.matches()) {
            return new Shape(true, !n.group(5).isEmpty(), n.group(8) != null, n.group(2).charAt(0));
        }
        return null;
    }

    private static Shape firstShape(Lines lines) throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Shape s = shapeOf(line);
            if (s == null) {
                throw ImportException.at(lines.where, lines.number, "is not a Signal message line (expected"
                        + " '[YYYY-MM-DD, HH:MM] Name: text').");
            }
            return s;
        }
        throw new ImportException(lines.where + ": holds no messages.");
    }

    /**
     * Reads every numeric header once to learn the date order from the export's own evidence (a date that fits
     * one way only, dates that read the same both ways, dates never running backwards), or refuses when it
     * cannot be known.
     */
    private static DateOrder inferOrder(ExportFile file, Shape shape) throws IOException {
        DateOrderEvidence evidence = new DateOrderEvidence();
        try (Lines lines = new Lines(file)) {
            String line;
            while ((line = lines.next()) != null) {
                Matcher m = NUMERIC.matcher(line);
                if (!m.matches() || !shape.equals(shapeOf(line))) {
                    continue;
                }
                int y = Integer.parseInt(m.group(4));
                int year = m.group(4).length() == 2 ? 2000 + y : y;
                int hour = Integer.parseInt(m.group(6));
                int minute = Integer.parseInt(m.group(7));
                java.time.LocalTime time = hour < 24 && minute < 60 ? java.time.LocalTime.of(hour, minute) : null;
                evidence.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), year, time,
                        "line " + lines.number, line.substring(1, line.indexOf(']')));
            }
        }
        if (evidence.contradictory()) {
            throw new ImportException(file.name() + ": some dates can only be day-first and others only month-first."
                    + " Say which with --date-order.");
        }
        DateOrderEvidence.Decision d = evidence.decide();
        if (d == null) {
            throw new AmbiguousDateOrderException(file.name(), evidence.samples());
        }
        return d.order();
    }

    /** One chat being read: a message is a header line and the lines up to the next header. */
    private static final class Chat {
        final ExportFile file;
        final String conversation;
        final Shape shape;
        final DateOrder order;
        final Progress progress;
        final MessageSink sink;

        long headerLine;
        MessageTime time;
        String sender;
        StringBuilder raw;

        Chat(ExportFile file, String conversation, Shape shape, DateOrder order, Progress progress, MessageSink sink) {
            this.file = file;
            this.conversation = conversation;
            this.shape = shape;
            this.order = order;
            this.progress = progress;
            this.sink = sink;
        }

        void read(Lines lines) throws IOException {
            String line;
            while ((line = lines.next()) != null) {
                if (lines.number % 1024 == 0) {
                    progress.checkCancelled();
                }
                if (header(line, lines)) {
                    continue;
                }
                if (raw == null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    throw ImportException.at(file.name(), lines.number, "is not a Signal message line (expected"
                            + " '[YYYY-MM-DD, HH:MM] Name: text').");
                }
                if (raw.length() <= MessageText.READ_LIMIT) { // past it, MessageText.capped cuts the message
                    raw.append(lines.previousEnding).append(line);
                }
            }
            flush();
        }

        /** True when {@code line} opens a new message (which is then the current one). */
        private boolean header(String line, Lines lines) {
            if (line.isEmpty() || line.charAt(0) != '[') {
                return false;
            }
            Shape s = shapeOf(line);
            if (s == null || !s.equals(shape)) {
                return false;
            }
            LocalDateTime when;
            String rest;
            try {
                if (!s.numeric) {
                    Matcher m = YEAR_FIRST.matcher(line);
                    m.matches();
                    when = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                            m.group(7) == null ? 0 : Integer.parseInt(m.group(7)));
                    rest = m.group(8);
                } else {
                    Matcher m = NUMERIC.matcher(line);
                    m.matches();
                    int a = Integer.parseInt(m.group(1));
                    int b = Integer.parseInt(m.group(3));
                    int y = Integer.parseInt(m.group(4));
                    int year = m.group(4).length() == 2 ? 2000 + y : y;
                    int day = order == DateOrder.MDY ? b : a;
                    int month = order == DateOrder.MDY ? a : b;
                    when = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
                            m.group(8) == null ? 0 : Integer.parseInt(m.group(8)));
                    rest = m.group(9);
                }
            } catch (DateTimeException e) {
                throw ImportException.at(file.name(), lines.number, "'" + line.substring(1, line.indexOf(']'))
                        + "' is not a valid date and time.");
            }
            flush();
            headerLine = lines.number;
            time = MessageTime.local(when);
            int colon = rest.indexOf(": ");
            if (colon < 0 && rest.endsWith(":")) {
                colon = rest.length() - 1;
            }
            if (colon <= 0) {
                sender = null;
                raw = new StringBuilder(rest);
            } else {
                sender = rest.substring(0, colon);
                raw = new StringBuilder(rest.substring(Math.min(rest.length(), colon + 2)));
            }
            return true;
        }

        private void flush() {
            if (raw == null) {
                return;
            }
            String text = raw.toString();
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            if (text.strip().equals(DELETED)) {
                flags.add(MessageFlag.DELETED);
            }
            ImportedMessage.Kind kind = sender == null ? ImportedMessage.Kind.SYSTEM : ImportedMessage.Kind.MESSAGE;
            Long seconds = null;
            Matcher call = sender == null ? null : CALL.matcher(text.strip());
            if (call != null && call.matches()) {
                kind = ImportedMessage.Kind.CALL;
                String detail = call.group(2) == null ? "" : call.group(2);
                Matcher length = CALL_LENGTH.matcher(detail);
                if (length.find()) {
                    seconds = (length.group(1) == null ? 0 : Long.parseLong(length.group(1)) * 60)
                            + Long.parseLong(length.group(2));
                }
                // signal-export's own rule: missed, unanswered and declined calls are missed calls
                if (call.group(1).equals("Missed") || detail.startsWith("missed") || detail.startsWith("unanswered")
                        || detail.startsWith("declined") || detail.startsWith("notaccepted")) {
                    flags.add(MessageFlag.MISSED);
                }
            }
            List<AttachmentRef> attachments = attachments(text);
            Matcher notExported = NOT_EXPORTED.matcher(text);
            while (notExported.find()) {
                attachments = new ArrayList<>(attachments);
                attachments.add(AttachmentRef.missing(notExported.group()));
                flags.add(MessageFlag.OMITTED);
            }
            sink.accept(new ImportedMessage(kind, conversation, conversation, "Signal", sender, null,
                    ImportedMessage.Direction.UNKNOWN, time, text, attachments, flags, seconds,
                    "line " + headerLine));
            raw = null;
        }

        private List<AttachmentRef> attachments(String text) {
            if (text.indexOf('[') < 0) {
                return List.of();
            }
            List<AttachmentRef> out = new ArrayList<>();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(2);
                String lower = target.toLowerCase(Locale.ROOT);
                if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || lower.startsWith("#")) {
                    continue; // a web link the sender wrote, not a file of the export
                }
                String path = decode(target);
                if (path.startsWith("./")) {
                    path = path.substring(2);
                }
                String name = m.group(1).isBlank() ? path.substring(path.lastIndexOf('/') + 1) : m.group(1);
                out.add(ref(name, path));
            }
            Matcher a = ATTACHMENT_NOTE.matcher(text);
            while (a.find()) {
                String name = a.group(1).strip();
                ExportFile.Media media = file.media(name);
                if (media == null) {
                    media = file.media("media/" + name);
                }
                out.add(media == null ? AttachmentRef.missing(name)
                        : new AttachmentRef(name, media.path(), null, media.data()));
            }
            return out;
        }

        private AttachmentRef ref(String name, String path) {
            ExportFile.Media media = file.media(path);
            return media == null ? AttachmentRef.missing(name) : new AttachmentRef(name, media.path(), null, media.data());
        }

        private static String decode(String target) {
            if (target.indexOf('%') < 0) {
                return target;
            }
            try {
                return URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return target;
            }
        }
    }

    /**
     * Lines of UTF-8 text (a BOM skipped), each without its line ending; the ending before it is kept. A line
     * keeps at most {@link MessageText#READ_LIMIT} characters: the rest of it is read and skipped, so one huge
     * line never becomes one huge string.
     */
    private static final class Lines implements AutoCloseable {
        final String where;
        final Reader in;
        final char[] buf = new char[1 << 14];
        int pos;
        int lim;
        long number;
        /** The line ending that ended the line before the current one ("\n" or "\r\n"). */
        String previousEnding = "\n";
        String ending = "\n";
        final StringBuilder line = new StringBuilder();

        Lines(ExportFile file) throws IOException {
            this.where = file.name();
            InputStream raw = file.open();
            this.in = new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }

        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            try {
                while (true) {
                    if (pos >= lim) {
                        lim = in.read(buf, 0, buf.length);
                        pos = 0;
                        if (lim <= 0) {
                            lim = 0;
                            if (!any) {
                                return null;
                            }
                            break;
                        }
                        if (number == 0 && line.length() == 0 && !any && buf[0] == '\uFEFF') {
                            pos = 1;
                        }
                    }
                    any = true;
                    int start = pos;
                    while (pos < lim && buf[pos] != '\n') {
                        if (buf[pos] == '\0') {
                            throw new ImportException(where + ": holds binary data; it is not a Signal text export.");
                        }
                        pos++;
                    }
                    line.append(buf, start, Math.max(0, Math.min(pos - start, MessageText.READ_LIMIT - line.length())));
                    if (pos < lim) {
                        pos++;
                        break;
                    }
                }
            } catch (CharacterCodingException e) {
                throw new ImportException(where + ", line " + (number + 1) + ": is not UTF-8 text.");
            }
            number++;
            previousEnding = ending;
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
                ending = "\r\n";
            } else {
                ending = "\n";
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
