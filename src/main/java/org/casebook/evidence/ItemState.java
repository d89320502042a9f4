package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.casebook.vault.Sha256;
import org.casebook.vault.Sha256Writer;

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
            SELECT p.case_id, p.name, p.role, p.notes, p.merged_into,
                   (SELECT group_concat(kind || ':' || raw, char(10)) FROM
                       (SELECT kind, raw FROM identifier WHERE person_id = p.id ORDER BY kind, raw)) AS identifiers
            FROM person p WHERE p.id = ?""";
    private static final String[] CASE_COLUMNS = {"title", "initials", "zone", "created_utc"};
    private static final String[] PERSON_COLUMNS = {"case_id", "name", "role", "notes", "merged_into",
        "identifiers"};

    private ItemState() {
    }

    static Optional<String> ofItem(Connection c, long id) throws SQLException {
        return hash(c, ITEM_SQL, ITEM_COLUMNS, id);
    }

    static Optional<String> ofCase(Connection c, long id) throws SQLException {
        return hash(c, CASE_SQL, CASE_COLUMNS, id);
    }

    static Optional<String> ofPerson(Connection c, long id) throws SQLException {
        if (!Sql.recordsMerges(c)) {
            return hash(c, PERSON_SQL.replace(" p.merged_into,", " NULL,"), PERSON_COLUMNS, id);
        }
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
            Hasher hasher = new Hasher();
            while (rs.next()) {
                sink.accept(rs.getLong(ITEM_COLUMNS.length + 1), hasher.ofResult(rs, ITEM_COLUMNS));
            }
        }
    }

    /** The state hash of a row about to be inserted, equal to {@link #ofItem} once it is stored. */
    static String ofRow(ItemRow r) {
        return new Hasher().ofRow(r);
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
        return new Hasher().ofResult(rs, columns);
    }

    /**
     * Computes state hashes reusing one digest and buffer (a bulk import hashes every row), feeding the
     * canonical form to the digest as it goes rather than building it as a string. Not thread-safe.
     */
    static final class Hasher {
        private final Sha256Writer out = new Sha256Writer();

        String ofRow(ItemRow r) {
            var at = r.when().at();
            return Sha256.hex(ofRow(r, at.toInstant().toEpochMilli(), at.getZone().getId(),
                    at.toLocalDateTime().toString()));
        }

        /**
         * The state hash of a row whose time columns the caller has already worked out (as
         * {@link ItemInserter} stores them); the returned array is reused by the next call.
         */
        byte[] ofRow(ItemRow r, long atUtc, String atZone, String atLocal) {
            // The order of ITEM_COLUMNS.
            append("case_id", r.caseId());
            append("kind", r.kind().code());
            append("type", r.type());
            append("at_utc", atUtc);
            append("at_zone", atZone);
            append("at_local", atLocal);
            append("end_utc", r.when().end() == null ? null : r.when().end().toInstant().toEpochMilli());
            append("approximate", r.when().approximate() ? 1 : 0);
            append("added_utc", r.addedUtc());
            append("text", r.text());
            append("location", r.location());
            append("witnesses", r.witnesses());
            append("impact", r.impact());
            append("police_ref", r.policeRef());
            append("sender_id", r.senderId());
            append("file_name", r.fileName());
            append("media_type", r.mediaType());
            append("file_size", r.fileSize());
            append("file_modified_utc", r.fileModifiedUtc());
            append("extra", r.extra());
            append("source", r.source());
            append("blob_sha256", r.blobSha256());
            append("conversation_id", r.conversationId());
            append("direction", r.direction());
            append("flags", r.flags());
            append("import_id", r.importId());
            return out.digest();
        }

        String ofResult(ResultSet rs, String[] columns) throws SQLException {
            out.reset(); // in case a read failed half-way through the last row
            for (int i = 0; i < columns.length; i++) {
                append(columns[i], rs.getString(i + 1));
            }
            return out.hex();
        }

        /** Starts a canonical form built line by line with {@link #append}; {@link #hex} ends it. */
        void start() {
            out.reset();
        }

        String hex() {
            return out.hex();
        }

        /** {@code name=value} and a newline, the value with {@code \} and LF escaped; nothing for null. */
        void append(String name, String value) {
            if (value != null) {
                out.ascii(name).put('=').utf8(value, true).put('\n');
            }
        }

        private void append(String name, Long value) {
            if (value != null) {
                append(name, value.longValue());
            }
        }

        void append(String name, long value) {
            out.ascii(name).put('=').decimal(value).put('\n');
        }
    }
}
