package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Who is who: why the witness says each number, e-mail address, account, postal address or vehicle is a person's
 * ("his number since 2019; he called me from it"), and whether the export itself shows it (his name in an
 * e-mail's From line) or it is her belief. A defence asks exactly this of every attribution. Every change is
 * one transaction with an audit entry on the person.
 */
public final class Attributions {
    /** One identifier of a person with what the witness says about it; {@code basis} is null when she gave none. */
    public record Attribution(IdentifierKind kind, String value, String basis, boolean shownInExport) {
        /** The witness's belief rather than something the export shows. */
        public boolean belief() {
            return !shownInExport;
        }
    }

    /** A person (not merged into another) with every identifier attributed to them, in the order recorded. */
    public record PersonAttributions(long personId, String name, PersonRole role, List<Attribution> identifiers) {
        public PersonAttributions {
            identifiers = List.copyOf(identifiers);
        }
    }

    private final Vault vault;
    private final Clock clock;

    public Attributions(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public Attributions(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Records the basis of one of the person's identifiers, adding the identifier to them when they do not have it
     * yet (a vehicle, a second number). Setting it again replaces it; the audit log keeps the earlier one.
     */
    public Person attribute(long personId, Identifier identifier, String basis, boolean shownInExport) {
        String cleanBasis = Inputs.optional(basis);
        if (identifier.normalized().isEmpty() || "+".equals(identifier.normalized())) {
            throw VaultException.badInput(identifier.kind().code() + ": '" + identifier.raw() + "' has nothing to match on.");
        }
        return vault.write(c -> {
            Person person = PersonService.get(c, personId);
            Long kept = PersonService.mergedInto(c, personId);
            if (kept != null) {
                throw VaultException.badInput("person: " + person.name() + " (" + personId
                        + ") was merged into person " + kept + "; give that person's id.");
            }
            Long identifierId = find(c, person, identifier);
            boolean added = identifierId == null;
            if (added) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO identifier(person_id, kind, raw, normalized) VALUES (?,?,?,?)")) {
                    ps.setLong(1, personId);
                    ps.setString(2, identifier.kind().code());
                    ps.setString(3, identifier.raw().strip());
                    ps.setString(4, identifier.normalized());
                    ps.executeUpdate();
                }
                identifierId = Sql.lastId(c);
            }
            Map<String, Object> before = attribution(c, identifierId);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO attribution(identifier_id, basis, shown_in_export, set_utc) VALUES (?,?,?,?)
                    ON CONFLICT(identifier_id) DO UPDATE SET basis = excluded.basis,
                        shown_in_export = excluded.shown_in_export, set_utc = excluded.set_utc""")) {
                ps.setLong(1, identifierId);
                ps.setString(2, cleanBasis);
                ps.setInt(3, shownInExport ? 1 : 0);
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            if (added) {
                Changes.note(changes, "identifiers_added", List.of(), List.of(identifier.kind().code() + ":"
                        + identifier.raw().strip()));
            }
            Changes.note(changes, "basis", before.get("basis"), cleanBasis);
            Changes.note(changes, "shown_in_export", before.get("shown_in_export"), shownInExport);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("identifier", identifier.kind().code() + ":" + identifier.raw().strip());
            detail.put("changes", changes);
            detail.put("state", ItemState.ofPerson(c, personId).orElseThrow());
            detail.put("record_states", Map.of(SideRecords.attributionKey(identifierId),
                    SideRecords.attributionState(c, identifierId)));
            vault.audit().append(c, "attribution-set", "person:" + personId, detail);
            return PersonService.get(c, personId);
        });
    }

    /** The case's people (those kept after merges), each with every identifier and its basis, by id. */
    public List<PersonAttributions> forCase(long caseId) {
        return vault.read(c -> {
            Map<Long, String[]> people = new LinkedHashMap<>();
            Map<Long, List<Attribution>> ids = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.name, p.role, i.kind, i.raw, a.basis, a.shown_in_export
                    FROM person p LEFT JOIN identifier i ON i.person_id = p.id
                    LEFT JOIN attribution a ON a.identifier_id = i.id
                    WHERE p.case_id = ? AND p.merged_into IS NULL ORDER BY p.id, i.id""")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        people.putIfAbsent(id, new String[] {rs.getString(2), rs.getString(3)});
                        List<Attribution> list = ids.computeIfAbsent(id, k -> new ArrayList<>());
                        if (rs.getString(4) != null) {
                            list.add(new Attribution(IdentifierKind.fromCode(rs.getString(4)), rs.getString(5),
                                    rs.getString(6), rs.getInt(7) == 1));
                        }
                    }
                }
            }
            List<PersonAttributions> out = new ArrayList<>();
            people.forEach((id, p) -> out.add(new PersonAttributions(id, p[0], PersonRole.fromCode(p[1]), ids.get(id))));
            return out;
        });
    }

    /**
     * The person's identifier that is this one: a phone number by {@link SenderMatch}'s rule (07700 900123 is
     * +44 7700 900123 in a case kept in Europe/London), anything else by its normalised form.
     */
    private static Long find(Connection c, Person person, Identifier identifier) throws SQLException {
        SenderMatch match = SenderMatch.forZone(CaseService.get(c, person.caseId()).zone());
        String key = match.identifierKey(identifier.kind(), identifier.raw());
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, raw, normalized FROM identifier WHERE person_id = ? AND kind = ? ORDER BY id")) {
            ps.setLong(1, person.id());
            ps.setString(2, identifier.kind().code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String other = match.identifierKey(identifier.kind(), rs.getString(2));
                    boolean same = identifier.kind() == IdentifierKind.PHONE && key != null && other != null
                            ? match.same(java.util.Set.of(key), java.util.Set.of(other))
                            : identifier.normalized().equals(rs.getString(3));
                    if (same) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, Object> attribution(Connection c, long identifierId) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT basis, shown_in_export FROM attribution WHERE identifier_id = ?")) {
            ps.setLong(1, identifierId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.put("basis", rs.getString(1));
                    out.put("shown_in_export", rs.getInt(2) == 1);
                }
            }
        }
        return out;
    }
}
