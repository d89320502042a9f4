package org.casebook.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casebook.vault.Sha256;

/**
 * A stored witness statement as the audit log records it: its subject and a digest of everything stored for it
 * (details, draft, the witness's wording and every earlier wording), so that {@code verify} finds a statement
 * changed, added or removed outside Casebook the way it finds an edited item.
 */
public final class StatementRows {
    private StatementRows() {
    }

    public static String subject(long caseId, String profile) {
        return "statement:" + caseId + "/" + profile; // not "case:…", which verify reads as a case row
    }

    /** The digest of the statement's stored state, or empty when there is no such statement. */
    public static Optional<String> state(Connection c, long caseId, String profile) throws SQLException {
        MessageDigest digest = Sha256.newDigest();
        try (PreparedStatement ps = c.prepareStatement("SELECT witness, occupation, age, relationship, party, number,"
                + " dated, draft, drafted_utc, exhibits, text, edited_utc FROM statement WHERE case_id = ? AND profile = ?")) {
            ps.setLong(1, caseId);
            ps.setString(2, profile);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                for (int i = 1; i <= 12; i++) {
                    field(digest, rs.getString(i));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT text, saved_utc FROM statement_version"
                + " WHERE case_id = ? AND profile = ? ORDER BY id")) {
            ps.setLong(1, caseId);
            ps.setString(2, profile);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    field(digest, rs.getString(1));
                    field(digest, rs.getString(2));
                }
            }
        }
        return Optional.of(Sha256.hex(digest.digest()));
    }

    /** Every stored statement, as {@code {caseId, profile}}. */
    static List<Object[]> all(Connection c) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, profile FROM statement ORDER BY case_id, profile");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Object[] {rs.getLong(1), rs.getString(2)});
            }
        }
        return out;
    }

    /** Each field with its length first, so no two different rows digest alike; null differs from empty. */
    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(((value == null ? "-" : String.valueOf(bytes.length)) + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
