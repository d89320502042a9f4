package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeMap;
import org.casebook.vault.Json;
import org.casebook.vault.Sha256;

/**
 * The SHA-256 of an item's or case's recorded content, written into the audit log whenever it changes, so
 * that {@code verify} can tell when a row was altered outside Casebook. Null values are left out, so a
 * column added by a later migration does not change the hash of existing rows.
 */
final class ItemState {
    private static final String ITEM_SQL = """
            SELECT i.case_id, i.kind, i.type, i.at_utc, i.at_zone, i.at_local, i.end_utc, i.approximate,
                   i.added_utc, i.text, i.location, i.witnesses, i.impact, i.police_ref, i.sender_id,
                   i.file_name, i.media_type, i.file_size, i.file_modified_utc, i.extra, i.source,
                   b.sha256 AS blob_sha256
            FROM item i LEFT JOIN blob b ON b.id = i.blob_id WHERE i.id = ?""";
    private static final String CASE_SQL =
            "SELECT title, initials, zone, created_utc FROM case_file WHERE id = ?";
    private static final String PERSON_SQL = """
            SELECT p.case_id, p.name, p.role, p.notes,
                   (SELECT json_group_array(kind || ':' || raw) FROM
                       (SELECT kind, raw FROM identifier WHERE person_id = p.id ORDER BY kind, raw)) AS identifiers
            FROM person p WHERE p.id = ?""";

    private ItemState() {
    }

    static Optional<String> ofItem(Connection c, long id) throws SQLException {
        return hash(c, ITEM_SQL, id);
    }

    static Optional<String> ofCase(Connection c, long id) throws SQLException {
        return hash(c, CASE_SQL, id);
    }

    static Optional<String> ofPerson(Connection c, long id) throws SQLException {
        return hash(c, PERSON_SQL, id);
    }

    private static Optional<String> hash(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData md = rs.getMetaData();
                TreeMap<String, Object> values = new TreeMap<>();
                for (int col = 1; col <= md.getColumnCount(); col++) {
                    Object value = rs.getObject(col);
                    if (value != null) {
                        values.put(md.getColumnLabel(col), value.toString());
                    }
                }
                return Optional.of(Sha256.of(Json.write(values)));
            }
        }
    }
}
