package org.casebook.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The continuity of an original file (an export, a photo, a document): who exported or copied it, from which
 * device and app, on what day, and by what method, as the person who did it says. Kept per original (its
 * SHA-256 within the case), so every exhibit made from one export file shows the same record. When it entered
 * the vault is the vault's own record of the item. Every change is one transaction with an audit entry.
 */
public final class Continuity {
    /**
     * What was recorded; any field may be null.
     *
     * @param exportSays when the export file itself says it was made (read from it at import), or null: the
     *                   file's word beside the witness's, never recorded by hand
     */
    public record Record(String exportedBy, String device, String app, LocalDate exportedOn, String method,
                         ExportMade exportSays) {
        /** What a person records (the export's own word is read from the file, not given). */
        public Record(String exportedBy, String device, String app, LocalDate exportedOn, String method) {
            this(exportedBy, device, app, exportedOn, method, null);
        }

        /** True when no one recorded anything (the export may still say when it was made). */
        public boolean isEmpty() {
            return exportedBy == null && device == null && app == null && exportedOn == null && method == null;
        }

        Record withExportSays(ExportMade said) {
            return new Record(exportedBy, device, app, exportedOn, method, said);
        }
    }

    private final Vault vault;
    private final Clock clock;

    public Continuity(Vault vault) {
        this(vault, Clock.systemUTC());
    }

    public Continuity(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * Records the continuity of the original that {@code itemId} came from (the attached file, or the export
     * file a message was imported from). Fields left null keep what was recorded before.
     */
    public Record record(long itemId, Record given) {
        return vault.write(c -> {
            long caseId;
            String sha;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.case_id, coalesce(b.sha256, rb.sha256) FROM item i
                    LEFT JOIN blob b ON b.id = i.blob_id
                    LEFT JOIN import_run r ON r.id = i.import_id LEFT JOIN blob rb ON rb.id = r.blob_id
                    WHERE i.id = ?""")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw VaultException.badInput("item: no item with id " + itemId + ".");
                    }
                    caseId = rs.getLong(1);
                    sha = rs.getString(2);
                }
            }
            if (sha == null) {
                throw VaultException.badInput("item: item " + itemId + " has no original file (a diary entry);"
                        + " continuity is recorded for attached files and imported exports.");
            }
            Record before = get(c, caseId, sha);
            Record after = new Record(pick(given.exportedBy(), before.exportedBy()), pick(given.device(), before.device()),
                    pick(given.app(), before.app()), given.exportedOn() != null ? given.exportedOn() : before.exportedOn(),
                    pick(given.method(), before.method()));
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO continuity(case_id, sha256, exported_by, device, app, exported_on, method, set_utc)
                    VALUES (?,?,?,?,?,?,?,?)
                    ON CONFLICT(case_id, sha256) DO UPDATE SET exported_by = excluded.exported_by,
                        device = excluded.device, app = excluded.app, exported_on = excluded.exported_on,
                        method = excluded.method, set_utc = excluded.set_utc""")) {
                ps.setLong(1, caseId);
                ps.setString(2, sha);
                ps.setString(3, after.exportedBy());
                ps.setString(4, after.device());
                ps.setString(5, after.app());
                ps.setString(6, after.exportedOn() == null ? null : after.exportedOn().toString());
                ps.setString(7, after.method());
                ps.setLong(8, clock.millis());
                ps.executeUpdate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            Changes.note(changes, "exported_by", before.exportedBy(), after.exportedBy());
            Changes.note(changes, "device", before.device(), after.device());
            Changes.note(changes, "app", before.app(), after.app());
            Changes.note(changes, "exported_on", str(before.exportedOn()), str(after.exportedOn()));
            Changes.note(changes, "method", before.method(), after.method());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("sha256", sha);
            detail.put("changes", changes);
            detail.put("record_states", Map.of(SideRecords.continuityKey(caseId, sha),
                    SideRecords.continuityState(c, caseId, sha)));
            vault.audit().append(c, "continuity-recorded", "item:" + itemId, detail);
            return after;
        });
    }

    /**
     * The case's continuity records, by the original's SHA-256: what was recorded, with what each imported
     * export says of when it was made (an export nobody recorded anything for is here for that alone).
     */
    public Map<String, Record> forCase(long caseId) {
        return vault.read(c -> {
            Map<String, Record> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT sha256, exported_by, device, app, exported_on, method FROM continuity WHERE case_id = ?""")) {
                ps.setLong(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), read(rs, 2));
                    }
                }
            }
            exportsSay(c, caseId).forEach((sha, said) -> out.merge(sha, EMPTY.withExportSays(said),
                    (recorded, none) -> recorded.withExportSays(said)));
            return out;
        });
    }

    private static final Record EMPTY = new Record(null, null, null, null, null);

    /** When each export imported into the case says it was made, by the export file's SHA-256. */
    private static Map<String, ExportMade> exportsSay(Connection c, long caseId) throws SQLException {
        Map<String, ExportMade> out = new LinkedHashMap<>();
        if (!Sql.recordsExportDates(c)) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT b.sha256, r.made_utc, r.made_basis FROM import_run r JOIN blob b ON b.id = r.blob_id
                WHERE r.case_id = ? AND r.made_utc IS NOT NULL ORDER BY r.id""")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ExportMade(java.time.Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3)));
                }
            }
        }
        return out;
    }

    private static Record get(Connection c, long caseId, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT exported_by, device, app, exported_on, method FROM continuity WHERE case_id = ? AND sha256 = ?""")) {
            ps.setLong(1, caseId);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs, 1) : new Record(null, null, null, null, null);
            }
        }
    }

    private static Record read(ResultSet rs, int first) throws SQLException {
        String day = rs.getString(first + 3);
        return new Record(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                day == null ? null : LocalDate.parse(day), rs.getString(first + 4));
    }

    private static String pick(String given, String before) {
        String clean = Inputs.optional(given);
        return clean != null ? clean : before;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
