package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ConductState;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Sql;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** The impact log: how the conduct is affecting the person, linked to the items that caused it. */
public final class ImpactService {
    private final Vault vault;
    private final Clock clock;
    private final LinkedRecords<ImpactEntry> records;

    public ImpactService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ImpactService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
        this.records = new LinkedRecords<>(vault, "impact", ImpactService::get, ImpactEntry::caseId,
                ImpactEntry::itemIds, ImpactService::values, ConductState::ofImpact);
    }

    /** Adds an entry, linked to {@code itemIds} (may be empty). */
    public ImpactEntry add(long caseId, LocalDate date, ImpactKind kind, String text, List<Long> itemIds) {
        validate(date, kind);
        String cleanText = Inputs.required("text", text);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO impact(case_id, day, kind, text, added_utc) VALUES (?,?,?,?,?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, date.toString());
                ps.setString(3, kind.code());
                ps.setString(4, cleanText);
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            long id = Sql.lastId(c);
            for (long itemId : itemIds) {
                records.linkUnaudited(c, id, caseId, itemId);
            }
            return records.added(c, caseId, id);
        });
    }

    public ImpactEntry edit(long impactId, LocalDate date, ImpactKind kind, String text) {
        validate(date, kind);
        String cleanText = Inputs.required("text", text);
        return vault.write(c -> {
            ImpactEntry before = get(c, impactId);
            String stateBefore = records.state(c, impactId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE impact SET day = ?, kind = ?, text = ? WHERE id = ?")) {
                ps.setString(1, date.toString());
                ps.setString(2, kind.code());
                ps.setString(3, cleanText);
                ps.setLong(4, impactId);
                ps.executeUpdate();
            }
            ImpactEntry after = get(c, impactId);
            records.edited(c, impactId, records.changes(before, after), stateBefore);
            return after;
        });
    }

    public void delete(long impactId, String reason) {
        records.delete(impactId, reason);
    }

    public ImpactEntry link(long impactId, long itemId) {
        return records.link(impactId, itemId);
    }

    public ImpactEntry unlink(long impactId, long itemId) {
        return records.unlink(impactId, itemId);
    }

    /** Links and unlinks in one transaction so that exactly {@code itemIds} are linked to the entry. */
    public ImpactEntry setLinks(long impactId, Set<Long> itemIds) {
        return records.setLinks(impactId, itemIds);
    }

    public ImpactEntry get(long impactId) {
        return records.get(impactId);
    }

    /** The case's impact log, oldest first. */
    public List<ImpactEntry> list(long caseId) {
        return vault.read(c -> list(c, caseId));
    }

    static List<ImpactEntry> list(Connection c, long caseId) throws SQLException {
        return ConductRows.each(c, "SELECT id FROM impact WHERE case_id = ? ORDER BY day, id", caseId,
                ImpactService::get);
    }

    static ImpactEntry get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id, day, kind, text, added_utc FROM impact WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("impact: no impact entry with id " + id + ".");
                }
                return new ImpactEntry(id, rs.getLong(1), ConductRows.date(rs, 2), ImpactKind.fromCode(rs.getString(3)),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), ConductRows.ids(c,
                                "SELECT item_id FROM impact_link WHERE impact_id = ? ORDER BY item_id", id));
            }
        }
    }

    private static Map<String, Object> values(ImpactEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("date", e.date().toString());
        v.put("kind", e.kind().code());
        v.put("text", e.text());
        return v;
    }

    private static void validate(LocalDate date, ImpactKind kind) {
        if (date == null) {
            throw VaultException.badInput("date is required.");
        }
        if (kind == null) {
            throw VaultException.badInput("kind is required. Use one of: " + ImpactKind.codes());
        }
    }
}
