package org.casebook.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.model.AuditEntry;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;

/**
 * Writes many items in the caller's write transaction (an import of a million messages, say): one
 * prepared insert, the search index built in one statement at the end, and one audit entry for the whole
 * batch whose digest covers every row's state, so {@code verify} still detects a change to any of them.
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
    private final Vault vault;
    private final Connection connection;
    private final ItemInserter inserter;
    private final MessageDigest digest = Sha256.newDigest();
    private long firstId = -1;
    private long lastId = -1;
    private long count;

    public BulkItemWriter(Vault vault, Connection connection) throws SQLException {
        this.vault = vault;
        this.connection = connection;
        this.inserter = new ItemInserter(connection);
    }

    /** Inserts one row; returns its id. */
    public long add(ItemRow row) throws SQLException {
        long id = inserter.insert(row);
        if (firstId < 0) {
            firstId = id;
        }
        lastId = id;
        count++;
        digest.update(ItemState.ofRow(row).getBytes(StandardCharsets.US_ASCII));
        return id;
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
        if (count == 0) {
            return null;
        }
        SearchIndex.addRange(connection, firstId, lastId);
        Map<String, Object> entry = new LinkedHashMap<>(detail);
        entry.put("count", count);
        entry.put("first_id", firstId);
        entry.put("last_id", lastId);
        entry.put("states_digest", Sha256.hex(digest.digest()));
        return vault.audit().append(connection, action, batchSubject(firstId, lastId), entry);
    }

    static String batchSubject(long firstId, long lastId) {
        return "items:" + firstId + "-" + lastId;
    }
}
