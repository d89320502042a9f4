package org.casebook.conduct;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            SELECT id, case_id, at_utc, at_zone, recipient_kind, recipient, reference, contact, outcome, added_utc
            FROM report""";

    private final Vault vault;
    private final Clock clock;

    public ReportService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ReportService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    public Report add(long caseId, ReportDraft draft) {
        ReportDraft clean = validate(draft);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO report(case_id, at_utc, at_zone, at_local, recipient_kind, recipient, reference,
                                       contact, outcome, added_utc) VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
                ps.setLong(1, caseId);
                bindFields(ps, 2, clean);
                ps.setLong(10, clock.millis());
                ps.executeUpdate();
            }
            long id = Sql.lastId(c);
            Report report = get(c, id);
            vault.audit().append(c, "report-added", "report:" + id, Map.of("case", caseId, "values", values(report),
                    "state", ConductState.ofReport(c, id).orElseThrow()));
            return report;
        });
    }

    /** Replaces a report's fields; the audit log keeps each changed field's old and new value. */
    public Report edit(long reportId, ReportDraft draft) {
        ReportDraft clean = validate(draft);
        return vault.write(c -> {
            Report before = get(c, reportId);
            String stateBefore = ConductState.ofReport(c, reportId).orElseThrow();
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE report SET at_utc = ?, at_zone = ?, at_local = ?, recipient_kind = ?, recipient = ?,
                                      reference = ?, contact = ?, outcome = ? WHERE id = ?""")) {
                bindFields(ps, 1, clean);
                ps.setLong(9, reportId);
                ps.executeUpdate();
            }
            Report after = get(c, reportId);
            Map<String, Object> a = values(before);
            Map<String, Object> b = values(after);
            Map<String, Object> changes = new LinkedHashMap<>();
            for (String field : a.keySet()) {
                Changes.note(changes, field, a.get(field), b.get(field));
            }
            // The same instant in another zone with the same offset leaves "at" as it was.
            Changes.note(changes, "zone", before.at().getZone().getId(), after.at().getZone().getId());
            String state = ConductState.ofReport(c, reportId).orElseThrow();
            if (!changes.isEmpty() || !state.equals(stateBefore)) {
                vault.audit().append(c, "report-edited", "report:" + reportId, Map.of("changes", changes,
                        "state", state));
            }
            return after;
        });
    }

    public void delete(long reportId, String reason) {
        String why = Inputs.required("reason", reason);
        vault.write(c -> {
            Report report = get(c, reportId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM report WHERE id = ?")) {
                ps.setLong(1, reportId);
                ps.executeUpdate();
            }
            vault.audit().append(c, "report-deleted", "report:" + reportId, Map.of("reason", why,
                    "values", values(report), "items", report.incidentIds()));
            return null;
        });
    }

    /** Records that the report covered an incident (or any other item of the case). */
    public Report link(long reportId, long itemId) {
        return vault.write(c -> {
            Report report = get(c, reportId);
            ConductRows.itemOfCase(c, itemId, report.caseId());
            if (ConductRows.link(c, "INSERT OR IGNORE INTO report_link(report_id, item_id) VALUES (?,?)",
                    reportId, itemId)) {
                vault.audit().append(c, "report-linked", "report:" + reportId, Map.of("item", itemId,
                        "state", ConductState.ofReport(c, reportId).orElseThrow()));
            }
            return get(c, reportId);
        });
    }

    public Report unlink(long reportId, long itemId) {
        return vault.write(c -> {
            get(c, reportId);
            if (ConductRows.link(c, "DELETE FROM report_link WHERE report_id = ? AND item_id = ?", reportId, itemId)) {
                vault.audit().append(c, "report-unlinked", "report:" + reportId, Map.of("item", itemId,
                        "state", ConductState.ofReport(c, reportId).orElseThrow()));
            }
            return get(c, reportId);
        });
    }

    public Report get(long reportId) {
        return vault.read(c -> get(c, reportId));
    }

    /** The case's reports, in the order they were made. */
    public List<Report> list(long caseId) {
        return vault.read(c -> {
            List<Report> out = new ArrayList<>();
            for (long id : ConductRows.ids(c, "SELECT id FROM report WHERE case_id = ? ORDER BY at_utc, id", caseId)) {
                out.add(get(c, id));
            }
            return out;
        });
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
                                WHERE l.report_id = ? ORDER BY i.at_utc, i.id""", id));
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
    }

    private static Map<String, Object> values(Report r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", r.at().toOffsetDateTime().toString());
        v.put("recipient_kind", r.recipientKind().code());
        v.put("recipient", r.recipient());
        v.put("reference", r.reference());
        v.put("contact", r.contact());
        v.put("outcome", r.outcome());
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
                Inputs.optional(d.reference()), Inputs.optional(d.contact()), Inputs.optional(d.outcome()));
    }
}
