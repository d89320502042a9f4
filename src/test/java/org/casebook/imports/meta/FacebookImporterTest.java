package org.casebook.imports.meta;

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

class FacebookImporterTest {
    private final FacebookImporter importer = new FacebookImporter();

    @TempDir
    Path dir;

    /** Newest first, as Meta writes them. Strings are mojibake written as \\u00XX escapes, as in real downloads. */
    static final String PART_1 = """
            {
              "participants": [{"name": "Ren\\u00c3\\u00a9e Dupont"}, {"name": "Me Myself"}],
              "messages": [
                {"sender_name": "Me Myself", "timestamp_ms": 1700000700000, "content": "tie two", "is_geoblocked_for_viewer": false},
                {"sender_name": "Me Myself", "timestamp_ms": 1700000700000, "content": "tie one", "is_geoblocked_for_viewer": false},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000600000,
                 "content": "caf\\u00c3\\u00a9 \\u00f0\\u009f\\u0098\\u0086", "type": "Generic",
                 "reactions": [{"reaction": "\\u00e2\\u009d\\u00a4", "actor": "Me Myself"}], "is_unsent": false},
                {"sender_name": "Me Myself", "timestamp_ms": 1700000500000, "content": "\\u201cquoted\\u201d", "is_unsent": false},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000400000, "is_unsent": true},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000300000,
                 "photos": [{"uri": "messages/inbox/reneedupont_123/photos/present.jpg", "creation_timestamp": 1700000299},
                            {"uri": "your_facebook_activity/messages/inbox/reneedupont_123/photos/missing.jpg", "creation_timestamp": 1700000299}]},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000200000, "content": "u\\u00cc\\u0088ber"}
              ],
              "title": "Ren\\u00c3\\u00a9e Dupont",
              "is_still_participant": true,
              "thread_path": "inbox/reneedupont_123",
              "magic_words": []
            }
            """;

    static final String PART_2 = """
            {
              "participants": [{"name": "Ren\\u00c3\\u00a9e Dupont"}, {"name": "Me Myself"}],
              "messages": [
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000200000, "content": "u\\u00cc\\u0088ber"},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000100000, "content": "\\u00e9t\\u00e9"},
                {"sender_name": "Me Myself", "timestamp_ms": 1700000050000, "content": "The call ended.", "call_duration": 30, "type": "Call"},
                {"sender_name": "Ren\\u00c3\\u00a9e Dupont", "timestamp_ms": 1700000000000,
                 "sticker": {"uri": "messages/stickers_used/sticker.png"}}
              ],
              "title": "Ren\\u00c3\\u00a9e Dupont",
              "is_still_participant": true,
              "thread_path": "inbox/reneedupont_123",
              "magic_words": []
            }
            """;

