package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.model.CaseCover;
import org.casebook.vault.Vault;

/** A case's cover details (court, case number, hearing, parties, prepared by and for); edits are audited. */
public final class CaseCovers {
    private final Vault vault;

    public CaseCovers(Vault vault) {
        this.vault = vault;
    }

    public CaseCover get(long caseId) {
        return vault.read(c -> get(c, caseId));
    }

    /** The case's cover details, read in the caller's transaction ({@link CaseCover#EMPTY} when none were given). */
    public static CaseCover get(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT court, case_number, hearing, judge, applicant,"
                + " respondent, witness, prepared_by, prepared_for FROM case_cover WHERE case_id = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return CaseCover.EMPTY;
                }
                String hearing = rs.getString(3);
                return new CaseCover(rs.getString(1), rs.getString(2), hearing == null ? null : LocalDate.parse(hearing),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9));
            }
        }
    }

    /** Replaces the case's cover details; the audit log keeps the old value of each field changed. */
    public CaseCover set(long caseId, CaseCover cover) {
        return vault.write(c -> {
            CaseService.get(c, caseId); // bad input when there is no such case
            CaseCover before = get(c, caseId);
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO case_cover(case_id, court,"
                    + " case_number, hearing, judge, applicant, respondent, witness, prepared_by, prepared_for)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setLong(1, caseId);
                Object[] values = values(cover).values().toArray();
                for (int i = 0; i < values.length; i++) {
                    ps.setString(i + 2, (String) values[i]);
                }
                ps.executeUpdate();
            }
            Map<String, Object> changes = Changes.between(values(before), values(cover));
            if (!changes.isEmpty()) {
                vault.audit().append(c, "case-cover-edited", "case:" + caseId, Map.of("changes", changes));
            }
            return get(c, caseId);
        });
    }

    private static Map<String, Object> values(CaseCover cover) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("court", cover.court());
        out.put("case_number", cover.caseNumber());
        out.put("hearing", cover.hearing() == null ? null : cover.hearing().toString());
        out.put("judge", cover.judge());
        out.put("applicant", cover.applicant());
        out.put("respondent", cover.respondent());
        out.put("witness", cover.witness());
        out.put("prepared_by", cover.preparedBy());
        out.put("prepared_for", cover.preparedFor());
        return out;
    }
}
