package org.casebook.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.LoggerFactory;

/**
 * Returns a vault to WAL mode after a bulk write was killed. A bulk write leaves WAL for the rollback journal
 * ({@link Vault#bulkWrite}); killed before it returned, it leaves the vault in rollback-journal mode, and killed
 * before its journal was first synced it also leaves a {@code -journal} whose header is still zero: SQLite rightly
 * ignores it (the vault file was not yet touched) but never removes it, so every later open would take it for a
 * crash to recover from and prove the passphrase twice.
 */
final class WalMode {
    private WalMode() {
    }

    /**
     * On a newly opened connection (the right key, any hot journal already rolled back by SQLite's first read):
     * if the vault is not in WAL mode, removes a journal no transaction owns and returns to WAL. Does nothing when
     * another connection has the vault open (it cannot leave WAL then) or the vault cannot be written.
     */
    static void restore(Connection c, Path vault) throws SQLException {
        try (Statement s = c.createStatement()) {
            if ("wal".equalsIgnoreCase(text(s, "PRAGMA journal_mode"))) {
                return;
            }
            s.execute("PRAGMA busy_timeout = 0");
            try {
                // Held exclusively, no other connection is mid-transaction: a journal still there is stale.
                s.execute("BEGIN EXCLUSIVE");
                try {
                    Files.deleteIfExists(Path.of(vault + "-journal"));
                } finally {
                    s.execute("COMMIT");
                }
                text(s, "PRAGMA journal_mode = WAL");
            } catch (SQLException | IOException e) {
                LoggerFactory.getLogger(WalMode.class).debug("the vault stays in rollback-journal mode: {}",
                        e.getMessage());
            }
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
