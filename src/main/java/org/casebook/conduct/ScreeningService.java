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
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ConductState;
import org.casebook.evidence.Inputs;
import org.casebook.evidence.Sql;
import org.casebook.model.Screening;
import org.casebook.model.SignAnswer;
import org.casebook.model.WarningSign;
import org.casebook.model.WarningSignAnswer;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Risk-screening support kept in the vault: the witness's answers to the warning signs, and the screenings an
 * advocate or officer ran with their own tool. Every change is audited with the record's state, so
 * {@code verify} finds one altered outside Casebook.
 */
public final class ScreeningService {
    private final Vault vault;
    private final Clock clock;

    public ScreeningService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public ScreeningService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** Records (or replaces) the witness's answer to one sign; {@code note} may be null. */
    public WarningSignAnswer answer(long caseId, WarningSign sign, SignAnswer answer, String note) {
        if (sign == null || answer == null) {
            throw VaultException.badInput("a warning sign and an answer (" + SignAnswer.codes() + ") are required.");
        }
        String cleanNote = Inputs.optional(note);
        return vault.write(c -> {
            CaseService.get(c, caseId);
            WarningSignAnswer before = answerOf(c, caseId, sign);
            if (before == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO warning_sign_answer(case_id, sign, answer,"
                        + " note, answered_utc) VALUES (?,?,?,?,?)")) {
                    ps.setLong(1, caseId);
                    ps.setString(2, sign.code());
                    ps.setString(3, answer.code());
                    ps.setString(4, cleanNote);
                    ps.setLong(5, clock.millis());
                    ps.executeUpdate();
                }
                long id = Sql.lastId(c);
                WarningSignAnswer after = answerOf(c, caseId, sign);
                vault.audit().append(c, "warning-sign-added", "warning-sign:" + id, Map.of("case", caseId,
                        "values", values(after), "state", ConductState.ofWarningSign(c, id).orElseThrow()));
                return after;
            }
            if (before.answer() == answer && java.util.Objects.equals(before.note(), cleanNote)) {
                return before;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE warning_sign_answer SET answer = ?, note = ?, answered_utc = ? WHERE id = ?")) {
                ps.setString(1, answer.code());
                ps.setString(2, cleanNote);
                ps.setLong(3, clock.millis());
                ps.setLong(4, before.id());
                ps.executeUpdate();
            }
            WarningSignAnswer after = answerOf(c, caseId, sign);
            vault.audit().append(c, "warning-sign-edited", "warning-sign:" + before.id(), Map.of(
                    "changes", org.casebook.evidence.Changes.between(values(before), values(after)),
                    "state", ConductState.ofWarningSign(c, before.id()).orElseThrow()));
            return after;
        });
    }

    /** The witness's answers, in the signs' order. */
    public List<WarningSignAnswer> answers(long caseId) {
        return vault.read(c -> answers(c, caseId));
    }

    static List<WarningSignAnswer> answers(Connection c, long caseId) throws SQLException {
        List<WarningSignAnswer> out = new java.util.ArrayList<>();
        for (WarningSign sign : WarningSign.values()) {
            WarningSignAnswer a = answerOf(c, caseId, sign);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static WarningSignAnswer answerOf(Connection c, long caseId, WarningSign sign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, answer, note, answered_utc FROM warning_sign_answer"
                + " WHERE case_id = ? AND sign = ?")) {
            ps.setLong(1, caseId);
            ps.setString(2, sign.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new WarningSignAnswer(rs.getLong(1), caseId, sign, SignAnswer.fromCode(rs.getString(2)),
                        rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))) : null;
            }
        }
    }

    /** Records a screening run with another tool. Every field but {@code notes} is required. */
    public Screening add(long caseId, String tool, LocalDate screenedOn, String screenedBy, String outcome,
                         String notes) {
        String cleanTool = Inputs.required("tool", tool);
        String by = Inputs.required("by", screenedBy);
        String cleanOutcome = Inputs.required("outcome", outcome);
        if (screenedOn == null) {
            throw VaultException.badInput("date: the day the screening was done is required.");
        }
        return vault.write(c -> {
            CaseService.get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO screening(case_id, tool, screened_on,"
                    + " screened_by, outcome, notes, added_utc) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, cleanTool);
                ps.setString(3, screenedOn.toString());
                ps.setString(4, by);
                ps.setString(5, cleanOutcome);
                ps.setString(6, Inputs.optional(notes));
                ps.setLong(7, clock.millis());
                ps.executeUpdate();
            }
            long id = Sql.lastId(c);
            Screening s = get(c, id);
            vault.audit().append(c, "screening-added", "screening:" + id, Map.of("case", caseId, "values", values(s),
                    "state", ConductState.ofScreening(c, id).orElseThrow()));
            return s;
        });
    }

    /** Deletes a screening recorded by mistake; the audit log keeps what it said and why it went. */
    public void delete(long screeningId, String reason) {
        String why = Inputs.required("reason", reason);
        vault.write(c -> {
            Screening s = get(c, screeningId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM screening WHERE id = ?")) {
                ps.setLong(1, screeningId);
                ps.executeUpdate();
            }
            vault.audit().append(c, "screening-deleted", "screening:" + screeningId, Map.of("reason", why,
                    "values", values(s)));
            return null;
        });
    }

    /** The case's screenings, oldest first. */
    public List<Screening> list(long caseId) {
        return vault.read(c -> list(c, caseId));
    }

    static List<Screening> list(Connection c, long caseId) throws SQLException {
        return ConductRows.each(c, "SELECT id FROM screening WHERE case_id = ? ORDER BY screened_on, id", caseId,
                ScreeningService::get);
    }

    static Screening get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, tool, screened_on, screened_by, outcome, notes,"
                + " added_utc FROM screening WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw VaultException.badInput("screening: no screening with id " + id + ".");
                }
                return new Screening(id, rs.getLong(1), rs.getString(2), ConductRows.date(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
            }
        }
    }

    private static Map<String, Object> values(Screening s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tool", s.tool());
        v.put("date", s.screenedOn().toString());
        v.put("by", s.screenedBy());
        v.put("outcome", s.outcome());
        v.put("notes", s.notes());
        return v;
    }

    private static Map<String, Object> values(WarningSignAnswer a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sign", a.sign().code());
        v.put("answer", a.answer().code());
        v.put("note", a.note());
        return v;
    }
}
