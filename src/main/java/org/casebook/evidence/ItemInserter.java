package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZonedDateTime;

/**
 * Inserts item rows with a prepared statement, giving each the next id itself (so a bulk insert needs no
 * query per row). Use inside a write transaction; ids are never reused, as the table is AUTOINCREMENT.
 *
 * <p>For a bulk write ({@link #batched}) rows whose period, incident, file and blob columns are all empty
 * (every imported message) are written {@value #ROWS_PER_INSERT} at a time by one multi-row INSERT, which
 * writes those columns as NULL literals: each statement run costs far more than a row (the driver's calls,
 * and SQLite reading and writing back the AUTOINCREMENT counter), and the driver binds each parameter with
 * a native call. Rows are still written in id order, and {@link #flush} must be called before anything reads
 * them back (the search index, a link to them) or the transaction commits. When the rows of a group share
 * their case, kind, type, zone, approximate flag, added time and import (an import's messages almost always
 * do), those values and the first id are bound once for the group rather than once per row.
 */
final class ItemInserter implements AutoCloseable {
    private static final String COLUMNS = """
            INSERT INTO item(id, case_id, kind, type, at_utc, at_zone, at_local, end_utc, approximate, added_utc,
                             text, location, witnesses, impact, police_ref, sender_id, blob_id, file_name,
                             media_type, file_size, file_modified_utc, extra, source, searchable,
                             conversation_id, direction, flags, import_id, dedupe_key)
            VALUES """;
    private static final String INSERT = COLUMNS + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** One text-only row: end_utc, location, witnesses, impact, police_ref and the file columns NULL. */
    private static final String TEXT_ONLY_ROW =
            "(?,?,?,?,?,?,?,NULL,?,?,?,NULL,NULL,NULL,NULL,?,NULL,NULL,NULL,NULL,NULL,?,?,?,?,?,?,?,?)";
    private static final int TEXT_ONLY_PARAMETERS = 19;
    /** Text-only rows written by one statement in a batched insert. */
    static final int ROWS_PER_INSERT = 50;
    /** The values a group of rows shares, bound once: ?1 first id, ?2 case, ?3 kind, ?4 type, ?5 zone, ?6 approximate, ?7 added, ?8 import. */
    private static final int SHARED_PARAMETERS = 8;
    /** The parameters of each row of a group that shares {@link #SHARED_PARAMETERS}. */
    private static final int OWN_PARAMETERS = 11;

    private final Connection connection;
    private final boolean batched;
    private PreparedStatement full;
    private PreparedStatement textOnly;
    private PreparedStatement textOnlyMany;
    private PreparedStatement textOnlyShared;
    /** Text-only rows waiting to be written (a batched inserter's), with their ids and time columns. */
    private final ItemRow[] pendingRows;
    private final long[] pendingIds;
    private final long[] pendingAtUtc;
    private final String[] pendingAtZone;
    private final String[] pendingAtLocal;
    /** The text and details of the rows waiting, as UTF-8 when the caller encoded them (else null). */
    private final byte[][] pendingText;
    private final byte[][] pendingExtra;
    private int pending;
    private long nextId;

    /** An inserter that writes each row as it is given. */
    ItemInserter(Connection c) throws SQLException {
        this(c, false);
    }

    private ItemInserter(Connection c, boolean batched) throws SQLException {
        this.connection = c;
        this.batched = batched;
        int size = batched ? ROWS_PER_INSERT : 0;
        this.pendingRows = new ItemRow[size];
        this.pendingIds = new long[size];
        this.pendingAtUtc = new long[size];
        this.pendingAtZone = new String[size];
        this.pendingAtLocal = new String[size];
        this.pendingText = new byte[size][];
        this.pendingExtra = new byte[size][];
        this.nextId = nextId(c);
    }

    /** An inserter for many rows that writes them in groups: call {@link #flush} before reading them. */
    static ItemInserter batched(Connection c) throws SQLException {
        return new ItemInserter(c, true);
    }

    /** Inserts the row and returns its id. */
    long insert(ItemRow r) throws SQLException {
        ZonedDateTime at = r.at();
        return insert(r, at.toInstant().toEpochMilli(), at.getZone().getId(), at.toLocalDateTime().toString());
    }

    /** Inserts the row, whose time columns the caller has worked out from {@code r.at()}; returns its id. */
    long insert(ItemRow r, long atUtc, String atZone, String atLocal) throws SQLException {
        return insert(r, atUtc, atZone, atLocal, null, null);
    }

