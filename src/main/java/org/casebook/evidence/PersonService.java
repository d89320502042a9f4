package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.vault.Vault;

/** The people in a case and the numbers, addresses and handles they use. */
public final class PersonService {
    private final Vault vault;

    public PersonService(Vault vault) {
        this.vault = vault;
    }

    public Person add(long caseId, String name, PersonRole role, List<Identifier> identifiers) {
        String cleanName = Inputs.required("name", name);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO person(case_id, name, role) VALUES (?,?,?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, cleanName);
                ps.setString(3, role.code());
                ps.executeUpdate();
            }
            long id = Sql.lastId(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO identifier(person_id, kind, raw, normalized) VALUES (?,?,?,?)")) {
                for (Identifier identifier : identifiers) {
                    ps.setLong(1, id);
                    ps.setString(2, identifier.kind().code());
                    ps.setString(3, identifier.raw());
                    ps.setString(4, identifier.normalized());
                    ps.executeUpdate();
                }
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", ItemState.ofPerson(c, id).orElseThrow());
            vault.audit().append(c, "person-added", "person:" + id, detail);
            return get(c, id);
        });
    }

    /** Changes how a person relates to the case (a sender found to be the perpetrator, say). */
    public Person setRole(long personId, PersonRole role) {
        return vault.write(c -> {
            Person before = get(c, personId);
            if (before.role() == role) {
                return before;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE person SET role = ? WHERE id = ?")) {
                ps.setString(1, role.code());
                ps.setLong(2, personId);
                ps.executeUpdate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            Changes.note(changes, "role", before.role().code(), role.code());
            vault.audit().append(c, "person-edited", "person:" + personId,
                    Map.of("changes", changes, "state", ItemState.ofPerson(c, personId).orElseThrow()));
            return get(c, personId);
        });
    }

    /**
     * Merges person {@code fromId} into {@code intoId}: the same human behind another number or account. Every
     * identifier of the merged person moves to the one kept, so importing again finds the kept person; their
     * items keep their sender (the timeline still shows the name the export used) and count as the kept
     * person's everywhere (the figures, the transcripts' marking). A perpetrator merged into someone makes them the
     * perpetrator, and the witness merged into someone makes them the witness.
     * People earlier merged into {@code fromId} follow it. The audit log keeps what moved.
     */
    public Person merge(long intoId, long fromId) {
        if (intoId == fromId) {
            throw org.casebook.vault.VaultException.badInput("Cannot merge person " + fromId + " into itself.");
        }
        return vault.write(c -> {
            Person into = get(c, intoId);
            Person from = get(c, fromId);
            if (into.caseId() != from.caseId()) {
                throw org.casebook.vault.VaultException.badInput("Person " + fromId + " and person " + intoId
                        + " belong to different cases.");
            }
            for (long id : new long[] {intoId, fromId}) {
                Long target = mergedInto(c, id);
                if (target != null) {
                    throw org.casebook.vault.VaultException.badInput("Person " + id + " was already merged into person "
                            + target + ".");
                }
            }
            List<Long> followers = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE merged_into = ? ORDER BY id")) {
                ps.setLong(1, fromId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        followers.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE identifier SET person_id = ? WHERE person_id = ?")) {
                ps.setLong(1, intoId);
                ps.setLong(2, fromId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE person SET merged_into = ? WHERE id = ? OR merged_into = ?")) {
                ps.setLong(1, intoId);
                ps.setLong(2, fromId);
                ps.setLong(3, fromId);
                ps.executeUpdate();
            }
            PersonRole role = mergedRole(into, from);
            if (role != into.role()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE person SET role = ? WHERE id = ?")) {
                    ps.setString(1, role.code());
                    ps.setLong(2, intoId);
                    ps.executeUpdate();
                }
            }
            List<String> moved = from.identifiers().stream().map(i -> i.kind().code() + ":" + i.raw()).toList();
            Map<String, Object> fromChanges = new LinkedHashMap<>();
            Changes.note(fromChanges, "merged_into", null, intoId);
            Changes.note(fromChanges, "identifiers", moved, List.of());
            vault.audit().append(c, "person-merged", "person:" + fromId, Map.of("into", intoId,
                    "changes", fromChanges, "state", ItemState.ofPerson(c, fromId).orElseThrow()));
            for (long follower : followers) {
                Map<String, Object> changes = new LinkedHashMap<>();
                Changes.note(changes, "merged_into", fromId, intoId);
                vault.audit().append(c, "person-merged", "person:" + follower, Map.of("into", intoId,
                        "changes", changes, "state", ItemState.ofPerson(c, follower).orElseThrow()));
            }
            Map<String, Object> intoChanges = new LinkedHashMap<>();
            Changes.note(intoChanges, "identifiers_added", List.of(), moved);
            Changes.note(intoChanges, "role", into.role().code(), role.code());
            vault.audit().append(c, "person-edited", "person:" + intoId, Map.of("merged", fromId,
                    "changes", intoChanges, "state", ItemState.ofPerson(c, intoId).orElseThrow()));
            return get(c, intoId);
        });
    }

    /**
     * The role of the person kept after a merge: the perpetrator or the witness stays so, and passes it on to
     * the person kept; the same human cannot be both.
     */
    private static PersonRole mergedRole(Person into, Person from) {
        boolean decisive = from.role() == PersonRole.PERPETRATOR || from.role() == PersonRole.WITNESS;
        if (!decisive || from.role() == into.role()) {
            return into.role();
        }
        if (into.role() == PersonRole.PERPETRATOR || into.role() == PersonRole.WITNESS) {
            throw org.casebook.vault.VaultException.badInput("Person " + from.id() + " (" + from.name() + ") is the "
                    + from.role().code() + " and person " + into.id() + " (" + into.name() + ") the "
                    + into.role().code() + ": one person cannot be both.");
        }
        return from.role();
    }

    public Person get(long id) {
        return vault.read(c -> get(c, id));
    }

    /** Each merged person of the case and the person they were merged into. */
    public Map<Long, Long> mergedInto(long caseId) {
        return vault.read(c -> {
            Map<Long, Long> out = new LinkedHashMap<>();
            if (!Sql.recordsMerges(c)) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, merged_into FROM person WHERE case_id = ? AND merged_into IS NOT NULL ORDER BY id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    static Long mergedInto(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT merged_into FROM person WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Sql.nullableLong(rs, 1) : null;
            }
        }
    }

    /**
     * The people who sent the case's outgoing messages: the person keeping the record, under each name and number
     * her exports gave her ("Me", her own number).
     */
    public List<Person> outgoingSenders(long caseId) {
        return vault.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sender_id FROM item WHERE case_id = ?"
                    + " AND direction = 'outgoing' AND sender_id IS NOT NULL ORDER BY sender_id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<Person> out = new ArrayList<>();
            for (long id : ids) {
                out.add(get(c, id));
            }
            return out;
        });
    }

    /** The people of a case, leaving out those merged into someone else (see {@link #mergedInto}). */
    public List<Person> list(long caseId) {
        return vault.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE case_id = ?"
                    + (Sql.recordsMerges(c) ? " AND merged_into IS NULL" : "") + " ORDER BY id")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<Person> out = new ArrayList<>();
            for (long id : ids) {
                out.add(get(c, id));
            }
            return out;
        });
    }

    static Person get(Connection c, long id) throws SQLException {
        long caseId;
        String name;
        PersonRole role;
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, name, role FROM person WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw org.casebook.vault.VaultException.badInput("No person with id " + id + ".");
                }
                caseId = rs.getLong(1);
                name = rs.getString(2);
                role = PersonRole.fromCode(rs.getString(3));
            }
        }
        List<Identifier> identifiers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, raw, normalized FROM identifier WHERE person_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    identifiers.add(new Identifier(IdentifierKind.fromCode(rs.getString(1)), rs.getString(2),
                            rs.getString(3)));
                }
            }
        }
        return new Person(id, caseId, name, role, identifiers);
    }
}
