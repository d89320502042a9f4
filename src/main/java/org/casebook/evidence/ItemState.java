package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.casebook.vault.Sha256;

/**
 * The SHA-256 of an item's, case's or person's recorded content, written into the audit log when it is
 * added or changed, so that {@code verify} finds rows altered outside Casebook.
 *
 * <p>The canonical form is {@code name=value} lines in a fixed column order, leaving out nulls, so a column
 * added by a later migration (appended to the list) does not change the hash of existing rows. The same
 * form is built from Java values at insert time ({@link #ofRow}) and from the stored row ({@link #ofItem}).
 */
final class ItemState {
    static final String[] ITEM_COLUMNS = {"case_id", "kind", "type", "at_utc", "at_zone", "at_local", "end_utc",
        "approximate", "added_utc", "text", "location", "witnesses", "impact", "police_ref", "sender_id",
        "file_name", "media_type", "file_size", "file_modified_utc", "extra", "source", "blob_sha256",
        "conversation_id", "direction", "flags", "import_id"};
    private static final String ITEM_SELECT = "SELECT "
            + String.join(", ", java.util.Arrays.stream(ITEM_COLUMNS)
                    .map(col -> col.equals("blob_sha256") ? "b.sha256" : "i." + col).toList())
            + ", i.id FROM item i LEFT JOIN blob b ON b.id = i.blob_id";
    private static final String ITEM_SQL = ITEM_SELECT + " WHERE i.id = ?";
    private static final String CASE_SQL =
            "SELECT title, initials, zone, created_utc FROM case_file WHERE id = ?";
    private static final String PERSON_SQL = """
            SELECT p.case_id, p.name, p.role, p.notes,
                   (SELECT group_concat(kind || ':' || raw, char(10)) FROM
                       (SELECT kind, raw FROM identifier WHERE person_id = p.id ORDER BY kind, raw)) AS identifiers
            FROM person p WHERE p.id = ?""";
    private static final String[] CASE_COLUMNS = {"title", "initials", "zone", "created_utc"};
    private static final String[] PERSON_COLUMNS = {"case_id", "name", "role", "notes", "identifiers"};

    private ItemState() {
    }

    static Optional<String> ofItem(Connection c, long id) throws SQLException {
        return hash(c, ITEM_SQL, ITEM_COLUMNS, id);
    }

    static Optional<String> ofCase(Connection c, long id) throws SQLException {
        return hash(c, CASE_SQL, CASE_COLUMNS, id);
    }

    static Optional<String> ofPerson(Connection c, long id) throws SQLException {
        return hash(c, PERSON_SQL, PERSON_COLUMNS, id);
    }

    /** Receives each item's id and state hash from {@link #scanItems}. */
    @FunctionalInterface
    interface StateSink {
        void accept(long id, String state) throws SQLException;
    }

    /** Computes every item's state hash in id order with one query. */
    static void scanItems(Connection c, StateSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ITEM_SELECT + " ORDER BY i.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(rs.getLong(ITEM_COLUMNS.length + 1), canonicalHash(rs, ITEM_COLUMNS));
            }
        }
    }

    /** The state hash of a row about to be inserted, equal to {@link #ofItem} once it is stored. */
    static String ofRow(ItemRow r) {
        var at = r.when().at();
        Object[] values = {r.caseId(), r.kind().code(), r.type(), at.toInstant().toEpochMilli(), at.getZone().getId(),
            at.toLocalDateTime().toString(),
            r.when().end() == null ? null : r.when().end().toInstant().toEpochMilli(),
            r.when().approximate() ? 1 : 0, r.addedUtc(), r.text(), r.location(), r.witnesses(), r.impact(),
            r.policeRef(), r.senderId(), r.fileName(), r.mediaType(), r.fileSize(), r.fileModifiedUtc(), r.extra(),
            r.source(), r.blobSha256(), r.conversationId(), r.direction(), r.flags(), r.importId()};
        StringBuilder canonical = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            append(canonical, ITEM_COLUMNS[i], values[i] == null ? null : values[i].toString());
        }
        return Sha256.of(canonical.toString());
    }

    private static Optional<String> hash(Connection c, String sql, String[] columns, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(canonicalHash(rs, columns));
            }
        }
    }

    private static String canonicalHash(ResultSet rs, String[] columns) throws SQLException {
        StringBuilder canonical = new StringBuilder(256);
        for (int i = 0; i < columns.length; i++) {
            append(canonical, columns[i], rs.getString(i + 1));
        }
        return Sha256.of(canonical.toString());
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append(name).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
    }
}
