package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.PASSPHRASE;
import static org.casebook.testsupport.TestVaults.listing;
import static org.casebook.testsupport.TestVaults.pass;
import static org.casebook.testsupport.TestVaults.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The sharp edges of the bundled SQLite3MultipleCiphers that the vault has to design out, each on a real
 * file: empty and odd passphrases, missing / empty / foreign / damaged files, and newer schemas. Whatever the
 * vault refuses, it must leave exactly as it was.
 */
class VaultFileEdgesTest {
    private static final Set<VaultException.Kind> REFUSED = Set.of(VaultException.Kind.DAMAGED,
            VaultException.Kind.NOT_UNLOCKED);

    @TempDir
    static Path shared;
    /** A closed vault with some content, copied by the tests that damage a file. */
    static Path template;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTemplate() {
        template = shared.resolve("template.casebook");
        try (Vault v = Vault.create(template, pass())) {
            v.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO case_file(title, initials, zone, created_utc) VALUES ('T', 'T', 'UTC', 0)");
                }
                return null;
            });
            v.write(c -> v.blobs().put(c, new java.io.ByteArrayInputStream(new byte[300_000]), 300_000,
                    Progress.NONE));
        }
    }

    private Path copyOfTemplate(String name) throws IOException {
        return Files.copy(template, dir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static boolean startsWithSqliteHeader(Path file) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 16);
        return new String(head, StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
    }

    /** Runs {@code action}, expects a VaultException of one of {@code kinds}, and that the folder is untouched. */
    private VaultException refusedAndUnchanged(Path file, Set<VaultException.Kind> kinds, Executable action)
            throws IOException {
        List<String> before = listing(file.getParent());
        String hash = Files.exists(file) ? sha256(file) : null;
        long size = Files.exists(file) ? Files.size(file) : -1;
        long modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        Throwable thrown = assertThrows(Throwable.class, action);
        if (!(thrown instanceof VaultException e)) {
            throw new AssertionError("expected a VaultException, got " + thrown, thrown);
        }
        assertTrue(kinds.contains(e.kind()), "kind " + e.kind() + ": " + e.getMessage());
        assertEquals(before, listing(file.getParent()), "no file may be created or left behind");
        if (hash != null) {
            assertEquals(size, Files.size(file));
            assertEquals(hash, sha256(file), "the file must not be changed");
            assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
        } else {
            assertFalse(Files.exists(file));
        }
        return e;
    }

    @Test
    void emptyOrWhitespacePassphraseCreatesNoFile() {
        Path file = dir.resolve("v.casebook");
        for (String bad : new String[] {"", "  ", "\t"}) {
            VaultException e = assertThrows(VaultException.class, () -> Vault.create(file, Passphrase.of(bad)));
            assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        }
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void nulInPassphraseIsRejectedAndCreatesNoFile() {
        Path file = dir.resolve("v.casebook");
        VaultException e = assertThrows(VaultException.class, () -> Vault.create(file, Passphrase.of("ab\0cd ef")));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void vaultCreatedWithComposedAccentOpensWithDecomposedOne() {
        Path file = dir.resolve("v.casebook");
        Vault.create(file, Passphrase.of("caf\u00e9 au lait \u00e0 minuit")).close();
        try (Vault v = Vault.open(file, Passphrase.of("cafe\u0301 au lait a\u0300 minuit"))) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
        }
        VaultException wrong = assertThrows(VaultException.class,
                () -> Vault.open(file, Passphrase.of("cafe au lait a minuit")));
        assertEquals(VaultException.Kind.NOT_UNLOCKED, wrong.kind());
    }

    @Test
    void passphraseWithQuotesAndNonAsciiWorks() {
        Path file = dir.resolve("v.casebook");
        String tricky = "it's \"quoted\"; -- Ω 日本 \uD83D\uDD12";
        Vault.create(file, Passphrase.of(tricky)).close();
        Vault.open(file, Passphrase.of(tricky)).close();
        assertEquals(VaultException.Kind.NOT_UNLOCKED,
                assertThrows(VaultException.class, () -> Vault.open(file, Passphrase.of("it's"))).kind());
    }

    @Test
    void createdFileIsEncryptedAndCarriesNoSqliteHeader() throws IOException {
        Path file = dir.resolve("v.casebook");
        Vault.create(file, pass()).close();
        assertFalse(startsWithSqliteHeader(file));
        assertEquals(0, Files.size(file) % 4096);
        assertEquals(List.of("v.casebook"), listing(dir), "no temporary or journal files are left after close");
    }

    @Test
    void aNewVaultIsReadableByItsOwnerOnly() throws IOException {
        Path file = dir.resolve("v.casebook");
        Vault.create(file, pass()).close();
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void createRefusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path file = dir.resolve("existing.casebook");
        Files.writeString(file, "my notes");
        VaultException e = assertThrows(VaultException.class, () -> Vault.create(file, pass()));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertEquals("my notes", Files.readString(file));
        assertEquals(List.of("existing.casebook"), listing(dir));
        VaultException noFolder = assertThrows(VaultException.class,
                () -> Vault.create(dir.resolve("no/such/folder/v.casebook"), pass()));
        assertEquals(VaultException.Kind.BAD_INPUT, noFolder.kind());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void openingAMissingPathFailsAndCreatesNothing() throws IOException {
        Path file = dir.resolve("missing.casebook");
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.BAD_INPUT),
                () -> Vault.open(file, pass()));
        assertTrue(e.getMessage().contains("No vault"), e.getMessage());
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void openingAZeroByteFileFailsAndLeavesItEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.casebook"));
        refusedAndUnchanged(file, Set.of(VaultException.Kind.NOT_UNLOCKED, VaultException.Kind.BAD_INPUT),
                () -> Vault.open(file, pass()));
        assertEquals(0, Files.size(file));
        assertFalse(Files.exists(dir.resolve("empty.casebook-wal")));
        assertFalse(Files.exists(dir.resolve("empty.casebook-shm")));
    }

    @Test
    void openingAFolderFails() {
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(dir, pass()));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
    }

    @Test
    void plainUnencryptedSqliteDatabaseIsNotAVault() throws Exception {
        Path file = dir.resolve("plain.db");
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES ('hello')");
        }
        assertTrue(startsWithSqliteHeader(file), "setup: the plain database has the plaintext header");
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.NOT_UNLOCKED),
                () -> Vault.open(file, pass()));
        assertTrue(e.getMessage().toLowerCase().contains("not a casebook vault"), e.getMessage());
    }

    @Test
    void encryptedSqliteFileThatIsNotACasebookVaultIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = TestVaults.raw(file, PASSPHRASE); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES ('hello')");
        }
        assertFalse(startsWithSqliteHeader(file));
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.NOT_UNLOCKED),
                () -> Vault.open(file, pass()));
        assertTrue(e.getMessage().contains("Wrong passphrase or not a Casebook vault"), e.getMessage());
    }

    @Test
    void randomBytesAreNotUnlockedAndLeftUnchanged() throws IOException {
        Path file = dir.resolve("random.casebook");
        byte[] bytes = new byte[4 * 4096];
        new Random(42).nextBytes(bytes);
        Files.write(file, bytes);
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.NOT_UNLOCKED),
                () -> Vault.open(file, pass()));
        assertTrue(e.getMessage().contains("Wrong passphrase or not a Casebook vault"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void randomBytesOfAnOddSizeAreRefusedAndLeftUnchanged() throws IOException {
        Path file = dir.resolve("random-odd.casebook");
        byte[] bytes = new byte[10_001];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        refusedAndUnchanged(file, REFUSED, () -> Vault.open(file, pass()));
    }

    @Test
    void vaultCutShortToAnOddSizeIsRefusedClearly() throws IOException {
        Path file = copyOfTemplate("cut.casebook");
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 1234));
        VaultException e = refusedAndUnchanged(file, REFUSED, () -> Vault.open(file, pass()));
        assertFalse(e.getMessage().contains("SQLITE_"), "a message for people: " + e.getMessage());
    }

    @Test
    void vaultCutInHalfAtAPageBoundaryIsRefusedClearly() throws IOException {
        Path file = copyOfTemplate("half.casebook");
        byte[] all = Files.readAllBytes(file);
        int pages = all.length / 4096;
        assertTrue(pages >= 4, "setup: the template spans several pages");
        Files.write(file, Arrays.copyOf(all, pages / 2 * 4096));
        refusedAndUnchanged(file, REFUSED, () -> {
            try (Vault v = Vault.open(file, pass())) {
                // If the header alone cannot tell, reading the data must still fail cleanly.
                v.integrityCheck();
                v.read(c -> v.blobs().rehash(c, 1));
            }
        });
    }

    @Test
    void wrongPassphraseIsNotUnlockedAndLeavesTheFileUnchanged() throws IOException {
        Path file = copyOfTemplate("v.casebook");
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.NOT_UNLOCKED),
                () -> Vault.open(file, Passphrase.of("incorrect horse battery staple")));
        assertTrue(e.getMessage().contains("Wrong passphrase or not a Casebook vault"), e.getMessage());
        assertFalse(e.getMessage().contains("incorrect horse"), "the message must not contain the passphrase");
        // and the right one still works afterwards
        TestVaults.open(file).close();
    }

    @Test
    void vaultFromANewerSchemaIsRefusedAndNotChanged() throws Exception {
        Path file = copyOfTemplate("newer.casebook");
        int newer = Vault.currentSchemaVersion() + 5;
        TestVaults.rawExecute(file, "PRAGMA user_version = " + newer);
        try (Connection c = TestVaults.raw(file, PASSPHRASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertEquals(newer, rs.getInt(1), "setup");
        }
        assertEquals(List.of("newer.casebook"), listing(dir), "setup leaves no journal files");
        VaultException e = refusedAndUnchanged(file, Set.of(VaultException.Kind.BAD_INPUT),
                () -> Vault.open(file, pass()));
        assertTrue(e.getMessage().contains("newer version"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(newer)), e.getMessage());
    }

    @Test
    void openingAndClosingAnIntactVaultWithoutWritingDoesNotChangeIt() throws IOException {
        Path file = copyOfTemplate("v.casebook");
        String before = sha256(file);
        try (Vault v = TestVaults.open(file)) {
            assertTrue(v.integrityCheck().isEmpty());
        }
        assertEquals(before, sha256(file));
        assertEquals(List.of("v.casebook"), listing(dir));
    }

    /**
     * Leaving WAL for a bulk write, SQLite rewrites the header in a rollback-journal transaction. Killed before
     * that journal's header was first synced, the kill leaves a journal that starts with zeros beside a vault
     * whose header still says WAL (found by {@code KillSuiteTest#attachKilledAnywhere}). SQLite rightly does not
     * replay it, but never removes it either.
     */
    @Test
    void aJournalWhoseHeaderWasNeverWrittenBesideAWalVaultIsRemovedByTheNextOpen() throws Exception {
        Path file = copyOfTemplate("v.casebook");
        byte[] journal = new byte[512 + 8 + 4096];
        new Random(7).nextBytes(journal);
        Arrays.fill(journal, 0, 28, (byte) 0);
        Files.write(Path.of(file + "-journal"), journal);
        String before = sha256(file);

        assertThrows(VaultException.class, () -> Vault.open(file, Passphrase.of("not the one")).close());
        assertEquals(List.of("v.casebook", "v.casebook-journal"), listing(dir), "a wrong passphrase removes nothing");
        try (Vault v = TestVaults.open(file)) {
            assertTrue(v.integrityCheck().isEmpty());
        }
        assertEquals(List.of("v.casebook"), listing(dir));
        assertEquals(before, sha256(file), "the vault itself was not touched");
        try (Connection c = TestVaults.raw(file, PASSPHRASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertTrue(rs.next());
            assertEquals("wal", rs.getString(1));
        }
    }

    @Test
    void aLockedVaultRefusesWork() {
        Vault v = TestVaults.create(dir, "v.casebook");
        v.close();
        v.close(); // twice is harmless
        assertFalse(v.isOpen());
        assertThrows(IllegalStateException.class, v::schemaVersion);
    }

    @Test
    void differentVaultsWithTheSamePassphraseDoNotShareBytes() throws IOException {
        Vault.create(dir.resolve("a.casebook"), pass()).close();
        Vault.create(dir.resolve("b.casebook"), pass()).close();
        byte[] a = Arrays.copyOf(Files.readAllBytes(dir.resolve("a.casebook")), 16);
        byte[] b = Arrays.copyOf(Files.readAllBytes(dir.resolve("b.casebook")), 16);
        assertNotEquals(Arrays.toString(a), Arrays.toString(b), "each vault has its own random salt");
    }
}
