package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 10: in an export unpacked into a folder, a media file name that is a link to a file elsewhere
 * (or that goes through a linked folder, or climbs out with {@code ..}) is never followed: that file is not
 * stored as evidence, and the import says so.
 */
class ExportFolderLinksTest {
    @TempDir
    Path dir;
    private Vault vault;
    private long caseId;
    private ImportService service;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        vault = TestVaults.create(dir, "v.casebook");
        caseId = new CaseService(vault).add("Links", "LK", TestVaults.LONDON).id();
        service = new ImportService(vault, Importers.standard());
        outside = Files.createDirectories(dir.resolve("someone-elses-files"));
        Files.writeString(outside.resolve("secret.jpg"), "the private file elsewhere on the computer");
        Files.writeString(outside.resolve("a.jpg"), "another private file elsewhere");
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private boolean stored(Path file) throws IOException {
        String sha = Sha256.of(Files.readAllBytes(file));
        return vault.read(c -> vault.blobs().findId(c, sha)).isPresent();
    }

    @Test
    void aLinkedMediaFileBesideAWhatsAppChatIsNotFollowed() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.createSymbolicLink(export.resolve("IMG-1.jpg"), outside.resolve("secret.jpg"));
        Files.writeString(export.resolve("IMG-2.jpg"), "a photo that is part of the export");
        Path chat = export.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "13/02/2024, 10:00 - Sam: IMG-1.jpg (file attached)\n"
                + "13/02/2024, 10:01 - Sam: IMG-2.jpg (file attached)\n", StandardCharsets.UTF_8);

        ImportSummary s = service.importFile(caseId, chat, ImportOptions.defaults(), Progress.NONE);

        assertEquals(2, s.messages());
        assertTrue(stored(export.resolve("IMG-2.jpg")), "the real file in the export is kept");
        assertFalse(stored(outside.resolve("secret.jpg")), "the file the link points to is not stored");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("IMG-1.jpg") && w.contains("link")
                && w.contains("outside")), s.warnings().toString());
    }

    @Test
    void aLinkedMediaFolderAndDotDotNamesAreNotFollowed() throws IOException {
        Path export = Files.createDirectories(dir.resolve("signal/Sam"));
        Files.createSymbolicLink(export.resolve("media"), outside);
        Path chat = export.resolve("chat.md");
        Files.writeString(chat, "[2024-01-02 10:11:12] Sam: ![photo](./media/a.jpg)\n"
                + "[2024-01-02 10:12:00] Sam: [secret](../../someone-elses-files/secret.jpg)\n", StandardCharsets.UTF_8);

        ImportSummary s = service.importFile(caseId, chat, ImportOptions.defaults(), Progress.NONE);

        assertEquals(2, s.messages());
        assertEquals(2, s.missingAttachments(), "neither file is taken from outside the export");
        assertFalse(stored(outside.resolve("a.jpg")));
        assertFalse(stored(outside.resolve("secret.jpg")));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("media/a.jpg") && w.contains("link")),
                s.warnings().toString());
    }

    @Test
    void aLinkInsideTheExportToAnotherFileOfTheExportIsFine() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Files.createDirectories(export.resolve("Media"));
        Files.writeString(export.resolve("Media/IMG-3.jpg"), "a photo in the export's own folder");
        Files.createSymbolicLink(export.resolve("IMG-3.jpg"), Path.of("Media/IMG-3.jpg"));
        Path chat = export.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "13/02/2024, 10:00 - Sam: IMG-3.jpg (file attached)\n", StandardCharsets.UTF_8);

        ImportSummary s = service.importFile(caseId, chat, ImportOptions.defaults(), Progress.NONE);

        assertEquals(0, s.missingAttachments());
        assertTrue(stored(export.resolve("Media/IMG-3.jpg")));
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void aLinkedPartOfAMessengerThreadIsNotReadNorKept() throws IOException {
        Path thread = Files.createDirectories(dir.resolve("facebook/messages/inbox/sam_1"));
        String part = """
                {"participants": [{"name": "Sam"}, {"name": "Me"}],
                 "messages": [{"sender_name": "Sam", "timestamp_ms": %d, "content": "%s"}],
                 "title": "Sam", "is_still_participant": true, "thread_path": "inbox/sam_1", "magic_words": []}
                """;
        Files.writeString(thread.resolve("message_1.json"), part.formatted(1700000100000L, "in the thread"));
        Path elsewhere = outside.resolve("message_9.json");
        Files.writeString(elsewhere, part.formatted(1700000000000L, "from another folder"));
        Files.createSymbolicLink(thread.resolve("message_2.json"), elsewhere);

        ImportSummary s = service.importFile(caseId, thread.resolve("message_1.json"), ImportOptions.defaults(),
                Progress.NONE);

        assertEquals(1, s.messages(), "only the part really in the thread's folder is read");
        assertFalse(stored(elsewhere), "the linked file is not kept as an original");
    }
}
