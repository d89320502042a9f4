package org.casebook.evidence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Sha256;
import org.casebook.vault.Sha256Writer;
import org.casebook.vault.Vault;

/**
 * Writes many items in the caller's write transaction (an import of a million messages, say): rows sent
 * to the database in batches, the search index built a batch of rows at a time, and one audit entry for the
 * whole batch whose digest covers every row's state, so {@code verify} still detects a change to any of them.
 * Rows just added may still wait in the current batch: {@link #flush} before reading or linking them.
 *
 * <p>Encryption makes every page that leaves SQLite's page cache cost a cipher pass, and a page read back
 * another. So while the writer works the connection's page cache is raised (to {@value #BULK_CACHE_KIB} KiB,
 * outside the Java heap; {@link #finish} puts it back), and rows are indexed for search every
 * {@value #INDEX_BATCH} rows, while their pages are still in that cache, instead of all read back at the end.
 *
 * <pre>{@code
 * vault.bulkWrite(c -> {
 *     BulkItemWriter writer = new BulkItemWriter(vault, c);
 *     rows.forEach(writer::add);
 *     return writer.finish("messages-imported", Map.of("file", name));
 * });
 * }</pre>
 */
public final class BulkItemWriter {
    /** Rows indexed for search at a time. */
    static final int INDEX_BATCH = 20_000;
    /** The page cache while a bulk write runs, in KiB (SQLite's default is 2,000). */
    static final int BULK_CACHE_KIB = 128 * 1024;

    private final Vault vault;
    private final Connection connection;
    private final ItemInserter inserter;
    private final MessageDigest digest = Sha256.newDigest();
    private final Preparer preparer = new Preparer();
    private final String cacheSizeBefore;
    private long firstId = -1;
    private long lastId = -1;
    private long unindexedFrom = -1;
    private long count;

    public BulkItemWriter(Vault vault, Connection connection) throws SQLException {
        this.vault = vault;
        this.connection = connection;
        this.inserter = ItemInserter.batched(connection);
        String before = pragma(connection, "PRAGMA cache_size");
        if (cacheBytes(before) < BULK_CACHE_KIB * 1024L) {
            pragma(connection, "PRAGMA cache_size = -" + BULK_CACHE_KIB);
            cacheSizeBefore = before;
        } else {
            cacheSizeBefore = null;
        }
    }

    /** Inserts one row; returns its id. */
    public long add(ItemRow row) throws SQLException {
        return add(preparer.prepare(row));
    }

    /** Inserts a row prepared (on any thread) by a {@link Preparer}; returns its id. */
    public long add(PreparedRow p) throws SQLException {
        long id = inserter.insert(p.row, p.atUtc, p.atZone, p.atLocal, p.textUtf8, p.extraUtf8);
        if (firstId < 0) {
            firstId = id;
        }
        if (unindexedFrom < 0) {
            unindexedFrom = id;
        }
        lastId = id;
        count++;
        digest.update(p.stateHex);
        if (lastId - unindexedFrom + 1 >= INDEX_BATCH) {
            indexPending();
        }
        return id;
    }

    /**
     * A row with what the writer stores and hashes for it worked out: its time columns, its state hash
     * ({@link ItemState#ofRow}, as hex) and its text and details as UTF-8, so that a bulk import can do that
     * work on another thread.
     */
    public static final class PreparedRow {
        private final ItemRow row;
        private final long atUtc;
        private final String atZone;
        private final String atLocal;
        private final byte[] stateHex = new byte[64];
        private final byte[] textUtf8;
        private final byte[] extraUtf8;

        private PreparedRow(ItemRow row, long atUtc, String atZone, String atLocal) {
            this.row = row;
            this.atUtc = atUtc;
            this.atZone = atZone;
            this.atLocal = atLocal;
            this.textUtf8 = row.text() == null ? null : row.text().getBytes(StandardCharsets.UTF_8);
            this.extraUtf8 = row.extra() == null ? null : row.extra().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Prepares rows for {@link #add(PreparedRow)}, reusing its buffers: one per thread. */
    public static final class Preparer {
        private final ItemState.Hasher states = new ItemState.Hasher();
        private LocalDateTime lastLocal;
        private String lastLocalText;

        public PreparedRow prepare(ItemRow row) {
            ZonedDateTime at = row.at();
            LocalDateTime local = at.toLocalDateTime();
            if (!local.equals(lastLocal)) { // messages often share their minute
                lastLocal = local;
                lastLocalText = local.toString();
            }
            PreparedRow p = new PreparedRow(row, at.toInstant().toEpochMilli(), at.getZone().getId(), lastLocalText);
            Sha256Writer.hex(states.ofRow(row, p.atUtc, p.atZone, p.atLocal), p.stateHex);
            return p;
        }
    }

    /**
     * Writes the rows added so far that are still waiting in the current batch, so that they can be read or
     * referred to (linked) in this transaction. {@link #finish} does it too.
     */
    public void flush() throws SQLException {
        inserter.flush();
    }

    private void indexPending() throws SQLException {
        inserter.flush();
        if (unindexedFrom >= 0) {
            SearchIndex.addRange(connection, unindexedFrom, lastId);
            unindexedFrom = -1;
        }
    }

    public long count() {
        return count;
    }

    /**
     * Indexes the new rows for search and writes the batch's audit entry (subject {@code items:FIRST-LAST}).
     * Returns null when nothing was added.
     */
    public AuditEntry finish(String action, Map<String, ?> detail) throws SQLException {
        indexPending();
        inserter.close();
        if (cacheSizeBefore != null) {
            pragma(connection, "PRAGMA cache_size = " + cacheSizeBefore);
        }
        if (count == 0) {
            return null;
        }
        Map<String, Object> entry = new LinkedHashMap<>(detail);
        entry.put("count", count);
        entry.put("first_id", firstId);
        entry.put("last_id", lastId);
        entry.put("states_digest", Sha256.hex(digest.digest()));
        return vault.audit().append(connection, action, batchSubject(firstId, lastId), entry);
    }

    /** The size a {@code PRAGMA cache_size} value stands for: negative is KiB, positive is pages. */
    private static long cacheBytes(String value) {
        long v = Long.parseLong(value.trim());
        return v < 0 ? -v * 1024 : v * 4096;
    }

    private static String pragma(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
            return null;
        }
    }

    static String batchSubject(long firstId, long lastId) {
        return "items:" + firstId + "-" + lastId;
    }
}
