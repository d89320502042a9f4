package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps the full-text index in step with items. Done by the use-cases rather than triggers so that a bulk
 * import indexes its rows in one statement at the end, which is several times faster than row by row.
 */
final class SearchIndex {
    private SearchIndex() {
    }

    static void addRange(Connection c, long firstId, long lastId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO item_fts(rowid, text, searchable)
                SELECT id, text, searchable FROM item WHERE id BETWEEN ? AND ?""")) {
            ps.setLong(1, firstId);
            ps.setLong(2, lastId);
            ps.executeUpdate();
        }
    }

    /** Removes an item from the index using its stored values; call before the row changes or goes. */
    static void removeStored(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO item_fts(item_fts, rowid, text, searchable)
                SELECT 'delete', id, text, searchable FROM item WHERE id = ?""")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    static void addStored(Connection c, long id) throws SQLException {
        addRange(c, id, id);
    }
}
