package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.mc.HmacAlgorithm;
import org.sqlite.mc.KdfAlgorithm;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * The key-derivation parameters are the ones SECURITY.md documents, read back from real vault files by connections
 * that bypass Casebook, and a vault opens whichever setting made it.
 */
class KeyDerivationTest {
    @TempDir
    Path dir;

    @Test
    void aStandardVaultIsSqlCipher4WithPbkdf2Sha512At256000Iterations() throws Exception {
        Path file = dir.resolve("standard.casebook");
        TestVaults.create(dir, "standard.casebook").close();

        assertTrue(opensWith(file, TestVaults.PASSPHRASE, 256_000), "the documented parameters open it");
        assertFalse(opensWith(file, TestVaults.PASSPHRASE, 255_999), "one iteration fewer does not");
        assertFalse(opensWith(file, TestVaults.PASSPHRASE, 1_000_000));
        try (Vault v = TestVaults.open(file)) {
            assertEquals(KeyDerivation.STANDARD, v.keyDerivation());
        }
    }

    @Test
    void aStrongerVaultTakesAMillionIterationsAndOpensWithoutBeingTold() throws Exception {
        Path file = dir.resolve("stronger.casebook");
        Vault.create(file, TestVaults.pass(), KeyDerivation.STRONGER).close();

        assertTrue(opensWith(file, TestVaults.PASSPHRASE, 1_000_000));
        assertFalse(opensWith(file, TestVaults.PASSPHRASE, 256_000));
        try (Vault v = TestVaults.open(file)) {
            assertEquals(KeyDerivation.STRONGER, v.keyDerivation());
            assertTrue(v.read(c -> v.audit().all(c).get(0).detail()).contains("\"kdf_iterations\":1000000"));
        }
        VaultException wrong = assertThrows(VaultException.class,
                () -> Vault.open(file, Passphrase.of("not the passphrase at all")));
        assertEquals(VaultException.Kind.NOT_UNLOCKED, wrong.kind());
    }

    @Test
    void aPassphraseChangeCanMoveToTheStrongerSettingAndBack() throws Exception {
        Path file = dir.resolve("moving.casebook");
        Passphrase second = Passphrase.of("quince meadow harbour 7");
        try (Vault v = TestVaults.create(dir, "moving.casebook")) {
            v.changePassphrase(second, KeyDerivation.STRONGER);
            assertEquals(KeyDerivation.STRONGER, v.keyDerivation());
            assertEquals(0, v.integrityCheck().size(), "the reconnected vault still reads");
        }
        assertTrue(opensWith(file, "quince meadow harbour 7", 1_000_000));
        assertFalse(opensWith(file, "quince meadow harbour 7", 256_000));

        Path backup = dir.resolve("moving-backup.casebook");
        try (Vault v = Vault.open(file, Passphrase.of("quince meadow harbour 7"))) {
            v.backupTo(backup);
            v.changePassphrase(TestVaults.pass(), KeyDerivation.STANDARD);
        }
        assertTrue(opensWith(file, TestVaults.PASSPHRASE, 256_000));
        assertTrue(opensWith(backup, "quince meadow harbour 7", 1_000_000), "a backup keeps the vault's setting");
        try (Vault b = Vault.open(backup, Passphrase.of("quince meadow harbour 7"))) {
            assertEquals(KeyDerivation.STRONGER, b.keyDerivation());
        }
    }

    /** After a crash, a stronger vault's WAL is recovered with the right key only; a wrong one leaves it alone. */
    @Test
    void aStrongerVaultLeftWithAWalOpensOnlyWithItsPassphrase() throws Exception {
        Path file = dir.resolve("crashed.casebook");
        Path copy = dir.resolve("copy.casebook");
        try (Vault v = Vault.create(file, TestVaults.pass(), KeyDerivation.STRONGER)) {
            v.write(c -> v.audit().append(c, "test-entry", "vault", java.util.Map.of()));
            // A copy of the file and its WAL as they are while the vault is open: what a crash leaves.
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(Path.of(file + "-wal"), Path.of(copy + "-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(KeyProof.recoveryPending(copy));
        byte[] wal = Files.readAllBytes(Path.of(copy + "-wal"));
        assertThrows(VaultException.class, () -> Vault.open(copy, Passphrase.of("not the passphrase at all")));
        assertArrayEquals(wal, Files.readAllBytes(Path.of(copy + "-wal")), "a wrong key changed the WAL");
        try (Vault v = TestVaults.open(copy)) {
            assertEquals(KeyDerivation.STRONGER, v.keyDerivation());
            assertEquals("test-entry", v.read(c -> v.audit().all(c)).get(1).action());
        }
    }

    @Test
    void unknownSettingNamesAreRefusedClearly() {
        assertEquals(KeyDerivation.STRONGER, KeyDerivation.of(" Stronger "));
        VaultException e = assertThrows(VaultException.class, () -> KeyDerivation.of("fastest"));
        assertTrue(e.getMessage().contains("standard or stronger"), e.getMessage());
    }

    /** A connection that sets every SQLCipher 4 parameter explicitly, bypassing Casebook. */
    private static boolean opensWith(Path file, String key, int iterations) throws SQLException {
        SQLiteMCSqlCipherConfig config = new SQLiteMCSqlCipherConfig();
        config.setLegacy(4);
        config.setLegacyPageSize(4096);
        config.setKdfAlgorithm(KdfAlgorithm.SHA512);
        config.setHmacAlgorithm(HmacAlgorithm.SHA512);
        config.setHmacUse(true);
        config.setKdfIter(iterations);
        try (Connection c = config.withKey(key).build().createConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            return rs.next() && rs.getInt(1) == Schema.APPLICATION_ID;
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == 26) {
                return false;
            }
            throw e;
        }
    }
}
