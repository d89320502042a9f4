package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.listing;
import static org.casebook.testsupport.TestVaults.pass;
import static org.casebook.testsupport.TestVaults.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.AuditEntry;
import org.casebook.model.Case;
import org.casebook.model.IncidentType;
import org.casebook.model.TimelineItem;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups (VACUUM INTO while open) and passphrase changes, each checked by opening and verifying the result. */
class VaultBackupAndRekeyTest {
    private static final String NEW_PASSPHRASE = "a completely different passphrase, ünïcode too";

    @TempDir
    Path dir;
    Path file;
    Vault vault;
    Case aCase;
    byte[] original;

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("main.casebook");
        vault = Vault.create(file, pass());
        aCase = new CaseService(vault).add("Backup case", "BC", LONDON);
        IncidentService incidents = new IncidentService(vault);
        for (int i = 0; i < 10; i++) {
            incidents.add(aCase.id(), draft(IncidentType.CALL,
                    ZonedDateTime.of(2024, 2, 1, 20, 0, 0, 0, LONDON).plusDays(i), "Withheld call " + i));
        }
        original = new byte[1_300_000];
        new Random(5).nextBytes(original);
        Path src = Files.createDirectories(dir.resolve("src")).resolve("recording.m4a");
        Files.write(src, original);
        new AttachmentService(vault).attach(aCase.id(), List.of(src), null, Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private static List<String> timelineOf(Vault v, long caseId) {
        return new TimelineService(v).timeline(caseId).stream()
                .map(t -> t.id() + " " + t.kind() + " " + t.when().at().toInstant() + " " + t.text() + " " + t.sha256())
                .toList();
    }

    private static byte[] blobBytes(Vault v, String sha) {
        return v.read(c -> {
            long id = v.blobs().findId(c, sha).orElseThrow();
            try (InputStream in = v.blobs().open(c, id)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean plaintextHeader(Path f) throws IOException {
        return new String(Arrays.copyOf(Files.readAllBytes(f), 15), StandardCharsets.ISO_8859_1)
                .equals("SQLite format 3");
    }

    private static List<String> actions(Vault v) {
        return v.read(c -> v.audit().all(c)).stream().map(AuditEntry::action).toList();
    }

    // ---- backup --------------------------------------------------------------------------------------------

    @Test
    void backupWhileOpenIsAnEncryptedCopyThatOpensAndVerifies() throws IOException {
        List<String> before = timelineOf(vault, aCase.id());
        Path copy = dir.resolve("backup.casebook");
        vault.backupTo(copy);
        assertTrue(vault.isOpen(), "the vault stays open");
        assertFalse(plaintextHeader(copy));
        assertTrue(listing(dir).stream().noneMatch(n -> n.contains(".writing")), listing(dir).toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));

        try (Vault backup = Vault.open(copy, pass())) {
            assertEquals(before, timelineOf(backup, aCase.id()));
            VerifyReport report = new VerifyService(backup).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(11, report.items());
            assertEquals(1, report.blobs());
            assertArrayEquals(original, blobBytes(backup, TestVaults.sha256OfBytes(original)));
        }
        assertEquals("backup-made", actions(vault).get(actions(vault).size() - 1));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
        assertEquals(VaultException.Kind.NOT_UNLOCKED,
                assertThrows(VaultException.class, () -> Vault.open(copy, Passphrase.of("wrong one"))).kind());
    }

    @Test
    void backupRefusesAnExistingFileAndAMissingFolder() throws IOException {
        Path existing = dir.resolve("existing.casebook");
        Files.writeString(existing, "precious");
        VaultException e = assertThrows(VaultException.class, () -> vault.backupTo(existing));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertEquals("precious", Files.readString(existing));
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> vault.backupTo(file)).kind(), "not even onto itself");
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> vault.backupTo(dir.resolve("missing/folder/b.casebook"))).kind());
        assertFalse(actions(vault).contains("backup-made"));
    }

    // ---- passphrase change ---------------------------------------------------------------------------------

