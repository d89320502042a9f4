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

    @Test
    void rowsOfEveryShapeAreWrittenInOrderWithTheirOwnValues() {
        new IncidentService(vault).add(aCase.id(), draft(IncidentType.CALL, T0, "first, so ids do not start at 1"));
        List<ItemRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 237; i++) {
            When when = When.exactly(T0.plusMinutes(i));
            if (i % 31 == 30) { // a file-like row: goes through the full insert, between grouped message rows
                rows.add(new ItemRow(aCase.id(), ItemKind.CAPTURE, "image/png", new When(when.at(),
                        when.at().plusSeconds(5), true), 7L, "photo " + i, "the bus stop", "[\"Ann\"]", "scared",
                        "REF/" + i, null, null, null, "p" + i + ".png", "image/png", 1000L + i, 1700000000000L, "{}",
                        "scan " + i, "photo words", null, null, null, null, null));
            } else {
                rows.add(new ItemRow(aCase.id(), ItemKind.MESSAGE, "whatsapp", when, 5L, "message\\ " + i
                        + (i % 7 == 0 ? "\nsecond line" : ""), null, null, null, null, null, null, null, null, null,
                        null, null, "{\"n\":" + i + "}", "chat.txt line " + i, i % 5 == 0 ? "shown " + i : null,
                        null, i % 2 == 0 ? "incoming" : null, i % 3 == 0 ? "edited" : null, null, (long) i * 7919));
            }
        }
        List<Long> ids = vault.write(c -> {
            BulkItemWriter writer = new BulkItemWriter(vault, c);
            List<Long> out = new java.util.ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                out.add(writer.add(rows.get(i)));
                if (i == 120) {
                    writer.flush(); // mid-group, as an import does before linking
                    try (var ps = c.prepareStatement("SELECT count(*) FROM item WHERE id <= ?")) {
                        ps.setLong(1, out.get(i));
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            assertEquals(i + 2, rs.getLong(1), "every row added so far is readable after flush");
                        }
                    }
                }
            }
            writer.finish("messages-imported", Map.of("file", "chat.txt"));
            return out;
        });
        for (int i = 1; i < ids.size(); i++) {
            assertEquals(ids.get(i - 1) + 1, ids.get(i));
        }
        vault.read(c -> {
            for (int i = 0; i < rows.size(); i++) {
                ItemRow row = rows.get(i);
                long id = ids.get(i);
                assertEquals(ItemState.ofRow(row), EvidenceTestAccess.itemStateAtThisSchema(c, id), "row " + i);
                try (var ps = c.prepareStatement("SELECT text, dedupe_key, searchable, end_utc, location FROM item"
                        + " WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (var rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(row.text(), rs.getString(1));
                        long key = rs.getLong(2);
                        assertEquals(row.dedupeKey(), rs.wasNull() ? null : (Long) key);
                        assertEquals(row.searchable(), rs.getString(3));
                        rs.getLong(4);
                        assertEquals(row.when().end() == null, rs.wasNull());
                        assertEquals(row.location(), rs.getString(5));
                    }
                }
            }
            return null;
        });
        assertEquals(7, new TimelineService(vault).search(aCase.id(), "words", false, 1000).size());
        assertEquals(230, new TimelineService(vault).search(aCase.id(), "message", false, 1000).size());
        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(238, report.items());
    }
}
