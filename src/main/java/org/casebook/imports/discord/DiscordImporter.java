package org.casebook.imports.discord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.CallText;
import org.casebook.imports.ExportFile;
import org.casebook.imports.HtmlChatExport;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;
import org.casebook.imports.json.JsonFileReader;
import org.casebook.imports.json.JsonShape;
import org.casebook.imports.json.JsonSupport;

/**
 * DiscordChatExporter's exports: its CSV ({@link DiscordCsv}) and plain text ({@link DiscordText}), and its JSON
 * ({@code {"guild", "channel", "dateRange", "exportedAt", "messages": [...]}}),
 * one file or each part of a partitioned export (the parts share the channel id, so they land in one
 * conversation). Times are ISO-8601 with the offset the exporter wrote (its machine's zone, or UTC with
 * {@code --utc}); both the instant and that offset are kept. The sender is the nickname shown in the channel,
 * with the account beside it ({@link DiscordAuthor}).
 * Attachments exported with {@code --media} are relative paths, resolved beside the file (or in the zip);
 * attachments that are still links to Discord's servers are recorded as not included and never fetched.
 * Message types other than Default and Reply are system lines, except Call.
 */
public final class DiscordImporter implements Importer {
    private static final String EXPECTED = "a DiscordChatExporter JSON export: expected a JSON object with"
            + " \"guild\", \"channel\" and a \"messages\" list of {\"id\", \"type\", \"timestamp\", \"author\", ...}";
    private static final int MAX_SNIFFED_ENTRIES = 50;
    private static final int HEAD_BYTES = 4096;
    /** DiscordChatExporter's HTML export: its preamble (server icon, channel) before the chat log. */
    static final HtmlChatExport HTML_EXPORT = new HtmlChatExport(Pattern.compile("\\.html?$"),
            "a DiscordChatExporter HTML export. Casebook reads its JSON, CSV or plain-text exports: export the"
            + " channel again and choose the JSON format.",
            Pattern.compile("class=\"preamble__guild-icon-container\""), Pattern.compile("class=\"chatlog\""));

    @Override
    public ImportFormat format() {
        return ImportFormat.DISCORD;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (HTML_EXPORT.page(file).isPresent()) {
            return true;
        }
        String lower = file.name().toLowerCase(Locale.ROOT);
        if (!file.isZip() && lower.endsWith(".csv")) {
            return DiscordCsv.looksLikeCsv(file.head(null, HEAD_BYTES));
        }
        if (!file.isZip() && lower.endsWith(".txt")) {
            return DiscordText.looksLikeText(file.head(null, HEAD_BYTES));
        }
        if (file.isZip()) {
            int sniffed = 0;
            for (String entry : file.entriesEndingWith(".json")) {
                if (sniffed++ >= MAX_SNIFFED_ENTRIES) {
                    break;
                }
                if (looksLikeDiscord(JsonShape.of(file, entry))) {
                    return true;
                }
            }
            return false;
        }
        return looksLikeDiscord(JsonShape.of(file, null));
    }

    static boolean looksLikeDiscord(JsonShape shape) {
        if (!shape.isObject() || shape.messageHasAny("sender_name", "senderName", "date_unixtime", "from_id")) {
            return false;
        }
        return shape.hasRootKey("guild") && shape.hasRootKey("channel")
                || shape.messageHas("author", "timestamp") && shape.messageHasAny("content", "attachments");
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        if (!file.isZip() || file.entriesEndingWith(".json").isEmpty()) {
            HTML_EXPORT.refuseIfOne(file);
        }
        String lower = file.name().toLowerCase(Locale.ROOT);
        if (!file.isZip() && lower.endsWith(".csv")) {
            DiscordCsv.read(file, context, sink);
            return;
        }
        if (!file.isZip() && lower.endsWith(".txt")) {
            DiscordText.read(file, context, sink);
            return;
        }
        if (!file.isZip()) {
            new Reader(file, null, context, sink).read();
            return;
        }
        List<String> entries = new ArrayList<>();
        for (String entry : file.entriesEndingWith(".json")) {
            if (looksLikeDiscord(JsonShape.of(file, entry))) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            throw new ImportException(file.name() + ": holds no DiscordChatExporter JSON file.");
        }
        for (String entry : entries) {
            new Reader(file, entry, context, sink).read();
        }
    }

    /** One JSON file (or one part of a partitioned export). */
    private static final class Reader extends JsonFileReader {
        private String channelId;
        private String channelName;
        private String guildName;
        private int remote;
        private long count;

        Reader(ExportFile file, String entry, ImportContext context, MessageSink sink) {
            super(file, entry, context, sink);
        }

