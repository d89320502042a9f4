package org.casebook.imports.meta;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.evidence.FolderFiles;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.MessageSink;
import org.casebook.imports.MessageTime;
import org.casebook.imports.json.JsonShape;
import org.casebook.imports.json.JsonSupport;

/**
 * What the Facebook and Instagram importers share: finding the {@code message_N.json} parts of each thread (in a
 * zip, or beside the file the user picked), streaming them, merging and sorting each thread, and Messenger's
 * end-to-end-encrypted export.
 *
 * <p><b>Memory.</b> The parts of a thread are newest first and must be merged and sorted, so one thread at a
 * time is held in memory as small records (sender, time, the text, attachment references; no media bytes);
 * threads are emitted one after another. A thread of 100,000 messages takes a few tens of MB; the whole
 * download is never held.
 */
final class MetaExport {
    enum Platform { FACEBOOK, INSTAGRAM }

    static final Pattern PART_JSON = Pattern.compile("(?i)(?:^|/)message_(\\d+)\\.json$");
    static final Pattern PART_HTML = Pattern.compile("(?i)(?:^|/)message_(\\d+)\\.html?$");
    private static final Pattern E2EE_THREAD_SUFFIX = Pattern.compile("_\\d+$");
    private static final String FAILED_MEDIA = "Failed to download media";
    private static final int MAX_SNIFFED_ENTRIES = 50;

    private final Platform platform;
    private final String channel;
    private final boolean acceptsE2ee;
    private final String label;

    MetaExport(Platform platform, String channel, boolean acceptsE2ee, String label) {
        this.platform = platform;
        this.channel = channel;
        this.acceptsE2ee = acceptsE2ee;
        this.label = label;
    }

    // ----------------------------------------------------------------------------------------------- detection

    static boolean isDyi(JsonShape s) {
        if (!s.isObject() || s.hasRootKey("threadName") || s.messageHasAny("senderName")) {
            return false;
        }
        if (s.messageHasAny("sender_name", "timestamp_ms")) {
            return true;
        }
        return s.hasRootKey("participants") && (s.hasRootKey("thread_path") || s.hasRootKey("is_still_participant")
                || s.hasRootKey("magic_words")) && (s.messageKeys() == null || s.messageKeys().isEmpty());
    }

    static boolean isE2ee(JsonShape s) {
        if (!s.isObject() || s.messageHasAny("sender_name", "timestamp_ms", "author", "date_unixtime")) {
            return false;
        }
        return s.hasRootKey("threadName") || s.messageHas("senderName", "timestamp");
    }

