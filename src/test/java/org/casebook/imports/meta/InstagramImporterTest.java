package org.casebook.imports.meta;

import static org.casebook.imports.json.JsonImportTesting.cut;
import static org.casebook.imports.json.JsonImportTesting.fixture;
import static org.casebook.imports.json.JsonImportTesting.inDefaultZone;
import static org.casebook.imports.json.JsonImportTesting.read;
import static org.casebook.imports.json.JsonImportTesting.recognises;
import static org.casebook.imports.json.JsonImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.json.JsonImportTesting;
import org.casebook.imports.json.JsonImportTesting.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstagramImporterTest {
    private final InstagramImporter importer = new InstagramImporter();

    @TempDir
    Path dir;

    /**
     * chat-miner's target lists the export's messages in file order (newest first) with naive local times from
     * a UTC machine; we sort oldest first and compare our instants at UTC, whatever the JVM's zone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Chatham"})
    void fixtureMatchesChatMinerTarget(String jvmZone) throws Exception {
        Path export = fixture("instagram", "chat-miner_test_export.json");
        Result r = inDefaultZone(jvmZone, () -> read(importer, export));
        JsonNode target = new ObjectMapper().readTree(fixture("instagram", "chat-miner_target.json").toFile());
        List<JsonNode> expected = new ArrayList<>();
        target.forEach(expected::add);
        expected.sort(Comparator.comparing(t -> LocalDateTime.parse(t.get("timestamp").asText())));
        List<ImportedMessage> authored = r.messages().stream().filter(m -> m.kind() == Kind.MESSAGE).toList();
        assertEquals(expected.size(), authored.size());
        for (int i = 0; i < expected.size(); i++) {
            ImportedMessage m = authored.get(i);
            assertEquals(expected.get(i).get("author").asText(), m.senderName());
            assertEquals(expected.get(i).get("message").asText(), m.raw());
            assertEquals(LocalDateTime.parse(expected.get(i).get("timestamp").asText()),
                    LocalDateTime.ofInstant(m.time().instant(), ZoneOffset.UTC));
            assertEquals("Instagram", m.channel());
        }
        assertEquals(List.of("chat-miner_test_export.json, messages[1]", "chat-miner_test_export.json, messages[0]"),
                r.messages().stream().map(ImportedMessage::source).toList());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void zipFromInstagram() throws Exception {
        Path zip = JsonImportTesting.zip(dir.resolve("instagram-me-2024.zip"), Map.of(
                "your_instagram_activity/messages/inbox/janedoe_123/message_1.json", JsonImportTesting.FACEBOOK,
                "your_instagram_activity/messages/inbox/janedoe_123/photos/1.jpg", new byte[] {1}));
        assertTrue(recognises(importer, zip));
        assertFalse(recognises(new FacebookImporter(), zip));
        Result r = read(importer, zip);
        assertEquals(List.of("first", "second"), r.messages().stream().map(ImportedMessage::raw).toList());
        assertEquals("Instagram", r.get(0).channel());
        assertEquals("inbox/janedoe_123", r.get(0).conversation());
    }

    @Test
    void truncatedAndWrongStructureAreRefused() throws Exception {
        Path p = write(dir.resolve("instagram/inbox/a_1/message_1.json"), cut(JsonImportTesting.FACEBOOK, 0.5));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, p));
        assertTrue(e.getMessage().matches("message_1\\.json, line \\d+: the file ends early \\(truncated\\)\\."), e.getMessage());

        Path wrong = write(dir.resolve("instagram/inbox/b_1/message_1.json"), "{\"messages\": {\"sender_name\": \"A\"}}");
        e = assertThrows(ImportException.class, () -> read(importer, wrong));
        assertTrue(e.getMessage().contains("is not an Instagram download message file: expected"), e.getMessage());

        Path notList = write(dir.resolve("instagram/inbox/c_1/message_1.json"),
                "{\"participants\": [], \"thread_path\": \"inbox/c_1\", \"messages\": 5}");
        e = assertThrows(ImportException.class, () -> read(importer, notList));
        assertTrue(e.getMessage().contains("expected \"messages\" to be a list"), e.getMessage());

        Path e2ee = write(dir.resolve("instagram/Jane_1.json"), JsonImportTesting.E2EE);
        e = assertThrows(ImportException.class, () -> read(importer, e2ee));
        assertTrue(e.getMessage().contains("is not an Instagram download message file"), e.getMessage());
    }

    @Test
    void recognisesItsOwnFilesOnly(@TempDir Path other) throws Exception {
        Map<String, Path> samples = JsonImportTesting.samples(other);
        assertTrue(recognises(importer, samples.get("instagram")));
        Path ig = write(dir.resolve("instagram-me/your_instagram_activity/messages/inbox/x_1/message_1.json"),
                JsonImportTesting.FACEBOOK);
        assertTrue(recognises(importer, ig));
        assertFalse(recognises(new FacebookImporter(), ig));
        for (String name : List.of("facebook", "e2ee", "telegram", "telegram-fixture", "telegram-batch-fixture", "discord")) {
            assertFalse(recognises(importer, samples.get(name)), name);
        }
    }
}
