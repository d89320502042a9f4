package org.casebook.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;

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
    /** How the passphrase became the key; replaced only by a passphrase change. */
    private KeyDerivation keyDerivation;
    /** Replaced only by a passphrase change, which swaps in a new file. */
    private Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final AuditLog audit;
    private final BlobStore blobs = new BlobStore();
    private final PendingOutputs pendingOutputs;
    private List<PendingOutputs.Leftover> leftoversRemoved = List.of();
    private int transactionDepth;
    private boolean closed;
    private boolean readOnly;

    private Vault(Path file, Passphrase passphrase, KeyDerivation keyDerivation, Connection connection, Clock clock) {
        this.file = file;
        this.passphrase = passphrase;
        this.keyDerivation = keyDerivation;
        this.connection = connection;
        this.audit = new AuditLog(clock);
        this.pendingOutputs = new PendingOutputs(this, clock);
    }

    /** Creates a new vault file; fails if anything already exists at {@code file}. */
    public static Vault create(Path file, Passphrase passphrase) {
        return create(file, passphrase, KeyDerivation.STANDARD);
    }

    /** Creates a new vault whose key is derived from {@code passphrase} with {@code keyDerivation}. */
    public static Vault create(Path file, Passphrase passphrase, KeyDerivation keyDerivation) {
        return create(file, passphrase, keyDerivation, Schema.CURRENT_VERSION, Clock.systemUTC());
    }

    static Vault create(Path file, Passphrase passphrase, int schemaVersion, Clock clock) {
        return create(file, passphrase, KeyDerivation.STANDARD, schemaVersion, clock);
    }

    static Vault create(Path file, Passphrase passphrase, KeyDerivation keyDerivation, int schemaVersion, Clock clock) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw VaultException.badInput(target + " already exists. Choose a new file name for the vault.");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw VaultException.badInput("The folder for " + target + " does not exist.");
        }
        DatabaseEngine.require();
        Path temp = dir.resolve("." + target.getFileName() + ".creating");
        deleteQuietly(temp);
        try {
            try (Connection c = connect(temp, passphrase, keyDerivation)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA foreign_keys = ON");
                    s.execute("PRAGMA secure_delete = ON");
                    s.execute("PRAGMA temp_store = MEMORY");
                    s.execute("BEGIN IMMEDIATE");
                    Schema.migrate(c, schemaVersion);
                    Map<String, Object> created = new java.util.LinkedHashMap<>();
                    created.put("schema", schemaVersion);
                    created.put("cipher", "sqlcipher v4");
                    created.put("kdf_iterations", keyDerivation.iterations());
                    if (schemaVersion >= SigningKeys.SINCE) { // the key bundles are signed with, made with the vault
                        created.put("signing_public_key_sha256", SigningKeys.create(c, clock));
                    }
                    new AuditLog(clock).append(c, "vault-created", "vault", created);
                    s.execute("COMMIT");
                }
            }
            VaultFileCheck.requireEncrypted(temp);
            PrivateFiles.restrict(temp);
            moveNoReplace(temp, target);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write " + target + ": " + e.getMessage());
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

    /**
     * Checks, before any passphrase is asked for, that {@code file} can be a vault: it exists, and is not empty,
     * a plain database, or clearly something else (a photo, a PDF ...). Throws the exception {@link #open} would.
     */
    public static void requireOpenable(Path file) {
        VaultFileCheck.requireOpenable(file.toAbsolutePath());
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
        DatabaseEngine.require();
        // A passphrase change replaces the file in one rename. A program that opened the old file just before
        // the rename would otherwise work on a file that is no longer the vault: if the file changed while it
        // was being opened, open it again.
        for (int attempt = 1; ; attempt++) {
            Object before = identity(target);
            Vault vault;
            try {
                vault = openOnce(target, passphrase, clock, upgrade);
            } catch (VaultException e) {
                if (attempt < 3 && !Objects.equals(before, identity(target))) {
                    continue;
                }
                throw e;
            }
            if (attempt < 3 && !Objects.equals(before, identity(target))) {
                vault.close();
                continue;
            }
            return vault;
        }
    }

    private static Vault openOnce(Path target, Passphrase passphrase, Clock clock, boolean upgrade) {
        VaultFileCheck.requireOpenable(target);
        Connection c = null;
        try {
            // After a crash, only the right key may let SQLite recover the WAL or journal: prove it first.
            List<KeyDerivation> settings = KeyDerivation.TRIED;
            if (KeyProof.recoveryPending(target)) {
                settings = List.of(KeyProof.fitting(target, passphrase).orElseThrow(() -> notUnlocked(target, null)));
            }
            boolean readOnly = ReadOnlyMedium.applies(target);
            KeyDerivation keyDerivation = null;
            VaultException wrongKey = null;
            for (KeyDerivation setting : settings) {
                try {
                    c = unlocked(target, passphrase, setting, readOnly);
                    keyDerivation = setting;
                    break;
                } catch (VaultException e) {
                    if (e.kind() != VaultException.Kind.NOT_UNLOCKED) {
                        throw e;
                    }
                    wrongKey = e;
                }
            }
            if (c == null) {
                throw wrongKey;
            }
            int version = Schema.version(c);
            if (version > Schema.CURRENT_VERSION) {
                throw VaultException.badInput(target + " was made by a newer version of Casebook (vault format "
                        + version + "; this version reads up to " + Schema.CURRENT_VERSION
                        + "). Update Casebook to open it. The file was not changed.");
            }
            if (!readOnly) {
                WalMode.restore(c, target);
            }
            configure(c);
            Vault vault = new Vault(target, copyOf(passphrase), keyDerivation, c, clock);
            vault.readOnly = readOnly;
            c = null; // the vault owns it now
            try {
                if (upgrade && version < Schema.CURRENT_VERSION) {
                    if (readOnly) {
                        throw ReadOnlyMedium.cannotUpgrade(target);
                    }
                    vault.migrate(version);
                }
                if (!readOnly) {
                    List<PendingOutputs.Leftover> leftovers = new ArrayList<>(PendingOutputs.removeLeftovers(vault));
                    leftovers.addAll(PendingOutputs.removeRestoreLeftovers(target));
                    vault.leftoversRemoved = List.copyOf(leftovers);
                }
            } catch (RuntimeException e) {
                vault.close();
                throw e;
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

    /**
     * Connects with one key-derivation setting and checks the key opened a Casebook vault; a wrong passphrase (or
     * setting) fails with {@link VaultException.Kind#NOT_UNLOCKED} and leaves nothing open.
     */
    private static Connection unlocked(Path target, Passphrase passphrase, KeyDerivation setting, boolean readOnly)
            throws SQLException {
        Connection c;
        try {
            c = readOnly ? ReadOnlyMedium.connect(target, passphrase, setting) : connect(target, passphrase, setting);
        } catch (SQLException e) {
            // The driver applies the key and reads sqlite_master while connecting: a wrong key (or a file
            // that is not an encrypted database) fails right here with SQLITE_NOTADB.
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw notUnlocked(target, e);
            }
            throw e;
        }
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            }
            unlockCheck(c, target);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The settings every connection to an unlocked vault runs with. */
    private static void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
            s.execute("PRAGMA temp_store = MEMORY");
            s.execute("PRAGMA synchronous = FULL");
        }
        DiskFaults.apply(c);
    }

    /** The file system's identity of the file (its inode), or null where the file system has none. */
    private static Object identity(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
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
        return new VaultException(VaultException.Kind.NOT_UNLOCKED, VaultFileCheck.notUnlockedMessage(target), cause);
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
            return new Vault(target, Passphrase.of("unencrypted"), KeyDerivation.STANDARD, c, Clock.systemUTC());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the comparison database: " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, Passphrase passphrase, KeyDerivation keyDerivation)
            throws SQLException {
        return keyDerivation.config(passphrase).build().createConnection("jdbc:sqlite:" + file);
    }

    /**
     * Whether {@code candidate} is this vault's passphrase: asked before a passphrase change, so that someone at an
     * unlocked computer cannot lock its owner out. Compared with the passphrase the vault was unlocked with, without
     * a second key derivation.
     */
    public boolean isPassphrase(Passphrase candidate) {
        lock.lock();
        try {
            requireOpen();
            return passphrase.sameAs(candidate);
        } finally {
            lock.unlock();
        }
    }

    /** How this vault's passphrase becomes its key. */
    public KeyDerivation keyDerivation() {
        lock.lock();
        try {
            return keyDerivation;
        } finally {
            lock.unlock();
        }
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
            if (readOnly) {
                throw ReadOnlyMedium.refusal(file);
            }
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
                CrashPoints.reached("commit");
                execute("COMMIT");
                committed = true;
                CrashPoints.reached("committed");
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

    /**
     * {@link #write}, never joined to an outer transaction: the work is committed when this returns (a record
     * that must be on disk before what it describes is written).
     */
    <T> T writeCommitted(SqlWork<T> work) {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                throw new IllegalStateException("this write must be committed on its own, not inside another");
            }
            return write(work);
        } finally {
            lock.unlock();
        }
    }

    public AuditLog audit() {
        return audit;
    }

    /** The files being written outside the vault, recorded so that a crash does not leave them behind. */
    public PendingOutputs pendingOutputs() {
        return pendingOutputs;
    }

    /**
     * What earlier runs left behind (an unfinished bundle, export, restore or copy of the vault) and opening the vault
     * removed. The command line prints a line for each, the app shows them.
     */
    public List<PendingOutputs.Leftover> leftoversRemoved() {
        return leftoversRemoved;
    }

    /** Adds what was removed on the way to opening this vault (a restore clears earlier restores first). */
    public void addLeftoversRemoved(List<PendingOutputs.Leftover> earlier) {
        List<PendingOutputs.Leftover> all = new ArrayList<>(earlier);
        all.addAll(leftoversRemoved);
        leftoversRemoved = List.copyOf(all);
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
     * The pages of this vault's file whose authentication code does not match, free pages included (empty when
     * every page is as the cipher wrote it). For a file nothing else is writing, a backup or the copy a restore
     * checks: {@link #integrityCheck} reads only the pages in use.
     */
    public List<String> pageCheck() {
        lock.lock();
        try {
            requireOpen();
            return PageAuthentication.check(file, passphrase, keyDerivation);
        } catch (IOException e) {
            return List.of("its pages could not be read: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the passphrase, all or nothing. The bundled cipher rekeys a file in place, page by page, and cannot
     * recover from a crash midway: its journal keeps the old pages in the old key while the file may already carry
     * the new key's salt, and then neither passphrase opens it. So the change is made on a copy, which gets the new
     * key and the audit entry recording the change, is checked, and then replaces the vault in one atomic rename.
     * A crash before the rename leaves the vault as it was, with the old passphrase and no entry (the copy was
     * recorded as a pending output, and the next open removes it); after the rename the vault opens with the new
     * passphrase only, and its audit log says so. From the start of the copy until the rename, the vault is held
     * exclusively, so no other program can write to the file that is about to be replaced.
     */
    public void changePassphrase(Passphrase newPassphrase) {
        changePassphrase(newPassphrase, keyDerivation());
    }

    /** {@link #changePassphrase(Passphrase)}, deriving the new key with {@code newKeyDerivation}. */
    public void changePassphrase(Passphrase newPassphrase, KeyDerivation newKeyDerivation) {
        lock.lock();
        try {
            requireOpen();
            CrashPoints.reached("started");
            Path copy = file.resolveSibling("." + file.getFileName() + ".new-passphrase");
            PendingOutputs.Pending pending = holdExclusively(copy);
            boolean swapped = false;
            try {
                CrashPoints.reached("copy-recorded");
                PrivateFiles.deleteTree(copy);
                PrivateFiles.createFile(copy);
                vacuumInto(copy);
                CrashPoints.reached("copied");
                rekeyCopy(copy, newPassphrase, newKeyDerivation);
                CrashPoints.reached("copy-rekeyed");
                swapIn(copy, newPassphrase, newKeyDerivation);
                swapped = true;
            } finally {
                if (!swapped && connection != null) {
                    releaseExclusively();
                }
                pending.close();
            }
            passphrase.close();
            passphrase = copyOf(newPassphrase);
            keyDerivation = newKeyDerivation;
            Log.LOG.info("changed the passphrase of {}", file.getFileName());
        } catch (SQLException e) {
            throw translate(e, file);
        } catch (IOException e) {
            throw VaultException.badInput("Cannot change the passphrase of " + file + ": " + e.getMessage()
                    + ". Nothing was changed.");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the vault for this connection alone and records the copy about to be made. The record is the first
     * write in exclusive locking mode, so it takes (and from then on holds) the file lock; it fails at once if
     * another program has the vault open.
     */
    private PendingOutputs.Pending holdExclusively(Path copy) throws SQLException {
        execute("PRAGMA busy_timeout = 0");
        pragma("PRAGMA locking_mode = EXCLUSIVE");
        try {
            return pendingOutputs.begin(PendingOutputs.Kind.VAULT_COPY, copy);
        } catch (VaultException e) {
            releaseExclusively();
            if (e.kind() == VaultException.Kind.BUSY) {
                throw new VaultException(VaultException.Kind.BUSY, "The vault " + file + " is open in another"
                        + " Casebook window or program. Close it there, then change the passphrase.", e);
            }
            throw e;
        } finally {
            execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        }
    }

    private void releaseExclusively() {
        try {
            pragma("PRAGMA locking_mode = NORMAL");
            pragma("SELECT count(*) FROM sqlite_master"); // the lock is released at the next access
        } catch (SQLException e) {
            Log.LOG.warn("could not release the vault's exclusive lock: {}", e.getMessage());
        }
    }

    /** Copies the vault into {@code copy}, an empty file made by the caller (readable by its owner only). */
    private void vacuumInto(Path copy) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, copy.toString());
            ps.execute();
        }
        VaultFileCheck.requireEncrypted(copy);
    }

    /**
     * In the copy: forgets the copy's own pending record and appends the audit entry, then rekeys it and returns
     * it to WAL mode; then checks that the new passphrase opens it and that the entry is its newest.
     */
    private void rekeyCopy(Path copy, Passphrase newPassphrase, KeyDerivation newKeyDerivation)
            throws SQLException, IOException {
        try (Connection c = connect(copy, passphrase, keyDerivation); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            PendingOutputs.forget(c, copy);
            audit.append(c, "passphrase-changed", "vault", Map.of("kdf_iterations", newKeyDerivation.iterations()));
            s.execute("COMMIT");
            // The new key is derived with the cipher's parameters as they are when the rekey runs.
            s.execute("PRAGMA kdf_iter = " + newKeyDerivation.iterations());
            s.execute("PRAGMA rekey = '" + newPassphrase.keyText().replace("'", "''") + "'");
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
        }
        VaultFileCheck.requireEncrypted(copy);
        try (Connection c = connect(copy, newPassphrase, newKeyDerivation)) {
            unlockCheck(c, copy);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT action FROM audit ORDER BY seq DESC LIMIT 1")) {
                if (!rs.next() || !"passphrase-changed".equals(rs.getString(1))) {
                    throw new IllegalStateException("the rekeyed copy of the vault lacks its audit entry");
                }
            }
        }
        PrivateFiles.copyPermissions(file, copy);
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Closes the vault's connection (which checkpoints and removes its WAL: it is the only one), renames the copy
     * over the vault and connects to it with the new passphrase. If the rename fails, the vault is reopened as it
     * was.
     */
    private void swapIn(Path copy, Passphrase newPassphrase, KeyDerivation newKeyDerivation)
            throws SQLException, IOException {
        closeQuietly(connection);
        connection = null;
        CrashPoints.reached("closed");
        try {
            if (KeyProof.recoveryPending(file)) {
                throw new IOException("the vault's journal could not be closed");
            }
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(file.getParent());
        } catch (IOException e) {
            connection = reconnectOrLock(passphrase, keyDerivation);
            throw e;
        }
        CrashPoints.reached("replaced");
        connection = reconnectOrLock(newPassphrase, newKeyDerivation);
        CrashPoints.reached("reopened");
    }

    /** Connects again after a swap; if even that fails, the vault is locked and has to be opened anew. */
    private Connection reconnectOrLock(Passphrase key, KeyDerivation setting) throws SQLException {
        try {
            return reconnect(key, setting);
        } catch (SQLException | RuntimeException e) {
            closed = true;
            passphrase.close();
            throw e;
        }
    }

    private Connection reconnect(Passphrase key, KeyDerivation setting) throws SQLException {
        Connection c = connect(file, key, setting);
        try {
            configure(c);
            unlockCheck(c, file);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Makes a rename in {@code folder} durable, where the platform can (a folder cannot be opened on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            Log.LOG.debug("could not sync the folder {}: {}", folder, e.getMessage());
        }
    }

    /**
     * Writes a consistent encrypted copy while the vault stays open. Uses {@code VACUUM INTO} (the driver's
     * backup API has a known corruption bug in this version), then opens and checks the copy before it is
     * moved into place. The copy is recorded as a pending output while it is written, so that a crash does not
     * leave it behind.
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
        try (PendingOutputs.Pending pending = pendingOutputs.begin(PendingOutputs.Kind.VAULT_COPY, temp)) {
            PrivateFiles.deleteTree(temp);
            PrivateFiles.createFile(temp);
            read(c -> {
                try {
                    vacuumInto(temp);
                } catch (SQLException e) {
                    // The backup's disk is full, not the vault's: name the backup.
                    if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_FULL.code) {
                        throw VaultException.badInput("Cannot write the backup to " + dest + ": " + DiskFull.ADVICE
                                + ". The vault was not changed.");
                    }
                    throw e;
                }
                return null;
            });
            CrashPoints.reached("backup-copied");
            try (Vault copy = open(temp, passphrase)) {
                copy.write(c -> {
                    PendingOutputs.forget(c, temp);
                    return null;
                });
                List<String> problems = new ArrayList<>(copy.integrityCheck());
                problems.addAll(copy.read(copy.audit::verifyChain));
                problems.addAll(copy.pageCheck());
                if (!problems.isEmpty()) {
                    throw new VaultException(VaultException.Kind.DAMAGED,
                            "The backup copy failed its check (" + problems.get(0) + "); nothing was written to " + dest);
                }
            }
            CrashPoints.reached("backup-checked");
            moveNoReplace(temp, dest);
            CrashPoints.reached("backup-moved");
            write(c -> audit.append(c, "backup-made", "vault", Map.of("file", dest.getFileName().toString())));
        } catch (IOException e) {
            throw VaultException.badInput("Cannot write " + dest + ": " + e.getMessage());
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
            // SQLite itself rolls back a transaction that hit a full disk; there is then nothing left to undo.
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                Log.LOG.warn("rollback failed: {}", e.getMessage());
            }
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

    /** Whether the vault could only be opened for reading (a read-only disk or folder); every change is refused. */
    public boolean isReadOnly() {
        return readOnly;
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
            // A closed connection still holds the key text the driver was given: let it go with the connection.
            connection = null;
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
        if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            return ReadOnlyMedium.refusal(file);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return VaultException.badInput("Cannot write to " + file + ": " + DiskFull.ADVICE + ". Nothing was changed.");
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            return VaultException.badInput("Cannot write to " + file + " (" + e.getMessage()
                    + "). Check there is free disk space. Nothing was changed.");
        }
        return new IllegalStateException("storage error in " + file.getFileName() + ": " + e.getMessage(), e);
    }

    private static Passphrase copyOf(Passphrase p) {
        return p.copy();
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
