package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casebook.model.Attachment;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.PendingOutputs;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readable copies of attachments opened in another program last only while the vault is unlocked: removed when the
 * session ends, and, when a crash ends it instead, the next time the vault opens.
 */
class OpenedCopiesTest {
    private static final byte[] PHOTO = "not really a photo (fictional)".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aCopyHoldsTheOriginalUnderItsCleanedNameAndIsGoneAfterRemoveAll() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            Attachment a = attach(vault, "..\u202Egpj.exe");
            OpenedCopies copies = new OpenedCopies(vault, tmp);
            Path copy = copies.write(a);
            assertArrayEquals(PHOTO, Files.readAllBytes(copy));
            assertEquals(tmp, copy.getParent().getParent(), "one new folder in the temporary folder, nothing deeper");
            assertFalse(copy.getFileName().toString().contains("\u202E"), "no bidi override in the name");
            assertEquals(1, copies.count());
            copies.removeAll();
            assertEquals(0, copies.count());
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "nothing left in the temporary folder");
            }
            assertThrows(IllegalStateException.class, () -> copies.write(a), "no copies after the session ended");
        }
    }

    @Test
    void aCopyACrashLeftBehindIsRemovedWhenTheVaultNextOpens() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path file;
        long id;
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            id = attach(vault, "photo.jpg").id();
            file = vault.file();
        }
        Path copy;
        try (ChildJvm child = ChildJvm.start(OpenAndWait.class, Map.of(), file.toString(), tmp.toString(),
                Long.toString(id))) {
            String line = child.await(l -> l.startsWith("opened "), Duration.ofSeconds(60));
            copy = Path.of(line.substring("opened ".length()));
            assertTrue(Files.exists(copy));
            child.kill(); // SIGKILL: no lock, no shutdown hook
        }
        assertTrue(Files.exists(copy), "the crash left the readable copy");
        try (Vault vault = TestVaults.open(file)) {
            assertFalse(Files.exists(copy.getParent()), "removed when the vault opened");
            List<PendingOutputs.Leftover> removed = vault.leftoversRemoved();
            assertEquals(1, removed.size(), removed.toString());
            assertEquals(PendingOutputs.Kind.OPENED_COPY, removed.get(0).kind());
            assertTrue(removed.get(0).message().contains("a readable copy of an attachment opened in another program"),
                    removed.get(0).message());
        }
    }

    private static Attachment attach(Vault vault, String name) throws Exception {
        long caseId = new CaseService(vault).add("Copies", "CP", TestVaults.LONDON).id();
        Path folder = Files.createTempDirectory("casebook-test-");
        Path original = Files.write(folder.resolve(name), PHOTO);
        try {
            return new AttachmentService(vault).attach(caseId, List.of(original), null, Progress.NONE).get(0);
        } finally {
            org.casebook.vault.PrivateFiles.deleteTree(folder);
        }
    }

    /** In the child JVM: opens a copy of the case's attachment, says where, and waits to be killed. */
    public static final class OpenAndWait {
        public static void main(String[] args) throws Exception {
            Vault vault = TestVaults.open(Path.of(args[0]));
            Attachment a = new AttachmentService(vault).get(Long.parseLong(args[2]));
            Path copy = new OpenedCopies(vault, Path.of(args[1])).write(a);
            System.out.println("opened " + copy);
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
