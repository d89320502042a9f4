package org.casebook.conduct;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.casebook.evidence.Inputs;
import org.casebook.vault.Vault;

/**
 * What reports and impact entries share: a table {@code name} of a case's records, a table {@code name_link}
 * (column {@code name_id}) of the items each is linked to, and audit entries on subject {@code name:id} whose
 * state lets verify find an altered record.
 */
final class LinkedRecords<R> {
    /** The state verify checks for a record (see {@code ConductState}). */
    interface State {
        Optional<String> of(Connection c, long id) throws SQLException;
    }

    private final Vault vault;
    private final String name;
    private final ConductRows.Reader<R> reader;
    private final ToLongFunction<R> caseOf;
    private final Function<R, List<Long>> itemsOf;
    private final Function<R, Map<String, Object>> values;
    private final State state;

    /** {@code values}: the record's fields as the audit log keeps them. */
    LinkedRecords(Vault vault, String name, ConductRows.Reader<R> reader, ToLongFunction<R> caseOf,
                  Function<R, List<Long>> itemsOf, Function<R, Map<String, Object>> values, State state) {
        this.vault = vault;
        this.name = name;
        this.reader = reader;
        this.caseOf = caseOf;
        this.itemsOf = itemsOf;
        this.values = values;
        this.state = state;
    }

    String subject(long id) {
        return name + ":" + id;
    }

    String state(Connection c, long id) throws SQLException {
        return state.of(c, id).orElseThrow();
    }

    /** Reads the record just inserted and records it in the audit log. */
    R added(Connection c, long caseId, long id) throws SQLException {
        R record = reader.get(c, id);
        vault.audit().append(c, name + "-added", subject(id), Map.of("case", caseId, "values", values.apply(record),
                "state", state(c, id)));
        return record;
    }

    /**
     * Records an edit: {@code changes} holds each changed field's old and new value. Nothing is recorded when
     * neither a field nor the state verify checks changed.
     */
    void edited(Connection c, long id, Map<String, Object> changes, String stateBefore) throws SQLException {
        String after = state(c, id);
        if (!changes.isEmpty() || !after.equals(stateBefore)) {
            vault.audit().append(c, name + "-edited", subject(id), Map.of("changes", changes, "state", after));
        }
    }

    /** Links an item of the record's case without an audit entry: for a record not yet recorded as added. */
    void linkUnaudited(Connection c, long id, long caseId, long itemId) throws SQLException {
        ConductRows.itemOfCase(c, itemId, caseId);
        ConductRows.link(c, insertLink(), id, itemId);
    }

    R link(long id, long itemId) {
        return vault.write(c -> {
            R record = reader.get(c, id);
            ConductRows.itemOfCase(c, itemId, caseOf.applyAsLong(record));
            if (ConductRows.link(c, insertLink(), id, itemId)) {
                vault.audit().append(c, name + "-linked", subject(id), Map.of("item", itemId, "state", state(c, id)));
            }
            return reader.get(c, id);
        });
    }

    R unlink(long id, long itemId) {
        return vault.write(c -> {
            reader.get(c, id);
            if (ConductRows.link(c, "DELETE FROM " + name + "_link WHERE " + name + "_id = ? AND item_id = ?",
                    id, itemId)) {
                vault.audit().append(c, name + "-unlinked", subject(id), Map.of("item", itemId, "state", state(c, id)));
            }
            return reader.get(c, id);
        });
    }

    /**
     * Links and unlinks in one transaction so that exactly {@code itemIds} are linked; each link made or
     * removed has its own audit entry, as with {@link #link} and {@link #unlink}.
     */
    R setLinks(long id, Set<Long> itemIds) {
        return vault.write(c -> {
            List<Long> linked = itemsOf.apply(reader.get(c, id));
            for (long itemId : linked) {
                if (!itemIds.contains(itemId)) {
                    unlink(id, itemId);
                }
            }
            for (long itemId : itemIds) {
                if (!linked.contains(itemId)) {
                    link(id, itemId);
                }
            }
            return reader.get(c, id);
        });
    }

    /** Deletes the record and its links; the audit log keeps its values, the items it linked and why. */
    void delete(long id, String reason) {
        String why = Inputs.required("reason", reason);
        vault.write(c -> {
            R record = reader.get(c, id);
            try (var ps = c.prepareStatement("DELETE FROM " + name + " WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            vault.audit().append(c, name + "-deleted", subject(id), Map.of("reason", why,
                    "values", values.apply(record), "items", itemsOf.apply(record)));
            return null;
        });
    }

    R get(long id) {
        return vault.read(c -> reader.get(c, id));
    }

    /** The fields that differ between two versions of a record. */
    Map<String, Object> changes(R before, R after) {
        return org.casebook.evidence.Changes.between(values.apply(before), values.apply(after));
    }

    private String insertLink() {
        return "INSERT OR IGNORE INTO " + name + "_link(" + name + "_id, item_id) VALUES (?,?)";
    }
}
