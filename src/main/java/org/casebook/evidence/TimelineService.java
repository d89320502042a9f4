package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casebook.model.ItemKind;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.vault.Vault;

/**
 * A case's items merged in the order they happened (then the order they were added), and full-text search
 * over them. One query feeds the whole list: no query per row.
 */
public final class TimelineService {
    /*
     * The sender as the export wrote them comes from the message's details (the person a sender is matched to may
     * have another name: a number recorded as someone's, a person merged into another); who they are now, their
     * role and the direction come from WhoIsWho, as for the course-of-conduct figures. The details are read only
     * for what has a sender, and the clock-change note only where the import wrote one.
     */
    private static final String FIELDS = "SELECT i.id, i.case_id, i.kind, i.type, i.at_utc, i.at_zone, i.end_utc,"
            + " i.approximate, i.added_utc, i.text, sp.name, coalesce(b.sha256, ib.sha256), i.source, i.sender_id,"
            + " i.conversation_id, " + WhoIsWho.DIRECTION + ", i.flags,"
            + " CASE WHEN i.sender_id IS NOT NULL AND i.extra IS NOT NULL"
            + " THEN json_extract(i.extra, '$.sender_name') END,"
            + " CASE WHEN i.sender_id IS NOT NULL AND i.extra IS NOT NULL"
            + " THEN json_extract(i.extra, '$.sender_address') END,"
            + " " + WhoIsWho.PERSON_NAME + ", " + WhoIsWho.ROLE + ","
            + " CASE WHEN instr(i.extra, '\"dst\"') > 0 THEN json_extract(i.extra, '$.dst') END,"
            + " CASE WHEN instr(i.extra, '\"dst\"') > 0 THEN json_extract(i.extra, '$.local_time') END";
    /** A message's original is the export file it was imported from. */
    private static final String JOINS = WhoIsWho.JOINS + " LEFT JOIN blob b ON b.id = i.blob_id"
            + " LEFT JOIN import_run ir ON ir.id = i.import_id LEFT JOIN blob ib ON ib.id = ir.blob_id";
    private static final String COLUMNS = FIELDS + " FROM item i" + JOINS;

    /** Search plan for few matches: look each one up and sort them. */
    private static final String SEARCH_FEW = FIELDS
            + " FROM (SELECT rowid AS id FROM item_fts WHERE item_fts MATCH ?) m CROSS JOIN item i ON i.id = m.id" + JOINS
            + " WHERE i.case_id = ? ORDER BY i.at_utc, i.id LIMIT ?";
    /** Search plan for the rest: walk the case's timeline index, checking each item against the set of matches. */
    private static final String SEARCH_SET = COLUMNS
            + " WHERE i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?) AND i.case_id = ?"
            + " ORDER BY i.at_utc, i.id LIMIT ?";
    /** Search plan for whole words in a large share of the items: check timeline items one by one, in order. */
    private static final String SEARCH_WALK = COLUMNS
            + " WHERE i.case_id = ? AND (i.at_utc, i.id) > (?, ?) AND (i.at_utc, i.id) <= (?, ?)"
            + " AND EXISTS (SELECT 1 FROM item_fts WHERE item_fts MATCH ? AND rowid = i.id)"
            + " ORDER BY i.at_utc, i.id LIMIT ?";
    /** The most items the walk checks one by one before it gives way to {@link #SEARCH_SET}. */
    private static final int WALK_BUDGET = 1500;
    /** The share of items that must match for the walk to be tried. */
    private static final double WALK_DENSITY = 0.2;

    private final Vault vault;

    public TimelineService(Vault vault) {
        this.vault = vault;
    }

    public List<TimelineItem> timeline(long caseId) {
        List<TimelineItem> out = new ArrayList<>();
        forEach(caseId, out::add);
        return out;
    }

