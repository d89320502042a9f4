package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The part of {@code verify} that covers the course-of-conduct records: collects, from the audit log read in
 * order, the last state recorded for every order, report, impact entry and item's tags and breach decisions
 * (see {@link ConductState}), then compares each with the record as it now stands.
 *
 * <p>An entry written before states were recorded leaves its record's state unknown: that record is not
 * compared (no spurious failure), though one with no audit entry at all is still reported.
 */
final class ConductCheck {
    /** What the audit log last said about an order, report or impact entry. */
    private static final class Recorded {
        String action;
        String state;
        final Map<String, Object> values = new HashMap<>();
    }

    private final Map<String, Recorded> records = new HashMap<>();
    /** Each item's last recorded markings state; null values mean "unknown" (an entry without one). */
    private final Map<Long, String> markings = new HashMap<>();

    /** Takes in one audit entry (read in sequence order). */
    void note(String subject, String action, Map<String, Object> detail) {
        if (subject.startsWith("item:")) {
            long id = Long.parseLong(subject.substring(5));
            if ("deleted".equals(action)) {
                markings.remove(id); // its tags and decisions went with it
            } else if (detail.get("conduct_state") instanceof String state) {
                markings.put(id, state);
            } else if ("tags-changed".equals(action) || action.startsWith("breach-")) {
                markings.put(id, null);
            }
        } else if (kindOf(subject) != null) {
            Long.parseLong(subject.substring(subject.indexOf(':') + 1)); // an altered subject is unreadable, not a crash
            Recorded r = records.computeIfAbsent(subject, s -> new Recorded());
            r.action = action;
            r.state = detail.get("state") instanceof String state ? state : null;
            if (detail.get("values") instanceof Map<?, ?> values) {
                values.forEach((k, v) -> r.values.put(k.toString(), v));
            }
            if (detail.get("changes") instanceof Map<?, ?> changes) {
                changes.forEach((k, v) -> r.values.put(k.toString(), v instanceof Map<?, ?> m ? m.get("new") : null));
            }
        }
        if (detail.get("conduct_states") instanceof Map<?, ?> states) {
            for (Map.Entry<?, ?> e : states.entrySet()) {
                String affected = e.getKey().toString();
                String state = e.getValue() instanceof String s ? s : null;
                if (affected.startsWith("item:")) {
                    markings.put(Long.parseLong(affected.substring(5)), state);
                } else if (records.get(affected) != null) {
                    records.get(affected).state = state;
                }
            }
        }
    }

    /** Compares every record with its last recorded state; {@code itemExists} tells which items are present. */
    void check(Connection c, LongPredicate itemExists, List<String> problems) throws SQLException {
        for (ConductState.Kind kind : ConductState.Kind.values()) {
            if (kind == ConductState.Kind.ITEM) {
                checkMarkings(c, itemExists, problems);
            } else {
                checkRecords(c, kind, problems);
            }
        }
    }

    private void checkRecords(Connection c, ConductState.Kind kind, List<String> problems) throws SQLException {
        Set<String> present = new HashSet<>();
        List<Long> added = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        List<Long> undeleted = new ArrayList<>();
        ConductState.scanAll(c, kind, (id, state) -> {
            String subject = kind.subject + ":" + id;
            present.add(subject);
            Recorded r = records.get(subject);
            if (r == null) {
                added.add(id);
            } else if (r.action.endsWith("-deleted")) {
                undeleted.add(id);
            } else if (r.state != null && !r.state.equals(state)) {
                changed.add(id);
            }
        });
        // Described after the scan: a description needs its own query, and only problems need one.
        for (long id : added) {
            problems.add(describeRow(c, kind, id) + " has no audit record: it was added outside Casebook");
        }
        for (long id : changed) {
            problems.add(describeRow(c, kind, id) + " was changed outside Casebook (it no longer matches its audit"
                    + " record)");
        }
        for (long id : undeleted) {
            problems.add(describeRow(c, kind, id) + " was deleted (audit) but is present again");
        }
        for (Map.Entry<String, Recorded> e : records.entrySet()) {
            String subject = e.getKey();
            if (kindOf(subject) == kind && !present.contains(subject) && !e.getValue().action.endsWith("-deleted")) {
                long id = Long.parseLong(subject.substring(subject.indexOf(':') + 1));
                problems.add(describeRecorded(kind, id, e.getValue().values) + " is missing without a delete record:"
                        + " it was removed outside Casebook");
            }
        }
    }

