package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.Changes;
import org.casebook.evidence.ConductState;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Sql;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/** Reports to the police, platforms, employers and others, and the incidents each one covered. */
public final class ReportService {
    private static final String SELECT = """
            SELECT id, case_id, at_utc, at_zone, recipient_kind, recipient, reference, contact, outcome, added_utc,
                   collar
            FROM report""";

    private final Vault vault;
    private final Clock clock;
    private final LinkedRecords<Report> records;

    public ReportService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ReportService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
        this.records = new LinkedRecords<>(vault, "report", ReportService::get, Report::caseId, Report::incidentIds,
                ReportService::values, ConductState::ofReport);
    }

    public Report add(long caseId, ReportDraft draft) {
        ReportDraft clean = validate(draft);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO report(case_id, at_utc, at_zone, at_local, recipient_kind, recipient, reference,
                                       contact, outcome, collar, added_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setLong(1, caseId);
                bindFields(ps, 2, clean);
                ps.setLong(11, clock.millis());
                ps.executeUpdate();
            }
            return records.added(c, caseId, Sql.lastId(c));
        });
    }

    /** Replaces a report's fields; the audit log keeps each changed field's old and new value. */
    public Report edit(long reportId, ReportDraft draft) {
        ReportDraft clean = validate(draft);
        return vault.write(c -> {
            Report before = get(c, reportId);
            String stateBefore = records.state(c, reportId);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE report SET at_utc = ?, at_zone = ?, at_local = ?, recipient_kind = ?, recipient = ?,
                                      reference = ?, contact = ?, outcome = ?, collar = ? WHERE id = ?""")) {
                bindFields(ps, 1, clean);
                ps.setLong(10, reportId);
                ps.executeUpdate();
            }
            Report after = get(c, reportId);
            Map<String, Object> changes = records.changes(before, after);
            // The same instant in another zone with the same offset leaves "at" as it was.
            Changes.note(changes, "zone", before.at().getZone().getId(), after.at().getZone().getId());
            records.edited(c, reportId, changes, stateBefore);
            return after;
        });
    }

    public void delete(long reportId, String reason) {
        records.delete(reportId, reason);
    }

    /** Records that the report covered an incident (or any other item of the case). */
    public Report link(long reportId, long itemId) {
        return records.link(reportId, itemId);
    }

    public Report unlink(long reportId, long itemId) {
        return records.unlink(reportId, itemId);
    }

    /** Links and unlinks in one transaction so that exactly {@code itemIds} are linked to the report. */
    public Report setLinks(long reportId, Set<Long> itemIds) {
        return records.setLinks(reportId, itemIds);
    }

    public Report get(long reportId) {
        return records.get(reportId);
    }

    /** The case's reports, in the order they were made. */
    public List<Report> list(long caseId) {
        return vault.read(c -> list(c, caseId));
    }

    static List<Report> list(Connection c, long caseId) throws SQLException {
        return ConductRows.each(c, "SELECT id FROM report WHERE case_id = ? ORDER BY at_utc, id", caseId,
                ReportService::get);
    }

    static Report get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("report: no report with id " + id + ".");
                }
                ZonedDateTime at = Instant.ofEpochMilli(rs.getLong(3)).atZone(ZoneId.of(rs.getString(4)));
                return new Report(rs.getLong(1), rs.getLong(2), at, ReportRecipient.fromCode(rs.getString(5)),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        Instant.ofEpochMilli(rs.getLong(10)), ConductRows.ids(c, """
                                SELECT l.item_id FROM report_link l JOIN item i ON i.id = l.item_id
                                WHERE l.report_id = ? ORDER BY i.at_utc, i.id""", id), rs.getString(11));
            }
        }
    }

    /** Binds the time (3 columns), recipient kind and name, reference, contact and outcome from {@code first}. */
    private static void bindFields(PreparedStatement ps, int first, ReportDraft d) throws SQLException {
        ps.setLong(first, d.at().toInstant().toEpochMilli());
        ps.setString(first + 1, d.at().getZone().getId());
        ps.setString(first + 2, d.at().toLocalDateTime().toString());
        ps.setString(first + 3, d.recipientKind().code());
        ps.setString(first + 4, d.recipient());
        ps.setString(first + 5, d.reference());
        ps.setString(first + 6, d.contact());
        ps.setString(first + 7, d.outcome());
        ps.setString(first + 8, d.collar());
    }

    private static Map<String, Object> values(Report r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", r.at().toOffsetDateTime().toString());
        v.put("recipient_kind", r.recipientKind().code());
        v.put("recipient", r.recipient());
        v.put("reference", r.reference());
        v.put("contact", r.contact());
        v.put("outcome", r.outcome());
        v.put("collar", r.collar());
        return v;
    }

    private static ReportDraft validate(ReportDraft d) {
        if (d.at() == null) {
            throw VaultException.badInput("at: when the report was made is required.");
        }
        if (d.recipientKind() == null) {
            throw VaultException.badInput("to: who the report was made to is required. Use one of: "
                    + ReportRecipient.codes());
        }
        return new ReportDraft(d.at(), d.recipientKind(), Inputs.optional(d.recipient()),
                Inputs.optional(d.reference()), Inputs.optional(d.contact()), Inputs.optional(d.outcome()),
                Inputs.optional(d.collar()));
    }
}