    /** Streams the timeline row by row (for very large cases and JSON-lines output). */
    public void forEach(long caseId, Consumer<TimelineItem> sink) {
        vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE i.case_id = ? ORDER BY i.at_utc, i.id")) {
                ps.setLong(1, caseId);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    RowReader reader = new RowReader();
                    while (rs.next()) {
                        sink.accept(reader.read(rs));
                    }
                }
            }
            return null;
        });
    }

    public long count(long caseId) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM item WHERE case_id = ?")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * The case's items containing every word of {@code text}, in timeline order, at most {@code limit}.
     *
     * <p>Sorting every match by time is what costs when a word is in most of a million items, and walking
     * the timeline until enough matches turn up is what costs when a word is rare; so the plan depends on
     * how many items match (estimated from where the first matches lie): few are looked up and sorted,
     * whole words in a large share of the items are found by walking the timeline, and the rest use the set
     * of matches. Every plan gives the same answer.
     *
     * @param prefixLast let the last word match the start of a word, for search as you type
     */
    public List<TimelineItem> search(long caseId, String text, boolean prefixLast, int limit) {
        String match = FtsQuery.of(text, prefixLast);
        if (match == null) {
            return List.of();
        }
        return vault.read(c -> {
            if (limit > 0) {
                long[] ids = idRange(c);
                long items = ids[1] - ids[0] + 1;
                // Up to about here looking up each match costs less than walking the timeline (measured).
                long few = Math.max(500, 2 * (long) Math.sqrt(items));
                // Matches come in id order, so where the one after the first few lies tells how many there are.
                long next = matchAfter(c, match, few);
                if (next < 0) {
                    return query(c, SEARCH_FEW, ps -> {
                        ps.setString(1, match);
                        ps.setLong(2, caseId);
                        ps.setInt(3, limit);
                    });
                }
                // Not for a prefix: FTS5 gathers all the words with the prefix again for every item checked.
                double share = (few + 1.0) / (next - ids[0] + 1);
                if (share >= WALK_DENSITY && !match.endsWith("*")) {
                    List<TimelineItem> walked = walk(c, caseId, match, limit);
                    if (walked != null) {
                        return walked;
                    }
                }
            }
            return query(c, SEARCH_SET, ps -> {
                ps.setString(1, match);
                ps.setLong(2, caseId);
                ps.setInt(3, limit);
            });
        });
    }

    /**
     * Walks the case's timeline in windows, keeping the items that match, until {@code limit} are found or
     * the timeline ends. Returns null, having checked at most {@link #WALK_BUDGET} items, when the matches
     * turn out too sparse for that.
     */
    private static List<TimelineItem> walk(Connection c, long caseId, String match, int limit) throws SQLException {
        List<TimelineItem> out = new ArrayList<>();
        long afterAt = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        long checked = 0;
        long window = Math.min(WALK_BUDGET, Math.max(64, 2L * limit));
        while (true) {
            long[] end = windowEnd(c, caseId, afterAt, afterId, window);
            long fromAt = afterAt;
            long fromId = afterId;
            int wanted = limit - out.size();
            out.addAll(query(c, SEARCH_WALK, ps -> {
                ps.setLong(1, caseId);
                ps.setLong(2, fromAt);
                ps.setLong(3, fromId);
                ps.setLong(4, end == null ? Long.MAX_VALUE : end[0]);
                ps.setLong(5, end == null ? Long.MAX_VALUE : end[1]);
                ps.setString(6, match);
                ps.setInt(7, wanted);
            }));
            checked += window;
            if (out.size() >= limit || end == null) {
                return out;
            }
            double density = (double) out.size() / checked;
            long more = density == 0 ? Long.MAX_VALUE : (long) Math.ceil((limit - out.size()) / density * 1.25);
            if (more > WALK_BUDGET - checked) {
                return null;
            }
            window = Math.max(64, more);
            afterAt = end[0];
            afterId = end[1];
        }
    }

    /** The (at_utc, id) of the {@code n}th timeline item after the given one, or null if there are fewer. */
    private static long[] windowEnd(Connection c, long caseId, long afterAt, long afterId, long n)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT at_utc, id FROM item WHERE case_id = ?"
                + " AND (at_utc, id) > (?, ?) ORDER BY at_utc, id LIMIT 1 OFFSET ?")) {
            ps.setLong(1, caseId);
            ps.setLong(2, afterAt);
            ps.setLong(3, afterId);
            ps.setLong(4, n - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    /** The id of the match after the first {@code skip}, or -1 when there are no more than that. */
    private static long matchAfter(Connection c, String match, long skip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rowid FROM item_fts WHERE item_fts MATCH ? LIMIT 1 OFFSET ?")) {
            ps.setString(1, match);
            ps.setLong(2, skip);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** The lowest and highest item ids (0 and 0 when there are none). */
    private static long[] idRange(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce((SELECT min(id) FROM item), 0), coalesce((SELECT max(id) FROM item), 0)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<TimelineItem> query(Connection c, String sql, Binder binder) throws SQLException {
        List<TimelineItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                RowReader reader = new RowReader();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * The ids of the case's items containing every word of {@code text}: what a search-as-you-type filter
     * needs, without loading the rows again.
     */
    public java.util.Set<Long> searchIds(long caseId, String text, boolean prefixLast) {
        String match = FtsQuery.of(text, prefixLast);
        if (match == null) {
            return java.util.Set.of();
        }
        return vault.read(c -> {
            java.util.Set<Long> ids = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM item WHERE case_id = ?"
                    + " AND id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, match);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * The messages of the conversation {@code itemId} belongs to, around it: up to {@code before} earlier and
     * {@code after} later, in order (for showing a thread as the phone did). An item outside any conversation
     * comes back alone.
     */
    public List<TimelineItem> conversationAround(long itemId, int before, int after) {
        return vault.read(c -> {
            Long conversation;
            long at;
            try (PreparedStatement ps = c.prepareStatement("SELECT conversation_id, at_utc FROM item WHERE id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return List.of();
                    }
                    conversation = Sql.nullableLong(rs, 1);
                    at = rs.getLong(2);
                }
            }
            RowReader reader = new RowReader();
            if (conversation == null) {
                try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE i.id = ?")) {
                    ps.setLong(1, itemId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? List.of(reader.read(rs)) : List.of();
                    }
                }
            }
            List<TimelineItem> earlier = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE i.conversation_id = ?"
                    + " AND (i.at_utc, i.id) < (?, ?) ORDER BY i.at_utc DESC, i.id DESC LIMIT ?")) {
                ps.setLong(1, conversation);
                ps.setLong(2, at);
                ps.setLong(3, itemId);
                ps.setInt(4, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        earlier.add(0, reader.read(rs));
                    }
                }
            }
            List<TimelineItem> out = new ArrayList<>(earlier);
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE i.conversation_id = ?"
                    + " AND (i.at_utc, i.id) >= (?, ?) ORDER BY i.at_utc, i.id LIMIT ?")) {
                ps.setLong(1, conversation);
                ps.setLong(2, at);
                ps.setLong(3, itemId);
                ps.setInt(4, after + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Reads rows into items, reusing zone objects across rows. */
    private static final class RowReader {
        private final Map<String, ZoneId> zones = new HashMap<>();

        TimelineItem read(ResultSet rs) throws SQLException {
            ZoneId zone = zones.computeIfAbsent(rs.getString(6), ZoneId::of);
            long end = rs.getLong(7);
            boolean hasEnd = !rs.wasNull();
            String dst = rs.getString(22);
            String written = rs.getString(23);
            When.ClockChange clock = dst == null || written == null ? null
                    : new When.ClockChange(LocalDateTime.parse(written), dst.equals("gap"));
            When when = new When(Instant.ofEpochMilli(rs.getLong(5)).atZone(zone),
                    hasEnd ? Instant.ofEpochMilli(end).atZone(zone) : null, rs.getInt(8) != 0, clock);
            String person = rs.getString(11);
            String sender = Senders.asWritten(rs.getString(18), rs.getString(19), person);
            String role = rs.getString(21);
            return new TimelineItem(rs.getLong(1), rs.getLong(2), ItemKind.fromCode(rs.getString(3)), rs.getString(4),
                    when, Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), sender, rs.getString(12),
                    rs.getString(13), Sql.nullableLong(rs, 14), Sql.nullableLong(rs, 15), rs.getString(16),
                    rs.getString(17), Senders.attribution(sender, rs.getString(19), rs.getString(20)),
                    role == null ? null : PersonRole.fromCode(role));
        }
    }
}
