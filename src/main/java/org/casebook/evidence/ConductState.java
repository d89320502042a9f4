package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SHA-256 of a course-of-conduct record as it now stands — an order with its conditions, a report or
 * impact entry with the items it links to, an item's behaviour tags and breach decisions — written into the
 * audit entry of every change so that {@code verify} finds records altered outside Casebook.
 *
 * <p>The canonical form is {@link ItemState}'s ({@code name=value} lines, nulls left out, so a column added later
 * leaves the states of records that never set it unchanged): the record's row,
 * then its child rows in a fixed order. Audit detail keys: {@code state} on an order, report or impact entry;
 * {@code conduct_state} on an item's tag or breach entry; {@code conduct_states} (subject to state) for the
 * records a change altered as a side effect, e.g. the reports whose links went with a deleted item.
 */
public final class ConductState {
    /** The state of an item with no tags and no breach decisions. */
    static final String NONE = empty();

    private ConductState() {
    }

    /** The kinds of record, each read as its row (if it has one) and child rows, all keyed by the record id. */
    enum Kind {
        ORDER("order", new Part("court_order", "id", "id", "case_id", "kind", "issuer", "reference", "made",
                "expires", "against_person_id", "notes", "added_utc", "served", "served_how", "document_item_id"),
                new Part("order_condition", "order_id", "order_id, position", "id AS condition", "position", "text")),
        REPORT("report", new Part("report", "id", "id", "case_id", "at_utc", "at_zone", "at_local", "recipient_kind",
                "recipient", "reference", "contact", "outcome", "added_utc", "collar"),
                new Part("report_link", "report_id", "report_id, item_id", "item_id AS item")),
        IMPACT("impact", new Part("impact", "id", "id", "case_id", "day", "kind", "text", "added_utc"),
                new Part("impact_link", "impact_id", "impact_id, item_id", "item_id AS item")),
        /** The witness's answer to a warning sign (risk screening support). */
        WARNING_SIGN("warning-sign", new Part("warning_sign_answer", "id", "id", "case_id", "sign", "answer", "note",
                "answered_utc")),
        /** A screening an advocate or officer ran with their own tool. */
        SCREENING("screening", new Part("screening", "id", "id", "case_id", "tool", "screened_on", "screened_by",
                "outcome", "notes", "added_utc")),
        /** An item's conduct markings; the item's own row is {@link ItemState}'s. */
        ITEM("item", null,
                new Part("item_tag", "item_id", "item_id, tag", "tag"),
                new Part("breach", "item_id", "item_id, condition_id", "condition_id AS breach", "status", "note",
                        "decided_utc"));

        final String subject;
        final Part row;
        final List<Part> parts;

        Kind(String subject, Part row, Part... children) {
            this.subject = subject;
            this.row = row;
            this.parts = new ArrayList<>();
            if (row != null) {
                parts.add(row);
            }
            parts.addAll(List.of(children));
        }
    }

    /** One table's rows of a record: the owning id first, then the named columns in canonical order. */
    record Part(String table, String owner, String order, String... columns) {
        String sql(boolean one) {
            return "SELECT " + owner + ", " + String.join(", ", columns) + " FROM " + table
                    + (one ? " WHERE " + owner + " = ?" : "") + " ORDER BY " + order;
        }

        String name(int i) {
            String col = columns[i];
            int as = col.indexOf(" AS ");
            return as < 0 ? col : col.substring(as + 4);
        }
    }

    public static Optional<String> ofOrder(Connection c, long orderId) throws SQLException {
        return of(c, Kind.ORDER, orderId);
    }

    public static Optional<String> ofReport(Connection c, long reportId) throws SQLException {
        return of(c, Kind.REPORT, reportId);
    }

    public static Optional<String> ofImpact(Connection c, long impactId) throws SQLException {
        return of(c, Kind.IMPACT, impactId);
    }

    public static Optional<String> ofWarningSign(Connection c, long answerId) throws SQLException {
        return of(c, Kind.WARNING_SIGN, answerId);
    }

    public static Optional<String> ofScreening(Connection c, long screeningId) throws SQLException {
        return of(c, Kind.SCREENING, screeningId);
    }

