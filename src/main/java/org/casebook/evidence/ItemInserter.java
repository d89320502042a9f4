package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZonedDateTime;

/**
 * Inserts item rows with one prepared statement, giving each the next id itself (so a bulk insert needs no
 * query per row). Use inside a write transaction; ids are never reused, as the table is AUTOINCREMENT.
 */
final class ItemInserter implements AutoCloseable {
    private static final String INSERT = """
            INSERT INTO item(id, case_id, kind, type, at_utc, at_zone, at_local, end_utc, approximate, added_utc,
                             text, location, witnesses, impact, police_ref, sender_id, blob_id, file_name,
                             media_type, file_size, file_modified_utc, extra, source, searchable,
                             conversation_id, direction, flags, import_id, dedupe_key)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    private final PreparedStatement insert;
    private long nextId;

    ItemInserter(Connection c) throws SQLException {
        this.nextId = nextId(c);
        this.insert = c.prepareStatement(INSERT);
    }

    /** Inserts the row and returns its id. */
    long insert(ItemRow r) throws SQLException {
        long id = nextId++;
        ZonedDateTime at = r.at();
        PreparedStatement ps = insert;
        ps.setLong(1, id);
        ps.setLong(2, r.caseId());
        ps.setString(3, r.kind().code());
        ps.setString(4, r.type());
        ps.setLong(5, at.toInstant().toEpochMilli());
        ps.setString(6, at.getZone().getId());
        ps.setString(7, at.toLocalDateTime().toString());
        setLong(ps, 8, r.when().end() == null ? null : r.when().end().toInstant().toEpochMilli());
        ps.setInt(9, r.when().approximate() ? 1 : 0);
        ps.setLong(10, r.addedUtc());
        ps.setString(11, r.text());
        ps.setString(12, r.location());
        ps.setString(13, r.witnesses());
        ps.setString(14, r.impact());
        ps.setString(15, r.policeRef());
        setLong(ps, 16, r.senderId());
        setLong(ps, 17, r.blobId());
        ps.setString(18, r.fileName());
        ps.setString(19, r.mediaType());
        setLong(ps, 20, r.fileSize());
        setLong(ps, 21, r.fileModifiedUtc());
        ps.setString(22, r.extra());
        ps.setString(23, r.source());
        ps.setString(24, r.searchable());
        setLong(ps, 25, r.conversationId());
        ps.setString(26, r.direction());
        ps.setString(27, r.flags());
        setLong(ps, 28, r.importId());
        setLong(ps, 29, r.dedupeKey());
        ps.executeUpdate();
        return id;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'item'), 0),
                           coalesce((SELECT max(id) FROM item), 0)) + 1""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