    private Path thread() throws Exception {
        Path folder = dir.resolve("facebook-me/your_facebook_activity/messages/inbox/reneedupont_123");
        write(folder.resolve("message_1.json"), PART_1);
        write(folder.resolve("message_2.json"), PART_2);
        Files.createDirectories(folder.resolve("photos"));
        Files.write(folder.resolve("photos/present.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 7});
        return folder;
    }

    @Test
    void mergesSortsDeduplicatesAndDecodesTheText() throws Exception {
        Path folder = thread();
        Result r = read(importer, folder.resolve("message_1.json"));
        check(r);
        assertEquals("message_1.json, messages[2]", r.get(7).source());
        assertEquals("message_2.json, messages[3]", r.get(0).source());
    }

    @Test
    void readsTheWholeThreadFromAnyOfItsParts() throws Exception {
        Path folder = thread();
        check(read(importer, folder.resolve("message_2.json")));
        try (org.casebook.imports.ExportFile picked = org.casebook.imports.ExportFile.open(folder.resolve("message_2.json"))) {
            assertEquals(List.of("message_1.json"), importer.companionFiles(picked).stream()
                    .map(p -> p.getFileName().toString()).toList(), "the other parts are kept as originals too");
        }
    }

    private void check(Result r) throws Exception {
        List<String> raws = r.messages().stream().map(ImportedMessage::raw).toList();
        assertEquals(List.of("", "The call ended.", "\u00e9t\u00e9", "u\u0308ber", "", "", "\u201cquoted\u201d",
                "café 😆\nReactions: ❤ Me Myself", "tie one", "tie two"), raws, "decoded once, as read");
        assertTrue(r.warned("appeared twice"), r.warnings().toString());
        for (int i = 1; i < r.size(); i++) {
            assertFalse(r.get(i).time().instant().isBefore(r.get(i - 1).time().instant()));
        }
        for (ImportedMessage m : r.messages()) {
            assertEquals("Messenger", m.channel());
            assertEquals("inbox/reneedupont_123", m.conversation());
            assertEquals("Renée Dupont", m.conversationTitle());
            assertEquals(Direction.UNKNOWN, m.direction());
            assertNull(m.senderAddress());
            assertNotNull(m.source());
        }
        assertTrue(r.warned("messages[3]: the text has characters above U+00FF"), r.warnings().toString());
        assertTrue(r.warned("messages[1]: the text is not valid UTF-8"), r.warnings().toString());
        // names are repaired
        assertEquals("Renée Dupont", r.get(7).senderName());
        assertEquals(1700000600000L, r.get(7).time().instant().toEpochMilli());
        // sticker not in the export
        assertEquals("sticker.png", r.get(0).attachments().get(0).name());
        assertNull(r.get(0).attachments().get(0).path());
        // call
        assertEquals(Kind.CALL, r.get(1).kind());
        assertEquals(30L, r.get(1).durationSeconds());
        // photos: one found by the end of its path despite the older prefix, one missing
        List<AttachmentRef> photos = r.get(4).attachments();
        assertEquals(2, photos.size());
        assertEquals("present.jpg", photos.get(0).name());
        assertNotNull(photos.get(0).path());
        try (InputStream in = photos.get(0).data().open()) {
            assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 7}, in.readAllBytes());
        }
        assertEquals("missing.jpg", photos.get(1).name());
        assertNull(photos.get(1).path());
        assertTrue(r.warned("photos/missing.jpg is referenced but not in the export"), r.warnings().toString());
        assertEquals(Kind.MESSAGE, r.get(4).kind());
        // unsent, with no content: kept
        assertEquals(Set.of(MessageFlag.UNSENT), r.get(5).flags());
        assertEquals(Kind.MESSAGE, r.get(5).kind());
    }

    @Test
    void zipOfSeveralThreads() throws Exception {
        Map<String, Object> entries = new LinkedHashMap<>();
        String base = "your_facebook_activity/messages/inbox/reneedupont_123/";
        entries.put(base + "message_2.json", PART_2);
        entries.put(base + "message_1.json", PART_1);
        entries.put(base + "photos/present.jpg", new byte[] {1, 2});
        entries.put("your_facebook_activity/messages/inbox/janedoe_123/message_1.json", JsonImportTesting.FACEBOOK);
        entries.put("your_facebook_activity/messages/stickers_used/sticker.png", new byte[] {9});
        Path zip = JsonImportTesting.zip(dir.resolve("facebook-me-2024.zip"), entries);
        assertTrue(recognises(importer, zip));
        assertFalse(recognises(new InstagramImporter(), zip));
        Result r = read(importer, zip);
        assertEquals(12, r.size());
        assertEquals("inbox/reneedupont_123", r.get(0).conversation());
        assertEquals(base + "message_2.json, messages[3]", r.get(0).source());
        assertEquals(base + "photos/present.jpg", r.get(4).attachments().get(0).path());
        assertEquals("your_facebook_activity/messages/stickers_used/sticker.png", r.get(0).attachments().get(0).path());
        assertEquals(List.of("first", "second"), List.of(r.get(10).raw(), r.get(11).raw()));
        assertEquals("inbox/janedoe_123", r.get(11).conversation());
    }

