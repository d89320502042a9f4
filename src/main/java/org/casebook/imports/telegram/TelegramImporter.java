package org.casebook.imports.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
 * Telegram Desktop's machine-readable export ({@code result.json}): one chat ({@code {"name","type","id",
 * "messages":[...]}}) or the whole account, of which only {@code chats.list} and {@code left_chats.list} are
 * read (contacts, sessions and the rest of the personal data are skipped unread). Streams with Jackson's
 * {@link JsonParser}; each message, a small object, is read as a tree.
 *
 * <p>Text arrays (plain strings mixed with {@code {"type":"bold","text":...}} entities) are joined without
 * separators. Times come from {@code date_unixtime} (an instant); older exports only have {@code date}, the
 * exporting computer's wall-clock time, kept as a local time with a warning. Senders are keyed on
 * {@code from_id} (names are not unique and {@code from} is null for deleted accounts). Service messages are
 * system lines, except {@code phone_call}, which is a call. Media paths are relative to the folder of
 * {@code result.json}; "(File not included...)" is a not-exported attachment, not an error. A whole-account
 * export names its owner ({@code personal_information.user_id}), which gives each message's direction.
 */
public final class TelegramImporter implements Importer {
    static final Set<String> CHAT_TYPES = Set.of("personal_chat", "private_group", "private_supergroup",
            "public_supergroup", "private_channel", "public_channel", "bot_chat", "saved_messages");

    /**
     * Telegram Desktop's "Human-readable HTML" export ({@code messages.html}, {@code messages2.html} … beside
     * {@code css/style.css}): every page has the fixed title "Exported Data" and the export's page layout.
     */
    static final HtmlChatExport HTML_EXPORT = new HtmlChatExport(Pattern.compile("(?:^|/)messages\\d*\\.html$"),
            "the HTML version of a Telegram Desktop export. Casebook needs the JSON version: in Telegram Desktop"
            + " export the chat again and choose Format: Machine-readable JSON.",
            Pattern.compile("<title>\\s*Exported Data\\s*</title>"),
            Pattern.compile("class=\"page_wrap\"|class=\"page_body chat_page\""));

    private static final String EXPECTED = "a Telegram Desktop export (result.json): expected a JSON object with a"
            + " \"messages\" list (one chat) or \"chats\": {\"list\": [...]} (the whole account)";

    @Override
    public ImportFormat format() {
        return ImportFormat.TELEGRAM;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (HTML_EXPORT.page(file).isPresent()) {
            return true;
        }
        if (file.isZip()) {
            for (String entry : file.entriesEndingWith("result.json")) {
                if (JsonSupport.lower(JsonSupport.lastSegment(entry)).equals("result.json")
                        && looksLikeTelegram(JsonShape.of(file, entry))) {
                    return true;
                }
            }
            return false;
        }
        return looksLikeTelegram(JsonShape.of(file, null));
    }

    /** True when the head of a JSON file is shaped like a Telegram export and not like another JSON format. */
    static boolean looksLikeTelegram(JsonShape shape) {
        if (!shape.isObject()) {
            return false;
        }
        boolean foreign = shape.messageHasAny("sender_name", "senderName", "timestamp_ms", "author")
                || shape.hasRootKey("guild") || shape.hasRootKey("participants") || shape.hasRootKey("threadName");
        if (foreign) {
            return false;
        }
        if (shape.hasRootKey("personal_information") || shape.hasRootKey("left_chats")) {
            return true;
        }
        String type = shape.rootValue("type");
        if (type != null && CHAT_TYPES.contains(type) && (shape.hasRootKey("messages") || shape.hasRootKey("id"))) {
            return true;
        }
        boolean telegramMessage = shape.messageHasAny("date_unixtime", "from_id", "text_entities", "actor_id")
                || shape.messageHas("date", "type");
        return telegramMessage && (shape.hasRootKey("messages") || shape.hasRootKey("chats"));
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        List<String> entries = new ArrayList<>();
        if (!file.isZip() || file.entriesEndingWith("result.json").isEmpty()) {
            HTML_EXPORT.refuseIfOne(file);
        }
        if (file.isZip()) {
            for (String entry : file.entriesEndingWith(".json")) {
                if (JsonSupport.lower(JsonSupport.lastSegment(entry)).equals("result.json")
                        && looksLikeTelegram(JsonShape.of(file, entry))) {
                    entries.add(entry);
                }
            }
            if (entries.isEmpty()) {
                throw new ImportException(file.name() + ": holds no Telegram Desktop result.json.");
            }
        } else {
            entries.add(null);
        }
        for (String entry : entries) {
            new Reader(file, entry, context, sink).read();
        }
    }

    /** One result.json. */
    private static final class Reader extends JsonFileReader {
        private String ownerId;
        private boolean warnedLocalTime;
        private long undatedService;
        private boolean foundMessages;
        private long count;

        Reader(ExportFile file, String entry, ImportContext context, MessageSink sink) {
            super(file, entry, context, sink);
        }

