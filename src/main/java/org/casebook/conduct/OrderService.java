package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.Changes;
import org.casebook.evidence.ConductState;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Sql;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.CourtOrder;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderCondition;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Orders protecting the person, their conditions, and the user's decisions on possible breaches. Every change
 * is one transaction with an audit entry; edits keep the old values.
 */
public final class OrderService {
    private static final String SELECT = """
            SELECT id, case_id, kind, issuer, reference, made, expires, against_person_id, notes, added_utc,
                   served, served_how, document_item_id
            FROM court_order""";
    private static final String BREACH_SELECT = """
            SELECT b.item_id, oc.order_id, b.condition_id, oc.text, b.status, b.note, b.decided_utc
            FROM breach b JOIN order_condition oc ON oc.id = b.condition_id""";

    private final Vault vault;
    private final Clock clock;

    public OrderService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public OrderService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    public CourtOrder add(long caseId, OrderDraft draft) {
        OrderDraft clean = validate(draft);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            ConductRows.requirePersonOfCase(c, clean.againstPersonId(), caseId, "against");
            requireDocumentOfCase(c, clean.documentItemId(), caseId);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO court_order(case_id, kind, issuer, reference, made, expires, against_person_id,
                                            notes, served, served_how, document_item_id, added_utc)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setLong(1, caseId);
                bindFields(ps, 2, clean);
                ps.setLong(12, clock.millis());
                ps.executeUpdate();
            }
            long id = Sql.lastId(c);
            for (int i = 0; i < clean.conditions().size(); i++) {
                insertCondition(c, id, i + 1, clean.conditions().get(i));
            }
            CourtOrder order = get(c, id);
            vault.audit().append(c, "order-added", "order:" + id, Map.of("case", caseId, "values", values(order),
                    "state", ConductState.ofOrder(c, id).orElseThrow()));
            return order;
        });
    }

    /**
     * Replaces an order's fields and conditions. Conditions are matched by position: a changed text keeps the
     * decisions made on it; a condition can be removed only when no breach was decided on it.
     */
    public CourtOrder edit(long orderId, OrderDraft draft) {
        OrderDraft clean = validate(draft);
        return vault.write(c -> {
            CourtOrder before = get(c, orderId);
            String stateBefore = ConductState.ofOrder(c, orderId).orElseThrow();
            ConductRows.requirePersonOfCase(c, clean.againstPersonId(), before.caseId(), "against");
            requireDocumentOfCase(c, clean.documentItemId(), before.caseId());
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE court_order SET kind = ?, issuer = ?, reference = ?, made = ?, expires = ?,
                                           against_person_id = ?, notes = ?, served = ?, served_how = ?,
                                           document_item_id = ? WHERE id = ?""")) {
                bindFields(ps, 1, clean);
                ps.setLong(11, orderId);
                ps.executeUpdate();
            }
            List<OrderCondition> old = before.conditions();
            for (int i = 0; i < clean.conditions().size(); i++) {
                if (i < old.size()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE order_condition SET text = ? WHERE id = ?")) {
                        ps.setString(1, clean.conditions().get(i));
                        ps.setLong(2, old.get(i).id());
                        ps.executeUpdate();
                    }
                } else {
                    insertCondition(c, orderId, i + 1, clean.conditions().get(i));
                }
            }
            // A removed condition takes its dismissals with it ("Not a breach" records one on every condition,
            // so refusing would make conditions impossible to remove); a confirmed breach must stay.
            List<Long> undecided = new ArrayList<>();
            for (int i = clean.conditions().size(); i < old.size(); i++) {
                OrderCondition gone = old.get(i);
                if (!ConductRows.ids(c, "SELECT item_id FROM breach WHERE condition_id = ? AND status = 'confirmed'", gone.id()).isEmpty()) {
                    throw VaultException.badInput("conditions: condition " + gone.position() + " (\"" + gone.text()
                            + "\") has confirmed breaches recorded; it cannot be removed. Edit its wording instead.");
                }
                undecided.addAll(ConductRows.ids(c, "SELECT item_id FROM breach WHERE condition_id = ?", gone.id()));
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_condition WHERE id = ?")) {
                    ps.setLong(1, gone.id());
                    ps.executeUpdate();
                }
            }
            CourtOrder after = get(c, orderId);
            Map<String, Object> changes = Changes.between(values(before), values(after));
            String state = ConductState.ofOrder(c, orderId).orElseThrow();
            if (!changes.isEmpty() || !state.equals(stateBefore)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("changes", changes);
                detail.put("state", state);
                if (!undecided.isEmpty()) {
                    Map<String, Object> markings = new TreeMap<>();
                    for (long item : undecided) {
                        markings.put("item:" + item, ConductState.ofItemMarkings(c, item));
                    }
                    detail.put("conduct_states", markings);
                }
                vault.audit().append(c, "order-edited", "order:" + orderId, detail);
            }
            return after;
        });
    }

    /** Deletes an order, its conditions and the breach decisions on them; the audit log keeps all of it. */
    public void delete(long orderId, String reason) {
        String why = Inputs.required("reason", reason);
        vault.write(c -> {
            CourtOrder order = get(c, orderId);
            List<BreachDecision> decisions = breaches(c, orderId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM court_order WHERE id = ?")) {
                ps.setLong(1, orderId);
                ps.executeUpdate();
            }
            List<Map<String, Object>> decided = new ArrayList<>();
            // The decisions went with the order: record what each item's markings are now.
            Map<String, Object> markings = new TreeMap<>();
            for (BreachDecision d : decisions) {
                decided.add(Map.of("item", d.itemId(), "condition", d.condition(), "status", d.status().code()));
                markings.put("item:" + d.itemId(), ConductState.ofItemMarkings(c, d.itemId()));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("reason", why);
            detail.put("values", values(order));
            detail.put("breaches", decided);
            if (!markings.isEmpty()) {
                detail.put("conduct_states", markings);
            }
            vault.audit().append(c, "order-deleted", "order:" + orderId, detail);
            return null;
        });
    }

    public CourtOrder get(long orderId) {
        return vault.read(c -> get(c, orderId));
    }

    /** The case's orders, the earliest made first. */
    public List<CourtOrder> list(long caseId) {
        return vault.read(c -> list(c, caseId));
    }

    static List<CourtOrder> list(Connection c, long caseId) throws SQLException {
        return ConductRows.each(c, "SELECT id FROM court_order WHERE case_id = ? ORDER BY made, id", caseId,
                OrderService::get);
    }

    /**
     * Records the user's decision that {@code itemId} did or did not breach a condition. Deciding again
     * replaces the decision; the audit log keeps the earlier one.
     */
    public BreachDecision decide(long itemId, long conditionId, BreachStatus status, String note) {
        Objects.requireNonNull(status, "status");
        String cleanNote = Inputs.optional(note);
        return vault.write(c -> {
            OrderCondition condition = condition(c, conditionId);
            CourtOrder order = get(c, condition.orderId());
            ConductRows.itemOfCase(c, itemId, order.caseId());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("order", order.id());
            detail.put("condition", conditionId);
            detail.put("condition_text", condition.text());
            detail.put("changes", upsert(c, itemId, conditionId, status, cleanNote));
            detail.put("conduct_state", ConductState.ofItemMarkings(c, itemId));
            vault.audit().append(c, "breach-" + status.code(), "item:" + itemId, detail);
            return decision(c, itemId, conditionId);
        });
    }

    /**
     * Records that {@code itemId} was not a breach of the order at all: a dismissal on every one of its
     * conditions, in one transaction and one audit entry. Confirmed breaches of single conditions are turned
     * into dismissals too, because the user has said the item breached nothing in this order.
     */
    public List<BreachDecision> dismissForOrder(long itemId, long orderId, String note) {
        String cleanNote = Inputs.optional(note);
        return vault.write(c -> {
            CourtOrder order = get(c, orderId);
            ConductRows.itemOfCase(c, itemId, order.caseId());
            List<Map<String, Object>> conditions = new ArrayList<>();
            List<BreachDecision> out = new ArrayList<>();
            for (OrderCondition condition : order.conditions()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("condition", condition.id());
                one.put("condition_text", condition.text());
                one.put("changes", upsert(c, itemId, condition.id(), BreachStatus.DISMISSED, cleanNote));
                conditions.add(one);
                out.add(decision(c, itemId, condition.id()));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("order", orderId);
            detail.put("whole_order", true);
            detail.put("conditions", conditions);
            detail.put("conduct_state", ConductState.ofItemMarkings(c, itemId));
            vault.audit().append(c, "breach-" + BreachStatus.DISMISSED.code(), "item:" + itemId, detail);
            return out;
        });
    }

    /** Inserts or replaces one decision; returns what changed (status, note) for the audit entry. */
    private Map<String, Object> upsert(Connection c, long itemId, long conditionId, BreachStatus status, String note)
            throws SQLException {
        BreachDecision before = decision(c, itemId, conditionId);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO breach(item_id, condition_id, status, note, decided_utc) VALUES (?,?,?,?,?)
                ON CONFLICT(item_id, condition_id) DO UPDATE SET status = excluded.status,
                    note = excluded.note, decided_utc = excluded.decided_utc""")) {
            ps.setLong(1, itemId);
            ps.setLong(2, conditionId);
            ps.setString(3, status.code());
            ps.setString(4, note);
            ps.setLong(5, clock.millis());
            ps.executeUpdate();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        Changes.note(changes, "status", before == null ? null : before.status().code(), status.code());
        Changes.note(changes, "note", before == null ? null : before.note(), note);
        return changes;
    }

    public BreachDecision confirm(long itemId, long conditionId, String note) {
        return decide(itemId, conditionId, BreachStatus.CONFIRMED, note);
    }

    public BreachDecision dismiss(long itemId, long conditionId, String note) {
        return decide(itemId, conditionId, BreachStatus.DISMISSED, note);
    }

    /** Every decision on the order's conditions, confirmed and dismissed, in the order the items happened. */
    public List<BreachDecision> breaches(long orderId) {
        return vault.read(c -> {
            get(c, orderId);
            return breaches(c, orderId);
        });
    }

    static List<BreachDecision> breaches(Connection c, long orderId) throws SQLException {
        List<BreachDecision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BREACH_SELECT
                + " JOIN item i ON i.id = b.item_id WHERE oc.order_id = ? ORDER BY i.at_utc, i.id, oc.position")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readDecision(rs));
                }
            }
        }
        return out;
    }

    private static BreachDecision decision(Connection c, long itemId, long conditionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BREACH_SELECT + " WHERE b.item_id = ? AND b.condition_id = ?")) {
            ps.setLong(1, itemId);
            ps.setLong(2, conditionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? readDecision(rs) : null;
            }
        }
    }

    private static BreachDecision readDecision(ResultSet rs) throws SQLException {
        return new BreachDecision(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                BreachStatus.fromCode(rs.getString(5)), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
    }

    static CourtOrder get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("order: no order with id " + id + ".");
                }
                return new CourtOrder(rs.getLong(1), rs.getLong(2), OrderKind.fromCode(rs.getString(3)),
                        rs.getString(4), rs.getString(5), ConductRows.date(rs, 6), ConductRows.date(rs, 7),
                        Sql.nullableLong(rs, 8), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)),
                        conditions(c, id), ConductRows.date(rs, 11), rs.getString(12), Sql.nullableLong(rs, 13));
            }
        }
    }

    private static List<OrderCondition> conditions(Connection c, long orderId) throws SQLException {
        List<OrderCondition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, position, text FROM order_condition WHERE order_id = ? ORDER BY position")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OrderCondition(rs.getLong(1), orderId, rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static OrderCondition condition(Connection c, long conditionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT order_id, position, text FROM order_condition WHERE id = ?")) {
            ps.setLong(1, conditionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("condition: no order condition with id " + conditionId + ".");
                }
                return new OrderCondition(conditionId, rs.getLong(1), rs.getInt(2), rs.getString(3));
            }
        }
    }

    private static void insertCondition(Connection c, long orderId, int position, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO order_condition(order_id, position, text) VALUES (?,?,?)")) {
            ps.setLong(1, orderId);
            ps.setInt(2, position);
            ps.setString(3, text);
            ps.executeUpdate();
        }
    }

    /** Binds kind, issuer, reference, made, expires, against, notes, served, how and document from {@code first} on. */
    private static void bindFields(PreparedStatement ps, int first, OrderDraft d) throws SQLException {
        ps.setString(first, d.kind().code());
        ps.setString(first + 1, d.issuer());
        ps.setString(first + 2, d.reference());
        ConductRows.setDate(ps, first + 3, d.made());
        ConductRows.setDate(ps, first + 4, d.expires());
        Sql.setNullableLong(ps, first + 5, d.againstPersonId());
        ps.setString(first + 6, d.notes());
        ConductRows.setDate(ps, first + 7, d.served());
        ps.setString(first + 8, d.servedHow());
        Sql.setNullableLong(ps, first + 9, d.documentItemId());
    }

    /** The order's document must be a file attached to the same case. */
    private static void requireDocumentOfCase(Connection c, Long itemId, long caseId) throws SQLException {
        if (itemId == null) {
            return;
        }
        ConductRows.ItemRef ref = ConductRows.item(c, itemId);
        if (ref.caseId() != caseId || ref.kind() != ItemKind.ATTACHMENT) {
            throw VaultException.badInput("document: item " + itemId + " is not a file attached to case " + caseId
                    + ". Attach the order's document first (casebook attach), then give that item's id.");
        }
    }

    /** The recorded values of an order, as the audit log keeps them. */
    private static Map<String, Object> values(CourtOrder o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", o.kind().code());
        v.put("issuer", o.issuer());
        v.put("reference", o.reference());
        v.put("made", o.made().toString());
        v.put("expires", o.expires() == null ? null : o.expires().toString());
        v.put("against", o.againstPersonId());
        v.put("notes", o.notes());
        v.put("served", o.served() == null ? null : o.served().toString());
        v.put("served_how", o.servedHow());
        v.put("document", o.documentItemId());
        v.put("conditions", o.conditions().stream().map(OrderCondition::text).toList());
        return v;
    }

    private static OrderDraft validate(OrderDraft d) {
        if (d.kind() == null) {
            throw VaultException.badInput("kind is required. Use one of: " + OrderKind.codes());
        }
        if (d.made() == null) {
            throw VaultException.badInput("made: the date the order was made is required.");
        }
        if (d.expires() != null && d.expires().isBefore(d.made())) {
            throw VaultException.badInput("expires: " + d.expires() + " is before the date it was made, " + d.made() + ".");
        }
        if (d.served() != null && d.served().isBefore(d.made())) {
            throw VaultException.badInput("served: " + d.served() + " is before the day the order was made, " + d.made() + ".");
        }
        if (d.served() != null && d.expires() != null && d.served().isAfter(d.expires())) {
            throw VaultException.badInput("served: " + d.served() + " is after the order's last day, " + d.expires() + ".");
        }
        String servedHow = Inputs.optional(d.servedHow());
        if (servedHow != null && d.served() == null) {
            throw VaultException.badInput("served-how: give the day it was served too.");
        }
        List<String> conditions = new ArrayList<>();
        for (String text : d.conditions()) {
            String clean = Inputs.optional(text);
            if (clean != null) {
                conditions.add(clean);
            }
        }
        if (conditions.isEmpty()) {
            throw VaultException.badInput("conditions: add at least one condition, e.g. \"No contact directly or indirectly\".");
        }
        return new OrderDraft(d.kind(), Inputs.optional(d.issuer()), Inputs.optional(d.reference()), d.made(),
                d.expires(), d.againstPersonId(), Inputs.optional(d.notes()), conditions, d.served(), servedHow,
                d.documentItemId());
    }
}
