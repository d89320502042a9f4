package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.vault.Json;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Diary entries: adding, reading and editing incidents, with every edit's previous values kept. */
public final class IncidentService {
    private static final String SELECT = """
            SELECT id, case_id, type, at_utc, at_zone, end_utc, approximate, text, location, witnesses,
                   impact, police_ref, added_utc FROM item""";

    private final Vault vault;
    private final Clock clock;

    public IncidentService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public IncidentService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    public Incident add(long caseId, IncidentDraft draft) {
        IncidentDraft clean = validate(draft);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            ItemRow row = new ItemRow(caseId, ItemKind.INCIDENT, clean.type().code(), clean.when(), clock.millis(),
                    clean.description(), clean.location(),
                    clean.witnesses().isEmpty() ? null : Json.write(clean.witnesses()), clean.impact(),
                    clean.policeRef(), null, null, null, null, null, null, null, null, null, searchable(clean));
            long id;
            try (ItemInserter inserter = new ItemInserter(c)) {
                id = inserter.insert(row);
            }
            SearchIndex.addStored(c, id);
            vault.audit().append(c, "incident-added", "item:" + id, Map.of("state", ItemState.ofRow(row)));
            return get(c, id);
        });
    }

    /** Replaces an incident's fields; the audit log keeps each changed field's old and new value. */
    public Incident edit(long id, IncidentDraft draft) {
        IncidentDraft clean = validate(draft);
        return vault.write(c -> {
            Incident before = get(c, id);
            String previousState = ItemState.ofItem(c, id).orElseThrow();
            SearchIndex.removeStored(c, id);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE item SET type = ?, at_utc = ?, at_zone = ?, at_local = ?, end_utc = ?, approximate = ?,
                                    text = ?, location = ?, witnesses = ?, impact = ?, police_ref = ?, searchable = ?
                    WHERE id = ?""")) {
                bindFields(ps, clean);
                ps.setLong(13, id);
                ps.executeUpdate();
            }
            SearchIndex.addStored(c, id);
            Incident after = get(c, id);
            Map<String, Object> changes = new LinkedHashMap<>();
            Changes.note(changes, "type", before.type().code(), after.type().code());
            Changes.note(changes, "at", format(before.when().at()), format(after.when().at()));
            Changes.note(changes, "end", format(before.when().end()), format(after.when().end()));
            Changes.note(changes, "approximate", before.when().approximate(), after.when().approximate());
            Changes.note(changes, "description", before.description(), after.description());
            Changes.note(changes, "location", before.location(), after.location());
            Changes.note(changes, "witnesses", before.witnesses(), after.witnesses());
            Changes.note(changes, "impact", before.impact(), after.impact());
            Changes.note(changes, "police_ref", before.policeRef(), after.policeRef());
            if (changes.isEmpty()) {
                return after;
            }
            vault.audit().append(c, "incident-edited", "item:" + id, Map.of("changes", changes,
                    "prev_state", previousState, "state", ItemState.ofItem(c, id).orElseThrow()));
            return after;
        });
    }

    public Incident get(long id) {
        return vault.read(c -> get(c, id));
    }

    static Incident get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ? AND kind = 'incident'")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("No incident with id " + id + ".");
                }
                ZoneId zone = ZoneId.of(rs.getString(5));
                ZonedDateTime at = Instant.ofEpochMilli(rs.getLong(4)).atZone(zone);
                Long end = Sql.nullableLong(rs, 6);
                When when = new When(at, end == null ? null : Instant.ofEpochMilli(end).atZone(zone), rs.getInt(7) != 0);
                return new Incident(rs.getLong(1), rs.getLong(2), IncidentType.fromCode(rs.getString(3)), when,
                        rs.getString(8), rs.getString(9), Json.readStringList(rs.getString(10)), rs.getString(11),
                        rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)));
            }
        }
    }

    private static IncidentDraft validate(IncidentDraft d) {
        Objects.requireNonNull(d.type(), "type");
        if (d.when() == null || d.when().at() == null) {
            throw VaultException.badInput("at: when it happened is required.");
        }
        if (d.when().end() != null && d.when().end().isBefore(d.when().at())) {
            throw VaultException.badInput("end: the end is before the start.");
        }
        List<String> witnesses = d.witnesses().stream().map(Inputs::optional).filter(Objects::nonNull).toList();
        return new IncidentDraft(d.type(), d.when(), Inputs.required("description", d.description()),
                Inputs.optional(d.location()), witnesses, Inputs.optional(d.impact()), Inputs.optional(d.policeRef()));
    }

    /** Binds an edit's values, in the order of the UPDATE statement's placeholders 1 to 12. */
    private static void bindFields(PreparedStatement ps, IncidentDraft d) throws SQLException {
        ZonedDateTime at = d.when().at();
        ps.setString(1, d.type().code());
        ps.setLong(2, at.toInstant().toEpochMilli());
        ps.setString(3, at.getZone().getId());
        ps.setString(4, at.toLocalDateTime().toString());
        if (d.when().end() == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, d.when().end().toInstant().toEpochMilli());
        }
        ps.setInt(6, d.when().approximate() ? 1 : 0);
        ps.setString(7, d.description());
        ps.setString(8, d.location());
        ps.setString(9, d.witnesses().isEmpty() ? null : Json.write(d.witnesses()));
        ps.setString(10, d.impact());
        ps.setString(11, d.policeRef());
        ps.setString(12, searchable(d));
    }

    /** The words besides the description that search should find an incident by. */
    private static String searchable(IncidentDraft d) {
        return Stream.concat(Stream.of(d.location(), d.impact(), d.policeRef(), d.type().label()),
                d.witnesses().stream()).filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }

    private static String format(ZonedDateTime t) {
        return t == null ? null : t.toOffsetDateTime().toString();
    }
}
