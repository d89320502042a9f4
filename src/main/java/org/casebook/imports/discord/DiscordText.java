package org.casebook.imports.discord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;

/**
 * DiscordChatExporter's plain-text export ({@code PlainTextMessageWriter}):
 * <pre>
 * ==============================================================
 * Guild: Direct Messages
 * Channel: sam
 * ==============================================================
 *
 * [2/10/2024 9:15 PM] sam_the_account (pinned)
 * the message, any number of lines
 *
 * {Attachments}
 * https://cdn.discordapp.com/attachments/…/house.png
 *
 * {Reactions}
 * 😡 (2)
 *
 * ==============================================================
 * Exported 1 message(s)
 * ==============================================================
 * </pre>
 * A header opens a message only after a blank line, so a quoted header inside a message stays text. The time is
 * written in the exporting computer's culture ("g": {@code 2/10/2024 9:15 PM}, {@code 10/02/2024 21:15},
 * {@code 10.02.2024 21:15}, older versions {@code 10-Feb-24 09:15 PM}) and zone, with no offset: it is a local
 * time, and numeric dates are read in the order the export shows (see {@link DateOrderEvidence}) or the user
 * gives. The author is the account ({@code FullName}); attachments and stickers are kept, embeds (link
 * previews) and reactions are not part of the message, as in the JSON.
 */
