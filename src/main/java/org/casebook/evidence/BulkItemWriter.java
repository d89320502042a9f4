package org.casebook.evidence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;

/**
 * Writes many items in the caller's write transaction (an import of a million messages, say): one
 * prepared insert, the search index built a batch of rows at a time, and one audit entry for the whole
 * batch whose digest covers every row's state, so {@code verify} still detects a change to any of them.
 *
 * <p>Encryption makes every page that leaves SQLite's page cache cost a cipher pass, and a page read back
 * another. So while the writer works the connection's page cache is raised (to {@value #BULK_CACHE_KIB} KiB,
 * outside the Java heap; {@link #finish} puts it back), and rows are indexed for search every
 * {@value #INDEX_BATCH} rows, while their pages are still in that cache, instead of all read back at the end.
 *
 * <pre>{@code
 * vault.write(c -> {
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
    private final String cacheSizeBefore;
    private long firstId = -1;
    private long lastId = -1;
    private long unindexedFrom = -1;
    private long count;

    public BulkItemWriter(Vault vault, Connection connection) throws SQLException {
        this.vault = vault;
        this.connection = connection;
        this.inserter = new ItemInserter(connection);
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
        long id = inserter.insert(row);
        if (firstId < 0) {
            firstId = id;
        }
        if (unindexedFrom < 0) {
            unindexedFrom = id;
        }
        lastId = id;
        count++;
        digest.update(ItemState.ofRow(row).getBytes(StandardCharsets.US_ASCII));
        if (lastId - unindexedFrom + 1 >= INDEX_BATCH) {
            indexPending();
        }
        return id;
    }

    private void indexPending() throws SQLException {
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
        inserter.close();
        indexPending();
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
