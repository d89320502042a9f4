package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 10, for {@code attach} and folders dropped on the window: walking a folder never follows a
 * link out of it. A link that leads out refuses the whole attach with a message naming it (nothing is
 * written; the person can attach that file itself if they mean it); a link to a file inside the folder is
 * skipped, since its target is attached as itself. A file or folder the person names directly is taken even
 * when it is a link: they chose it.
 */
class AttachFolderLinksTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private AttachmentService attachments;
    private Path folder;
    private Path outside;

    @BeforeEach
    void setUp() throws IOException {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Links", "LK", TestVaults.LONDON);
        attachments = new AttachmentService(vault);
        folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("a.txt"), "a file in the folder");
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.jpg"), "a private file elsewhere on the computer");
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private List<String> attach(Path... paths) {
        return attachments.attach(aCase.id(), List.of(paths), null, Progress.NONE).stream()
                .map(Attachment::fileName).toList();
    }

    private long auditSize() {
        return vault.read(c -> vault.audit().size(c));
    }

    @Test
    void aLinkOutOfTheFolderRefusesTheAttachNamingItAndWritesNothing() throws IOException {
        Files.createSymbolicLink(folder.resolve("IMG-1.jpg"), outside.resolve("secret.jpg"));
        long before = auditSize();
        VaultException e = assertThrows(VaultException.class, () -> attach(folder));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("IMG-1.jpg") && e.getMessage().contains("link")
                && e.getMessage().contains("outside"), e.getMessage());
        assertEquals(before, auditSize());
    }

    @Test
    void aLinkedFolderInsideThatLeadsOutIsRefusedToo() throws IOException {
        Files.createSymbolicLink(folder.resolve("more"), outside);
        VaultException e = assertThrows(VaultException.class, () -> attach(folder));
        assertTrue(e.getMessage().contains("more"), e.getMessage());
    }

    @Test
    void aLinkToAFileOfTheSameFolderIsSkipped() throws IOException {
        Files.createSymbolicLink(folder.resolve("b-link.txt"), Path.of("a.txt"));
        assertEquals(List.of("a.txt"), attach(folder));
    }

    @Test
    void whatThePersonNamesIsTakenEvenThroughALink() throws IOException {
        Path folderLink = Files.createSymbolicLink(dir.resolve("photos-link"), folder);
        assertEquals(List.of("a.txt"), attach(folderLink));
        Path fileLink = Files.createSymbolicLink(dir.resolve("chosen.jpg"), outside.resolve("secret.jpg"));
        assertEquals(List.of("chosen.jpg"), attach(fileLink));
    }
}
