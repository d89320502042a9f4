package org.casebook.statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.evidence.StatementRows;
import org.casebook.vault.Json;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Keeps a case's witness statements. Drafting again replaces only Casebook's draft, never the witness's own
 * wording; each wording the witness saves is kept and the save is written to the audit log with the hashes of the
 * wording before and after, so an amended statement can always be shown with what it said before.
 */
public final class StatementService {
    /** A statement longer than this is refused: nobody writes one, so it is a pasted file or a mistake. */
    static final int MAX_CHARS = 1_000_000;

    private final Vault vault;
    private final Clock clock;

    public StatementService(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public StatementService(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** A saved wording of the witness's, oldest first in {@link #versions}. */
    public record Version(int number, Instant saved, String text) {
    }

    public Optional<Statement> find(long caseId, StatementProfile profile) {
        return vault.read(c -> Optional.ofNullable(load(c, caseId, profile)));
    }

    /**
     * Stores a new draft made from the case, with the marks it produces. The witness's own wording and details are
     * left as they are; a first draft is audited, a re-draft only when its wording changed.
     */
    public Statement saveDraft(long caseId, StatementProfile profile, String draft, Map<String, Long> exhibits) {
        return vault.write(c -> {
            Statement before = load(c, caseId, profile);
            long now = clock.millis();
            String marks = Json.write(new LinkedHashMap<>(exhibits));
            if (before == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO statement(case_id, profile, draft,"
                        + " drafted_utc, exhibits) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setLong(1, caseId);
                    ps.setString(2, profile.code());
                    ps.setString(3, draft);
                    ps.setLong(4, now);
                    ps.setString(5, marks);
                    ps.executeUpdate();
                }
                vault.audit().append(c, "statement-drafted", subject(caseId, profile),
                        Map.of("draft_sha256", Sha256.of(draft), "exhibits", exhibits.size(),
                                "state", state(c, caseId, profile)));
            } else if (!before.draft().equals(draft) || !before.exhibits().equals(exhibits)) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE statement SET draft = ?, drafted_utc = ?,"
                        + " exhibits = ? WHERE case_id = ? AND profile = ?")) {
                    ps.setString(1, draft);
                    ps.setLong(2, now);
                    ps.setString(3, marks);
                    ps.setLong(4, caseId);
                    ps.setString(5, profile.code());
                    ps.executeUpdate();
                }
                vault.audit().append(c, "statement-redrafted", subject(caseId, profile),
                        Map.of("draft_sha256", Sha256.of(draft), "previous_draft_sha256", Sha256.of(before.draft()),
                                "exhibits", exhibits.size(), "own_wording_kept", before.isEdited(),
                                "state", state(c, caseId, profile)));
            }
            return load(c, caseId, profile);
        });
    }

    /**
     * Saves the witness's own wording. The wording it replaces stays in the vault; the audit log records the
     * change. Saving the same wording again changes nothing.
     */
    public Statement edit(long caseId, StatementProfile profile, String text) {
        String clean = check(text);
        return vault.write(c -> {
            Statement before = require(c, caseId, profile);
            if (clean.equals(before.text()) && before.isEdited()) {
                return before;
            }
            long now = clock.millis();
            try (PreparedStatement ps = c.prepareStatement("UPDATE statement SET text = ?, edited_utc = ?"
                    + " WHERE case_id = ? AND profile = ?")) {
                ps.setString(1, clean);
                ps.setLong(2, now);
                ps.setLong(3, caseId);
                ps.setString(4, profile.code());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO statement_version(case_id, profile, text,"
                    + " saved_utc) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, caseId);
                ps.setString(2, profile.code());
                ps.setString(3, clean);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", before.versions() + 1);
            detail.put("from", before.isEdited() ? "own wording" : "draft");
            detail.put("before_sha256", Sha256.of(before.text()));
            detail.put("after_sha256", Sha256.of(clean));
            detail.put("paragraphs_before", StatementText.paragraphs(before.text()).size());
            detail.put("paragraphs_after", StatementText.paragraphs(clean).size());
            detail.put("state", state(c, caseId, profile));
            vault.audit().append(c, "statement-edited", subject(caseId, profile), detail);
            return load(c, caseId, profile);
        });
    }

    /** Sets who the witness is and the statement's date; audited field by field. */
    public Statement setDetails(long caseId, StatementProfile profile, StatementDetails details) {
        return vault.write(c -> {
            Statement before = require(c, caseId, profile);
            try (PreparedStatement ps = c.prepareStatement("UPDATE statement SET witness = ?, occupation = ?, age = ?,"
                    + " relationship = ?, party = ?, number = ?, dated = ? WHERE case_id = ? AND profile = ?")) {
                ps.setString(1, details.witness());
                ps.setString(2, details.occupation());
                ps.setString(3, details.age());
                ps.setString(4, details.relationship());
                ps.setString(5, details.party());
                ps.setInt(6, details.number());
                if (details.dated() == null) {
                    ps.setNull(7, Types.VARCHAR);
                } else {
                    ps.setString(7, details.dated().toString());
                }
                ps.setLong(8, caseId);
                ps.setString(9, profile.code());
                ps.executeUpdate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            org.casebook.evidence.Changes.note(changes, "details", before.details().toString(), details.toString());
            if (!changes.isEmpty()) {
                Map<String, Object> detail = new LinkedHashMap<>(Map.of("changes", changes));
                detail.put("state", state(c, caseId, profile));
                vault.audit().append(c, "statement-details-edited", subject(caseId, profile), detail);
            }
            return load(c, caseId, profile);
        });
    }

    /** Every wording the witness saved, oldest first. */
    public List<Version> versions(long caseId, StatementProfile profile) {
        return vault.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT text, saved_utc FROM statement_version"
                    + " WHERE case_id = ? AND profile = ? ORDER BY id")) {
                ps.setLong(1, caseId);
                ps.setString(2, profile.code());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Version(out.size() + 1, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    static String subject(long caseId, StatementProfile profile) {
        return StatementRows.subject(caseId, profile.code());
    }

    private static String state(Connection c, long caseId, StatementProfile profile) throws SQLException {
        return StatementRows.state(c, caseId, profile.code()).orElseThrow();
    }

    private static String check(String text) {
        if (text == null || StatementText.paragraphs(text).isEmpty()) {
            throw VaultException.badInput("The statement is empty: it needs at least one paragraph.");
        }
        if (text.length() > MAX_CHARS) {
            throw VaultException.badInput("The statement is " + text.length() + " characters long; at most "
                    + MAX_CHARS + " are kept.");
        }
        int bad = text.indexOf('\0');
        if (bad >= 0) {
            throw VaultException.badInput("The statement holds a NUL character at position " + (bad + 1)
                    + "; is it a binary file?");
        }
        return StatementText.join(StatementText.paragraphs(text));
    }

    private Statement require(Connection c, long caseId, StatementProfile profile) throws SQLException {
        Statement s = load(c, caseId, profile);
        if (s == null) {
            throw VaultException.badInput("Case " + caseId + " has no " + profile.code() + " statement yet: draft it first.");
        }
        return s;
    }

    private static Statement load(Connection c, long caseId, StatementProfile profile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT witness, occupation, age, relationship, party, number,"
                + " dated, draft, drafted_utc, exhibits, text, edited_utc,"
                + " (SELECT count(*) FROM statement_version v WHERE v.case_id = s.case_id AND v.profile = s.profile)"
                + " FROM statement s WHERE case_id = ? AND profile = ?")) {
            ps.setLong(1, caseId);
            ps.setString(2, profile.code());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String dated = rs.getString(7);
                StatementDetails details = new StatementDetails(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), dated == null ? null : LocalDate.parse(dated));
                Map<String, Long> marks = new LinkedHashMap<>();
                Json.readObject(rs.getString(10)).forEach((k, v) -> marks.put(k, ((Number) v).longValue()));
                long edited = rs.getLong(12);
                Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
                return new Statement(caseId, profile, details, rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)),
                        marks, rs.getString(11), editedAt, rs.getInt(13));
            }
        }
    }
}