    private void checkMarkings(Connection c, LongPredicate itemExists, List<String> problems) throws SQLException {
        Set<Long> marked = new HashSet<>();
        ConductState.scanAll(c, ConductState.Kind.ITEM, (id, state) -> {
            if (!itemExists.test(id)) {
                return; // the missing item is reported with the items
            }
            marked.add(id);
            if (!markings.containsKey(id)) {
                problems.add("the behaviour tags or breach decisions of item " + id + " have no audit record: they"
                        + " were added outside Casebook");
            } else {
                compare(id, markings.get(id), state, problems);
            }
        });
        for (Map.Entry<Long, String> e : markings.entrySet()) {
            if (!marked.contains(e.getKey()) && itemExists.test(e.getKey())) {
                compare(e.getKey(), e.getValue(), ConductState.NONE, problems);
            }
        }
    }

    private static void compare(long itemId, String recorded, String now, List<String> problems) {
        if (recorded != null && !recorded.equals(now)) {
            problems.add("the behaviour tags or breach decisions of item " + itemId + " were changed outside"
                    + " Casebook (they no longer match their audit record)");
        }
    }

    private static ConductState.Kind kindOf(String subject) {
        for (ConductState.Kind kind : ConductState.Kind.values()) {
            if (kind.row != null && subject.startsWith(kind.subject + ":")) {
                return kind;
            }
        }
        return null;
    }

    /** Names a record present in the vault in plain words, from its current row. */
    private static String describeRow(Connection c, ConductState.Kind kind, long id) throws SQLException {
        String sql = switch (kind) {
            case ORDER -> "SELECT kind, NULL, reference, made FROM court_order WHERE id = ?";
            case REPORT -> "SELECT recipient_kind, recipient, reference, substr(at_local, 1, 10) FROM report WHERE id = ?";
            case IMPACT -> "SELECT kind, NULL, NULL, day FROM impact WHERE id = ?";
            case WARNING_SIGN -> "SELECT sign, NULL, NULL, NULL FROM warning_sign_answer WHERE id = ?";
            case SCREENING -> "SELECT tool, screened_by, NULL, screened_on FROM screening WHERE id = ?";
            case ITEM -> throw new IllegalArgumentException("items are not described here");
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return describe(kind, id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    /** Names a record that is gone, from the values its audit entries recorded. */
    private static String describeRecorded(ConductState.Kind kind, long id, Map<String, Object> v) {
        return switch (kind) {
            case ORDER -> describe(kind, id, text(v.get("kind")), null, text(v.get("reference")), text(v.get("made")));
            case REPORT -> {
                String at = text(v.get("at"));
                yield describe(kind, id, text(v.get("recipient_kind")), text(v.get("recipient")),
                        text(v.get("reference")), at == null || at.length() < 10 ? at : at.substring(0, 10));
            }
            case IMPACT -> describe(kind, id, text(v.get("kind")), null, null, text(v.get("date")));
            case WARNING_SIGN -> describe(kind, id, text(v.get("sign")), null, null, null);
            case SCREENING -> describe(kind, id, text(v.get("tool")), text(v.get("by")), null, text(v.get("date")));
            case ITEM -> throw new IllegalArgumentException("items are not described here");
        };
    }

    /** e.g. "report #3 (police, ref 13/999/24)", "order #1 (restraining-order, made 2024-03-10)". */
    private static String describe(ConductState.Kind kind, long id, String type, String who, String ref, String date) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (kind == ConductState.Kind.IMPACT) {
            parts.put("date", date);
            parts.put("type", type);
        } else {
            parts.put("type", type);
            parts.put("who", who);
            parts.put("ref", ref != null ? "ref " + ref : date == null ? null
                    : (kind == ConductState.Kind.ORDER ? "made " : "") + date);
        }
        List<String> words = parts.values().stream().filter(p -> p != null && !p.isBlank()).toList();
        String label = kind == ConductState.Kind.IMPACT ? "impact entry"
                : kind == ConductState.Kind.WARNING_SIGN ? "warning-sign answer" : kind.subject;
        return label + " #" + id + (words.isEmpty() ? "" : " (" + String.join(", ", words) + ")");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
