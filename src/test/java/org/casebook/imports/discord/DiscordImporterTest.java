package org.casebook.imports.discord;

import static org.casebook.imports.json.JsonImportTesting.binary;
import static org.casebook.imports.json.JsonImportTesting.cut;
import static org.casebook.imports.json.JsonImportTesting.read;
import static org.casebook.imports.json.JsonImportTesting.recognises;
import static org.casebook.imports.json.JsonImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.json.JsonImportTesting;
import org.casebook.imports.json.JsonImportTesting.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DiscordChatExporter JSON, written from the notes in FORMATS.md §8 (JsonMessageWriter's field layout). */
class DiscordImporterTest {
    private final DiscordImporter importer = new DiscordImporter();

    @TempDir
    Path dir;

    static String export(String partMessages) {
        return """
                {
                  "guild": {"id": "81384788765712384", "name": "Neighbourhood", "iconUrl": "https://cdn.discordapp.com/icons/1/a.png"},
                  "channel": {"id": "381870553235193857", "type": "GuildTextChat", "categoryId": "3", "category": "Text",
                              "name": "general", "topic": null},
                  "dateRange": {"after": null, "before": null},
                  "exportedAt": "2024-03-01T12:00:00.0000000+01:00",
                  "messages": [
                """ + partMessages + """
                  ],
                  "messageCount": 0
                }
                """;
    }

    static final String AUTHOR_ALEX = """
            {"id": "123456789012345678", "name": "alex", "discriminator": "0000", "nickname": "Alex", "color": "#FF0000",
             "isBot": false, "roles": [{"id": "9", "name": "member", "color": null, "position": 1}], "avatarUrl": "https://cdn.discordapp.com/a.png"}
            """;
    static final String AUTHOR_OLD = """
            {"id": "223456789012345678", "name": "Oldtimer", "discriminator": "4821", "nickname": "Old", "color": null,
             "isBot": false, "roles": [], "avatarUrl": "https://cdn.discordapp.com/b.png"}
            """;

    static final String MESSAGES = """
                {"id": "1100000000000000001", "type": "Default", "timestamp": "2024-02-10T21:15:03.123+02:00",
                 "timestampEdited": "2024-02-10T21:16:00.000+02:00", "callEndedTimestamp": null, "isPinned": false,
                 "content": "I saw you at <@223456789012345678>'s **party**",
                 "author": %1$s,
                 "attachments": [
                   {"id": "1", "url": "general.json_Files/photo-7A3F.jpg", "fileName": "photo.jpg", "fileSizeBytes": 3},
                   {"id": "2", "url": "https://cdn.discordapp.com/attachments/1/2/threat.png?ex=65", "fileName": "threat.png", "fileSizeBytes": 10},
                   {"id": "3", "url": "general.json_Files/gone-1.pdf", "fileName": "gone.pdf", "fileSizeBytes": 10}],
                 "embeds": [], "stickers": [], "reactions": [], "mentions": [], "inlineEmojis": []},
                {"id": "1100000000000000002", "type": "Reply", "timestamp": "2024-02-10T19:20:00.000+00:00",
                 "timestampEdited": null, "callEndedTimestamp": null, "isPinned": false, "content": "leave me alone",
                 "author": %2$s, "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": [],
                 "reference": {"messageId": "1100000000000000001", "channelId": "381870553235193857", "guildId": "81384788765712384"}},
                {"id": "1100000000000000003", "type": "Call", "timestamp": "2024-02-10T23:00:00.000-05:00",
                 "timestampEdited": null, "callEndedTimestamp": "2024-02-10T23:02:30.000-05:00", "isPinned": false,
                 "content": "Started a call that lasted 3 minutes.", "author": %1$s, "attachments": [], "embeds": [],
                 "stickers": [], "reactions": [], "mentions": []},
                {"id": "1100000000000000004", "type": "ChannelPinnedMessage", "timestamp": "2024-02-11T08:00:00+05:30",
                 "timestampEdited": null, "callEndedTimestamp": null, "isPinned": false, "content": "Pinned a message.",
                 "author": {"id": "323456789012345678", "name": null, "discriminator": "0000", "nickname": "Nick Only",
                            "color": null, "isBot": false, "roles": [], "avatarUrl": null},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []}
            """.formatted(AUTHOR_ALEX, AUTHOR_OLD);

    @Test
    void importsMessagesWithOffsetsFlagsAttachmentsAndCalls() throws Exception {
        Path file = write(dir.resolve("Neighbourhood - general [381870553235193857].json"), export(MESSAGES));
        Files.createDirectories(dir.resolve("general.json_Files"));
        Files.write(dir.resolve("general.json_Files/photo-7A3F.jpg"), new byte[] {1, 2, 3});
        Result r = read(importer, file);
        assertEquals(4, r.size());
        for (ImportedMessage m : r.messages()) {
            assertEquals("Discord", m.channel());
            assertEquals("381870553235193857", m.conversation());
            assertEquals("Neighbourhood / general", m.conversationTitle());
            assertEquals(Direction.UNKNOWN, m.direction());
        }

        ImportedMessage first = r.get(0);
        assertEquals(Kind.MESSAGE, first.kind());
        assertEquals(Instant.parse("2024-02-10T19:15:03.123Z"), first.time().instant());
        assertEquals(ZoneOffset.ofHours(2), first.time().offset());
        assertEquals(Set.of(MessageFlag.EDITED), first.flags());
        assertEquals("Alex", first.senderName(), "the nickname the channel showed");
        assertEquals("alex", first.senderAddress(), "the account beside it");
        assertEquals("I saw you at <@223456789012345678>'s **party**", first.raw());
        assertEquals("messages[0]", first.source());
        List<AttachmentRef> files = first.attachments();
        assertEquals(3, files.size());
        assertEquals("photo.jpg", files.get(0).name());
        assertEquals("general.json_Files/photo-7A3F.jpg", files.get(0).path());
        try (InputStream in = files.get(0).data().open()) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
        assertEquals(AttachmentRef.missing("threat.png"), files.get(1), "under its file name; the link is never fetched");
        assertEquals("gone.pdf", files.get(2).name());
        assertNull(files.get(2).path());
        assertTrue(r.warned("1 attachment(s) are links to Discord's servers"), r.warnings().toString());
        assertTrue(r.warned("general.json_Files/gone-1.pdf is referenced but not in the export"), r.warnings().toString());

        ImportedMessage reply = r.get(1);
        assertEquals(Kind.MESSAGE, reply.kind());
        assertEquals("Old", reply.senderName());
        assertEquals("Oldtimer#4821", reply.senderAddress());
        assertEquals(ZoneOffset.UTC, reply.time().offset());
        assertEquals(Set.of(), reply.flags());

        ImportedMessage call = r.get(2);
        assertEquals(Kind.CALL, call.kind());
        assertEquals(150L, call.durationSeconds());
        assertEquals(ZoneOffset.ofHours(-5), call.time().offset());
        assertEquals(Instant.parse("2024-02-11T04:00:00Z"), call.time().instant());

        ImportedMessage pin = r.get(3);
        assertEquals(Kind.SYSTEM, pin.kind());
        assertEquals("Nick Only", pin.senderName());
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), pin.time().offset());
    }

    @Test
    void partitionedExportLandsInOneConversation() throws Exception {
        String one = export(MESSAGES.substring(0, MESSAGES.indexOf("{\"id\": \"1100000000000000003\"")).strip()
                .replaceAll(",$", ""));
        String two = export(MESSAGES.substring(MESSAGES.indexOf("{\"id\": \"1100000000000000003\"")));
        Result a = read(importer, write(dir.resolve("general [part 1].json"), one));
        Result b = read(importer, write(dir.resolve("general [part 2].json"), two));
        assertEquals(2, a.size());
        assertEquals(2, b.size());
        assertEquals(a.get(0).conversation(), b.get(0).conversation());
        assertEquals("messages[0]", b.get(0).source());
    }

    @Test
    void zipWithMedia() throws Exception {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("export/general [part 1].json", export(MESSAGES));
        entries.put("export/general.json_Files/photo-7A3F.jpg", new byte[] {1, 2, 3});
        Path zip = JsonImportTesting.zip(dir.resolve("discord.zip"), entries);
        assertTrue(recognises(importer, zip));
        Result r = read(importer, zip);
        assertEquals(4, r.size());
        assertEquals("export/general.json_Files/photo-7A3F.jpg", r.get(0).attachments().get(0).path());
        assertNotNull(r.get(0).attachments().get(0).data());
        assertEquals("export/general [part 1].json, messages[0]", r.get(0).source());
    }

    @Test
    void truncatedFilesAreRefusedWithTheirLine() throws Exception {
        Path small = write(dir.resolve("small.json"), cut(export(MESSAGES), 0.5));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, small));
        assertTrue(e.getMessage().matches("small\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            many.append(i == 0 ? "" : ",\n").append(MESSAGES.substring(0, MESSAGES.indexOf("{\"id\": \"1100000000000000002\"")).strip()
                    .replaceAll(",$", ""));
        }
        String big = export(many.toString());
        assertTrue(big.length() > 200_000);
        Path large = write(dir.resolve("large.json"), cut(big, 0.9));
        e = assertThrows(ImportException.class, () -> read(importer, large));
        assertTrue(e.getMessage().matches("large\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());

        // cut inside a literal at the very end of the file
        String literal = export(MESSAGES);
        Path nul = write(dir.resolve("nul.json"), literal.substring(0, literal.indexOf("null") + 3));
        e = assertThrows(ImportException.class, () -> read(importer, nul));
        assertTrue(e.getMessage().endsWith("the file ends early (truncated)."), e.getMessage());
    }

    @Test
    void wrongStructureAndBinaryAreRefused(@TempDir Path other) throws Exception {
        Path wrong = write(dir.resolve("wrong.json"), "{\"guild\": {\"id\": \"1\"}, \"channel\": {\"id\": \"2\"}, \"msgs\": []}");
        ImportException e = assertThrows(ImportException.class, () -> read(importer, wrong));
        assertTrue(e.getMessage().contains("is not a DiscordChatExporter JSON export: expected"), e.getMessage());
        assertTrue(e.getMessage().contains("it has no \"messages\""), e.getMessage());

        Path badTime = write(dir.resolve("time.json"), export(MESSAGES.replace("2024-02-10T19:20:00.000+00:00", "yesterday")));
        assertTrue(assertThrows(ImportException.class, () -> read(importer, badTime)).getMessage()
                .contains("timestamp \"yesterday\" is not an ISO-8601 time"));

        Path bin = dir.resolve("bin.json");
        Files.write(bin, binary());
        assertEquals("bin.json: is a binary file, not a JSON export.",
                assertThrows(ImportException.class, () -> read(importer, bin)).getMessage());

        Map<String, Path> samples = JsonImportTesting.samples(other);
        for (String name : List.of("telegram", "facebook", "e2ee", "instagram", "telegram-fixture")) {
            assertTrue(assertThrows(ImportException.class, () -> read(importer, samples.get(name))).getMessage()
                    .contains("is not a DiscordChatExporter JSON export"), name);
        }
    }

    @Test
    void recognisesItsOwnFilesOnly(@TempDir Path other) throws Exception {
        Map<String, Path> samples = JsonImportTesting.samples(other);
        assertTrue(recognises(importer, samples.get("discord")));
        assertTrue(recognises(importer, write(dir.resolve("x.json"), export(MESSAGES))));
        for (String name : List.of("telegram", "telegram-fixture", "telegram-batch-fixture", "facebook", "e2ee", "instagram")) {
            assertFalse(recognises(importer, samples.get(name)), name);
        }
    }
}
