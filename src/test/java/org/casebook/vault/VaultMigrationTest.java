package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.EvidenceTestAccess;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.ItemService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.AuditEntry;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.model.TimelineItem;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.TestVaults;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Forward-only migrations, exercised from the first schema version on a real encrypted file. */
class VaultMigrationTest {
    @TempDir
    Path dir;

    private static boolean tableExists(Vault v, String name) {
        return v.read(c -> tableExists(c, name));
    }

    private static boolean tableExists(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sqlite_master WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1) > 0;
            }
        }
    }

    private static long insertOldIncident(Vault v, long caseId, String type, long atUtc, String text) {
        return v.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO item(case_id, kind, type, at_utc, at_zone, at_local, added_utc, text, searchable)
                    VALUES (?, 'incident', ?, ?, 'Europe/London', '2023-04-20T15:13:20', 0, ?, ?)""")) {
                ps.setLong(1, caseId);
                ps.setString(2, type);
                ps.setLong(3, atUtc);
                ps.setString(4, text);
                ps.setString(5, type);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                 ResultSet rs = ps.executeQuery()) {
                id = rs.getLong(1);
            }
            if (tableExists(c, "item_fts")) { // from version 2 on, Casebook indexed each new item itself
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO item_fts(rowid, text, searchable) SELECT id, text, searchable FROM item WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            v.audit().append(c, "incident-added", "item:" + id,
                    Map.of("state", EvidenceTestAccess.itemStateAtThisSchema(c, id)));
            return id;
        });
    }

    @Test
    void vaultFromVersionOneIsUpgradedOnOpenAndOldTextBecomesSearchable() {
        assertTrue(Vault.currentSchemaVersion() > 1, "there is a migration to test");
        Path file = dir.resolve("old.casebook");
        long caseId;
        long callId;
        long bakeryId;
        try (Vault v1 = Vault.create(file, pass(), 1, Clock.systemUTC())) {
            assertEquals(1, v1.schemaVersion());
            assertFalse(tableExists(v1, "item_fts"), "version 1 has no full-text index yet");
            Case aCase = new CaseService(v1).add("Old case", "OC", LONDON); // works at version 1
            caseId = aCase.id();
            // Incidents written as Casebook at version 1 wrote them: the row, and its audit entry with its state.
            bakeryId = insertOldIncident(v1, caseId, "following", 1682930000000L, "Followed me past the bakery");
            callId = insertOldIncident(v1, caseId, "call", 1682000000000L, "Silent phonecall from withheld number");
        }

        try (Vault v = Vault.open(file, pass())) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
            assertTrue(tableExists(v, "item_fts"));
            TimelineService timeline = new TimelineService(v);
            List<TimelineItem> bakery = timeline.search(caseId, "bakery", false, 10);
            assertEquals(List.of(bakeryId), bakery.stream().map(TimelineItem::id).toList());
            List<TimelineItem> withheld = timeline.search(caseId, "withheld phonecall", false, 10);
            assertEquals(List.of(callId), withheld.stream().map(TimelineItem::id).toList());

            List<AuditEntry> upgrades = v.read(c -> v.audit().all(c)).stream()
                    .filter(e -> e.action().equals("schema-upgraded")).toList();
            assertEquals(1, upgrades.size());
            Map<String, Object> detail = Json.readObject(upgrades.get(0).detail());
            assertEquals(1, detail.get("from"));
            assertEquals(Vault.currentSchemaVersion(), detail.get("to"));

            for (long id : List.of(bakeryId, callId)) {
                String ours = v.read(c -> EvidenceTestAccess.itemStateAtThisSchema(c, id));
                String real = v.read(c -> EvidenceTestAccess.itemState(c, id));
                assertEquals(real, ours, "the test's canonical form is the real one");
            }
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), "old rows still match the states recorded before the upgrade: "
                    + report.problems());
            assertEquals(2, report.items());
            // and the old rows take part in the new index's upkeep: deleting one removes it from search
            new ItemService(v).delete(callId, "entered twice");
            assertEquals(List.of(), timeline.search(caseId, "withheld", false, 10));
            assertTrue(new VerifyService(v).verify(Progress.NONE).intact());
        }

        // Opening again does not migrate again.
        try (Vault v = Vault.open(file, pass())) {
            long upgrades = v.read(c -> v.audit().all(c)).stream()
                    .filter(e -> e.action().equals("schema-upgraded")).count();
            assertEquals(1, upgrades);
        }
    }

    static IntStream olderVersions() {
        return Schema.versions().stream().mapToInt(Integer::intValue).filter(v -> v < Vault.currentSchemaVersion());
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("olderVersions")
    void everyOlderVersionUpgradesToTheCurrentOneAndVerifies(int from) {
        Path file = dir.resolve("v" + from + ".casebook");
        long caseId;
        long itemId;
        try (Vault old = Vault.create(file, pass(), from, Clock.systemUTC())) {
            assertEquals(from, old.schemaVersion());
            caseId = new CaseService(old).add("Case from v" + from, "CV", LONDON).id();
            itemId = insertOldIncident(old, caseId, "threat", 1700000000000L, "Threatening letter through the door");
        }
        try (Vault v = Vault.open(file, pass())) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
            assertEquals(List.of(itemId), new TimelineService(v).search(caseId, "letter", false, 5).stream()
                    .map(TimelineItem::id).toList());
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertTrue(v.read(c -> v.audit().all(c)).stream().anyMatch(e -> e.action().equals("schema-upgraded")
                    && e.detail().contains("\"from\":" + from)));
        }
    }

    @Test
    void upgradedVaultKeepsTheIndexInStepWithAddsEditsAndDeletes() {
        Path file = dir.resolve("old.casebook");
        long caseId;
        try (Vault v1 = Vault.create(file, pass(), 1, Clock.systemUTC())) {
            caseId = new CaseService(v1).add("Case", "C", LONDON).id();
        }
        try (Vault v = TestVaults.open(file)) {
            IncidentService incidents = new IncidentService(v);
            TimelineService timeline = new TimelineService(v);
            Incident added = incidents.add(caseId, draft(IncidentType.GIFT,
                    ZonedDateTime.of(2024, 1, 2, 10, 0, 0, 0, LONDON), "Flowers left on the doorstep"));
            assertEquals(1, timeline.search(caseId, "doorstep", false, 10).size());
            incidents.edit(added.id(), draft(IncidentType.GIFT, added.when().at(), "Chocolates left at the gate"));
            assertEquals(0, timeline.search(caseId, "doorstep", false, 10).size());
            assertEquals(1, timeline.search(caseId, "chocolates", false, 10).size());
            new ItemService(v).delete(added.id(), "entered twice");
            assertEquals(0, timeline.search(caseId, "chocolates", false, 10).size());
            assertTrue(new VerifyService(v).verify(Progress.NONE).intact());
        }
    }

    @Test
    void freshVaultStartsAtTheCurrentVersionWithOneCreationEntry() {
        try (Vault v = TestVaults.create(dir, "new.casebook")) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
            List<AuditEntry> all = v.read(c -> v.audit().all(c));
            assertEquals(List.of("vault-created"), all.stream().map(AuditEntry::action).toList());
            assertEquals(AuditLog.GENESIS, all.get(0).prevHash());
        }
    }

    private static String plan(Vault v, String sql, Object... args) {
        return v.read(c -> {
            StringBuilder out = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(4)).append('\n');
                    }
                }
            }
            return out.toString();
        });
    }

    private static String schemaSql(Vault v, String name) {
        return v.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Test
    void leanerIndexesKeepImportsDedupedSearchableAndVerified() throws java.io.IOException {
        Path file = dir.resolve("v3.casebook");
        Path export = dir.resolve("texts.csv");
        java.nio.file.Files.writeString(export, """
                time,sender,number,text
                2024-03-01 21:15,Sam,+44 7700 900123,I saw you at the station
                2024-03-01 21:16,Sam,+44 7700 900123,ok
                2024-03-01 21:16,Sam,+44 7700 900123,ok
                2024-03-02 08:00,Me,,Please stop contacting me
                """);
        long caseId;
        try (Vault v3 = Vault.create(file, pass(), 3, Clock.systemUTC())) {
            assertEquals(3, v3.schemaVersion());
            caseId = new CaseService(v3).add("Imported at v3", "IV", LONDON).id();
            var s = new org.casebook.imports.ImportService(v3, org.casebook.imports.Importers.standard())
                    .importFile(caseId, export, org.casebook.imports.ImportOptions.defaults(), Progress.NONE);
            assertEquals(4, s.added());
            assertTrue(schemaSql(v3, "item_fts").contains("remove_diacritics"));
        }
        try (Vault v = Vault.open(file, pass())) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
            assertTrue(schemaSql(v, "item_blob").contains("WHERE blob_id IS NOT NULL"), schemaSql(v, "item_blob"));
            assertTrue(schemaSql(v, "item_dedupe").contains("(case_id, id, dedupe_key)"), schemaSql(v, "item_dedupe"));
            assertTrue(schemaSql(v, "item_fts").contains("columnsize=0"), schemaSql(v, "item_fts"));
            // the old rows were re-indexed for search, and their dedupe keys are found through the new index
            assertEquals(1, new TimelineService(v).search(caseId, "station", false, 10).size());
            var again = new org.casebook.imports.ImportService(v, org.casebook.imports.Importers.standard())
                    .importFile(caseId, export, org.casebook.imports.ImportOptions.defaults(), Progress.NONE);
            assertEquals(0, again.added());
            assertEquals(4, again.duplicates());
            assertTrue(plan(v, "SELECT dedupe_key FROM item WHERE case_id = ? AND dedupe_key IS NOT NULL", caseId)
                    .contains("COVERING INDEX item_dedupe"), "a case's keys are read from the index alone");
            assertTrue(plan(v, "SELECT id, file_name FROM item WHERE blob_id = ? ORDER BY id", 1L)
                    .contains("INDEX item_blob"), "looking up a blob's items still uses its index");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(4, report.items());
            assertEquals(List.of(), v.integrityCheck());
        }
    }

    @Test
    void migrationFiveAddsTheConductTablesAndOldPeopleStillVerify() {
        Path file = dir.resolve("v4.casebook");
        long caseId;
        long personId;
        try (Vault v4 = Vault.create(file, pass(), 4, Clock.systemUTC())) {
            caseId = new CaseService(v4).add("Case at v4", "CF", LONDON).id();
            personId = v4.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO person(case_id, name, role) VALUES (?, 'Sam', 'perpetrator')")) {
                    ps.setLong(1, caseId);
                    ps.executeUpdate();
                }
                long id;
                try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                    id = rs.getLong(1);
                }
                // the state hash a v4 Casebook recorded: the columns of that schema, nulls left out
                v4.audit().append(c, "person-added", "person:" + id, Map.of("state",
                        Sha256.of("case_id=" + caseId + "\nname=Sam\nrole=perpetrator\n")));
                return id;
            });
            assertFalse(tableExists(v4, "court_order"));
        }
        try (Vault v = Vault.open(file, pass())) {
            assertEquals(Vault.currentSchemaVersion(), v.schemaVersion());
            for (String table : List.of("court_order", "order_condition", "breach", "report", "report_link", "impact",
                    "impact_link", "item_tag")) {
                assertTrue(tableExists(v, table), table);
            }
            assertTrue(schemaSql(v, "person").contains("merged_into"), schemaSql(v, "person"));
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals("perpetrator", new org.casebook.evidence.PersonService(v).get(personId).role().code());
        }
    }
}
