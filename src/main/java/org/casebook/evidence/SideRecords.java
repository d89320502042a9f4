package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records kept beside the evidence that the bundle prints as the witness's word — an original's continuity,
 * the basis for attributing a number or account to a person, an exhibit's title — and their part in
 * {@code verify}: every change writes the record's state hash into its audit entry ({@code record_states}, key
 * to hash, {@link #NONE} for a record removed), and verify compares each record with the last state recorded
 * for it, as it does for items and course-of-conduct records.
 *
 * <p>A record whose entries were written before states were recorded is not compared (no spurious failure);
 * one that no audit entry mentions at all is still reported as added outside Casebook.
 */
final class SideRecords {
    /** The state of a record that is not there (an exhibit title returned to its default). */
    static final String NONE = "none";

    private static final String CONTINUITY = "SELECT case_id, sha256, exported_by, device, app, exported_on, method,"
            + " set_utc FROM continuity";
    private static final String ATTRIBUTION = "SELECT a.identifier_id, i.kind || ':' || i.raw, a.basis,"
            + " a.shown_in_export, a.set_utc FROM attribution a JOIN identifier i ON i.id = a.identifier_id";
    private static final String TITLE = "SELECT item_id, title FROM exhibit_title";

    private SideRecords() {
    }

    static String continuityKey(long caseId, String sha256) {
        return "continuity:" + caseId + ":" + sha256;
    }

    static String attributionKey(long identifierId) {
        return "attribution:" + identifierId;
    }

    static String titleKey(long itemId) {
        return "exhibit-title:" + itemId;
    }

    static String continuityState(Connection c, long caseId, String sha256) throws SQLException {
        return one(c, CONTINUITY + " WHERE case_id = ? AND sha256 = ?", rs -> continuity(rs), caseId, sha256);
    }

    static String attributionState(Connection c, long identifierId) throws SQLException {
        return one(c, ATTRIBUTION + " WHERE a.identifier_id = ?", SideRecords::attribution, identifierId);
    }

    static String titleState(Connection c, long itemId) throws SQLException {
        return one(c, TITLE + " WHERE item_id = ?", SideRecords::title, itemId);
    }

    private static String continuity(ResultSet rs) throws SQLException {
        return hash(rs, 3, "exported_by", "device", "app", "exported_on", "method", "set_utc");
    }

    private static String attribution(ResultSet rs) throws SQLException {
        return hash(rs, 3, "basis", "shown_in_export", "set_utc");
    }

    private static String title(ResultSet rs) throws SQLException {
        return hash(rs, 2, "title");
    }

    /** The canonical form of {@link ItemState}: {@code name=value} lines from column {@code first} on. */
    private static String hash(ResultSet rs, int first, String... names) throws SQLException {
        ItemState.Hasher hasher = new ItemState.Hasher();
        hasher.start();
        for (int i = 0; i < names.length; i++) {
            hasher.append(names[i], rs.getString(first + i));
        }
        return hasher.hex();
    }

    @FunctionalInterface
    private interface State {
        String of(ResultSet rs) throws SQLException;
    }

    private static String one(Connection c, String sql, State state, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? state.of(rs) : NONE;
            }
        }
    }

    /** The part of {@code verify} for these records: fed the audit log in order, then compared with the rows. */
    static final class Check {
        private final Map<String, String> recorded = new HashMap<>();
        private final Set<String> continuityMentioned = new HashSet<>();
        private final Set<String> attributionMentioned = new HashSet<>();
        private final Set<Long> titleMentioned = new HashSet<>();

        void note(String subject, String action, Map<String, Object> detail) {
            switch (action) {
                case "continuity-recorded" -> {
                    if (detail.get("sha256") instanceof String sha) {
                        continuityMentioned.add(sha);
                    }
                }
                case "attribution-set" -> {
                    if (detail.get("identifier") instanceof String identifier) {
                        attributionMentioned.add(identifier);
                    }
                }
                case "exhibit-title-edited" -> titleMentioned.add(Long.parseLong(subject.substring("item:".length())));
                default -> {
                    // other entries say nothing of these records
                }
            }
            if (detail.get("record_states") instanceof Map<?, ?> states) {
                states.forEach((k, v) -> recorded.put(k.toString(), v instanceof String s ? s : null));
            }
        }

        void check(Connection c, java.util.function.LongPredicate itemExists, List<String> problems)
                throws SQLException {
            Set<String> present = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(CONTINUITY); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = continuityKey(rs.getLong(1), rs.getString(2));
                    present.add(key);
                    compare(key, continuity(rs), continuityMentioned.contains(rs.getString(2)),
                            "the continuity recorded for original " + rs.getString(2) + " of case " + rs.getLong(1),
                            problems);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(ATTRIBUTION); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = attributionKey(rs.getLong(1));
                    present.add(key);
                    compare(key, attribution(rs), attributionMentioned.contains(rs.getString(2)),
                            "the basis recorded for " + rs.getString(2), problems);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(TITLE); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = titleKey(rs.getLong(1));
                    present.add(key);
                    compare(key, title(rs), titleMentioned.contains(rs.getLong(1)),
                            "the exhibit title of item " + rs.getLong(1), problems);
                }
            }
            for (Map.Entry<String, String> e : recorded.entrySet()) {
                String key = e.getKey();
                if (present.contains(key) || e.getValue() == null || NONE.equals(e.getValue())) {
                    continue;
                }
                if (key.startsWith("exhibit-title:")) {
                    long item = Long.parseLong(key.substring("exhibit-title:".length()));
                    if (itemExists.test(item)) {
                        problems.add("the exhibit title of item " + item + " is missing: it was removed outside"
                                + " Casebook");
                    } // else it went with its item, whose deletion is checked with the items
                } else if (key.startsWith("attribution:")) {
                    if (identifierExists(c, Long.parseLong(key.substring("attribution:".length())))) {
                        problems.add("the basis recorded for identifier " + key.substring("attribution:".length())
                                + " is missing: it was removed outside Casebook");
                    } // else it went with its identifier, which the person's state covers
                } else {
                    problems.add("the continuity recorded as " + key + " is missing: it was removed outside Casebook");
                }
            }
        }

        private void compare(String key, String now, boolean mentioned, String name, List<String> problems) {
            if (!recorded.containsKey(key)) {
                if (!mentioned) {
                    problems.add(name + " has no audit record: it was added outside Casebook");
                }
                return; // recorded before states were: not compared
            }
            String then = recorded.get(key);
            if (NONE.equals(then)) {
                problems.add(name + " was added outside Casebook (its last audit record says there is none)");
            } else if (then != null && !then.equals(now)) {
                problems.add(name + " was changed outside Casebook (it no longer matches its audit record)");
            }
        }

        private static boolean identifierExists(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM identifier WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }
    }
}
