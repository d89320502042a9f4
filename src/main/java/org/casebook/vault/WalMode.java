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
 * Returns a vault to WAL mode after a bulk write was killed, and removes the journal such a kill can leave. A bulk
 * write leaves WAL for the rollback journal ({@link Vault#bulkWrite}), and SQLite changes mode by rewriting the
 * vault's header in a rollback-journal transaction. Killed before that journal's header was first synced, the kill
 * leaves a {@code -journal} whose header is still zero: SQLite rightly ignores it (the vault file was not yet
 * touched) but never removes it, so every later open would take it for a crash to recover from and prove the
 * passphrase twice. Killed on the way out of WAL, it also leaves the header saying WAL; killed later, the vault is
 * left in rollback-journal mode.
 */
final class WalMode {
    private WalMode() {
    }

    /**
     * On a newly opened connection (the right key, any hot journal already rolled back by SQLite's first read):
     * removes a journal no transaction owns and returns to WAL. Does nothing when another connection holds the
     * vault (it cannot leave WAL then) or the vault cannot be written.
     */
    static void restore(Connection c, Path vault) throws SQLException {
        Path journal = Path.of(vault + "-journal");
        try (Statement s = c.createStatement()) {
            boolean wal = "wal".equalsIgnoreCase(text(s, "PRAGMA journal_mode"));
            if (wal && !Files.exists(journal)) {
                return;
            }
            s.execute("PRAGMA busy_timeout = 0");
            try {
                // Held exclusively, no other connection is mid-transaction: a journal still there is stale. (In WAL
                // mode every open connection also holds the vault's shared lock, so none can be writing a journal.)
                s.execute("BEGIN EXCLUSIVE");
                try {
                    Files.deleteIfExists(journal);
                } finally {
                    s.execute("COMMIT");
                }
                if (!wal) {
                    text(s, "PRAGMA journal_mode = WAL");
                }
            } catch (SQLException | IOException e) {
                LoggerFactory.getLogger(WalMode.class).debug("the vault's leftover journal stays: {}",
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