final class DiscordText {
    private static final String RULE = "=".repeat(62);
    private static final Pattern HEADER = Pattern.compile("^\\[([^\\]]{6,40})\\] (.+?)( \\(pinned\\))?$");
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{1,4})([./-]) ?(\\d{1,2})\\2 ?(\\d{1,4})\\.?,? (\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
                    + "(?: ?([AaPp])\\.? ?[Mm]\\.?)?");
    private static final Pattern NAMED_MONTH = Pattern.compile(
            "(\\d{1,2})-([A-Za-z]{3})-(\\d{2}|\\d{4}) (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp])[Mm])?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Pattern CHANNEL_ID = Pattern.compile("\\[(\\d+)\\](?: \\[part \\d+\\])?\\.[A-Za-z]+$");
    private static final Pattern CALL = Pattern.compile("Started a call that lasted ([\\d,]+) minutes\\.");
    private static final Pattern SYSTEM = Pattern.compile("Added .+ to the group\\.|Removed .+ from the group\\."
            + "|Added a recipient\\.|Removed a recipient\\.|Left the group\\.|Changed the channel name(?:: .*|\\.)"
            + "|Changed the channel icon\\.|Pinned a message\\.|Started a thread\\.|Joined the server\\.",
            Pattern.DOTALL);
    private static final Set<String> BLOCKS = Set.of("{Attachments}", "{Embed}", "{Stickers}", "{Reactions}",
            "{Forwarded Message}");

    private DiscordText() {
    }

    /** True when the file opens with DiscordChatExporter's plain-text preamble. */
    static boolean looksLikeText(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", 4);
        return lines.length >= 3 && lines[0].equals(RULE) && lines[1].startsWith("Guild: ")
                && (lines[2].startsWith("Channel: "));
    }

    /** A system notification's kind and, for a call, its length, from the fallback text DCE writes. */
    record Notification(Kind kind, Long seconds) {
    }

    static Notification notification(String content) {
        String c = content.strip();
        Matcher call = CALL.matcher(c);
        if (call.matches()) {
            return new Notification(Kind.CALL, Long.parseLong(call.group(1).replace(",", "")) * 60);
        }
        return new Notification(SYSTEM.matcher(c).matches() ? Kind.SYSTEM : Kind.MESSAGE, null);
    }

    /** The channel id DiscordChatExporter puts in the file name ("Guild - channel [123].txt"), else the name. */
    static String channelKey(String fileName) {
        Matcher m = CHANNEL_ID.matcher(fileName);
        return m.find() ? m.group(1) : fileName;
    }

    /** "Guild - channel" from a file name "Guild - channel [123].csv". */
    static String titleFromName(String fileName) {
        String name = fileName.replaceAll("(?: \\[\\d+\\])?(?: \\[part \\d+\\])?\\.[A-Za-z]+$", "");
        return name.startsWith("Direct Messages - ") ? name.substring("Direct Messages - ".length()) : name;
    }

    /** A path in an export made with {@code --media}, resolved beside the export. */
    static AttachmentRef local(ExportFile file, String path, ImportContext context, String where) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        ExportFile.Media media = file.media(path.replace('\\', '/'));
        if (media == null) {
            context.warn(file.name() + " " + where + ": " + path + " is referenced but not in the export.");
            return AttachmentRef.missing(name);
        }
        return new AttachmentRef(name, media.path(), null, media.data());
    }

    static void warnRemote(ImportContext context, String where, int remote) {
        if (remote > 0) {
            context.warn(where + ": " + remote + " attachment(s) are links to Discord's servers, not files in the"
                    + " export; they were not downloaded (re-export with --media to include them).");
        }
    }

    // -------------------------------------------------------------------------------------------- reading

    static void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        DateOrder order = context.dateOrder();
        if (order == null || order == DateOrder.YMD) {
            order = inferOrder(file);
        }
        new Reader(file, context, sink, order).read();
    }

    /** A date in a header, as written: day/month/year fields or a named month. */
    private record Stamp(int first, int second, int year, boolean yearFirst, boolean named, LocalTime time) {
    }

    private static Stamp stamp(String text) {
        Matcher n = NUMERIC.matcher(text);
        if (n.matches()) {
            int a = Integer.parseInt(n.group(1));
            int b = Integer.parseInt(n.group(3));
            int c = Integer.parseInt(n.group(4));
            boolean yearFirst = n.group(1).length() == 4;
            if (!yearFirst && n.group(4).length() != 4 && n.group(4).length() != 2) {
                return null;
            }
            int year = yearFirst ? a : n.group(4).length() == 2 ? 2000 + c : c;
            LocalTime time = time(Integer.parseInt(n.group(5)), Integer.parseInt(n.group(6)),
                    n.group(7) == null ? 0 : Integer.parseInt(n.group(7)), n.group(8));
            return time == null ? null : yearFirst ? new Stamp(b, c, year, true, false, time)
                    : new Stamp(a, b, year, false, false, time);
        }
        Matcher m = NAMED_MONTH.matcher(text);
        if (m.matches()) {
            int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
            if (month == 0) {
                return null;
            }
            int y = Integer.parseInt(m.group(3));
            LocalTime time = time(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), m.group(7));
            return time == null ? null : new Stamp(Integer.parseInt(m.group(1)), month,
                    m.group(3).length() == 2 ? 2000 + y : y, false, true, time);
        }
        return null;
    }

    private static LocalTime time(int hour, int minute, int second, String meridiem) {
        int h = hour;
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                return null;
            }
            boolean pm = meridiem.equalsIgnoreCase("p");
            h = h == 12 ? (pm ? 12 : 0) : pm ? h + 12 : h;
        }
        if (h > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(h, minute, second);
    }

    /** The date order of the numeric dates, from the file's own evidence, or a question for the user. */
    private static DateOrder inferOrder(ExportFile file) throws IOException {
        DateOrderEvidence evidence = new DateOrderEvidence();
        boolean numeric = false;
        try (Lines lines = new Lines(file)) {
            String line;
            boolean previousBlank = false;
            while ((line = lines.next()) != null) {
                Matcher h = previousBlank ? HEADER.matcher(line) : null;
                previousBlank = line.isEmpty();
                Stamp s = h != null && h.matches() ? stamp(h.group(1)) : null;
                if (s == null || s.yearFirst() || s.named()) {
                    continue;
                }
                numeric = true;
                DateOrder settled = evidence.date(s.first(), s.second(), s.year(), s.time(), "line " + lines.number,
                        h.group(1));
                if (settled != null) {
                    return settled;
                }
            }
        }
        if (!numeric) {
            return DateOrder.DMY; // named months or year first: the order is not in question
        }
        if (evidence.contradictory()) {
            throw new ImportException(file.name() + ": some dates can only be day-first and others only"
                    + " month-first. Say which with --date-order.");
        }
        DateOrderEvidence.Decision d = evidence.decide();
        if (d == null) {
            throw new AmbiguousDateOrderException(file.name(), evidence.samples());
        }
        return d.order();
    }

    /** One plain-text export being read. */
    private static final class Reader {
        final ExportFile file;
        final ImportContext context;
        final MessageSink sink;
        final DateOrder order;
        String guild;
        String channel;
        int remote;
        // the message being collected
        long headerLine;
        LocalDateTime time;
        String author;
        final List<String> body = new ArrayList<>();

        Reader(ExportFile file, ImportContext context, MessageSink sink, DateOrder order) {
            this.file = file;
            this.context = context;
            this.sink = sink;
            this.order = order;
        }

        void read() throws IOException {
            try (Lines lines = new Lines(file)) {
                preamble(lines);
                String line;
                boolean previousBlank = true;
                boolean ended = false;
                while ((line = lines.next()) != null) {
                    if (lines.number % 1024 == 0) {
                        context.progress().checkCancelled();
                    }
                    if (line.equals(RULE) && previousBlank) {
                        String next = lines.next();
                        if (next != null && next.startsWith("Exported ")) {
                            ended = true;
                            break;
                        }
                        addBody(lines, line);
                        if (next != null) {
                            addBody(lines, next);
                        }
                        previousBlank = next != null && next.isEmpty();
                        continue;
                    }
                    Matcher h = previousBlank ? HEADER.matcher(line) : null;
                    Stamp s = h != null && h.matches() ? stamp(h.group(1)) : null;
                    if (s != null) {
                        flush();
                        headerLine = lines.number;
                        time = dateTime(s, h.group(1), lines.number);
                        author = h.group(2); // " (pinned)" is group 3: a pin is not part of who wrote it
                    } else {
                        addBody(lines, line);
                    }
                    previousBlank = line.isEmpty();
                }
                flush();
                if (!ended) {
                    throw new ImportException(file.name() + ": ends before its closing \"Exported N message(s)\""
                            + " lines; the file looks cut short.");
                }
            }
            warnRemote(context, file.name(), remote);
        }

        private void addBody(Lines lines, String line) {
            if (author == null) {
                if (line.isBlank()) {
                    return;
                }
                throw ImportException.at(file.name(), lines.number, "is not a DiscordChatExporter message header"
                        + " (expected \"[date time] author\" after a blank line).");
            }
            body.add(line);
        }

        private void preamble(Lines lines) throws IOException {
            String first = lines.next();
            if (first == null || !first.equals(RULE)) {
                throw new ImportException(file.name() + ": is not a DiscordChatExporter plain-text export (it does"
                        + " not open with its line of '=').");
            }
            String line;
            while ((line = lines.next()) != null && !line.equals(RULE)) {
                if (line.startsWith("Guild: ")) {
                    guild = line.substring("Guild: ".length());
                } else if (line.startsWith("Channel: ")) {
                    channel = line.substring("Channel: ".length());
                }
            }
            if (line == null) {
                throw new ImportException(file.name() + ": ends inside its heading; the file looks cut short.");
            }
        }

        private LocalDateTime dateTime(Stamp s, String text, long line) {
            int day;
            int month;
            if (s.yearFirst() || s.named() || order == DateOrder.DMY || order == DateOrder.YMD) {
                day = s.yearFirst() ? s.second() : s.first();
                month = s.yearFirst() ? s.first() : s.second();
            } else {
                day = s.second();
                month = s.first();
            }
            try {
                return LocalDate.of(s.year(), month, day).atTime(s.time());
            } catch (DateTimeException e) {
                throw ImportException.at(file.name(), line, "the date " + text + " is not a valid date when read "
                        + (order == DateOrder.MDY ? "month first" : "day first") + ".");
            }
        }

        private void flush() {
            if (author == null) {
                return;
            }
            int end = body.size();
            for (int i = 1; i < body.size(); i++) {
                if (BLOCKS.contains(body.get(i)) && body.get(i - 1).isEmpty()) {
                    end = i;
                    break;
                }
            }
            int contentEnd = end;
            while (contentEnd > 0 && body.get(contentEnd - 1).isEmpty()) {
                contentEnd--;
            }
            String content = String.join("\n", body.subList(0, contentEnd));
            List<AttachmentRef> attachments = new ArrayList<>(1);
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            String block = null;
            for (int i = end; i < body.size(); i++) {
                String line = body.get(i);
                if (BLOCKS.contains(line) && (i == end || body.get(i - 1).isEmpty())) {
                    block = line;
                    if (block.equals("{Forwarded Message}")) {
                        flags.add(MessageFlag.FORWARDED);
                    }
                    continue;
                }
                if (line.isEmpty()) {
                    block = null;
                } else if ("{Attachments}".equals(block) || "{Stickers}".equals(block)) {
                    if (DiscordAuthor.isLink(line)) {
                        remote++;
                        attachments.add(DiscordAuthor.remote(line, null));
                    } else {
                        attachments.add(local(file, line.strip(), context, "line " + headerLine));
                    }
                }
            }
            Notification n = notification(content);
            String account = author.strip();
            String conversation = channelKey(file.name());
            if (conversation.equals(file.name()) && guild != null && channel != null) {
                conversation = guild + " / " + channel;
            }
            String title = channel == null ? guild : guild == null || guild.equals("Direct Messages") ? channel
                    : guild + " / " + channel;
            sink.accept(new ImportedMessage(n.kind(), conversation, title, "Discord", account, account,
                    Direction.UNKNOWN, MessageTime.local(time), content, attachments, flags, n.seconds(),
                    "line " + headerLine, null));
            author = null;
            body.clear();
        }
    }

    /** Lines of UTF-8 text without their endings (CRLF or LF), a BOM skipped. */
    private static final class Lines implements AutoCloseable {
        private final BufferedReader in;
        private final String name;
        long number;

        Lines(ExportFile file) throws IOException {
            this.name = file.name();
            this.in = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }

        String next() throws IOException {
            String line;
            try {
                line = in.readLine();
            } catch (CharacterCodingException e) {
                throw new ImportException(name + ", line " + (number + 1) + ": is not UTF-8 text.");
            }
            if (line == null) {
                return null;
            }
            if (number == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.indexOf('\0') >= 0) {
                throw new ImportException(name + ": holds binary data; it is not a DiscordChatExporter export.");
            }
            number++;
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