    /**
     * Inserts the row as {@link #insert(ItemRow, long, String, String)} does, with its text and details already
     * encoded as UTF-8 (or null to encode them here): a bulk import encodes them on its reading thread, so that
     * the thread holding the transaction only hands bytes to SQLite.
     */
    long insert(ItemRow r, long atUtc, String atZone, String atLocal, byte[] textUtf8, byte[] extraUtf8)
            throws SQLException {
        long id = nextId++;
        boolean textOnlyRow = r.when().end() == null && r.location() == null && r.witnesses() == null
                && r.impact() == null && r.policeRef() == null && r.blobId() == null && r.fileName() == null
                && r.mediaType() == null && r.fileSize() == null && r.fileModifiedUtc() == null;
        if (batched && textOnlyRow) {
            pendingRows[pending] = r;
            pendingIds[pending] = id;
            pendingAtUtc[pending] = atUtc;
            pendingAtZone[pending] = atZone;
            pendingAtLocal[pending] = atLocal;
            pendingText[pending] = textUtf8;
            pendingExtra[pending] = extraUtf8;
            if (++pending == ROWS_PER_INSERT) {
                flush();
            }
            return id;
        }
        flush(); // keep the rows in id order
        if (textOnlyRow) {
            PreparedStatement ps = textOnly();
            bindTextOnly(ps, 0, id, r, atUtc, atZone, atLocal);
            ps.executeUpdate();
        } else {
            bindFull(full(), id, r, atUtc, atZone, atLocal);
            full.executeUpdate();
        }
        return id;
    }

    /** Writes the rows still waiting (a batched inserter's); nothing to do for one that writes each row. */
    void flush() throws SQLException {
        int n = pending;
        if (n == 0) {
            return;
        }
        pending = 0;
        if (n == ROWS_PER_INSERT && shareValues(n)) {
            PreparedStatement ps = textOnlyShared();
            bindShared(ps, pendingIds[0], pendingRows[0], pendingAtZone[0]);
            for (int k = 0; k < n; k++) {
                bindOwn(ps, SHARED_PARAMETERS + k * OWN_PARAMETERS, pendingRows[k], pendingAtUtc[k],
                        pendingAtLocal[k], pendingText[k], pendingExtra[k]);
            }
            ps.executeUpdate();
        } else if (n == ROWS_PER_INSERT) {
            PreparedStatement ps = textOnlyMany();
            for (int k = 0; k < n; k++) {
                bindTextOnly(ps, k * TEXT_ONLY_PARAMETERS, pendingIds[k], pendingRows[k], pendingAtUtc[k],
                        pendingAtZone[k], pendingAtLocal[k]);
            }
            ps.executeUpdate();
        } else {
            PreparedStatement ps = textOnly();
            for (int k = 0; k < n; k++) {
                bindTextOnly(ps, 0, pendingIds[k], pendingRows[k], pendingAtUtc[k], pendingAtZone[k],
                        pendingAtLocal[k]);
                ps.executeUpdate();
            }
        }
        java.util.Arrays.fill(pendingRows, 0, n, null);
        java.util.Arrays.fill(pendingAtZone, 0, n, null);
        java.util.Arrays.fill(pendingAtLocal, 0, n, null);
        java.util.Arrays.fill(pendingText, 0, n, null);
        java.util.Arrays.fill(pendingExtra, 0, n, null);
    }

