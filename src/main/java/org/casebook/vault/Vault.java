package org.casebook.vault;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * One open, unlocked vault: a single SQLCipher v4 file behind one connection.
 *
 * <p>Only {@link #create} makes a new file; {@link #open} refuses anything that is not an existing vault
 * (the driver would otherwise open a missing or 0-byte file as a new, empty database). One connection is
 * shared and guarded by a lock because every connection costs a full key derivation.
 */
public final class Vault implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final int SQLITE_BUSY = 5;

    private final Path file;
    private Passphrase passphrase;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final AuditLog audit;
    private final BlobStore blobs = new BlobStore();
    private int transactionDepth;
    private boolean closed;

    private Vault(Path file, Passphrase passphrase, Connection connection, Clock clock) {
        this.file = file;
        this.passphrase = passphrase;
        this.connection = connection;
        this.audit = new AuditLog(clock);
    }

    /** Creates a new vault file; fails if anything already exists at {@code file}. */
    public static Vault create(Path file, Passphrase passphrase) {
        return create(file, passphrase, Schema.CURRENT_VERSION, Clock.systemUTC());
    }

    static Vault create(Path file, Passphrase passphrase, int schemaVersion, Clock clock) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw VaultException.badInput(target + " already exists. Choose a new file name for the vault.");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("The folder for " + target + " does not exist.");
        }
        Path temp = dir.resolve("." + target.getFileName() + ".creating");
        deleteQuietly(temp);
        try {
            try (Connection c = connect(temp, passphrase)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA secure_delete = ON");
                    s.execute("PRAGMA temp_store = MEMORY");
                    s.execute("BEGIN IMMEDIATE");
                    Schema.migrate(c, schemaVersion);
                    new AuditLog(clock).append(c, "vault-created", "vault",
                            Map.of("schema", schemaVersion, "cipher", "sqlcipher v4"));
                    s.execute("COMMIT");
                }
            }
            VaultFileCheck.requireEncrypted(temp);
            moveNoReplace(temp, target);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the vault: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(Path.of(temp + "-wal"));
            deleteQuietly(Path.of(temp + "-shm"));
        }
        Log.LOG.info("created vault {}", target.getFileName());
        // Opened as created: a vault made at an older schema (by tests of the migrations) stays at it.
        return open(target, passphrase, clock, false);
    }

    /**
     * Loads the database driver and its native library ahead of time (the desktop app calls this in the
     * background while the passphrase is being typed), so that unlocking costs only the key derivation.
     */
    public static void warmUp() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            Log.LOG.warn("could not preload the database driver: {}", e.getClass().getSimpleName());
        }
    }

    /** Opens an existing vault. Never creates or changes a file it cannot unlock. */
    public static Vault open(Path file, Passphrase passphrase) {
        return open(file, passphrase, Clock.systemUTC());
    }

    static Vault open(Path file, Passphrase passphrase, Clock clock) {
        return open(file, passphrase, clock, true);
    }

    private static Vault open(Path file, Passphrase passphrase, Clock clock, boolean upgrade) {
        Path target = file.toAbsolutePath();
        VaultFileCheck.requireOpenable(target);
        Connection c = null;
        try {
            try {
                c = connect(target, passphrase);
            } catch (SQLException e) {
                // The driver applies the key and reads sqlite_master while connecting: a wrong key (or a file
                // that is not an encrypted database) fails right here with SQLITE_NOTADB.
                if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                    throw notUnlocked(target, e);
                }
                throw e;
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            unlockCheck(c, target);
            int version = Schema.version(c);
            if (version > Schema.CURRENT_VERSION) {
                throw VaultException.badInput(target + " was made by a newer version of Casebook (vault format "
                        + version + "; this version reads up to " + Schema.CURRENT_VERSION
                        + "). Update Casebook to open it. The file was not changed.");
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA secure_delete = ON");
                s.execute("PRAGMA temp_store = MEMORY");
                s.execute("PRAGMA synchronous = FULL");
            }
            Vault vault = new Vault(target, copyOf(passphrase), c, clock);
            if (upgrade && version < Schema.CURRENT_VERSION) {
                vault.migrate(version);
            }
            return vault;
        } catch (SQLException e) {
            closeQuietly(c);
            throw translate(e, target);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void unlockCheck(Connection c, Path target) throws SQLException {
        int applicationId;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
            }
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                applicationId = rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw notUnlocked(target, e);
            }
            throw e;
        }
        if (applicationId != Schema.APPLICATION_ID) {
            throw new VaultException(VaultException.Kind.NOT_UNLOCKED,
                    "Wrong passphrase or not a Casebook vault: " + target);
        }
    }

    private static VaultException notUnlocked(Path target, Throwable cause) {
        return new VaultException(VaultException.Kind.NOT_UNLOCKED,
                "Wrong passphrase or not a Casebook vault: " + target, cause);
    }

    private void migrate(int from) {
        write(c -> {
            List<String> applied = Schema.migrate(c, Schema.CURRENT_VERSION);
            audit.append(c, "schema-upgraded", "vault", Map.of("from", from, "to", Schema.CURRENT_VERSION,
                    "migrations", applied));
            return null;
        });
        Log.LOG.info("upgraded vault schema from {} to {}", from, Schema.CURRENT_VERSION);
    }

    /**
     * An <em>unencrypted</em> vault with the same schema and code paths, used only by the benchmarks to
     * measure what the cipher costs. Nothing in the app or the command line can reach it.
     */
    static Vault createUnencryptedForBenchmark(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw VaultException.badInput(target + " already exists.");
        }
        try {
            Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + target);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA secure_delete = ON");
                s.execute("PRAGMA temp_store = MEMORY");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("BEGIN IMMEDIATE");
                Schema.migrate(c, Schema.CURRENT_VERSION);
                s.execute("COMMIT");
            }
            return new Vault(target, Passphrase.of("unencrypted"), c, Clock.systemUTC());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the comparison database: " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, Passphrase passphrase) throws SQLException {
        String key = passphrase.keyText();
        return SQLiteMCSqlCipherConfig.getV4Defaults().withKey(key).build()
                .createConnection("jdbc:sqlite:" + file);
    }

    /** Runs read-only work under the vault's lock. */
    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs work in one write transaction: all of it is committed, or none of it. Nested calls join the
     * outer transaction.
     */
    public <T> T write(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            if (transactionDepth > 0) {
                transactionDepth++;
                try {
                    return work.run(connection);
                } finally {
                    transactionDepth--;
                }
            }
            execute("BEGIN IMMEDIATE");
            transactionDepth = 1;
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                return result;
            } finally {
                transactionDepth = 0;
                if (!committed) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #write} for a large batch of new rows or blobs (an import, attaching files). In WAL mode every page of the batch would be
     * encrypted twice and decrypted once: into the WAL, then out of it and into the vault at the checkpoint.
     * For the batch the vault leaves WAL for SQLite's rollback journal, in which new pages go straight into
     * the vault and only the few existing pages the batch changes are first copied (encrypted, like the vault)
     * into the journal; afterwards it returns to WAL. The batch is exactly as atomic and durable (a crash
     * rolls it back from the journal when the vault next opens). When another connection has the vault open
     * it cannot leave WAL, and the batch is simply written in WAL mode.
     */
    public <T> T bulkWrite(SqlWork<T> work) {
        lock.lock();
        try {
            requireOpen();
            if (transactionDepth > 0) {
                return write(work);
            }
            boolean leftWal = leaveWal();
            try {
                return write(work);
            } finally {
                if (leftWal) {
                    pragma("PRAGMA journal_mode = WAL");
                }
            }
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /** Leaves WAL for the rollback journal; false when another connection has the vault open. */
    private boolean leaveWal() throws SQLException {
        try {
            return "delete".equalsIgnoreCase(pragma("PRAGMA journal_mode = DELETE"));
        } catch (SQLException e) {
            if (e.getErrorCode() == SQLITE_BUSY) {
                return false;
            }
            throw e;
        }
    }

    public AuditLog audit() {
        return audit;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return read(Schema::version);
    }

    public static int currentSchemaVersion() {
        return Schema.CURRENT_VERSION;
    }

    /** SQLite's own structural check of every page (each page's HMAC is checked as it is read). */
    public List<String> integrityCheck() {
        return read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        problems.add(line);
                    }
                }
            }
            return problems;
        });
    }

    /**
     * Changes the passphrase. The bundled cipher cannot rekey safely in WAL mode, so the vault leaves WAL
     * first (which also proves no other program has it open), rekeys, and returns to WAL.
     */
    public void changePassphrase(Passphrase newPassphrase) {
        lock.lock();
        try {
            requireOpen();
            String mode = pragma("PRAGMA journal_mode = DELETE");
            if (!"delete".equalsIgnoreCase(mode)) {
                throw new VaultException(VaultException.Kind.BUSY, "The vault " + file
                        + " is open in another Casebook window or program. Close it there, then change the passphrase.");
            }
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA rekey = '" + newPassphrase.keyText().replace("'", "''") + "'");
            } finally {
                pragma("PRAGMA journal_mode = WAL");
            }
            VaultFileCheck.requireEncrypted(file);
            write(c -> audit.append(c, "passphrase-changed", "vault", Map.of()));
            passphrase.close();
            passphrase = copyOf(newPassphrase);
            confirmOpens(file, newPassphrase);
            Log.LOG.info("changed the passphrase of {}", file.getFileName());
        } catch (SQLException e) {
            throw translate(e, file);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a consistent encrypted copy while the vault stays open. Uses {@code VACUUM INTO} (the driver's
     * backup API has a known corruption bug in this version), then opens and checks the copy before it is
     * moved into place.
     */
    public void backupTo(Path target) {
        Path dest = target.toAbsolutePath();
        if (Files.exists(dest)) {
            throw VaultException.badInput(dest + " already exists. Choose a new file name for the backup.");
        }
        Path dir = dest.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("The folder for " + dest + " does not exist.");
        }
        Path temp = dir.resolve("." + dest.getFileName() + ".writing");
        deleteQuietly(temp);
        try {
            read(c -> {
                try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                    ps.setString(1, temp.toString());
                    ps.execute();
                }
                return null;
            });
            VaultFileCheck.requireEncrypted(temp);
            try (Vault copy = open(temp, passphrase)) {
                List<String> problems = new ArrayList<>(copy.integrityCheck());
                problems.addAll(copy.read(copy.audit::verifyChain));
                if (!problems.isEmpty()) {
                    throw new VaultException(VaultException.Kind.DAMAGED,
                            "The backup copy failed its check (" + problems.get(0) + "); nothing was written to " + dest);
                }
            }
            moveNoReplace(temp, dest);
            write(c -> audit.append(c, "backup-made", "vault", Map.of("file", dest.getFileName().toString())));
        } finally {
            deleteQuietly(temp);
            deleteQuietly(Path.of(temp + "-wal"));
            deleteQuietly(Path.of(temp + "-shm"));
        }
    }

    private static void moveNoReplace(Path from, Path to) {
        try {
            try {
                Files.createLink(to, from);
                Files.delete(from);
            } catch (UnsupportedOperationException | IOException linkFailed) {
                if (linkFailed instanceof FileAlreadyExistsException) {
                    throw linkFailed;
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw VaultException.badInput("Cannot move the finished file into " + to + ": " + e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw VaultException.badInput(to + " already exists. Choose a new file name.");
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write " + to + ": " + e.getMessage());
        }
    }

    private static void confirmOpens(Path file, Passphrase passphrase) {
        try (Vault check = open(file, passphrase)) {
            check.schemaVersion();
        }
    }

    private String pragma(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            Log.LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the vault is locked");
        }
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Locks the vault: closes the connection and wipes the passphrase from memory. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(connection);
            passphrase.close();
        } finally {
            lock.unlock();
        }
    }

    /** Maps the driver's errors to messages a user can act on. */
    static RuntimeException translate(SQLException e, Path file) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new VaultException(VaultException.Kind.DAMAGED, "The vault " + file
                    + " is damaged or was altered outside Casebook (a page failed its authentication check)."
                    + " Use a backup copy.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new VaultException(VaultException.Kind.BUSY, "The vault " + file
                    + " is busy in another Casebook window or program. Close it there and try again.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code || code == SQLiteErrorCode.SQLITE_IOERR.code) {
            return VaultException.badInput("Cannot write to " + file + " (" + e.getMessage()
                    + "). Check there is free disk space. Nothing was changed.");
        }
        return new IllegalStateException("storage error in " + file.getFileName() + ": " + e.getMessage(), e);
    }

    private static Passphrase copyOf(Passphrase p) {
        return Passphrase.of(p.keyText());
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            Log.LOG.warn("closing the vault connection failed: {}", e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            Log.LOG.warn("could not remove temporary file {}", p.getFileName());
        }
    }

    /**
     * The logger, started on first use: starting the logging costs a command-line run ~80 ms, and opening
     * a vault normally logs nothing.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    }
}
