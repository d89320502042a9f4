package org.casebook.imports.meta;

import static org.casebook.imports.json.JsonImportTesting.read;
import static org.casebook.imports.json.JsonImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importers;
import org.casebook.imports.json.JsonImportTesting.Result;
import org.casebook.model.Case;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meta's download writes every string as latin-1-escaped UTF-8: every one of them (text, names, title,
 * participants, reactions, shared links, file names) comes out of the import repaired, and repaired once.
 */
class MetaRepairTest {
    @TempDir
    Path dir;

    /** "Cześć 😀", "weiß", a Polish name that unsends, a reaction, a shared link, a photo with a non-ASCII name. */
    static final String THREAD = """
            {
              "participants": [{"name": "Zofia Krzy\\u00c5\\u00bcanowska"}, {"name": "J\\u00c3\\u00bcrgen Wei\\u00c3\\u009f"}],
              "messages": [
                {"sender_name": "Zofia Krzy\\u00c5\\u00bcanowska", "timestamp_ms": 1700000500000,
                 "content": "Zofia Krzy\\u00c5\\u00bcanowska unsent a message.", "is_unsent": true},
                {"sender_name": "Zofia Krzy\\u00c5\\u00bcanowska", "timestamp_ms": 1700000400000,
                 "photos": [{"uri": "messages/inbox/zofia_1/photos/pla\\u00c5\\u00bca.jpg", "creation_timestamp": 1700000399}]},
                {"sender_name": "J\\u00c3\\u00bcrgen Wei\\u00c3\\u009f", "timestamp_ms": 1700000300000,
                 "share": {"link": "https://example.org/stra\\u00c3\\u009fe", "share_text": "Stra\\u00c3\\u009fe \\u00e2\\u0080\\u0094 Karte"}},
                {"sender_name": "J\\u00c3\\u00bcrgen Wei\\u00c3\\u009f", "timestamp_ms": 1700000200000, "content": "wei\\u00c3\\u009f",
                 "reactions": [{"reaction": "\\u00f0\\u009f\\u0098\\u00a1", "actor": "Zofia Krzy\\u00c5\\u00bcanowska"}]},
                {"sender_name": "Zofia Krzy\\u00c5\\u00bcanowska", "timestamp_ms": 1700000100000,
                 "content": "Cze\\u00c5\\u009b\\u00c4\\u0087 \\u00f0\\u009f\\u0098\\u0080"},
                {"sender_name": "Zofia Krzy\\u00c5\\u00bcanowska", "timestamp_ms": 1700000000000,
                 "content": "typed as \\u00c3\\u0083\\u00c2\\u00a9 on purpose"}
              ],
              "title": "Zofia Krzy\\u00c5\\u00bcanowska",
              "is_still_participant": true,
              "thread_path": "inbox/zofia_1",
              "magic_words": []
            }
            """;

    private Path thread() throws Exception {
        Path folder = dir.resolve("facebook-me/messages/inbox/zofia_1");
        write(folder.resolve("message_1.json"), THREAD);
        Files.createDirectories(folder.resolve("photos"));
        Files.write(folder.resolve("photos/plaża.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        return folder.resolve("message_1.json");
    }

    /** Every string an imported record carries. */
    private static List<String> strings(ImportedMessage m) {
        List<String> all = new ArrayList<>(List.of(m.raw(), m.conversationTitle()));
        if (m.senderName() != null) {
            all.add(m.senderName());
        }
        for (AttachmentRef a : m.attachments()) {
            all.add(a.name());
        }
        return all;
    }

    @Test
    void everyStringComesOutRepairedOnce() throws Exception {
        Result r = read(new FacebookImporter(), thread());
        assertEquals(List.of("typed as Ã© on purpose", "Cześć 😀", "weiß\nReactions: 😡 Zofia Krzyżanowska",
                        "https://example.org/straße\nStraße — Karte", "", "Zofia Krzyżanowska unsent a message."),
                r.messages().stream().map(ImportedMessage::raw).toList());
        assertEquals("Jürgen Weiß", r.get(2).senderName());
        assertEquals("Zofia Krzyżanowska", r.get(0).conversationTitle());
        assertEquals("plaża.jpg", r.get(4).attachments().get(0).name());
        assertTrue(r.get(4).attachments().get(0).path() != null, "found under its repaired name");
        for (ImportedMessage m : r.messages()) {
            for (String s : strings(m)) {
                boolean meant = s.equals("typed as Ã© on purpose"); // the sender really typed Ã
                assertFalse(!meant && (s.contains("Ã") || s.contains("Å") || s.contains("Ä") || s.contains("ð\u009f")),
                        "left as mojibake: " + s);
            }
        }
    }

    @Test
    void theVaultHoldsTheRepairedText() throws Exception {
        Path file = thread();
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            Case aCase = new CaseService(vault).add("Meta", "ME", ZoneId.of("Europe/London"));
            new ImportService(vault, Importers.standard()).importFile(aCase.id(), file, ImportOptions.defaults(),
                    Progress.NONE);
            List<String> texts = new TimelineService(vault).timeline(aCase.id()).stream()
                    .map(TimelineItem::text).toList();
            assertTrue(texts.contains("Cześć 😀"), texts::toString);
            assertTrue(texts.contains("Zofia Krzyżanowska unsent a message."), texts::toString);
            assertFalse(texts.stream().anyMatch(t -> t != null && t.contains("Å")), texts::toString);
        }
    }
}
