package org.casebook.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/** Shared helpers for tests that work on real encrypted vault files. */
public final class TestVaults {
    /** ASCII on purpose: the raw connections below hand it to the cipher exactly as written. */
    public static final String PASSPHRASE = "correct horse battery staple";
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private TestVaults() {
    }

    public static Passphrase pass() {
        return Passphrase.of(PASSPHRASE);
    }

    public static Vault create(Path dir, String name) {
        return Vault.create(dir.resolve(name), pass());
    }

    public static Vault open(Path file) {
        return Vault.open(file, pass());
    }

    /** A connection straight to the file with the key, bypassing Casebook: for tampering and setup. */
    public static Connection raw(Path file, String key) throws SQLException {
        return SQLiteMCSqlCipherConfig.getV4Defaults().withKey(key).build().createConnection("jdbc:sqlite:" + file);
    }

    /** Runs statements through a raw keyed connection (the vault itself must be closed or not mind). */
    public static void rawExecute(Path file, String... sql) throws SQLException {
        try (Connection c = raw(file, PASSPHRASE); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /**
     * Records in the (closed) vault that {@code path} was being written by a process that has since died, as a
     * crash mid-bundle or mid-export leaves it. {@code kind} is a {@code PendingOutputs.Kind} name.
     */
    public static void recordLeftover(Path vault, String key, Path path, String kind) throws SQLException {
        long deadPid;
        try {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            deadPid = gone.pid();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = raw(vault, key); var ps = c.prepareStatement("INSERT INTO pending_output"
                + "(path, kind, owner_pid, owner_started, started_utc) VALUES (?, ?, ?, NULL, 0)")) {
            ps.setString(1, path.toAbsolutePath().toString());
            ps.setString(2, kind);
            ps.setLong(3, deadPid);
            ps.executeUpdate();
        }
    }

    public static IncidentDraft draft(IncidentType type, ZonedDateTime at, String description) {
        return new IncidentDraft(type, When.exactly(at), description, null, List.of(), null, null);
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var digest = Sha256.newDigest();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
            return Sha256.hex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256OfBytes(byte[] bytes) {
        return Sha256.of(bytes);
    }

    /** The names of every entry in a folder, sorted. */
    public static List<String> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file in a folder (not recursive). */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code size} bytes of a fast deterministic pattern, streamed (never all in memory), and returns
     * their SHA-256.
     */
    public static String writePattern(Path file, long size, long seed) {
        var digest = Sha256.newDigest();
        try (var out = Files.newOutputStream(file)) {
            byte[] block = new byte[1 << 20];
            long x = seed * 0x9E3779B97F4A7C15L + 1;
            long written = 0;
            while (written < size) {
                for (int i = 0; i < block.length; i += 8) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    for (int k = 0; k < 8; k++) {
                        block[i + k] = (byte) (x >>> (8 * k));
                    }
                }
                int n = (int) Math.min(block.length, size - written);
                out.write(block, 0, n);
                digest.update(block, 0, n);
                written += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(digest.digest());
    }
}