    @Test
    void htmlDownloadAsksForJson() throws Exception {
        Path zip = JsonImportTesting.zip(dir.resolve("facebook-me.zip"), Map.of(
                "messages/inbox/janedoe_123/message_1.html", "<html><body>hi</body></html>"));
        assertTrue(recognises(importer, zip));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, zip));
        assertTrue(e.getMessage().contains("HTML version") && e.getMessage().contains("JSON"), e.getMessage());

        Path html = write(dir.resolve("messages/inbox/janedoe_123/message_1.html"), "<!DOCTYPE html><html></html>");
        assertTrue(assertThrows(ImportException.class, () -> read(importer, html)).getMessage().contains("choose Format: JSON"));
    }

    @Test
    void truncatedPartIsRefusedNamingThePart() throws Exception {
        Path folder = thread();
        write(folder.resolve("message_2.json"), cut(PART_2, 0.5));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, folder.resolve("message_1.json")));
        assertTrue(e.getMessage().matches("message_2\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());
    }

    @Test
    void truncatedLargeFileIsRefusedWhileStreaming() throws Exception {
        StringBuilder sb = new StringBuilder("{\"participants\": [{\"name\": \"A\"}], \"messages\": [\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"sender_name\": \"A\", \"timestamp_ms\": ")
                    .append(1700000000000L - i * 1000L).append(", \"content\": \"message number ").append(i).append("\"}");
        }
        String full = sb.append("], \"title\": \"A\", \"thread_path\": \"inbox/a_1\"}").toString();
        Path p = write(dir.resolve("facebook/inbox/a_1/message_1.json"), full);
        assertEquals(3000, read(importer, p).size());
        write(p, cut(full, 0.8));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertTrue(e.getMessage().matches("message_1\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());
    }

    @Test
    void wrongStructureAndBinaryAreRefused(@TempDir Path other) throws Exception {
        Path wrong = write(dir.resolve("facebook/message_1.json"), "{\"participants\": \"x\", \"data\": [1, 2]}");
        ImportException e = assertThrows(ImportException.class, () -> read(importer, wrong));
        assertTrue(e.getMessage().contains("is not a Facebook Messenger download message file: expected"), e.getMessage());

        Path missingTime = write(dir.resolve("facebook2/message_1.json"),
                "{\"messages\": [{\"sender_name\": \"A\", \"content\": \"no time\"}]}");
        assertTrue(assertThrows(ImportException.class, () -> read(importer, missingTime)).getMessage()
                .contains("line 1: a message has no usable \"timestamp_ms\""));

        Path bin = dir.resolve("facebook3/message_1.json");
        Files.createDirectories(bin.getParent());
        Files.write(bin, binary());
        assertEquals("message_1.json: is a binary file, not a JSON export.",
                assertThrows(ImportException.class, () -> read(importer, bin)).getMessage());

        Map<String, Path> samples = JsonImportTesting.samples(other);
        for (String name : List.of("telegram", "discord", "telegram-batch-fixture")) {
            assertTrue(assertThrows(ImportException.class, () -> read(importer, samples.get(name))).getMessage()
                    .contains("is not a Facebook Messenger download message file"), name);
        }
    }

    @Test
    void recognisesItsOwnFilesOnly(@TempDir Path other) throws Exception {
        Map<String, Path> samples = JsonImportTesting.samples(other);
        assertTrue(recognises(importer, samples.get("facebook")));
        assertTrue(recognises(importer, samples.get("e2ee")));
        assertTrue(recognises(importer, thread().resolve("message_1.json")));
        for (String name : List.of("telegram", "telegram-fixture", "telegram-batch-fixture", "discord", "instagram")) {
            assertFalse(recognises(importer, samples.get(name)), name);
        }
    }
}
