package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.rawExecute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.model.AuditEntry;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.VerifyReport;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk-written items (imports) are searchable, audited as one batch, and still tamper-evident one by one. */
class BulkItemWriterTest {
    private static final ZonedDateTime T0 = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, LONDON);

    @TempDir
    Path dir;
    Vault vault;
    Case aCase;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "bulk.casebook");
        aCase = new CaseService(vault).add("Bulk", "BK", LONDON);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private AuditEntry writeMessages(int n) {
        return vault.write(c -> {
            BulkItemWriter writer = new BulkItemWriter(vault, c);
            for (int i = 0; i < n; i++) {
                writer.add(ItemRow.of(aCase.id(), ItemKind.MESSAGE, "sms", When.exactly(T0.plusMinutes(i)), 0L,
                        "bulk message number" + i + (i == 7 ? " pineapple" : ""), null, null, "sms.xml line " + i));
            }
            assertEquals(n, writer.count());
            return writer.finish("messages-imported", Map.of("file", "sms.xml"));
        });
    }

    private VerifyReport verify() {
        return new VerifyService(vault).verify(Progress.NONE);
    }

    @Test
    void batchIsSearchableAuditedOnceAndVerifies() {
        AuditEntry entry = writeMessages(500);
        assertEquals("messages-imported", entry.action());
        Map<String, Object> detail = Json.readObject(entry.detail());
        assertEquals(500, detail.get("count"));
        assertEquals("sms.xml", detail.get("file"));
        assertEquals("items:" + detail.get("first_id") + "-" + detail.get("last_id"), entry.subject());
        assertEquals(500, new TimelineService(vault).count(aCase.id()));
        assertEquals(1, new TimelineService(vault).search(aCase.id(), "pineapple", false, 10).size());
        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(500, report.items());
    }

    @Test
    void emptyBatchWritesNoAuditEntry() {
        long before = vault.read(c -> vault.audit().size(c));
        assertNull(writeMessages(0));
        long after = vault.read(c -> vault.audit().size(c));
        assertEquals(before, after);
    }

    @Test
    void rowOfABatchChangedThroughSqlIsReported() throws Exception {
        AuditEntry entry = writeMessages(50);
        Map<String, Object> detail = Json.readObject(entry.detail());
        long third = ((Number) detail.get("first_id")).longValue() + 2;
        rawExecute(vault.file(), "UPDATE item SET text = 'rewritten' WHERE id = " + third);
        VerifyReport report = verify();
        assertFalse(report.intact());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(detail.get("first_id") + "-"
                + detail.get("last_id")) && p.contains("audit entry " + entry.seq())), report.problems().toString());
    }

    @Test
    void rowOfABatchRemovedThroughSqlIsReported() throws Exception {
        AuditEntry entry = writeMessages(20);
        long first = ((Number) Json.readObject(entry.detail()).get("first_id")).longValue();
        rawExecute(vault.file(), "DELETE FROM item WHERE id = " + (first + 5));
        assertTrue(verify().problems().stream().anyMatch(p -> p.contains("item " + (first + 5))),
                verify().problems().toString());
    }

    @Test
    void batchedItemDeletedThroughCasebookStillVerifies() {
        AuditEntry entry = writeMessages(20);
        long first = ((Number) Json.readObject(entry.detail()).get("first_id")).longValue();
        new ItemService(vault).delete(first + 3, "private");
        new ItemService(vault).delete(first, "private");
        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(18, report.items());
        assertEquals(0, new TimelineService(vault).search(aCase.id(), "number3", false, 10).size());
    }

    @Test
    void idsAreNeverReusedAfterADelete() {
        IncidentService incidents = new IncidentService(vault);
        Incident a = incidents.add(aCase.id(), draft(IncidentType.CALL, T0, "first"));
        Incident b = incidents.add(aCase.id(), draft(IncidentType.CALL, T0, "second"));
        new ItemService(vault).delete(b.id(), "mistake");
        Incident c = incidents.add(aCase.id(), draft(IncidentType.CALL, T0, "third"));
        assertTrue(c.id() > b.id(), "a new item never takes a deleted item's id (its audit history)");
        AuditEntry batch = writeMessages(3);
        assertTrue(((Number) Json.readObject(batch.detail()).get("first_id")).longValue() > c.id());
        new ItemService(vault).delete(a.id(), "mistake");
        assertTrue(verify().intact(), verify().problems().toString());
    }
}