    @Test
    void changedPassphraseReplacesTheOldOneAndKeepsEverything() throws IOException {
        List<String> before = timelineOf(vault, aCase.id());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        vault.changePassphrase(Passphrase.of(NEW_PASSPHRASE));
        assertFalse(plaintextHeader(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the file that replaced the vault keeps the permissions the person gave it");
        assertEquals(List.of("main.casebook", "main.casebook-shm", "main.casebook-wal", "src"), listing(dir),
                "no copy of the vault is left beside it");
        // the open vault keeps working after the change
        new IncidentService(vault).add(aCase.id(), draft(IncidentType.OTHER,
                ZonedDateTime.of(2024, 3, 1, 9, 0, 0, 0, LONDON), "Written after the change"));
        vault.close();

        String hash = sha256(file);
        VaultException old = assertThrows(VaultException.class, () -> Vault.open(file, pass()));
        assertEquals(VaultException.Kind.NOT_UNLOCKED, old.kind());
        assertTrue(old.getMessage().contains("Wrong passphrase or not a Casebook vault"));
        assertEquals(hash, sha256(file), "a failed open does not change the file");

        try (Vault reopened = Vault.open(file, Passphrase.of(NEW_PASSPHRASE))) {
            List<String> after = timelineOf(reopened, aCase.id());
            assertTrue(after.containsAll(before), after.toString());
            assertEquals(before.size() + 1, after.size());
            assertArrayEquals(original, blobBytes(reopened, TestVaults.sha256OfBytes(original)));
            VerifyReport report = new VerifyService(reopened).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertTrue(actions(reopened).contains("passphrase-changed"));
            assertEquals(List.of(), reopened.integrityCheck());
            assertEquals("wal", reopened.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    return rs.getString(1);
                }
            }), "back in WAL mode after the change");
        }
    }

    @Test
    void passphraseCanBeChangedTwiceAndBackupUsesTheCurrentOne() {
        vault.changePassphrase(Passphrase.of(NEW_PASSPHRASE));
        vault.changePassphrase(Passphrase.of("third passphrase"));
        Path copy = dir.resolve("after-rekey.casebook");
        vault.backupTo(copy);
        try (Vault backup = Vault.open(copy, Passphrase.of("third passphrase"))) {
            assertTrue(new VerifyService(backup).verify(Progress.NONE).intact());
        }
        vault.close();
        assertEquals(VaultException.Kind.NOT_UNLOCKED, assertThrows(VaultException.class,
                () -> Vault.open(file, Passphrase.of(NEW_PASSPHRASE))).kind());
        Vault.open(file, Passphrase.of("third passphrase")).close();
    }

    @Test
    void passphraseChangeWhileAnotherInstanceHasTheVaultOpenIsBusy() throws Exception {
        try (Vault other = Vault.open(file, pass())) {
            // the other instance has read something, as a second window would have
            assertEquals(11, new TimelineService(other).count(aCase.id()));
            VaultException e = assertThrows(VaultException.class,
                    () -> vault.changePassphrase(Passphrase.of(NEW_PASSPHRASE)));
            assertEquals(VaultException.Kind.BUSY, e.kind(), e.getMessage());
            // both instances still work
            new IncidentService(vault).add(aCase.id(), draft(IncidentType.OTHER,
                    ZonedDateTime.of(2024, 3, 1, 9, 0, 0, 0, LONDON), "Still writable"));
            assertEquals(12, new TimelineService(other).count(aCase.id()));
        }
        vault.close();
        assertEquals(VaultException.Kind.NOT_UNLOCKED, assertThrows(VaultException.class,
                () -> Vault.open(file, Passphrase.of(NEW_PASSPHRASE))).kind());
        try (Vault reopened = Vault.open(file, pass())) {
            assertTrue(new VerifyService(reopened).verify(Progress.NONE).intact());
            assertFalse(actions(reopened).contains("passphrase-changed"));
        }
        try (Connection raw = TestVaults.raw(file, TestVaults.PASSPHRASE); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertEquals("wal", rs.getString(1), "still in WAL mode");
        }
    }

    @Test
    void anEmptyNewPassphraseCannotEvenBeExpressed() {
        assertThrows(VaultException.class, () -> vault.changePassphrase(Passphrase.of(" ")));
        List<TimelineItem> items = new TimelineService(vault).timeline(aCase.id());
        assertEquals(11, items.size());
    }
}
