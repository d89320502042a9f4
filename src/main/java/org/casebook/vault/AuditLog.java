package org.casebook.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.model.AuditEntry;

/**
 * The hash-chained audit log. Every row stores the SHA-256 of its predecessor and of its own content;
 * {@link #verifyChain} recomputes the chain so that an edit to any row, made through SQL with the key,
 * is found and named.
 */
public final class AuditLog {
    /** The predecessor hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends an entry in the caller's transaction. {@code detail} is stored as canonical JSON. */
    public AuditEntry append(Connection c, String action, String subject, Map<String, ?> detail)
            throws SQLException {
        String detailJson = toJson(detail);
        String prev = headHash(c);
        long seq = nextSeq(c);
        Instant at = clock.instant();
        String hash = entryHash(seq, at.toEpochMilli(), action, subject, detailJson, prev);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit(seq, at_utc, action, subject, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?)")) {
            ps.setLong(1, seq);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detailJson);
            ps.setString(6, prev);
            ps.setString(7, hash);
            ps.executeUpdate();
        }
        return new AuditEntry(seq, at, action, subject, detailJson, prev, hash);
    }

    /** The hash of the newest entry: the chain's head, printed in bundles. */
    public String headHash(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : GENESIS;
        }
    }

    public List<AuditEntry> entriesFor(Connection c, String subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, at_utc, action, subject, detail, prev_hash, hash FROM audit WHERE subject = ? ORDER BY seq")) {
            ps.setString(1, subject);
            return read(ps);
        }
    }

    public List<AuditEntry> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, at_utc, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq")) {
            return read(ps);
        }
    }

    /**
     * Walks the whole chain. Returns one line per broken entry (empty when intact), each naming the
     * entry's sequence number and what does not match.
     */
    public List<String> verifyChain(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT seq, at_utc, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq")) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String prev = rs.getString(6);
                String hash = rs.getString(7);
                if (seq != expectedSeq) {
                    problems.add("audit entry " + expectedSeq + (seq > expectedSeq
                            ? " is missing (the log jumps to entry " + seq + ")"
                            : " is out of order"));
                }
                if (!expectedPrev.equals(prev)) {
                    problems.add("audit entry " + seq + " does not link to the entry before it");
                }
                String recomputed = entryHash(seq, rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), prev);
                if (!recomputed.equals(hash)) {
                    problems.add("audit entry " + seq + " (" + rs.getString(3) + " " + rs.getString(4)
                            + ") was altered after it was written");
                }
                expectedPrev = hash;
                expectedSeq = seq + 1;
            }
        }
        return problems;
    }

    public long size(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM audit")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String entryHash(long seq, long atUtc, String action, String subject, String detail, String prev) {
        return Sha256.of(prev + "\n" + seq + "\n" + atUtc + "\n" + action + "\n" + subject + "\n" + detail);
    }

    public static String toJson(Map<String, ?> detail) {
        return Json.write(detail == null ? Map.of() : detail);
    }

    private static long nextSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<AuditEntry> read(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }
}
