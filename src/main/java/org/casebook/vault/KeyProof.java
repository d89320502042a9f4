package org.casebook.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCConfig;

/**
 * Proves a passphrase against a vault without letting SQLite write anything.
 *
 * <p>After a crash a vault can have a WAL or a hot rollback journal beside it. The bundled cipher reports a page
 * that fails its check but carries on: a connection with a wrong key replays a hot journal into the vault as soon
 * as it reads, and when it closes it checkpoints the WAL into the vault and deletes it, in both cases writing
 * pages it could not decrypt, re-encrypted with the wrong key. So when such a file is present, the key is first
 * tried on a connection that SQLite treats as read-only and unchangeable ({@code immutable=1}): it reads the
 * vault's first page and nothing else, takes no lock, and never opens the WAL, the journal or the shared-memory
 * file. Every file the vault uses is written by Casebook with one key (a passphrase change swaps in a whole new
 * file), so a key that authenticates the first page is the key of the WAL and the journal too.
 */
final class KeyProof {
    private KeyProof() {
    }

    /** True when a crash left work for SQLite to recover, which only the right key may do. */
    static boolean recoveryPending(Path vault) {
        return nonEmpty(Path.of(vault + "-wal")) || nonEmpty(Path.of(vault + "-journal"));
    }

    /** The key-derivation setting with which {@code passphrase} opens the vault, if any does. */
    static Optional<KeyDerivation> fitting(Path vault, Passphrase passphrase) throws SQLException {
        for (KeyDerivation setting : KeyDerivation.TRIED) {
            if (fits(vault, passphrase, setting)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the vault's first page with {@code passphrase} on a read-only, lock-free connection.
     *
     * @return true when the page authenticates and marks the file as a Casebook vault
     */
    static boolean fits(Path vault, Passphrase passphrase, KeyDerivation setting) throws SQLException {
        SQLiteMCConfig config = setting.config(passphrase).build();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        String url = "jdbc:sqlite:" + vault.toUri() + "?immutable=1";
        try (Connection c = config.createConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA application_id")) {
            return rs.next() && rs.getInt(1) == Schema.APPLICATION_ID;
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                return false;
            }
            throw e;
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return Files.exists(file);
        }
    }
}
