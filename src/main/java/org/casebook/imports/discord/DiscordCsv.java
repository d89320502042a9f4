package org.casebook.imports.discord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;

/**
 * DiscordChatExporter's CSV ({@code CsvMessageWriter}): the header {@code AuthorID,Author,Date,Content,
 * Attachments,Reactions}, every field quoted; {@code Author} is the account ({@code FullName}), {@code Date} the
 * round-trip ISO form with its offset, {@code Attachments} the attachments' URLs (or paths with
 * {@code --media}) joined with commas. System notifications arrive as their fallback text, as in the JSON.
 */
final class DiscordCsv {
    static final List<String> HEADER = List.of("AuthorID", "Author", "Date", "Content", "Attachments", "Reactions");

    private DiscordCsv() {
    }

    /** True when the first line is DiscordChatExporter's CSV header. */
    static boolean looksLikeCsv(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip().replace("\"", "");
        return first.equals(String.join(",", HEADER));
    }

    static void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        String conversation = DiscordText.channelKey(file.name());
        String title = DiscordText.titleFromName(file.name());
        Reader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        // Missing column names are allowed so that a header that is not Discord's is refused by the check below,
        // with a message that says what was expected, rather than by the parser.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).setAllowMissingColumnNames(true).get();
        long row = 1;
        int remote = 0;
        try (reader; CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            if (!header.equals(HEADER)) {
                throw new ImportException(file.name() + ": is not a DiscordChatExporter CSV export (expected the"
                        + " header " + String.join(",", HEADER) + ").");
            }
            for (CSVRecord record : parser) {
                row++;
                context.progress().checkCancelled();
                long line = parser.getCurrentLineNumber();
                if (record.size() < HEADER.size()) {
                    throw ImportException.at(file.name(), line, "has " + record.size() + " fields, expected "
                            + HEADER.size() + " (the file may be cut short).");
                }
                OffsetDateTime when;
                try {
                    when = OffsetDateTime.parse(record.get(2).strip());
                } catch (DateTimeParseException e) {
                    throw ImportException.at(file.name(), line, "Date \"" + record.get(2)
                            + "\" is not an ISO-8601 time with an offset.");
                }
                String author = record.get(1);
                String account = author.isBlank() ? null : author;
                List<AttachmentRef> attachments = new ArrayList<>(1);
                for (String url : record.get(4).split(",")) {
                    if (url.isBlank()) {
                        continue;
                    }
                    if (DiscordAuthor.isLink(url)) {
                        remote++;
                        attachments.add(DiscordAuthor.remote(url, null));
                    } else {
                        attachments.add(DiscordText.local(file, url.strip(), context, "row " + row));
                    }
                }
                String content = record.get(3);
                DiscordText.Notification n = DiscordText.notification(content);
                sink.accept(new ImportedMessage(n.kind(), conversation, title, "Discord", account, account,
                        Direction.UNKNOWN, MessageTime.withOffset(when.toInstant(), when.getOffset()), content,
                        attachments, Set.of(), n.seconds(), "row " + row, null));
            }
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        } catch (CharacterCodingException e) {
            throw unreadable(file, e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // commons-csv's complaint about a malformed record or header
            throw new ImportException(file.name() + ", row " + row + ": could not be read as CSV ("
                    + e.getMessage() + ")", e);
        }
        DiscordText.warnRemote(context, file.name(), remote);
    }

    private static ImportException unreadable(ExportFile file, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new ImportException(file.name() + ": is not UTF-8 text.");
        }
        return new ImportException(file.name() + ": could not be read as CSV (" + cause.getMessage() + ")", cause);
    }
}