    /** The state of an item's tags and breach decisions (a fixed value when it has none). */
    public static String ofItemMarkings(Connection c, long itemId) throws SQLException {
        return of(c, Kind.ITEM, itemId).orElse(NONE);
    }

    /** The subjects ({@code report:N}, {@code impact:N}) of the records linking to an item. */
    static List<String> linkingTo(Connection c, long itemId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 'report:' || report_id FROM report_link WHERE item_id = ?
                UNION ALL SELECT 'impact:' || impact_id FROM impact_link WHERE item_id = ?""")) {
            ps.setLong(1, itemId);
            ps.setLong(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The state of the record a subject such as {@code report:3} names, if it exists. */
    static Optional<String> ofSubject(Connection c, String subject) throws SQLException {
        int colon = subject.indexOf(':');
        String prefix = subject.substring(0, colon);
        long id = Long.parseLong(subject.substring(colon + 1));
        for (Kind kind : Kind.values()) {
            if (kind.row != null && kind.subject.equals(prefix)) {
                return of(c, kind, id);
            }
        }
        throw new IllegalArgumentException("not a conduct record: " + subject);
    }

    private static Optional<String> of(Connection c, Kind kind, long id) throws SQLException {
        String[] found = {null};
        scan(c, kind, id, (recordId, state) -> found[0] = state);
        return Optional.ofNullable(found[0]);
    }

    /** Receives each record's id and state from {@link #scanAll}, in id order. */
    @FunctionalInterface
    interface StateSink {
        void accept(long id, String state) throws SQLException;
    }

    /**
     * Computes every record's state of one kind in one pass: a merge of the kind's tables, each read once in
     * id order (their primary keys or unique indexes give that order without sorting). Records of a kind with
     * a row table that have child rows but no row are left out: their owner's absence is reported elsewhere.
     */
    static void scanAll(Connection c, Kind kind, StateSink sink) throws SQLException {
        scan(c, kind, null, sink);
    }

    private static void scan(Connection c, Kind kind, Long only, StateSink sink) throws SQLException {
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            List<Cursor> cursors = new ArrayList<>();
            for (Part part : kind.parts) {
                PreparedStatement ps = c.prepareStatement(part.sql(only != null));
                statements.add(ps);
                if (only != null) {
                    ps.setLong(1, only);
                }
                cursors.add(new Cursor(part, ps.executeQuery()));
            }
            ItemState.Hasher hasher = new ItemState.Hasher();
            while (true) {
                long next = Long.MAX_VALUE;
                boolean any = false;
                for (Cursor cursor : cursors) {
                    if (!cursor.done && cursor.owner <= next) {
                        next = cursor.owner;
                        any = true;
                    }
                }
                if (!any) {
                    return;
                }
                hasher.start();
                boolean hasRow = false;
                for (Cursor cursor : cursors) {
                    while (!cursor.done && cursor.owner == next) {
                        hasRow |= cursor.part == kind.row;
                        cursor.appendTo(hasher);
                        cursor.advance();
                    }
                }
                String state = hasher.hex();
                if (kind.row == null || hasRow) {
                    sink.accept(next, state);
                }
            }
        } finally {
            for (PreparedStatement ps : statements) {
                ps.close();
            }
        }
    }

    /** A result set read in step with the others. */
    private static final class Cursor {
        final Part part;
        final ResultSet rs;
        final String[] names;
        boolean done;
        long owner;

        Cursor(Part part, ResultSet rs) throws SQLException {
            this.part = part;
            this.rs = rs;
            this.names = new String[part.columns().length];
            for (int i = 0; i < names.length; i++) {
                names[i] = part.name(i);
            }
            advance();
        }

        void advance() throws SQLException {
            done = !rs.next();
            if (!done) {
                owner = rs.getLong(1);
            }
        }

        void appendTo(ItemState.Hasher hasher) throws SQLException {
            for (int i = 0; i < names.length; i++) {
                hasher.append(names[i], rs.getString(i + 2));
            }
        }
    }

    private static String empty() {
        ItemState.Hasher hasher = new ItemState.Hasher();
        hasher.start();
        return hasher.hex();
    }
}
