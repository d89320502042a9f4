package org.casebook.imports.telegram;

import static org.casebook.imports.json.JsonImportTesting.binary;
import static org.casebook.imports.json.JsonImportTesting.cut;
import static org.casebook.imports.json.JsonImportTesting.fixture;
import static org.casebook.imports.json.JsonImportTesting.inDefaultZone;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TelegramImporter importer = new TelegramImporter();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------- chat-miner fixtures

    /**
     * chat-miner's target.json holds naive local times produced with {@code datetime.fromtimestamp} on a UTC
     * machine; we compare our instants at UTC, whatever the JVM's own zone is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"})
    void singleExportMatchesChatMinerTarget(String jvmZone) throws Exception {
        Result r = inDefaultZone(jvmZone, () -> read(importer, fixture("telegram", "chat-miner_test_single_export.json")));
        compareWithTarget(r.messages(), fixture("telegram", "chat-miner_test_single_export.json"), false);
        assertEquals(List.of("messages[0]", "messages[1]"), r.messages().stream().map(ImportedMessage::source).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Australia/Adelaide"})
    void batchExportMatchesChatMinerTarget(String jvmZone) throws Exception {
        Result r = inDefaultZone(jvmZone, () -> read(importer, fixture("telegram", "chat-miner_test_batch_export.json")));
        compareWithTarget(r.messages(), fixture("telegram", "chat-miner_test_batch_export.json"), true);
        assertEquals(List.of("chats.list[0].messages[0]", "chats.list[0].messages[1]"),
                r.messages().stream().map(ImportedMessage::source).toList());
        assertEquals(Set.of("Chatname"), r.messages().stream().map(ImportedMessage::conversation).collect(
                java.util.stream.Collectors.toSet()));
        assertEquals("Chatname", r.get(0).conversationTitle());
    }

    private void compareWithTarget(List<ImportedMessage> messages, Path export, boolean batch) throws Exception {
        JsonNode target = JSON.readTree(fixture("telegram", "chat-miner_target.json").toFile());
        JsonNode source = JSON.readTree(export.toFile());
        JsonNode sourceMessages = batch ? source.path("chats").path("list").path(0).path("messages")
                : source.path("messages");
        assertEquals(target.size(), messages.size());
        for (int i = 0; i < target.size(); i++) {
            ImportedMessage m = messages.get(i);
            JsonNode t = target.get(i);
            assertEquals(Kind.MESSAGE, m.kind());
            assertEquals("Telegram", m.channel());
            assertEquals(t.get("author").asText(), m.senderName());
            assertNull(m.senderAddress(), "the fixture has no from_id");
            assertEquals(Direction.UNKNOWN, m.direction());
            assertNotNull(m.time().instant());
            assertEquals(LocalDateTime.parse(t.get("timestamp").asText()),
                    LocalDateTime.ofInstant(m.time().instant(), ZoneOffset.UTC));
            JsonNode text = sourceMessages.get(i).get("text");
            if (text.isTextual()) {
                assertEquals(t.get("message").asText(), m.raw());
            } else {
                // chat-miner joins entity parts with spaces, which alters the text; we join them as written.
                List<String> parts = new ArrayList<>();
                text.forEach(part -> parts.add(part.isTextual() ? part.asText() : part.get("text").asText()));
                assertEquals(t.get("message").asText(), String.join(" ", parts));
                assertEquals(String.join("", parts), m.raw());
                assertEquals("Link:https://telegram.org/", m.raw());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ full export

    static final String FULL = """
            {
             "about": "Here is the data you requested.",
             "personal_information": {"user_id": 1000, "first_name": "Me", "phone_number": "+44 7700 900000"},
             "contacts": {"about": "contacts", "list": [{"first_name": "Secret", "phone_number": "+44 7700 900111",
                          "date": "2020-01-01T00:00:00", "date_unixtime": "1577836800"}]},
             "sessions": {"about": "sessions", "list": [{"ip": "203.0.113.7", "created": "2020-01-01T00:00:00"}]},
             "chats": {
              "about": "chats",
              "list": [
               {
                "name": "Stalker",
                "type": "personal_chat",
                "id": 4242,
                "messages": [
                 {"id": 1, "type": "message", "date": "2023-05-01T10:00:00", "date_unixtime": "1682935200",
                  "from": "Stalker", "from_id": "user4242",
                  "text": ["I know ", {"type": "bold", "text": "where"}, " you ", {"type": "link", "text": "https://example.org/x"}, "!"],
                  "text_entities": [{"type": "plain", "text": "ignored"}]},
                 {"id": 2, "type": "message", "date": "2023-05-01T10:01:00", "date_unixtime": "1682935260",
                  "from": "Me", "from_id": "user1000", "text": "stop", "edited": "2023-05-01T10:02:00",
                  "edited_unixtime": "1682935320"},
                 {"id": 3, "type": "service", "date": "2023-05-01T10:05:00", "date_unixtime": "1682935500",
                  "actor": "Stalker", "actor_id": "user4242", "action": "phone_call", "duration_seconds": 75,
                  "discard_reason": "hangup", "text": "", "text_entities": []},
                 {"id": 4, "type": "service", "date": "2023-05-01T10:06:00", "date_unixtime": "1682935560",
                  "actor": "Stalker", "actor_id": "user4242", "action": "phone_call", "discard_reason": "missed",
                  "text": "", "text_entities": []},
                 {"id": 5, "type": "message", "date": "2023-05-01T10:07:00", "date_unixtime": "1682935620",
                  "from": null, "from_id": "user777", "text": "from a deleted account",
                  "forwarded_from": "Someone"},
                 {"id": 6, "type": "message", "date": "2023-05-01T10:08:00", "date_unixtime": "1682935680",
                  "from": "Stalker", "from_id": "user4242", "photo": "chats/chat_001/photos/photo_1@01-05-2023_10-08-00.jpg",
                  "width": 10, "height": 10, "text": ""},
                 {"id": 7, "type": "message", "date": "2023-05-01T10:09:00", "date_unixtime": "1682935740",
                  "from": "Stalker", "from_id": "user4242",
                  "file": "(File not included. Change data exporting settings to download.)",
                  "media_type": "voice_message", "mime_type": "audio/ogg", "duration_seconds": 4, "text": ""},
                 {"id": 8, "type": "message", "date": "2023-05-01T10:10:00", "date_unixtime": "1682935800",
                  "from": "Stalker", "from_id": "user4242", "file": "chats/chat_001/files/gone.pdf",
                  "file_name": "threat.pdf", "mime_type": "application/pdf", "text": "see this"}
                ]
               },
               {
                "name": "Group",
                "type": "private_group",
                "id": 777,
                "messages": [
                 {"id": 1, "type": "service", "date": "2023-05-02T09:00:00", "date_unixtime": "1683018000",
                  "actor": "Me", "actor_id": "user1000", "action": "pin_message", "message_id": 3, "text": ""}
                ]
               }
              ]
             },
             "left_chats": {
              "about": "left",
              "list": [
               {"name": "Old", "type": "private_supergroup", "id": 31337, "messages": [
                 {"id": 9, "type": "message", "date": "2022-01-01T00:00:00", "date_unixtime": "1640995200",
                  "from": "Stalker", "from_id": "user4242", "text": "you left"}]}
              ]
             }
            }
            """;

    @Test
    void fullExportImportsChatsAndLeftChatsOnly() throws Exception {
        Path export = write(dir.resolve("export/result.json"), FULL);
        Path photo = dir.resolve("export/chats/chat_001/photos/photo_1@01-05-2023_10-08-00.jpg");
        Files.createDirectories(photo.getParent());
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Result r = read(importer, export);
        assertEquals(10, r.size());
        assertTrue(r.messages().stream().noneMatch(m -> m.raw().contains("Secret") || "Secret".equals(m.senderName())));

        ImportedMessage text = r.get(0);
        assertEquals("I know where you https://example.org/x!", text.raw());
        assertEquals("4242", text.conversation());
        assertEquals("Stalker", text.conversationTitle());
        assertEquals("user4242", text.senderAddress());
        assertEquals(Direction.INCOMING, text.direction());
        assertEquals(1682935200L, text.time().instant().getEpochSecond());
        assertEquals("chats.list[0].messages[0]", text.source());

        ImportedMessage mine = r.get(1);
        assertEquals(Direction.OUTGOING, mine.direction());
        assertEquals(Set.of(MessageFlag.EDITED), mine.flags());

        ImportedMessage call = r.get(2);
        assertEquals(Kind.CALL, call.kind());
        assertEquals(75L, call.durationSeconds());
        assertEquals("Stalker", call.senderName());
        assertEquals(Set.of(), call.flags());
        ImportedMessage missed = r.get(3);
        assertEquals(Kind.CALL, missed.kind());
        assertEquals(Set.of(MessageFlag.MISSED), missed.flags());
        assertNull(missed.durationSeconds());

        ImportedMessage deleted = r.get(4);
        assertNull(deleted.senderName());
        assertEquals("user777", deleted.senderAddress());
        assertEquals(Set.of(MessageFlag.FORWARDED), deleted.flags());

        AttachmentRef photoRef = r.get(5).attachments().get(0);
        assertEquals("photo_1@01-05-2023_10-08-00.jpg", photoRef.name());
        assertNotNull(photoRef.path());
        try (InputStream in = photoRef.data().open()) {
            assertArrayEquals(Files.readAllBytes(photo), in.readAllBytes());
        }

        ImportedMessage voice = r.get(6);
        assertEquals(Set.of(MessageFlag.OMITTED), voice.flags());
        assertNull(voice.attachments().get(0).path());
        assertEquals("audio/ogg", voice.attachments().get(0).mediaType());

        ImportedMessage gone = r.get(7);
        assertEquals("threat.pdf", gone.attachments().get(0).name());
        assertNull(gone.attachments().get(0).path());
        assertTrue(r.warned("chats/chat_001/files/gone.pdf is referenced but not in the export"));

        ImportedMessage pin = r.get(8);
        assertEquals(Kind.SYSTEM, pin.kind());
        assertEquals("pin_message", pin.raw());
        assertEquals("777", pin.conversation());
        assertEquals("chats.list[1].messages[0]", pin.source());

        ImportedMessage left = r.get(9);
        assertEquals("31337", left.conversation());
        assertEquals("left_chats.list[0].messages[0]", left.source());
    }

    @Test
    void singleChatKeysOnChatIdAndLeavesDirectionUnknown() throws Exception {
        Result r = read(importer, write(dir.resolve("result.json"), JsonImportTesting.TELEGRAM));
        assertEquals(1, r.size());
        assertEquals("4242", r.get(0).conversation());
        assertEquals("Sam", r.get(0).conversationTitle());
        assertEquals(Direction.UNKNOWN, r.get(0).direction());
        assertEquals("messages[0]", r.get(0).source());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void olderExportWithoutUnixTimeGivesLocalTimesAndWarns() throws Exception {
        String old = """
                {"name": "Sam", "type": "personal_chat", "id": 1, "messages": [
                  {"id": 1, "type": "message", "date": "2019-01-01T12:00:00", "from": "Sam", "from_id": "user5", "text": "hi"},
                  {"id": 2, "type": "message", "date": "2019-01-01T12:01:30", "from": "Sam", "from_id": "user5", "text": "again"}
                ]}
                """;
        Result r = read(importer, write(dir.resolve("result.json"), old));
        assertEquals(LocalDateTime.of(2019, 1, 1, 12, 0), r.get(0).time().local());
        assertNull(r.get(0).time().instant());
        assertEquals(LocalDateTime.of(2019, 1, 1, 12, 1, 30), r.get(1).time().local());
        assertEquals(1, r.warnings().stream().filter(w -> w.contains("zone is unknown")).count());
    }

    @Test
    void isoDatesWithMillisecondsAndAZoneAreInstants() throws Exception {
        String converted = """
                {"name": "Sam", "type": "personal_chat", "id": 1, "messages": [
                  {"id": 1, "type": "message", "date": "2023-05-01T10:00:00.000Z", "from": "Sam", "from_id": "user5", "text": "hi"},
                  {"id": 2, "type": "message", "date": "2023-05-01T12:00:00.250+02:00", "from": "Sam", "from_id": "user5", "text": "again"},
                  {"id": 3, "type": "message", "date": "2023-05-01T10:05:00.500", "from": "Sam", "from_id": "user5", "text": "local"}
                ]}
                """;
        Result r = read(importer, write(dir.resolve("result.json"), converted));
        assertEquals(java.time.Instant.parse("2023-05-01T10:00:00Z"), r.get(0).time().instant());
        assertEquals(java.time.ZoneOffset.UTC, r.get(0).time().offset());
        assertEquals(java.time.Instant.parse("2023-05-01T10:00:00.250Z"), r.get(1).time().instant());
        assertEquals(java.time.ZoneOffset.ofHours(2), r.get(1).time().offset());
        assertEquals(LocalDateTime.of(2023, 5, 1, 10, 5, 0, 500_000_000), r.get(2).time().local());
    }

    @Test
    void zipResolvesMediaBesideItsResultJson() throws Exception {
        String chat = """
                {"name": "Sam", "type": "personal_chat", "id": 9, "messages": [
                  {"id": 1, "type": "message", "date": "2023-05-01T10:00:00", "date_unixtime": "1682935200",
                   "from": "Sam", "from_id": "user9", "photo": "photos/photo_1.jpg", "text": "look"}]}
                """;
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("ChatExport_2023-05-02/result.json", chat);
        entries.put("ChatExport_2023-05-02/photos/photo_1.jpg", new byte[] {1, 2, 3});
        Path zip = JsonImportTesting.zip(dir.resolve("telegram.zip"), entries);
        assertTrue(recognises(importer, zip));
        Result r = read(importer, zip);
        assertEquals(1, r.size());
        AttachmentRef ref = r.get(0).attachments().get(0);
        assertEquals("ChatExport_2023-05-02/photos/photo_1.jpg", ref.path());
        assertEquals("ChatExport_2023-05-02/result.json, messages[0]", r.get(0).source());
    }

    // ------------------------------------------------------------------------------------------ bad files

    @Test
    void truncatedSmallFileIsRefusedWithItsLine() throws Exception {
        Path p = write(dir.resolve("result.json"), cut(FULL, 0.6));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertTrue(e.getMessage().startsWith("result.json, line "), e.getMessage());
        assertTrue(e.getMessage().endsWith("the file ends early (truncated)."), e.getMessage());
    }

    @Test
    void truncatedLargeFileIsRefusedWhileStreamingAndNothingIsHalfReported() throws Exception {
        StringBuilder sb = new StringBuilder("{\"name\": \"Big\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": [\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\": ").append(i).append(", \"type\": \"message\", \"date\": \"2023-05-01T10:00:00\",")
                    .append(" \"date_unixtime\": \"").append(1682935200 + i).append("\", \"from\": \"A\", \"from_id\": \"user1\", \"text\": \"message ")
                    .append(i).append("\"}");
        }
        String full = sb.append("\n]}\n").toString();
        assertEquals(5000, read(importer, write(dir.resolve("full.json"), full)).size());
        Path p = write(dir.resolve("result.json"), cut(full, 0.7));
        assertTrue(Files.size(p) > 64 * 1024);
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertTrue(e.getMessage().matches("result\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());
    }

    @Test
    void wrongStructureSaysWhatWasExpected() throws Exception {
        Path p = write(dir.resolve("result.json"), "{\"foo\": [1, 2, 3], \"bar\": {\"messages\": 5}}");
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertTrue(e.getMessage().contains("is not a Telegram Desktop export"), e.getMessage());
        assertTrue(e.getMessage().contains("\"messages\" list"), e.getMessage());

        Path array = write(dir.resolve("array.json"), "[{\"type\": \"message\"}]");
        assertTrue(assertThrows(ImportException.class, () -> read(importer, array)).getMessage()
                .contains("is not a Telegram Desktop export"));

        Path notAList = write(dir.resolve("odd.json"), "{\"name\": \"x\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": 7}");
        assertTrue(assertThrows(ImportException.class, () -> read(importer, notAList)).getMessage()
                .contains("expected \"messages\" to be a list"));
    }

    @Test
    void aMessageThatIsNotAnObjectIsRefusedWithItsLine() throws Exception {
        Path p = write(dir.resolve("result.json"), "{\"name\": \"x\", \"type\": \"personal_chat\", \"id\": 1,\n"
                + " \"messages\": [\n  {\"type\": \"message\", \"date_unixtime\": \"1\", \"from_id\": \"user1\", \"text\": \"a\"},\n  \"oops\"\n]}");
        assertEquals("result.json, line 4: expected each message in \"messages\" to be an object.",
                assertThrows(ImportException.class, () -> read(importer, p)).getMessage());
    }

    @Test
    void cancellingStopsTheImport() throws Exception {
        Path p = write(dir.resolve("result.json"), JsonImportTesting.TELEGRAM);
        org.casebook.vault.Progress cancelled = new org.casebook.vault.Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (org.casebook.imports.ExportFile f = org.casebook.imports.ExportFile.open(p)) {
            assertThrows(org.casebook.vault.Progress.CancelledException.class, () -> importer.read(f,
                    new org.casebook.imports.ImportContext(null, cancelled), m -> { }));
        }
    }

    @Test
    void otherFormatsAreRefusedNotMisread(@TempDir Path other) throws Exception {
        Map<String, Path> samples = JsonImportTesting.samples(other);
        for (String name : List.of("facebook", "e2ee", "discord", "instagram")) {
            ImportException e = assertThrows(ImportException.class, () -> read(importer, samples.get(name)), name);
            assertTrue(e.getMessage().contains("is not a Telegram Desktop export"), e.getMessage());
        }
    }

    @Test
    void binaryFileIsRefused() throws Exception {
        Path p = dir.resolve("result.json");
        Files.write(p, binary());
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertEquals("result.json: is a binary file, not a JSON export.", e.getMessage());
        assertFalse(recognises(importer, p));
    }

    @Test
    void recognisesItsOwnFilesOnly(@TempDir Path other) throws Exception {
        Map<String, Path> samples = JsonImportTesting.samples(other);
        assertTrue(recognises(importer, samples.get("telegram")));
        assertTrue(recognises(importer, samples.get("telegram-fixture")));
        assertTrue(recognises(importer, samples.get("telegram-batch-fixture")));
        assertTrue(recognises(importer, write(dir.resolve("full/result.json"), FULL)));
        for (String name : List.of("facebook", "e2ee", "discord", "instagram")) {
            assertFalse(recognises(importer, samples.get(name)), name);
        }
    }
}