    /** Which service a zip came from: its folder names, else its own name. */
    static Platform platformOfZip(ExportFile file) {
        boolean facebook = false;
        for (String n : file.zip().names()) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.contains("your_instagram_activity/")) {
                return Platform.INSTAGRAM;
            }
            facebook |= lower.contains("your_facebook_activity/");
        }
        if (facebook) {
            return Platform.FACEBOOK;
        }
        return file.name().toLowerCase(Locale.ROOT).contains("instagram") ? Platform.INSTAGRAM : Platform.FACEBOOK;
    }

    /** Which service a plain file came from: the nearest folder (or the name) that says so; Facebook otherwise. */
    static Platform platformOfPath(Path path) {
        for (Path p = path.toAbsolutePath(); p != null && p.getFileName() != null; p = p.getParent()) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.contains("instagram")) {
                return Platform.INSTAGRAM;
            }
            if (name.contains("facebook") || name.contains("messenger")) {
                return Platform.FACEBOOK;
            }
        }
        return Platform.FACEBOOK;
    }

    boolean recognises(ExportFile file) throws IOException {
        if (file.isZip()) {
            List<String> names = file.zip().names();
            boolean parts = names.stream().anyMatch(n -> PART_JSON.matcher(n).find() && inMessagesFolder(n));
            boolean html = names.stream().anyMatch(n -> PART_HTML.matcher(n).find() && inMessagesFolder(n));
            if (parts || html) {
                return platformOfZip(file) == platform;
            }
            return acceptsE2ee && !e2eeEntries(file).isEmpty();
        }
        if (PART_HTML.matcher(file.name()).find()) {
            return platformOfPath(file.path()) == platform;
        }
        JsonShape shape = JsonShape.of(file, null);
        if (acceptsE2ee && isE2ee(shape)) {
            return true;
        }
        return isDyi(shape) && platformOfPath(file.path()) == platform;
    }

    private static boolean inMessagesFolder(String entry) {
        return entry.toLowerCase(Locale.ROOT).contains("messages/");
    }

    private static List<String> e2eeEntries(ExportFile file) throws IOException {
        List<String> out = new ArrayList<>();
        int sniffed = 0;
        for (String entry : file.entriesEndingWith(".json")) {
            if (sniffed++ >= MAX_SNIFFED_ENTRIES && out.isEmpty()) {
                break;
            }
            if (isE2ee(JsonShape.of(file, entry))) {
                out.add(entry);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------- reading

    void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        if (file.isZip()) {
            readZip(file, context, sink);
            return;
        }
        if (PART_HTML.matcher(file.name()).find()) {
            throw htmlExport(file.name());
        }
        JsonShape shape = JsonShape.of(file, null);
        if (shape.top() == JsonShape.Top.HTML) {
            throw htmlExport(file.name());
        }
        shape.check(file.name());
        if (acceptsE2ee && isE2ee(shape)) {
            new ThreadReader(file, context, true).add(Part.of(file, file.path())).emit(sink);
            return;
        }
        if (!isDyi(shape)) {
            throw new ImportException(file.name() + ": is not " + expected() + ".");
        }
        ThreadReader thread = new ThreadReader(file, context, false);
        for (Path part : siblings(file.path())) {
            thread.add(Part.of(file, part));
        }
        thread.emit(sink);
    }

    private String expected() {
        return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label + " message file: expected a JSON object with a \"messages\" list of"
                + " {\"sender_name\", \"timestamp_ms\", \"content\", ...}"
                + (acceptsE2ee ? " (or, for an end-to-end-encrypted chat, \"threadName\" and messages with"
                + " \"senderName\", \"timestamp\", \"text\")" : "");
    }

    private void readZip(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        Map<String, List<String>> threads = new LinkedHashMap<>();
        boolean html = false;
        for (String n : file.zip().names()) {
            if (!inMessagesFolder(n)) {
                continue;
            }
            if (PART_JSON.matcher(n).find()) {
                threads.computeIfAbsent(JsonSupport.entryFolder(n), k -> new ArrayList<>()).add(n);
            } else if (PART_HTML.matcher(n).find()) {
                html = true;
            }
        }
        if (threads.isEmpty()) {
            if (html) {
                throw htmlExport(file.name());
            }
            List<String> e2ee = acceptsE2ee ? e2eeEntries(file) : List.of();
            if (e2ee.isEmpty()) {
                throw new ImportException(file.name() + ": holds no " + label
                        + " messages (expected .../messages/inbox/<thread>/message_1.json).");
            }
            for (String entry : e2ee) {
                new ThreadReader(file, context, true).add(Part.of(file, entry)).emit(sink);
            }
            return;
        }
        for (List<String> parts : threads.values()) {
            parts.sort(Comparator.comparingLong(MetaExport::partNumber));
            ThreadReader thread = new ThreadReader(file, context, false);
            for (String entry : parts) {
                thread.add(Part.of(file, entry));
            }
            thread.emit(sink);
        }
    }

    private ImportException htmlExport(String name) {
        return new ImportException(name + ": is the HTML version of the " + label + " download. Casebook needs"
                + " the JSON version: download your information again and choose Format: JSON.");
    }

    /**
     * The parts of the thread a {@code message_N.json} belongs to: every {@code message_N.json} in its folder,
     * in number order. Any other file name is a thread on its own. ImportService should keep these files as
     * evidence along with the one the user picked.
     */
    static List<Path> siblings(Path file) throws IOException {
        Matcher m = PART_JSON.matcher(file.getFileName().toString());
        Path folder = file.toAbsolutePath().getParent();
        if (!m.find() || folder == null) {
            return List.of(file);
        }
        List<Path> parts = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                // the file picked is read as given; its siblings never through a link out of the folder
                if (PART_JSON.matcher(name).find() && (name.equals(file.getFileName().toString())
                        ? Files.isRegularFile(p) : FolderFiles.find(folder, name).found())) {
                    parts.add(p);
                }
            }
        }
        parts.sort(Comparator.comparingLong(p -> partNumber(p.getFileName().toString())));
        return parts;
    }

    static long partNumber(String name) {
        Matcher m = PART_JSON.matcher(name);
        if (!m.find()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** One message_N.json: a zip entry, or a file in the picked file's folder. */
    private record Part(String entry, Path path, String label, String where) {
        static Part of(ExportFile file, String entry) {
            return new Part(entry, null, entry, JsonSupport.where(file, entry));
        }

        static Part of(ExportFile file, Path path) {
            String name = path.getFileName().toString();
            return new Part(null, path, name, name);
        }

        InputStream open(ExportFile file) throws IOException {
            return entry != null ? file.zip().open(entry) : Files.newInputStream(path);
        }

        JsonShape shape(ExportFile file) throws IOException {
            if (entry != null) {
                return JsonShape.of(file, entry);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return JsonShape.of(in.readNBytes(JsonSupport.HEAD_BYTES));
            }
        }

        long size(ExportFile file) {
            try {
                return entry != null ? file.zip().size(entry) : Files.size(path);
            } catch (IOException e) {
                return -1;
            }
        }

        /** The folder of the thread, as a zip entry prefix ("" at the top) or null for plain files. */
        String folder() {
            return entry == null ? null : JsonSupport.entryFolder(entry);
        }

        /** The thread folder's own name ("name_123"). */
        String threadFolderName() {
            if (entry != null) {
                String f = JsonSupport.entryFolder(entry);
                return f.isEmpty() ? null : JsonSupport.lastSegment(f);
            }
            Path parent = path.toAbsolutePath().getParent();
            return parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        }
    }

    /** A sender as written and as shown (repaired when safe; names are not evidence text). */
    private record Sender(String raw, String display) {
    }

    /**
     * A message held for sorting, kept small: no media bytes, the sender shared per thread, flags as bits, the
     * source as (part, index). About 100 bytes plus the text (Latin-1 mojibake is stored one byte per char).
     */
    private record Rec(long timestampMs, int part, int index, Sender sender, String raw, Kind kind, byte flags,
                       Long duration, List<AttachmentRef> attachments, List<String> uris) {
        Set<MessageFlag> flagSet() {
            Set<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
            for (MessageFlag f : MessageFlag.values()) {
                if ((flags & (1 << f.ordinal())) != 0) {
                    set.add(f);
                }
            }
            return set;
        }

        static byte bits(Set<MessageFlag> flags) {
            int b = 0;
            for (MessageFlag f : flags) {
                b |= 1 << f.ordinal();
            }
            return (byte) b;
        }
    }

    /** One conversation: its parts read into records, then sorted, deduplicated and emitted. */
    private final class ThreadReader {
        private final ExportFile file;
        private final ImportContext context;
        private final boolean e2ee;
        private final List<Rec> recs = new ArrayList<>();
        private final Set<String> warnedNames = new HashSet<>();
        private final List<String> partLabels = new ArrayList<>();
        private final Map<String, Sender> senders = new HashMap<>();
        private String title;
        private List<String> participants;
        private String threadPath;
        private String threadName;
        private String fallbackKey;
        private long count;

        ThreadReader(ExportFile file, ImportContext context, boolean e2ee) {
            this.file = file;
            this.context = context;
            this.e2ee = e2ee;
        }

        ThreadReader add(Part part) throws IOException {
            JsonShape shape = part.shape(file);
            shape.check(part.where());
            if (shape.top() == JsonShape.Top.HTML) {
                throw htmlExport(part.where());
            }
            boolean fits = e2ee ? isE2ee(shape) : isDyi(shape);
            if (!fits) {
                throw new ImportException(part.where() + ": is not " + expected() + ".");
            }
            if (fallbackKey == null) {
                fallbackKey = fallbackKey(part);
            }
            int first = recs.size();
            partLabels.add(part.label());
            long total = part.size(file);
            boolean sawMessages = false;
            try (InputStream in = part.open(file); JsonParser p = JsonSupport.parser(in)) {
                JsonSupport.expectRootObject(p, part.where(), expected());
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "title" -> title = scalar(p, t, title);
                        case "participants" -> participants(p, t);
                        case "thread_path" -> threadPath = scalar(p, t, threadPath);
                        case "threadName" -> threadName = scalar(p, t, threadName);
                        case "messages" -> {
                            readMessages(p, part, total);
                            sawMessages = true;
                        }
                        default -> p.skipChildren();
                    }
                }
                JsonSupport.expectEnd(p, part.where());
            } catch (ImportException e) {
                throw e;
            } catch (IOException e) {
                throw JsonSupport.failure(part.where(), e, total);
            }
            if (!sawMessages) {
                throw new ImportException(part.where() + ": is not " + expected() + " (it has no \"messages\").");
            }
            // Turn this part's run into oldest first so messages of one millisecond keep their true order.
            List<Rec> run = recs.subList(first, recs.size());
            if (run.size() > 1 && newestFirst(run.get(0).timestampMs(), run.get(run.size() - 1).timestampMs())) {
                java.util.Collections.reverse(run);
            }
            return this;
        }

        /**
         * Whether a part runs newest first: its times say so, or, where its first and last message share one
         * millisecond, the format does (the download lists newest first, the end-to-end-encrypted export oldest
         * first).
         */
        private boolean newestFirst(long firstMs, long lastMs) {
            return firstMs > lastMs || firstMs == lastMs && !e2ee;
        }

        private String scalar(JsonParser p, JsonToken t, String current) throws IOException {
            if (t == JsonToken.VALUE_STRING) {
                return current != null ? current : p.getText();
            }
            p.skipChildren();
            return current;
        }

        /** The participants' names: {@code [{"name": ...}]} in the download, plain strings in the E2EE export. */
        private void participants(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_ARRAY || participants != null) {
                p.skipChildren();
                return;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode n : (JsonNode) p.readValueAsTree()) {
                String name = n.isTextual() ? n.textValue() : JsonSupport.text(n, "name");
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
            participants = names;
        }

        private String fallbackKey(Part part) {
            String folder = part.entry() != null ? JsonSupport.entryFolder(part.entry())
                    : part.path().toAbsolutePath().getParent() == null ? ""
                    : part.path().toAbsolutePath().getParent().toString().replace('\\', '/');
            int i = folder.lastIndexOf("messages/");
            if (i >= 0 && !e2ee) {
                return folder.substring(i + "messages/".length());
            }
            String name = JsonSupport.lastSegment(part.label());
            return e2ee && name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        }

        private void readMessages(JsonParser p, Part part, long total) throws IOException {
            JsonSupport.expectArray(p, part.where(), "messages");
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw ImportException.at(part.where(), JsonSupport.line(p),
                            "expected each message in \"messages\" to be an object.");
                }
                long line = JsonSupport.line(p);
                JsonNode m = p.readValueAsTree();
                String source = part.label() + ", messages[" + index + "]";
                recs.add(e2ee ? e2eeRec(m, part, index, source, line) : dyiRec(m, part, index, source, line));
                JsonSupport.tick(context, p, total, ++count);
                index++;
            }
        }

        private Rec dyiRec(JsonNode m, Part part, int index, String source, long line) {
            long ts = millis(m, "timestamp_ms", part, line);
            Sender sender = sender(JsonSupport.text(m, "sender_name"), source);
            String raw = text(JsonSupport.text(m, "content"), part, source);
            raw = withShare(raw, m.get("share"), part, source);
            raw = withReactions(raw, m.get("reactions"), part, source);
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            if (m.path("is_unsent").asBoolean(false)) {
                flags.add(MessageFlag.UNSENT);
            }
            String type = JsonSupport.text(m, "type");
            Kind kind = Kind.MESSAGE;
            Long duration = null;
            JsonNode call = m.get("call_duration");
            if (call != null && call.canConvertToLong() || "Call".equals(type)) {
                kind = Kind.CALL;
                duration = call != null && call.canConvertToLong() ? call.asLong() : null;
                if (m.path("missed").asBoolean(false)) {
                    flags.add(MessageFlag.MISSED);
                }
            } else if ("Subscribe".equals(type) || "Unsubscribe".equals(type)) {
                kind = Kind.SYSTEM;
            }
            List<AttachmentRef> attachments = new ArrayList<>(1);
            List<String> uris = new ArrayList<>(1);
            for (String field : List.of("photos", "videos", "audio_files", "gifs", "files")) {
                JsonNode list = m.get(field);
                if (list != null && list.isArray()) {
                    for (JsonNode media : list) {
                        attach(JsonSupport.text(media, "uri"), part, source, attachments, uris, flags);
                    }
                }
            }
            JsonNode sticker = m.get("sticker");
            if (sticker != null && sticker.isObject()) {
                attach(JsonSupport.text(sticker, "uri"), part, source, attachments, uris, flags);
            }
            return new Rec(ts, partLabels.size() - 1, index, sender, raw, kind, Rec.bits(flags), duration,
                    compact(attachments), compact(uris));
        }

        private Rec e2eeRec(JsonNode m, Part part, int index, String source, long line) {
            long ts = millis(m, "timestamp", part, line);
            Sender sender = sender(JsonSupport.text(m, "senderName"), source);
            String raw = withReactions(text(JsonSupport.text(m, "text"), part, source), m.get("reactions"), part,
                    source);
            Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
            if (m.path("isUnsent").asBoolean(false)) {
                flags.add(MessageFlag.UNSENT);
            }
            List<AttachmentRef> attachments = new ArrayList<>(1);
            List<String> uris = new ArrayList<>(1);
            JsonNode media = m.get("media");
            if (media != null && media.isArray()) {
                for (JsonNode item : media) {
                    attach(JsonSupport.text(item, "uri"), part, source, attachments, uris, flags);
                }
            }
            return new Rec(ts, partLabels.size() - 1, index, sender, raw, Kind.MESSAGE,
                    Rec.bits(flags), null, compact(attachments), compact(uris));
        }

        /**
         * A string of the download, repaired ({@link MetaText}): the one place the download's text is decoded,
         * so nothing is repaired twice. A string that is not consistently latin-1-escaped UTF-8 is kept as
         * written, with a warning. The end-to-end-encrypted export is plain UTF-8: its strings are kept as written.
         */
        private String text(String s, Part part, String source) {
            if (s == null) {
                return "";
            }
            if (e2ee) {
                return s;
            }
            MetaText.Result r = MetaText.analyse(s);
            if (r.status() == MetaText.Status.NOT_MOJIBAKE) {
                context.warn(part.where() + " " + source + ": the text has characters above U+00FF, so it is"
                        + " not the usual byte-per-character mojibake; it is kept as written.");
            } else if (r.status() == MetaText.Status.INVALID_UTF8) {
                context.warn(part.where() + " " + source + ": the text is not valid UTF-8 once read as"
                        + " bytes, so it was not repaired; it is kept as written.");
            }
            return r.text();
        }

        /** A shared link and its description, after the text (which may already quote the link). */
        private String withShare(String raw, JsonNode share, Part part, String source) {
            if (share == null || !share.isObject()) {
                return raw;
            }
            StringBuilder out = new StringBuilder(raw);
            for (String field : List.of("link", "share_text")) {
                String v = text(JsonSupport.text(share, field), part, source);
                if (!v.isBlank() && !raw.contains(v)) {
                    out.append(out.isEmpty() ? "" : "\n").append(v);
                }
            }
            return out.toString();
        }

        /** Reactions, kept on a line of their own after the text: "Reactions: 😡 Name, ❤ Other". */
        private String withReactions(String raw, JsonNode reactions, Part part, String source) {
            if (reactions == null || !reactions.isArray() || reactions.isEmpty()) {
                return raw;
            }
            StringBuilder line = new StringBuilder();
            for (JsonNode r : reactions) {
                String reaction = text(JsonSupport.text(r, "reaction"), part, source);
                String actor = name(JsonSupport.text(r, "actor"), source);
                if (reaction.isBlank()) {
                    continue;
                }
                line.append(line.isEmpty() ? "" : ", ").append(reaction);
                if (actor != null) {
                    line.append(' ').append(actor);
                }
            }
            return line.isEmpty() ? raw : raw + (raw.isEmpty() ? "" : "\n") + "Reactions: " + line;
        }

        private static <T> List<T> compact(List<T> list) {
            return list.isEmpty() ? List.of() : List.copyOf(list);
        }

        /** One shared object per sender, with its display form computed once. */
        private Sender sender(String raw, String source) {
            if (raw == null) {
                return null;
            }
            Sender known = senders.get(raw);
            if (known == null) {
                known = new Sender(raw, name(raw, source));
                senders.put(raw, known);
            }
            return known;
        }

        private long millis(JsonNode m, String field, Part part, long line) {
            JsonNode v = m.get(field);
            if (v != null && v.isIntegralNumber()) {
                return v.asLong();
            }
            if (v != null && v.isTextual()) {
                try {
                    return Long.parseLong(v.textValue().strip());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw ImportException.at(part.where(), line, "a message has no usable \"" + field
                    + "\" (milliseconds since 1970).");
        }

        /** A sender's display name: repaired when safe (names are not evidence text); E2EE names are plain UTF-8. */
        private String name(String raw, String source) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            if (e2ee) {
                return raw;
            }
            MetaText.Result r = MetaText.analyse(raw);
            if (r.leftUnrepaired() && warnedNames.add(raw)) {
                context.warn(source + ": the name \"" + raw + "\" could not be safely un-mojibaked; kept as written.");
            }
            return r.text();
        }

        private void attach(String uri, Part part, String source, List<AttachmentRef> out, List<String> uris,
                            Set<MessageFlag> flags) {
            if (uri == null || uri.isBlank()) {
                return;
            }
            uris.add(uri);
            if (e2ee && uri.strip().equalsIgnoreCase(FAILED_MEDIA)) {
                out.add(AttachmentRef.missing(uri));
                flags.add(MessageFlag.OMITTED);
                return;
            }
            String display = e2ee ? uri : MetaText.repair(uri);
            String name = JsonSupport.lastSegment(display);
            ExportFile.Media media = resolve(uri, part);
            if (media == null && !display.equals(uri)) {
                media = resolve(display, part);
            }
            if (media == null) {
                context.warn(part.where() + " " + source + ": " + display + " is referenced but not in the export.");
                out.add(new AttachmentRef(name, null, null, null));
                flags.add(MessageFlag.OMITTED); // as Telegram's "File not included": the record says media was sent
            } else {
                out.add(new AttachmentRef(name, media.path(), null, media.data()));
            }
        }

        /**
         * Finds a media file by its uri, which is relative to the download's root and whose prefix changed
         * between generations ({@code messages/...} vs {@code your_facebook_activity/messages/...}): the whole
         * uri, then from {@code messages/} on, then the part after the thread's own folder (relative to it).
         */
        private ExportFile.Media resolve(String uri, Part part) {
            String u = uri.replace('\\', '/');
            while (u.startsWith("./")) {
                u = u.substring(2);
            }
            String folder = part.folder();
            List<String> candidates = new ArrayList<>(4);
            if (e2ee) {
                candidates.add(folder == null || folder.isEmpty() ? u : folder + "/" + u);
            } else {
                candidates.add(u);
                int i = u.indexOf("messages/");
                if (i > 0) {
                    candidates.add(u.substring(i));
                }
                String thread = part.threadFolderName();
                if (thread != null) {
                    int j = u.indexOf("/" + thread + "/");
                    String tail = j >= 0 ? u.substring(j + thread.length() + 2) : null;
                    if (tail != null && !tail.isEmpty()) {
                        candidates.add(folder == null || folder.isEmpty() ? tail : folder + "/" + tail);
                    }
                }
            }
            for (String c : candidates) {
                ExportFile.Media media = file.media(c);
                if (media != null) {
                    return media;
                }
            }
            return null;
        }

        void emit(MessageSink sink) {
            recs.sort(Comparator.comparingLong(Rec::timestampMs));
            String conversation = e2ee ? MetaText.E2EE_PREFIX + (threadName != null ? threadName : fallbackKey)
                    : threadPath != null ? threadPath : fallbackKey;
            String shownTitle = e2ee ? (threadName == null ? null : E2EE_THREAD_SUFFIX.matcher(threadName).replaceAll(""))
                    : name(title, conversation);
            if (shownTitle == null && participants != null && !participants.isEmpty()) {
                List<String> names = new ArrayList<>();
                for (String n : participants) {
                    names.add(name(n, conversation));
                }
                shownTitle = String.join(", ", names);
            }
            int duplicates = 0;
            int groupStart = 0;
            for (int i = 0; i < recs.size(); i++) {
                Rec r = recs.get(i);
                if (i > 0 && recs.get(i - 1).timestampMs() != r.timestampMs()) {
                    groupStart = i;
                }
                if (isDuplicate(r, groupStart, i)) {
                    duplicates++;
                    context.repeatedRecord();
                    continue;
                }
                String senderName = r.sender() == null ? null : r.sender().display();
                sink.accept(new ImportedMessage(r.kind(), conversation, shownTitle, channel, senderName, null,
                        Direction.UNKNOWN, MessageTime.instant(Instant.ofEpochMilli(r.timestampMs())), r.raw(),
                        r.attachments(), r.flagSet(), r.duration(),
                        partLabels.get(r.part()) + ", messages[" + r.index() + "]"));
            }
            if (duplicates > 0) {
                context.warn(conversation + ": " + duplicates + " message(s) appeared twice (same sender, time and"
                        + " text, e.g. in two parts) and were imported once.");
            }
            recs.clear();
        }

        /** The same sender, time and content (and media) as an earlier message of the same millisecond. */
        private boolean isDuplicate(Rec r, int from, int to) {
            for (int k = from; k < to; k++) {
                Rec o = recs.get(k);
                if (o.sender() == r.sender() && o.raw().equals(r.raw()) && o.uris().equals(r.uris())) {
                    return true;
                }
            }
            return false;
        }
    }
}