    private static void bindFull(PreparedStatement ps, long id, ItemRow r, long atUtc, String atZone,
                                 String atLocal) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, r.caseId());
        ps.setString(3, r.kind().code());
        ps.setString(4, r.type());
        ps.setLong(5, atUtc);
        ps.setString(6, atZone);
        ps.setString(7, atLocal);
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
    }

    /** Binds the parameters of one {@link #TEXT_ONLY_ROW}, after the first {@code base}. */
    private static void bindTextOnly(PreparedStatement ps, int base, long id, ItemRow r, long atUtc, String atZone,
                                     String atLocal) throws SQLException {
        ps.setLong(base + 1, id);
        ps.setLong(base + 2, r.caseId());
        ps.setString(base + 3, r.kind().code());
        ps.setString(base + 4, r.type());
        ps.setLong(base + 5, atUtc);
        ps.setString(base + 6, atZone);
        ps.setString(base + 7, atLocal);
        ps.setInt(base + 8, r.when().approximate() ? 1 : 0);
        ps.setLong(base + 9, r.addedUtc());
        ps.setString(base + 10, r.text());
        setLong(ps, base + 11, r.senderId());
        ps.setString(base + 12, r.extra());
        ps.setString(base + 13, r.source());
        ps.setString(base + 14, r.searchable());
        setLong(ps, base + 15, r.conversationId());
        ps.setString(base + 16, r.direction());
        ps.setString(base + 17, r.flags());
        setLong(ps, base + 18, r.importId());
        setLong(ps, base + 19, r.dedupeKey());
    }

    /** True when the first {@code n} rows waiting share every value of {@link #SHARED_PARAMETERS} (and ids run on). */
    private boolean shareValues(int n) {
        ItemRow first = pendingRows[0];
        for (int k = 1; k < n; k++) {
            ItemRow r = pendingRows[k];
            if (pendingIds[k] != pendingIds[0] + k || r.caseId() != first.caseId() || r.kind() != first.kind()
                    || !java.util.Objects.equals(r.type(), first.type())
                    || !pendingAtZone[k].equals(pendingAtZone[0])
                    || r.when().approximate() != first.when().approximate() || r.addedUtc() != first.addedUtc()
                    || !java.util.Objects.equals(r.importId(), first.importId())) {
                return false;
            }
        }
        return true;
    }

    private static void bindShared(PreparedStatement ps, long firstId, ItemRow r, String atZone) throws SQLException {
        ps.setLong(1, firstId);
        ps.setLong(2, r.caseId());
        ps.setString(3, r.kind().code());
        ps.setString(4, r.type());
        ps.setString(5, atZone);
        ps.setInt(6, r.when().approximate() ? 1 : 0);
        ps.setLong(7, r.addedUtc());
        setLong(ps, 8, r.importId());
    }

    /** Binds one row's own values in a group that shares the rest, after the first {@code base}. */
    private static void bindOwn(PreparedStatement ps, int base, ItemRow r, long atUtc, String atLocal,
                                byte[] textUtf8, byte[] extraUtf8) throws SQLException {
        ps.setLong(base + 1, atUtc);
        ps.setString(base + 2, atLocal);
        ps.setBytes(base + 3, utf8(r.text(), textUtf8));
        setLong(ps, base + 4, r.senderId());
        ps.setBytes(base + 5, utf8(r.extra(), extraUtf8));
        ps.setString(base + 6, r.source());
        ps.setString(base + 7, r.searchable());
        setLong(ps, base + 8, r.conversationId());
        ps.setString(base + 9, r.direction());
        ps.setString(base + 10, r.flags());
        setLong(ps, base + 11, r.dedupeKey());
    }

    /** The text as UTF-8: the bytes given for it, else encoded here (the statement casts them back to TEXT). */
    private static byte[] utf8(String text, byte[] given) {
        return given != null || text == null ? given : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private PreparedStatement textOnlyShared() throws SQLException {
        if (textOnlyShared == null) {
            StringBuilder sql = new StringBuilder(COLUMNS);
            for (int k = 0; k < ROWS_PER_INSERT; k++) {
                int p = SHARED_PARAMETERS + k * OWN_PARAMETERS;
                sql.append(k == 0 ? "" : ",").append("(?1+").append(k).append(",?2,?3,?4,?").append(p + 1)
                        .append(",?5,?").append(p + 2).append(",NULL,?6,?7,CAST(?").append(p + 3)
                        .append(" AS TEXT),NULL,NULL,NULL,NULL,?").append(p + 4)
                        .append(",NULL,NULL,NULL,NULL,NULL,CAST(?").append(p + 5).append(" AS TEXT),?").append(p + 6).append(",?").append(p + 7).append(",?")
                        .append(p + 8).append(",?").append(p + 9).append(",?").append(p + 10).append(",?8,?")
                        .append(p + 11).append(')');
            }
            textOnlyShared = connection.prepareStatement(sql.toString());
        }
        return textOnlyShared;
    }

    private PreparedStatement full() throws SQLException {
        if (full == null) {
            full = connection.prepareStatement(INSERT);
        }
        return full;
    }

    private PreparedStatement textOnly() throws SQLException {
        if (textOnly == null) {
            textOnly = connection.prepareStatement(COLUMNS + TEXT_ONLY_ROW);
        }
        return textOnly;
    }

    private PreparedStatement textOnlyMany() throws SQLException {
        if (textOnlyMany == null) {
            textOnlyMany = connection.prepareStatement(COLUMNS
                    + String.join(",", java.util.Collections.nCopies(ROWS_PER_INSERT, TEXT_ONLY_ROW)));
        }
        return textOnlyMany;
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

    /** Closes the statements; rows of a batched inserter not yet {@link #flush flushed} are not written. */
    @Override
    public void close() throws SQLException {
        pending = 0;
        SQLException failure = null;
        for (PreparedStatement ps : new PreparedStatement[] {full, textOnly, textOnlyMany, textOnlyShared}) {
            try {
                if (ps != null) {
                    ps.close();
                }
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
