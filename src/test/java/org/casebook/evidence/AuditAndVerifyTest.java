package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.rawExecute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.model.Attachment;
import org.casebook.model.AuditEntry;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.VerifyReport;
import org.casebook.model.When;
import org.casebook.testsupport.Counts;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.AuditLog;
import org.casebook.vault.Json;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash-chained audit log and {@code verify}: every change is recorded with what it replaced, and any
 * change made behind Casebook's back — through SQL with the key — is found and named.
 */
class AuditAndVerifyTest {
    private static final ZonedDateTime T0 = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON);

    /** Built once and copied for each test (tests tamper with their copy): saves a key derivation each. */
    @TempDir
    static Path templateDir;
    static Path template;
    static Case aCase;
    static Incident incident;
    static Attachment photo;
    static Person person;

    @TempDir
    Path dir;
    Path file;
    Vault vault;

    @BeforeAll
    static void buildTemplate() throws IOException {
        template = templateDir.resolve("template.casebook");
        try (Vault v = Vault.create(template, TestVaults.pass())) {
            aCase = new CaseService(v).add("Audit case", "AC", LONDON);
            person = new PersonService(v).add(aCase.id(), "Sam Example", PersonRole.PERPETRATOR,
                    List.of(Identifier.of(IdentifierKind.PHONE, "07700 900123")));
            incident = new IncidentService(v).add(aCase.id(), draft(IncidentType.THREAT, T0, "Threatening message"));
            Path src = templateDir.resolve("photo.jpg");
            Files.write(src, "not really a photo, but evidence all the same".getBytes(StandardCharsets.UTF_8));
            photo = new AttachmentService(v).attach(aCase.id(), List.of(src), incident.id(), Progress.NONE).get(0);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        file = Files.copy(template, dir.resolve("audit.casebook"));
        Files.createDirectories(dir.resolve("src"));
        Files.copy(templateDir.resolve("photo.jpg"), dir.resolve("src/photo.jpg"));
        vault = Vault.open(file, TestVaults.pass());
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private VerifyReport verify() {
        return new VerifyService(vault).verify(Progress.NONE);
    }

    private List<AuditEntry> audit() {
        return vault.read(c -> vault.audit().all(c));
    }

    private long seqOf(String action, String subject) {
        return audit().stream().filter(e -> e.action().equals(action) && e.subject().equals(subject))
                .findFirst().orElseThrow().seq();
    }

    private static void assertProblemMentions(VerifyReport report, String text) {
        assertFalse(report.intact(), "verify must report the change");
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(text)),
                "a problem naming '" + text + "' in " + report.problems());
    }

    @Test
    void chainStaysIntactAcrossManyOperations() throws IOException {
        CaseService cases = new CaseService(vault);
        IncidentService incidents = new IncidentService(vault);
        ItemService items = new ItemService(vault);
        for (int i = 0; i < 40; i++) {
            Incident added = incidents.add(aCase.id(), draft(IncidentType.MESSAGE, T0.plusHours(i), "Message " + i));
            if (i % 3 == 0) {
                incidents.edit(added.id(), draft(IncidentType.MESSAGE, T0.plusHours(i), "Message " + i + " (edited)"));
            }
            if (i % 7 == 0) {
                items.delete(added.id(), "duplicate " + i);
            }
        }
        Case second = cases.add("Second case", null, ZoneId.of("Europe/Paris"));
        cases.update(second.id(), "Second case renamed", "SR", null);
        new PersonService(vault).add(second.id(), "Witness W", PersonRole.WITNESS, List.of());
        Path src = dir.resolve("src/doc.txt");
        Files.writeString(src, "a document");
        new AttachmentService(vault).attach(second.id(), List.of(src), null, Progress.NONE);
        vault.backupTo(dir.resolve("backup.casebook"));

        List<AuditEntry> entries = audit();
        assertTrue(entries.size() > 60, "every operation is recorded: " + entries.size());
        String prev = AuditLog.GENESIS;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = entries.get(i);
            assertEquals(i + 1, e.seq(), "sequence numbers have no gaps");
            assertEquals(prev, e.prevHash(), "entry " + e.seq() + " links to its predecessor");
            assertTrue(e.hash().matches("[0-9a-f]{64}"));
            prev = e.hash();
        }
        assertEquals(prev, vault.read(c -> vault.audit().headHash(c)));
        assertEquals(List.of(), vault.read(c -> vault.audit().verifyChain(c)));
        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(entries.size(), report.auditEntries());
        assertEquals(prev, report.auditHead());
        assertEquals(2, report.blobs());
        assertEquals(new TimelineService(vault).count(aCase.id()) + 1, report.items());
    }

    @Test
    void everyKindOfChangeIsAudited() {
        List<String> actions = audit().stream().map(e -> e.action() + " " + e.subject()).toList();
        assertEquals(List.of("vault-created vault", "case-created case:" + aCase.id(), "person-added person:"
                + person.id(), "incident-added item:" + incident.id(), "attached item:" + photo.id()), actions);
        Map<String, Object> attached = Json.readObject(audit().get(4).detail());
        assertEquals(photo.sha256(), attached.get("sha256"));
        assertEquals("photo.jpg", attached.get("file_name"));
    }

    @Test
    void auditRowEditedThroughSqlIsNamedBySeq() throws Exception {
        long seq = seqOf("incident-added", "item:" + incident.id());
        rawExecute(file, "UPDATE audit SET detail = replace(detail, '\"state\"', '\"state2\"') WHERE seq = " + seq);
        VerifyReport report = verify();
        assertProblemMentions(report, "audit entry " + seq);
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("audit entry " + seq) && p.contains("altered")),
                report.problems().toString());
    }

    @Test
    void auditRowWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        long seq = seqOf("case-created", "case:" + aCase.id());
        AuditEntry e = audit().get((int) seq - 1);
        String forgedDetail = "{\"forged\":true}";
        String forgedHash = Sha256.of(e.prevHash() + "\n" + e.seq() + "\n" + e.at().toEpochMilli() + "\n" + e.action()
                + "\n" + e.subject() + "\n" + forgedDetail);
        rawExecute(file, "UPDATE audit SET detail = '" + forgedDetail + "', hash = '" + forgedHash
                + "' WHERE seq = " + seq);
        assertProblemMentions(verify(), "audit entry " + (seq + 1));
    }

    @Test
    void auditRowWhoseDetailIsNoLongerJsonIsReportedNotACrash() throws Exception {
        long seq = seqOf("attached", "item:" + photo.id());
        rawExecute(file, "UPDATE audit SET detail = 'gone' WHERE seq = " + seq);
        assertProblemMentions(verify(), "audit entry " + seq);
        long seq2 = seqOf("incident-added", "item:" + incident.id());
        rawExecute(file, "UPDATE audit SET detail = '[1,2]' WHERE seq = " + seq2);
        assertProblemMentions(verify(), "audit entry " + seq2);
    }

    @Test
    void deletedAuditRowIsReportedAsMissing() throws Exception {
        long seq = seqOf("person-added", "person:" + person.id());
        rawExecute(file, "DELETE FROM audit WHERE seq = " + seq);
        assertProblemMentions(verify(), "audit entry " + seq + " is missing");
    }

    @Test
    void itemTextEditedThroughSqlIsNamed() throws Exception {
        rawExecute(file, "UPDATE item SET text = 'Nothing happened' WHERE id = " + incident.id());
        VerifyReport report = verify();
        assertProblemMentions(report, "item " + incident.id());
        assertEquals(1, report.problems().size(), report.problems().toString());
    }

    @Test
    void itemTimeEditedThroughSqlIsNamed() throws Exception {
        rawExecute(file, "UPDATE item SET at_utc = at_utc + 3600000 WHERE id = " + photo.id());
        assertProblemMentions(verify(), "item " + photo.id());
    }

    @Test
    void itemRemovedThroughSqlIsNamed() throws Exception {
        rawExecute(file, "DELETE FROM item_link", "DELETE FROM item WHERE id = " + incident.id());
        assertProblemMentions(verify(), "item " + incident.id() + " is missing");
    }

    @Test
    void itemAddedThroughSqlIsNamed() throws Exception {
        rawExecute(file, "INSERT INTO item(case_id, kind, type, at_utc, at_zone, at_local, added_utc, text) "
                + "VALUES (" + aCase.id() + ", 'incident', 'other', 0, 'UTC', '1970-01-01T00:00', 0, 'planted')");
        assertProblemMentions(verify(), "has no audit record");
    }

    @Test
    void caseAndPersonEditedThroughSqlAreNamed() throws Exception {
        rawExecute(file, "UPDATE case_file SET title = 'Other title' WHERE id = " + aCase.id(),
                "UPDATE identifier SET raw = '07700 900999' WHERE person_id = " + person.id());
        VerifyReport report = verify();
        assertProblemMentions(report, "case " + aCase.id());
        assertProblemMentions(report, "person " + person.id());
    }

    @Test
    void storedOriginalChangedThroughSqlIsNamedWithItsItem() throws Exception {
        rawExecute(file, "UPDATE blob_chunk SET data = X'00112233'");
        VerifyReport report = verify();
        assertProblemMentions(report, "item " + photo.id() + " (photo.jpg)");
        assertProblemMentions(report, "SHA-256");
    }

    @Test
    void deleteNeedsAReason() {
        Map<String, Long> before = Counts.of(vault);
        for (String blank : new String[] {null, "", "   "}) {
            VaultException e = assertThrows(VaultException.class, () -> new ItemService(vault).delete(photo.id(), blank));
            assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains("reason"), e.getMessage());
        }
        assertEquals(before, Counts.of(vault));
        VaultException unknown = assertThrows(VaultException.class,
                () -> new ItemService(vault).delete(999_999, "no such item"));
        assertEquals(VaultException.Kind.BAD_INPUT, unknown.kind());
        assertEquals(before, Counts.of(vault));
    }

    @Test
    void deleteLeavesReasonAndHashAndRemovesAnUnreferencedOriginal() throws IOException {
        Path src = dir.resolve("src/photo.jpg");
        Attachment twin = new AttachmentService(vault).attach(aCase.id(), List.of(src), null, Progress.NONE).get(0);
        assertEquals(photo.sha256(), twin.sha256());
        ItemService items = new ItemService(vault);
        long blobs = Counts.rows(vault, "blob");

        items.delete(photo.id(), "  private photo of my home  ");
        assertEquals(blobs, Counts.rows(vault, "blob"), "the twin still uses the original");
        AuditEntry first = items.history(photo.id()).get(items.history(photo.id()).size() - 1);
        assertEquals("deleted", first.action());
        Map<String, Object> detail = Json.readObject(first.detail());
        assertEquals("private photo of my home", detail.get("reason"));
        assertEquals(photo.sha256(), detail.get("sha256"));
        assertEquals(Boolean.FALSE, detail.get("original_removed"));

        items.delete(twin.id(), "no longer needed");
        assertEquals(blobs - 1, Counts.rows(vault, "blob"));
        assertEquals(0, vault.read(c -> vault.blobs().findId(c, photo.sha256())).stream().count());
        Map<String, Object> twinDetail = Json.readObject(items.history(twin.id()).get(1).detail());
        assertEquals(Boolean.TRUE, twinDetail.get("original_removed"));
        assertEquals(photo.sha256(), twinDetail.get("sha256"));
        assertEquals(0, Counts.rows(vault, "blob_chunk"), "the chunks go with the original");

        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
        assertEquals(List.of(), new AttachmentServiceView(vault).linksOf(incident.id()));
    }

    @Test
    void deletingAnIncidentKeepsItsAttachmentsAndVerifyStaysIntact() {
        new ItemService(vault).delete(incident.id(), "entered in error");
        assertEquals(List.of(), new AttachmentService(vault).get(photo.id()).incidentIds());
        assertThrows(VaultException.class, () -> new IncidentService(vault).get(incident.id()));
        VerifyReport report = verify();
        assertTrue(report.intact(), report.problems().toString());
    }

    @Test
    void editKeepsThePreviousValues() {
        IncidentService incidents = new IncidentService(vault);
        incidents.edit(incident.id(), new IncidentDraft(IncidentType.THREAT, When.exactly(T0.plusMinutes(30)),
                "Threatening voicemail", "Home", List.of("Neighbour"), null, "REF-1"));
        List<AuditEntry> history = new ItemService(vault).history(incident.id());
        assertEquals(List.of("incident-added", "incident-edited"), history.stream().map(AuditEntry::action).toList());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes =
                (Map<String, Map<String, Object>>) Json.readObject(history.get(1).detail()).get("changes");
        assertEquals("Threatening message", changes.get("description").get("old"));
        assertEquals("Threatening voicemail", changes.get("description").get("new"));
        assertEquals(null, changes.get("location").get("old"));
        assertEquals("Home", changes.get("location").get("new"));
        assertEquals(T0.toOffsetDateTime().toString(), changes.get("at").get("old"));
        assertFalse(changes.containsKey("type"), "unchanged fields are not listed");
        assertEquals("Threatening voicemail", incidents.get(incident.id()).description());

        // an edit that changes nothing adds no entry
        Incident now = incidents.get(incident.id());
        incidents.edit(now.id(), new IncidentDraft(now.type(), now.when(), now.description(), now.location(),
                now.witnesses(), now.impact(), now.policeRef()));
        assertEquals(2, new ItemService(vault).history(incident.id()).size());
        assertTrue(verify().intact(), verify().problems().toString());
    }

    @Test
    void caseEditKeepsThePreviousValues() {
        new CaseService(vault).update(aCase.id(), "Renamed case", null, ZoneId.of("Europe/Dublin"));
        AuditEntry last = audit().get(audit().size() - 1);
        assertEquals("case-edited", last.action());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> changes = (Map<String, Map<String, Object>>) Json.readObject(last.detail())
                .get("changes");
        assertEquals("Audit case", changes.get("title").get("old"));
        assertEquals("Renamed case", changes.get("title").get("new"));
        assertEquals("Europe/London", changes.get("zone").get("old"));
        assertTrue(verify().intact());
    }

    /** Reads item links directly, to check that a deleted item leaves none behind. */
    private record AttachmentServiceView(Vault vault) {
        List<Long> linksOf(long incidentId) {
            return vault.read(c -> {
                try (var ps = c.prepareStatement("SELECT item_id FROM item_link WHERE incident_id = ?")) {
                    ps.setLong(1, incidentId);
                    try (var rs = ps.executeQuery()) {
                        List<Long> ids = new java.util.ArrayList<>();
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                        return ids;
                    }
                }
            });
        }
    }
}
