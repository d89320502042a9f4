package org.casebook.vault;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Files being written outside the vault that hold decrypted evidence (a bundle, an export) or a copy of the vault
 * (a backup, a passphrase change). Each is recorded in the vault, committed, before its first byte is written, and
 * forgotten once it is finished (moved into place) or removed. Whatever a crash leaves behind is therefore known to
 * the vault, and removed the next time it is opened ({@link Vault#leftoversRemoved} says what was removed). A
 * program that ends normally but early (the app's quick exit does not wait for a bundle being built) removes its
 * unfinished files as it ends.
 */
public final class PendingOutputs {
    /** What is being written, in words a person understands. */
    public enum Kind {
        BUNDLE("an unfinished bundle", ".part"),
        EXPORT("an unfinished export", ".exporting"),
        VAULT_COPY("an unfinished copy of the vault", ".writing", ".new-passphrase"),
        /** A readable copy of an attachment opened in another program: kept until the app locks or ends. */
        OPENED_COPY("a readable copy of an attachment opened in another program", ".opened"),
        /**
         * The copy of a backup a restore checks before it takes the vault's place. No vault can record it (the
         * destination may not exist yet, or open with another passphrase), so its name carries its writer: see
         * {@link #restoreCopy} and {@link #removeRestoreLeftovers}.
         */
        RESTORE_COPY("an unfinished restore from a backup (an encrypted copy)", ".restoring");

        private final String description;
        private final List<String> suffixes;

        Kind(String description, String... suffixes) {
            this.description = description;
            this.suffixes = List.of(suffixes);
        }

        public String description() {
            return description;
        }

        /**
         * Whether {@code path} is named as Casebook names this kind of file while writing it (hidden, with a
         * telling ending). Only such a path is ever removed: a record altered to name another file removes nothing.
         */
        boolean names(Path path) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            return name.startsWith(".") && suffixes.stream().anyMatch(name::endsWith);
        }
    }

    /** A leftover found at open: what it was, where, and whether it could be removed. */
    public record Leftover(Kind kind, Path path, boolean removed) {
        /** One line for the person: what was removed (or could not be), and where. */
        public String message() {
            String what = kind.description();
            return removed
                    ? "Removed " + what + " that an interrupted run of Casebook left behind: " + path
                    : "Could not remove " + what + " that an interrupted run of Casebook left behind: " + path
                            + ". Delete it yourself: it may hold evidence in readable form.";
        }
    }

    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingOutputs::removeUnfinished, "casebook-unfinished-files"));
    }

    private final Vault vault;
    private final Clock clock;

    PendingOutputs(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Records that {@code path} is about to be written, in a transaction of its own that is committed before this
     * returns. The caller creates the file (or folder) only after this, and closes the returned handle when it is
     * done: closing removes whatever is still at {@code path} (so a file the caller moved into place is kept) and
     * forgets the record.
     */
    public Pending begin(Kind kind, Path path) {
        Path target = path.toAbsolutePath();
        if (!kind.names(target)) {
            throw new IllegalArgumentException(target + " is not named as an unfinished " + kind + " is");
        }
        vault.writeCommitted(c -> {
            record(c, kind, target);
            return null;
        });
        UNFINISHED.add(target);
        return new Pending(vault, target);
    }

    /** One file being written; see {@link #begin}. */
    public static final class Pending implements AutoCloseable {
        /** The vault holding its record; null for a file that carries its owner in its name. */
        private final Vault vault;
        private final Path path;
        private boolean closed;

        private Pending(Vault vault, Path path) {
            this.vault = vault;
            this.path = path;
        }

        public Path path() {
            return path;
        }

        /** Removes what is left at the path (nothing, once it was moved into place) and forgets the record. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            boolean gone = removeQuietly(path);
            UNFINISHED.remove(path);
            if (gone && vault != null && vault.isOpen()) {
                try {
                    vault.write(c -> {
                        forget(c, path);
                        return null;
                    });
                } catch (RuntimeException e) {
                    // The work itself is done; the record stays, and the next open finds nothing left to remove.
                    LoggerFactory.getLogger(PendingOutputs.class).warn("could not forget a finished output: {}",
                            e.getMessage());
                }
            }
        }
    }

    /** Forgets the record of {@code path} in the caller's transaction (in a copy of the vault, its own record). */
    static void forget(Connection c, Path path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_output WHERE path = ?")) {
            ps.setString(1, path.toAbsolutePath().toString());
            ps.executeUpdate();
        }
    }

    /**
     * Removes what earlier runs left behind: every recorded path whose writer is no longer running. Called when
     * the vault is opened; writes to the vault only when there is something to forget.
     */
    static List<Leftover> removeLeftovers(Vault vault) {
        List<Row> rows = vault.read(c -> {
            List<Row> out = new ArrayList<>();
            if (Schema.version(c) < 7) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT path, kind, owner_pid, owner_started FROM pending_output ORDER BY started_utc");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long started = rs.getLong(4);
                    out.add(new Row(Path.of(rs.getString(1)), Kind.valueOf(rs.getString(2)), rs.getLong(3),
                            rs.wasNull() ? null : started));
                }
            }
            return out;
        });
        List<Leftover> found = new ArrayList<>();
        List<Path> forgotten = new ArrayList<>();
        for (Row row : rows) {
            if (!row.kind.names(row.path)) {
                LoggerFactory.getLogger(PendingOutputs.class).warn("a pending output is not named as Casebook names"
                        + " one; it is forgotten, not removed");
                forgotten.add(row.path);
                continue;
            }
            if (row.ownerRunning()) {
                continue;
            }
            boolean existed = exists(row);
            boolean gone = removeQuietly(row.path);
            if (existed) {
                found.add(new Leftover(row.kind, row.path, gone));
            }
            if (gone) {
                forgotten.add(row.path);
            }
        }
        if (!forgotten.isEmpty()) {
            vault.write(c -> {
                for (Path p : forgotten) {
                    forget(c, p);
                }
                return null;
            });
        }
        return found;
    }

    private void record(Connection c, Kind kind, Path path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO pending_output"
                + "(path, kind, owner_pid, owner_started, started_utc) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, path.toString());
            ps.setString(2, kind.name());
            ProcessOwner self = ProcessOwner.self();
            ps.setLong(3, self.pid());
            if (self.startedMillis() != null) {
                ps.setLong(4, self.startedMillis());
            } else {
                ps.setNull(4, java.sql.Types.INTEGER);
            }
            ps.setLong(5, clock.millis());
            ps.executeUpdate();
        }
    }

    /**
     * Where a restore to {@code vaultFile} puts the backup's copy while it checks it: hidden beside the vault, named
     * for the vault and for this process. Closing the returned handle removes what is left there.
     */
    public static Pending restoreCopy(Path vaultFile) {
        Path target = vaultFile.toAbsolutePath();
        Path copy = target.resolveSibling("." + target.getFileName() + "." + ProcessOwner.self().tag()
                + Kind.RESTORE_COPY.suffixes.get(0));
        UNFINISHED.add(copy);
        return new Pending(null, copy);
    }

    /**
     * Removes the copies that restores to {@code vaultFile} left behind when they were killed (or the power went):
     * each one whose writer is no longer running. Called when the vault is opened and when a restore to it starts.
     */
    public static List<Leftover> removeRestoreLeftovers(Path vaultFile) {
        Path target = vaultFile.toAbsolutePath();
        Path folder = target.getParent();
        String prefix = "." + target.getFileName() + ".";
        String suffix = Kind.RESTORE_COPY.suffixes.get(0);
        List<Leftover> found = new ArrayList<>();
        if (folder == null) {
            return found;
        }
        try (java.nio.file.DirectoryStream<Path> names = java.nio.file.Files.newDirectoryStream(folder,
                p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(prefix) && n.endsWith(suffix);
                })) {
            for (Path p : names) {
                String n = p.getFileName().toString();
                Optional<ProcessOwner> owner = ProcessOwner.fromTag(
                        n.substring(prefix.length(), n.length() - suffix.length()));
                if (owner.isPresent() && !owner.get().running() && !UNFINISHED.contains(p)) {
                    found.add(new Leftover(Kind.RESTORE_COPY, p, removeQuietly(p)));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            LoggerFactory.getLogger(PendingOutputs.class).warn("could not look for unfinished restores: {}",
                    e.getMessage());
        }
        return found;
    }

    private record Row(Path path, Kind kind, long pid, Long started) {
        /** The writer is still at work: the same process (same id, same start time) is alive. */
        boolean ownerRunning() {
            if (pid == ProcessOwner.self().pid()) {
                return UNFINISHED.contains(path);
            }
            return new ProcessOwner(pid, started).running();
        }
    }

    private static boolean exists(Row row) {
        for (Path p : withSideFiles(row.path)) {
            if (java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the path and, for a copy of the vault, its journal files. True when nothing is left. */
    private static boolean removeQuietly(Path path) {
        boolean gone = true;
        for (Path p : withSideFiles(path)) {
            try {
                PrivateFiles.deleteTree(p);
            } catch (IOException e) {
                gone = false;
                LoggerFactory.getLogger(PendingOutputs.class).warn("could not remove the unfinished {}: {}",
                        p.getFileName(), e.getMessage());
            }
        }
        return gone;
    }

    private static List<Path> withSideFiles(Path path) {
        return List.of(path, Path.of(path + "-journal"), Path.of(path + "-wal"), Path.of(path + "-shm"));
    }

    private static void removeUnfinished() {
        for (Path p : UNFINISHED) {
            removeQuietly(p);
        }
    }
}
