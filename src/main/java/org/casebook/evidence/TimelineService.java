package org.casebook.evidence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.vault.Vault;

/**
 * A case's items merged in the order they happened (then the order they were added), and full-text search
 * over them. One query feeds the whole list: no query per row.
 */
public final class TimelineService {
    private static final String COLUMNS = """
            SELECT i.id, i.case_id, i.kind, i.type, i.at_utc, i.at_zone, i.end_utc, i.approximate, i.added_utc,
                   i.text, p.name, b.sha256, i.source, i.sender_id
            FROM item i LEFT JOIN person p ON p.id = i.sender_id LEFT JOIN blob b ON b.id = i.blob_id""";

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
     * @param prefixLast let the last word match the start of a word, for search as you type
     */
    public List<TimelineItem> search(long caseId, String text, boolean prefixLast, int limit) {
        String match = FtsQuery.of(text, prefixLast);
        if (match == null) {
            return List.of();
        }
        return vault.read(c -> {
            List<TimelineItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS
                    + " WHERE i.id IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?) AND i.case_id = ?"
                    + " ORDER BY i.at_utc, i.id LIMIT ?")) {
                ps.setString(1, match);
                ps.setLong(2, caseId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    RowReader reader = new RowReader();
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        });
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

    /** Reads rows into items, reusing zone objects across rows. */
    private static final class RowReader {
        private final Map<String, ZoneId> zones = new HashMap<>();

        TimelineItem read(ResultSet rs) throws SQLException {
            ZoneId zone = zones.computeIfAbsent(rs.getString(6), ZoneId::of);
            long end = rs.getLong(7);
            boolean hasEnd = !rs.wasNull();
            When when = new When(Instant.ofEpochMilli(rs.getLong(5)).atZone(zone),
                    hasEnd ? Instant.ofEpochMilli(end).atZone(zone) : null, rs.getInt(8) != 0);
            return new TimelineItem(rs.getLong(1), rs.getLong(2), ItemKind.fromCode(rs.getString(3)), rs.getString(4),
                    when, Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                    rs.getString(13), Sql.nullableLong(rs, 14));
        }
    }
}
