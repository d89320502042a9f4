package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.casebook.evidence.RestoreService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of a vault file carries its authentication code, pages SQLite no longer uses too. A byte changed in
 * a free page passes SQLite's own check (which reads only the pages in use) but not the page check, and a copy
 * of the vault with such a page is not restored. The check recomputes the cipher's codes itself, so it is also
 * shown to pass on every page of a vault as the cipher wrote it, with a passphrase beyond ASCII.
 */
class PageAuthenticationTest {
    private static final String PASSPHRASE = "Żółć gęślą jaźń — crème brûlée 42";

    @TempDir
    static Path dir;
    private static Path vaultFile;
    private static int pages;

    /** A vault with a table of 60 pages dropped: the last pages of the file are free. */
    @BeforeAll
    static void vaultWithFreePages() {
        vaultFile = dir.resolve("with-free-pages.casebook");
        try (Vault vault = Vault.create(vaultFile, Passphrase.of(PASSPHRASE))) {
            vault.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE scratch(b BLOB)");
                    s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
                            + " INSERT INTO scratch SELECT randomblob(3500) FROM n");
                }
                return null;
            });
            vault.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE scratch");
                }
                return null;
            });
            int free = vault.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA freelist_count")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertTrue(free > 50, "free pages: " + free);
        }
        pages = (int) (vaultFile.toFile().length() / PageAuthentication.PAGE_SIZE);
    }

    @Test
    void everyPageAsTheCipherWroteItMatchesItsCode() {
        try (Vault vault = Vault.open(vaultFile, Passphrase.of(PASSPHRASE))) {
            assertEquals(List.of(), vault.pageCheck());
            assertEquals(List.of(), vault.integrityCheck());
        }
    }

    @Test
    void aByteChangedInAFreePagePassesSqlitesCheckButNotThePageCheckAndIsNotRestored() throws Exception {
        Path changed = dir.resolve("changed.casebook");
        int page = pages; // the last page: a free one, which SQLite's own check does not read
        Files.copy(vaultFile, changed, StandardCopyOption.REPLACE_EXISTING);
        flip(changed, page);
        try (Vault vault = Vault.open(changed, Passphrase.of(PASSPHRASE))) {
            assertEquals(List.of(), vault.integrityCheck(), "SQLite's check does not read a free page");
            assertEquals(List.of("page " + page + " of " + pages + " does not match its code"), vault.pageCheck());
        }
        Path target = dir.resolve("restored.casebook");
        VaultException e = assertThrows(VaultException.class,
                () -> RestoreService.restore(changed, target, Passphrase.of(PASSPHRASE), Progress.NONE).close());
        assertEquals(VaultException.Kind.DAMAGED, e.kind());
        assertTrue(e.getMessage().contains("page " + page + " of " + pages), e.getMessage());
        assertFalse(Files.exists(target), "nothing restored");

        // the file as the cipher wrote it restores
        Path good = dir.resolve("good-copy.casebook");
        Files.copy(vaultFile, good, StandardCopyOption.REPLACE_EXISTING);
        RestoreService.restore(good, target, Passphrase.of(PASSPHRASE), Progress.NONE).close();
        assertTrue(Files.exists(target));
    }

    private static void flip(Path file, int page) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = (long) (page - 1) * PageAuthentication.PAGE_SIZE + 1000;
            f.seek(at);
            byte b = f.readByte();
            f.seek(at);
            f.write(b ^ 0x5a);
        }
    }
}
