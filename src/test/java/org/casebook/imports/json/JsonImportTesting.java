package org.casebook.imports.json;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Progress;

/** Shared helpers and small sample files for the JSON importers' tests. */
public final class JsonImportTesting {
    private JsonImportTesting() {
    }

    /** What an import produced. */
    public record Result(List<ImportedMessage> messages, List<String> warnings) {
        public ImportedMessage get(int i) {
            return messages.get(i);
        }

        public int size() {
            return messages.size();
        }

        public boolean warned(String fragment) {
            return warnings.stream().anyMatch(w -> w.contains(fragment));
        }
    }

    /** A file under the repository's test fixtures; fails clearly when missing. */
    public static Path fixture(String... parts) {
        return Fixtures.file(parts);
    }

    public static Result read(Importer importer, Path file) throws IOException {
        ImportContext context = new ImportContext(null, Progress.NONE);
        List<ImportedMessage> out = new ArrayList<>();
        try (ExportFile export = ExportFile.open(file)) {
            importer.read(export, context, out::add);
        }
        return new Result(out, context.warnings());
    }

    public static boolean recognises(Importer importer, Path file) throws IOException {
        try (ExportFile export = ExportFile.open(file)) {
            return importer.recognises(export);
        }
    }

    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A zip with the given entries (name to UTF-8 text or byte[]), in order. */
    public static Path zip(Path file, Map<String, ?> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, ?> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Object v = e.getValue();
                zip.write(v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Runs {@code work} with the JVM's default zone set to {@code zone}, then puts it back. */
    public static <T> T inDefaultZone(String zone, Callable<T> work) throws Exception {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            return work.call();
        } finally {
            TimeZone.setDefault(before);
        }
    }

    /** Bytes no text format starts with: a PNG header and some NULs. */
    public static byte[] binary() {
        byte[] b = new byte[256];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        System.arraycopy(png, 0, b, 0, png.length);
        for (int i = png.length; i < b.length; i++) {
            b[i] = (byte) (i * 37);
        }
        return b;
    }

    /** The first {@code fraction} of a text, cut in the middle of a message. */
    public static String cut(String json, double fraction) {
        return json.substring(0, (int) (json.length() * fraction));
    }

    /** A small single-chat Telegram export. */
    public static final String TELEGRAM = """
            {
             "name": "Sam",
             "type": "personal_chat",
             "id": 4242,
             "messages": [
              {
               "id": 1,
               "type": "message",
               "date": "2023-05-01T10:00:00",
               "date_unixtime": "1682935200",
               "from": "Sam",
               "from_id": "user99",
               "text": "hello"
              }
             ]
            }
            """;

    /** A small Facebook Messenger message_1.json (ASCII only). */
    public static final String FACEBOOK = """
            {
              "participants": [{"name": "Jane Doe"}, {"name": "Me"}],
              "messages": [
                {"sender_name": "Jane Doe", "timestamp_ms": 1700000060000, "content": "second", "is_geoblocked_for_viewer": false},
                {"sender_name": "Me", "timestamp_ms": 1700000000000, "content": "first", "is_geoblocked_for_viewer": false}
              ],
              "title": "Jane Doe",
              "is_still_participant": true,
              "thread_path": "inbox/janedoe_123",
              "magic_words": []
            }
            """;

    /** A small Messenger end-to-end-encrypted export file. */
    public static final String E2EE = """
            {
              "participants": ["Me", "Jane Doe"],
              "threadName": "Jane Doe_12",
              "messages": [
                {"isUnsent": false, "media": [], "reactions": [], "senderName": "Jane Doe",
                 "text": "hi", "timestamp": 1746073791906, "type": "text"}
              ]
            }
            """;

    /** A small DiscordChatExporter JSON file. */
    public static final String DISCORD = """
            {
              "guild": {"id": "0", "name": "Direct Messages", "iconUrl": "https://cdn.discordapp.com/embed/avatars/0.png"},
              "channel": {"id": "555", "type": "DirectTextChat", "categoryId": null, "category": null, "name": "sam", "topic": null},
              "dateRange": {"after": null, "before": null},
              "exportedAt": "2024-01-02T10:00:00.000+01:00",
              "messages": [
                {"id": "1001", "type": "Default", "timestamp": "2024-01-01T09:00:00.000+01:00", "timestampEdited": null,
                 "callEndedTimestamp": null, "isPinned": false, "content": "hey",
                 "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam", "color": null,
                            "isBot": false, "roles": [], "avatarUrl": "https://cdn.discordapp.com/a.png"},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []}
              ],
              "messageCount": 1
            }
            """;

    /** Writes each sample format into {@code dir}, keyed by a short name. */
    public static Map<String, Path> samples(Path dir) throws IOException {
        return Map.of(
                "telegram", write(dir.resolve("telegram").resolve("result.json"), TELEGRAM),
                "facebook", write(dir.resolve("facebook").resolve("messages/inbox/janedoe_123/message_1.json"), FACEBOOK),
                "e2ee", write(dir.resolve("e2ee").resolve("Jane Doe_12.json"), E2EE),
                "discord", write(dir.resolve("discord").resolve("Direct Messages - sam [555].json"), DISCORD),
                "instagram", fixture("instagram", "chat-miner_test_export.json"),
                "telegram-fixture", fixture("telegram", "chat-miner_test_single_export.json"),
                "telegram-batch-fixture", fixture("telegram", "chat-miner_test_batch_export.json"));
    }
}
