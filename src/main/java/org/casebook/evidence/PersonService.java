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

    public List<Person> list(long caseId) {
        return vault.read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE case_id = ? ORDER BY id")) {
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