        void read() throws IOException {
            requireShape(TelegramImporter::looksLikeTelegram, EXPECTED);
            try (InputStream in = JsonSupport.open(file, entry); JsonParser p = JsonSupport.parser(in)) {
                JsonSupport.expectRootObject(p, where, EXPECTED);
                Chat single = new Chat();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "name", "type", "id" -> single.set(name, t, p);
                        case "messages" -> readMessages(p, single, "messages");
                        case "personal_information" -> readOwner(p, t);
                        case "chats", "left_chats" -> readChatList(p, t, name);
                        default -> p.skipChildren();
                    }
                }
                JsonSupport.expectEnd(p, where);
            } catch (ImportException e) {
                throw e;
            } catch (IOException e) {
                throw JsonSupport.failure(where, e, total);
            }
            if (!foundMessages) {
                throw new ImportException(where + ": is not " + EXPECTED + ".");
            }
            if (undatedService > 0) {
                context.warn(where + ": " + undatedService + " service line(s) without a date were left out;"
                        + " they stay in the original file.");
            }
        }

        private void readOwner(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            JsonNode info = p.readValueAsTree();
            String id = JsonSupport.text(info, "user_id");
            if (id != null && !id.isBlank()) {
                ownerId = id.strip();
            }
        }

        private void readChatList(JsonParser p, JsonToken t, String section) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw ImportException.at(where, JsonSupport.line(p), "expected \"" + section
                        + "\" to be an object with a \"list\" of chats.");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("list")) {
                    p.skipChildren();
                    continue;
                }
                JsonSupport.expectArray(p, where, section + ".list");
                int index = 0;
                JsonToken c;
                while ((c = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (c != JsonToken.START_OBJECT) {
                        throw ImportException.at(where, JsonSupport.line(p), "expected each chat in \"" + section
                                + ".list\" to be an object.");
                    }
                    readChat(p, section + ".list[" + index + "]");
                    index++;
                }
                foundMessages = true;
            }
        }

        private void readChat(JsonParser p, String path) throws IOException {
            Chat chat = new Chat();
            chat.fallback = path;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "name", "type", "id" -> chat.set(name, t, p);
                    case "messages" -> readMessages(p, chat, path + ".messages");
                    default -> p.skipChildren();
                }
            }
        }

        private void readMessages(JsonParser p, Chat chat, String path) throws IOException {
            JsonSupport.expectArray(p, where, path);
            foundMessages = true;
            if (chat.fallback == null) {
                chat.fallback = entry == null ? file.name() : entry;
            }
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw ImportException.at(where, JsonSupport.line(p), "expected each message in \"" + path
                            + "\" to be an object.");
                }
                long line = JsonSupport.line(p);
                JsonNode m = p.readValueAsTree();
                String source = (entry == null ? "" : entry + ", ") + path + "[" + index + "]";
                if ("service".equals(JsonSupport.text(m, "type")) && JsonSupport.text(m, "date") == null
                        && JsonSupport.text(m, "date_unixtime") == null) {
                    // a service line (a pin, a member joining) with no time cannot be placed; it is not a message
                    undatedService++;
                } else {
                    sink.accept(convert(m, chat, source, line));
                }
                JsonSupport.tick(context, p, total, ++count);
                index++;
            }
        }

        private ImportedMessage convert(JsonNode m, Chat chat, String source, long line) {
            String type = JsonSupport.text(m, "type");
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            Kind kind;
            Long duration = null;
            String senderName;
            String senderAddress;
            String action = JsonSupport.text(m, "action");
            if ("service".equals(type)) {
                senderName = JsonSupport.text(m, "actor");
                senderAddress = JsonSupport.text(m, "actor_id");
                if ("phone_call".equals(action) || "group_call".equals(action)) {
                    kind = Kind.CALL;
                    JsonNode d = m.get("duration_seconds");
                    if (d != null && d.canConvertToLong()) {
                        duration = d.asLong();
                    }
                    if ("missed".equals(JsonSupport.text(m, "discard_reason"))) {
                        flags.add(MessageFlag.MISSED);
                    }
                } else {
                    kind = Kind.SYSTEM;
                }
            } else {
                if (type != null && !type.equals("message")) {
                    context.warn(where + " " + source + ": unknown message type \"" + type
                            + "\"; imported as a system line.");
                    kind = Kind.SYSTEM;
                } else {
                    kind = Kind.MESSAGE;
                }
                senderName = JsonSupport.text(m, "from");
                senderAddress = JsonSupport.text(m, "from_id");
            }
            MessageTime time = time(m, line);
            String raw = text(m.get("text"));
            if (raw.isEmpty() && m.has("text_entities")) {
                raw = text(m.get("text_entities"));
            }
            if (raw.isEmpty() && kind == Kind.SYSTEM && action != null) {
                raw = action;
            }
            if (raw.isEmpty() && kind == Kind.CALL) {
                raw = callText(JsonSupport.text(m, "discard_reason"), duration);
            }
            if (m.has("edited") || m.has("edited_unixtime")) {
                flags.add(MessageFlag.EDITED);
            }
            if (m.has("forwarded_from")) {
                flags.add(MessageFlag.FORWARDED);
            }
            List<AttachmentRef> attachments = new ArrayList<>(1);
            attach(m, "photo", null, attachments, flags, source);
            attach(m, "file", JsonSupport.text(m, "mime_type"), attachments, flags, source);
            Direction direction = Direction.UNKNOWN;
            if (ownerId != null && senderAddress != null) {
                direction = senderAddress.equals("user" + ownerId) ? Direction.OUTGOING : Direction.INCOMING;
            }
            return new ImportedMessage(kind, chat.key(), chat.title(), "Telegram", senderName, senderAddress,
                    direction, time, raw, attachments, flags, duration, source, JsonSupport.text(m, "id"));
        }

        private MessageTime time(JsonNode m, long line) {
            String unix = JsonSupport.text(m, "date_unixtime");
            if (unix != null && !unix.isBlank()) {
                try {
                    return MessageTime.instant(Instant.ofEpochSecond(Long.parseLong(unix.strip())));
                } catch (NumberFormatException e) {
                    throw ImportException.at(where, line, "date_unixtime \"" + unix + "\" is not a number of seconds.");
                }
            }
            String date = JsonSupport.text(m, "date");
            if (date == null || date.isBlank()) {
                throw ImportException.at(where, line, "a message has neither date_unixtime nor date.");
            }
            try {
                // converters and other exporters write the ISO form with milliseconds and a zone: an instant
                java.time.temporal.TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(date.strip(),
                        OffsetDateTime::from, LocalDateTime::from);
                if (parsed instanceof OffsetDateTime odt) {
                    return MessageTime.withOffset(odt.toInstant(), odt.getOffset());
                }
                LocalDateTime local = (LocalDateTime) parsed;
                if (!warnedLocalTime) {
                    warnedLocalTime = true;
                    context.warn(where + ": this older export has no date_unixtime; its times are the exporting"
                            + " computer's local clock and the zone is unknown, so the case's zone is applied.");
                }
                return MessageTime.local(local);
            } catch (DateTimeParseException e) {
                throw ImportException.at(where, line, "date \"" + date + "\" is not a date and time.");
            }
        }

        /** A call's words, as Telegram shows them: "Call, 2 min 5 s", "Missed call", "Call not answered (busy)". */
        static String callText(String discardReason, Long seconds) {
            if (discardReason == null || discardReason.equals("hangup")) {
                return CallText.of("Call", seconds);
            }
            return switch (discardReason) {
                case "missed" -> "Missed call";
                case "busy" -> "Call not answered (busy)";
                case "disconnect" -> CallText.of("Call disconnected", seconds);
                default -> CallText.of("Call (" + discardReason + ")", seconds);
            };
        }

        /** A string, or an array of strings and entity objects joined without separators. */
        static String text(JsonNode node) {
            if (node == null || node.isNull()) {
                return "";
            }
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : node) {
                    if (part.isTextual()) {
                        sb.append(part.textValue());
                    } else if (part.isObject()) {
                        JsonNode t = part.get("text");
                        if (t != null && t.isTextual()) {
                            sb.append(t.textValue());
                        }
                    }
                }
                return sb.toString();
            }
            return node.isValueNode() ? node.asText() : "";
        }

        private void attach(JsonNode m, String field, String mediaType, List<AttachmentRef> out,
                            Set<MessageFlag> flags, String source) {
            String ref = JsonSupport.text(m, field);
            if (ref == null || ref.isBlank()) {
                return;
            }
            String fileName = "file".equals(field) ? JsonSupport.text(m, "file_name") : null;
            if (ref.startsWith("(File ") && ref.endsWith(")")) {
                // "(File not included. Change data exporting settings to download.)", "(File exceeds maximum size...)"
                out.add(new AttachmentRef(fileName != null ? fileName : ref, null, mediaType, null));
                flags.add(MessageFlag.OMITTED);
                return;
            }
            String name = fileName != null ? fileName : JsonSupport.lastSegment(ref);
            ExportFile.Media media = file.media(folder == null || folder.isEmpty() ? ref : folder + "/" + ref);
            if (media == null) {
                context.warn(where + " " + source + ": " + ref + " is referenced but not in the export.");
                out.add(new AttachmentRef(name, null, mediaType, null));
            } else {
                out.add(new AttachmentRef(name, media.path(), mediaType, media.data()));
            }
        }
    }

    /** What the export says about one chat, as far as it has been read. */
    private static final class Chat {
        String id;
        String name;
        String type;
        String fallback;

        void set(String field, JsonToken t, JsonParser p) throws IOException {
            if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                p.skipChildren();
                return;
            }
            String v = p.getText();
            switch (field) {
                case "id" -> id = v;
                case "name" -> name = v;
                default -> type = v;
            }
        }

        String title() {
            return name == null && "saved_messages".equals(type) ? "Saved Messages" : name;
        }

        /** The chat id (unique in the account); the name, or where it is, only when the export gives no id. */
        String key() {
            if (id != null) {
                return id;
            }
            return name != null ? name : fallback;
        }
    }
}
