package org.casebook.imports.meta;

import static org.casebook.imports.json.JsonImportTesting.cut;
import static org.casebook.imports.json.JsonImportTesting.read;
import static org.casebook.imports.json.JsonImportTesting.recognises;
import static org.casebook.imports.json.JsonImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.discord.DiscordImporter;
import org.casebook.imports.json.JsonImportTesting;
import org.casebook.imports.json.JsonImportTesting.Result;
import org.casebook.imports.telegram.TelegramImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messenger's end-to-end-encrypted chat export (messenger.com secure storage): one {@code <Name>_<n>.json} per
 * thread with camelCase fields and a shared {@code media/} folder; text is proper UTF-8 (no mojibake).
 */
class MessengerE2eeTest {
    private final FacebookImporter importer = new FacebookImporter();

    @TempDir
    Path dir;

    static final String THREAD = """
            {
              "participants": ["Me Myself", "Renée Dupont"],
              "threadName": "Renée Dupont_40",
              "messages": [
                {"isUnsent": false, "media": [], "reactions": [{"actor": "Me Myself", "reaction": "❤"}],
                 "senderName": "Renée Dupont", "text": "“I know where you live” – café", "timestamp": 1746073791906, "type": "text"},
                {"isUnsent": false, "media": [{"uri": "./media/2f1c.jpeg"}], "reactions": [],
                 "senderName": "Renée Dupont", "text": "", "timestamp": 1746073800000, "type": "media"},
                {"isUnsent": false, "media": [{"uri": "Failed to download media"}], "reactions": [],
                 "senderName": "Renée Dupont", "text": "", "timestamp": 1746073900000, "type": "media"},
                {"isUnsent": true, "media": [], "reactions": [],
                 "senderName": "Renée Dupont", "text": "", "timestamp": 1746074000000, "type": "placeholder"},
                {"isUnsent": false, "media": [], "reactions": [],
                 "senderName": "Me Myself", "text": "Ã© typed as is", "timestamp": 1746074100000, "type": "text"}
              ]
            }
            """;

    @Test
    void importsAsMessengerWithoutRepairingText() throws Exception {
        Path file = write(dir.resolve("messenger-e2ee/Renée Dupont_40.json"), THREAD);
        Files.createDirectories(dir.resolve("messenger-e2ee/media"));
        Files.write(dir.resolve("messenger-e2ee/media/2f1c.jpeg"), new byte[] {4, 5, 6});
        assertTrue(recognises(importer, file));
        Result r = read(importer, file);
        assertEquals(5, r.size());
        for (ImportedMessage m : r.messages()) {
            assertEquals("Messenger", m.channel());
            assertEquals("e2ee/Renée Dupont_40", m.conversation());
            assertEquals("Renée Dupont", m.conversationTitle());
            assertTrue(MetaText.isE2ee(m));
        }
        assertEquals("“I know where you live” – café\nReactions: ❤ Me Myself", r.get(0).raw(),
                "the reaction is kept after the text, as in the download");
        assertEquals("Renée Dupont", r.get(0).senderName());
        assertEquals(1746073791906L, r.get(0).time().instant().toEpochMilli());
        assertEquals("Renée Dupont_40.json, messages[0]", r.get(0).source());
        try (InputStream in = r.get(1).attachments().get(0).data().open()) {
            assertArrayEquals(new byte[] {4, 5, 6}, in.readAllBytes());
        }
        assertEquals("2f1c.jpeg", r.get(1).attachments().get(0).name());
        assertNull(r.get(2).attachments().get(0).path());
        assertEquals(Set.of(MessageFlag.OMITTED), r.get(2).flags());
        assertEquals(Set.of(MessageFlag.UNSENT), r.get(3).flags());
        assertEquals("Ã© typed as is", r.get(4).raw(), "proper UTF-8: never repaired");
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void zipWithSharedMediaFolder() throws Exception {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("Renée Dupont_40.json", THREAD);
        entries.put("Other_3.json", JsonImportTesting.E2EE);
        entries.put("media/2f1c.jpeg", new byte[] {4, 5, 6});
        Path zip = JsonImportTesting.zip(dir.resolve("messenger-secure-storage.zip"), entries);
        assertTrue(recognises(importer, zip));
        assertFalse(recognises(new InstagramImporter(), zip));
        Result r = read(importer, zip);
        assertEquals(6, r.size());
        assertEquals("media/2f1c.jpeg", r.get(1).attachments().get(0).path());
        assertEquals("e2ee/Jane Doe_12", r.get(5).conversation());
    }

    @Test
    void truncatedIsRefused() throws Exception {
        Path file = write(dir.resolve("Renée Dupont_40.json"), cut(THREAD, 0.4));
        ImportException e = assertThrows(ImportException.class, () -> read(importer, file));
        assertTrue(e.getMessage().matches("Renée Dupont_40\\.json, line \\d+: the file ends early \\(truncated\\)\\."),
                e.getMessage());
    }

    @Test
    void recognisedOnlyByTheFacebookImporter() throws Exception {
        Path file = write(dir.resolve("Renée Dupont_40.json"), THREAD);
        assertTrue(recognises(importer, file));
        assertFalse(recognises(new InstagramImporter(), file));
        assertFalse(recognises(new TelegramImporter(), file));
        assertFalse(recognises(new DiscordImporter(), file));
    }
}
