package org.casebook.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCConfig;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * A vault that cannot be written: on a read-only disk or USB stick (write-protected, a CD, a share mounted
 * read-only), or a file or folder without write permission. It is opened for reading only, so the evidence can
 * still be looked at, searched, verified and copied, and every change is refused with one message saying why.
 */
final class ReadOnlyMedium {
    private ReadOnlyMedium() {
    }

    /** Whether the vault, or the folder it is in (where SQLite keeps its WAL and shared-memory files), is read-only. */
    static boolean applies(Path vault) {
        Path folder = vault.getParent();
        return !Files.isWritable(vault) || folder == null || !Files.isWritable(folder);
    }

    /**
     * A read-only connection. SQLite reads a WAL-mode file read-only only where it can make the shared-memory file;
     * on a read-only medium it cannot, and the vault (closed cleanly, with no WAL beside it) is read as unchangeable.
     */
    static Connection connect(Path vault, Passphrase passphrase, KeyDerivation setting) throws SQLException {
        try {
            return connect(vault, passphrase, setting, "mode=ro");
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) != SQLiteErrorCode.SQLITE_CANTOPEN.code || walHoldsWork(vault)) {
                throw e;
            }
            return connect(vault, passphrase, setting, "immutable=1");
        }
    }

    private static Connection connect(Path vault, Passphrase passphrase, KeyDerivation setting, String mode)
            throws SQLException {
        SQLiteMCConfig config = setting.config(passphrase).build();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection("jdbc:sqlite:" + vault.toUri() + "?" + mode);
    }

    private static boolean walHoldsWork(Path vault) {
        try {
            Path wal = Path.of(vault + "-wal");
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** An older vault must be upgraded before it can be read, which needs writing. */
    static VaultException cannotUpgrade(Path vault) {
        return VaultException.badInput("The vault " + vault + " was made by an older version of Casebook and must be"
                + " upgraded before it can be read, but it is on a read-only disk or in a folder Casebook cannot"
                + " write to. Copy it to a folder you can write to and open that copy. Nothing was changed.");
    }

    /** Why nothing can be changed, and what to do. */
    static VaultException refusal(Path vault) {
        return VaultException.badInput("The vault " + vault + " is on a read-only disk or in a folder Casebook"
                + " cannot write to, so it can be read but not changed. To add to it, copy it to a folder you can"
                + " write to (or make the disk writable) and open that copy. Nothing was changed.");
    }
}