        void read() throws IOException {
            requireShape(DiscordImporter::looksLikeDiscord, EXPECTED);
            boolean sawMessages = false;
            try (InputStream in = JsonSupport.open(file, entry); JsonParser p = JsonSupport.parser(in)) {
                JsonSupport.expectRootObject(p, where, EXPECTED);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "guild" -> {
                            if (t == JsonToken.START_OBJECT) {
                                guildName = JsonSupport.text(p.readValueAsTree(), "name");
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "channel" -> {
                            if (t == JsonToken.START_OBJECT) {
                                JsonNode c = p.readValueAsTree();
                                channelId = JsonSupport.text(c, "id");
                                channelName = JsonSupport.text(c, "name");
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "exportedAt" -> exportedAt(p, t);
                        case "messages" -> {
                            readMessages(p);
                            sawMessages = true;
                        }
                        default -> p.skipChildren();
                    }
                }
                JsonSupport.expectEnd(p, where);
            } catch (ImportException e) {
                throw e;
            } catch (IOException e) {
                throw JsonSupport.failure(where, e, total);
            }
            if (!sawMessages) {
                throw new ImportException(where + ": is not " + EXPECTED + " (it has no \"messages\").");
            }
            if (remote > 0) {
                context.warn(where + ": " + remote + " attachment(s) are links to Discord's servers, not files in the"
                        + " export; they were not downloaded (re-export with --media to include them).");
            }
        }

        /** DiscordChatExporter writes when it made the export: the export's own word, for the continuity page. */
        private void exportedAt(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return;
            }
            try {
                context.exportMade(java.time.OffsetDateTime.parse(p.getText()).toInstant(),
                        "the exportedAt DiscordChatExporter wrote into " + where);
            } catch (java.time.format.DateTimeParseException e) {
                context.warn(where + ": its exportedAt is not a date and time; when the export was made is not"
                        + " known from the file.");
            }
        }

        private void readMessages(JsonParser p) throws IOException {
            JsonSupport.expectArray(p, where, "messages");
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw ImportException.at(where, JsonSupport.line(p),
                            "expected each message in \"messages\" to be an object.");
                }
                long line = JsonSupport.line(p);
                JsonNode m = p.readValueAsTree();
                String source = (entry == null ? "" : entry + ", ") + "messages[" + index + "]";
                sink.accept(convert(m, source, line));
                JsonSupport.tick(context, p, total, ++count);
                index++;
            }
        }

        private ImportedMessage convert(JsonNode m, String source, long line) {
            String type = JsonSupport.text(m, "type");
            Kind kind;
            if (type == null || type.equals("Default") || type.equals("Reply")) {
                kind = Kind.MESSAGE;
            } else if (type.equals("Call")) {
                kind = Kind.CALL;
            } else {
                kind = Kind.SYSTEM;
            }
            OffsetDateTime when = timestamp(JsonSupport.text(m, "timestamp"), line, "timestamp");
            if (when == null) {
                throw ImportException.at(where, line, "a message has no \"timestamp\".");
            }
            Long duration = null;
            if (kind == Kind.CALL) {
                OffsetDateTime ended = timestamp(JsonSupport.text(m, "callEndedTimestamp"), line, "callEndedTimestamp");
                if (ended != null) {
                    duration = Duration.between(when, ended).getSeconds();
                }
            }
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            if (JsonSupport.text(m, "timestampEdited") != null) {
                flags.add(MessageFlag.EDITED);
            }
            JsonNode forwarded = m.get("forwardedMessage");
            if (forwarded != null && !forwarded.isNull()) {
                flags.add(MessageFlag.FORWARDED);
            }
            JsonNode author = m.path("author");
            String senderAddress = DiscordAuthor.account(JsonSupport.text(author, "name"),
                    JsonSupport.text(author, "discriminator"), JsonSupport.text(author, "id"));
            String senderName = DiscordAuthor.shown(JsonSupport.text(author, "nickname"), senderAddress);
            String raw = JsonSupport.text(m, "content");
            if (kind == Kind.CALL && (raw == null || raw.isBlank())) {
                raw = CallText.of("Call", duration); // older exports write no text for a call
            }
            List<AttachmentRef> attachments = new ArrayList<>(1);
            for (JsonNode a : m.path("attachments")) {
                attach(JsonSupport.text(a, "url"), JsonSupport.text(a, "fileName"), attachments, source);
            }
            for (JsonNode a : m.path("forwardedMessage").path("attachments")) {
                attach(JsonSupport.text(a, "url"), JsonSupport.text(a, "fileName"), attachments, source);
            }
            for (JsonNode s : m.path("stickers")) {
                attach(JsonSupport.text(s, "sourceUrl"), JsonSupport.text(s, "name"), attachments, source);
            }
            String conversation = channelId != null ? channelId : entry != null ? entry : file.name();
            return new ImportedMessage(kind, conversation, title(), "Discord", senderName, senderAddress,
                    Direction.UNKNOWN, MessageTime.withOffset(when.toInstant(), when.getOffset()),
                    raw == null ? "" : raw, attachments, flags, duration, source, JsonSupport.text(m, "id"));
        }

        private String title() {
            if (channelName == null) {
                return guildName;
            }
            if (guildName == null || guildName.equals("Direct Messages")) {
                return channelName;
            }
            return guildName + " / " + channelName;
        }

        private OffsetDateTime timestamp(String text, long line, String field) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw ImportException.at(where, line, field + " \"" + text + "\" is not an ISO-8601 time with an offset.");
            }
        }

        private void attach(String url, String fileName, List<AttachmentRef> out, String source) {
            if (url == null || url.isBlank()) {
                if (fileName != null && !fileName.isBlank()) {
                    out.add(AttachmentRef.missing(fileName)); // listed without a link: still an attachment
                }
                return;
            }
            if (DiscordAuthor.isLink(url)) {
                remote++;
                out.add(DiscordAuthor.remote(url, fileName));
                return;
            }
            String name = fileName != null && !fileName.isBlank() ? fileName : JsonSupport.lastSegment(url);
            String ref = url.replace('\\', '/');
            ExportFile.Media media = file.media(folder == null || folder.isEmpty() ? ref : folder + "/" + ref);
            if (media == null) {
                context.warn(where + " " + source + ": " + url + " is referenced but not in the export.");
                out.add(new AttachmentRef(name, null, null, null));
            } else {
                out.add(new AttachmentRef(name, media.path(), null, media.data()));
            }
        }
    }
}
