package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casebook.evidence.ItemService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.AuditEntry;
import org.casebook.model.BehaviourTag;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.model.IncidentType;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.model.TimelineItem;
import org.casebook.model.VerifyReport;
import org.casebook.vault.Progress;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags, reports and the impact log with their audit entries; merging identities. Verify passes after each. */
class RecordsAndMergeTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    private static void assertVerifies(ConductTestCase t) {
        VerifyReport report = new VerifyService(t.vault).verify(Progress.NONE);
        assertTrue(report.intact(), report.problems().toString());
    }

    @Test
    void tagsAreAuditedOnTheItemAndFoundByTag() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long a = t.incident(IncidentType.FOLLOWING, t.local(2024, 4, 1, 9, 0));
            long b = t.incident(IncidentType.GIFT, t.local(2024, 4, 2, 9, 0));
            TagService tags = new TagService(t.vault);
            tags.add(a, BehaviourTag.FOLLOWING);
            tags.add(a, BehaviourTag.TURNING_UP_HOME);
            tags.set(b, EnumSet.of(BehaviourTag.GIFTS, BehaviourTag.TURNING_UP_HOME));
            tags.remove(a, BehaviourTag.FOLLOWING);
            assertEquals(Set.of(BehaviourTag.TURNING_UP_HOME), tags.tags(a));
            assertEquals(List.of(a, b), tags.itemsWithTag(t.caseId, BehaviourTag.TURNING_UP_HOME));
            List<AuditEntry> history = new ItemService(t.vault).history(a);
            assertEquals(List.of("incident-added", "tags-changed", "tags-changed", "tags-changed"),
                    history.stream().map(AuditEntry::action).toList());
            assertTrue(history.get(3).detail().contains("\"old\":[\"following\",\"turning-up-home\"]"),
                    history.get(3).detail());
            assertEquals(java.util.Map.of("turning-up-home", 2L, "gifts", 1L), t.summary(null, null).byTag());
            assertThrows(VaultException.class, () -> tags.add(9999, BehaviourTag.OTHER));
            assertVerifies(t);
        }
    }

    @Test
    void reportsAndImpactEntriesAreAddedEditedLinkedAndDeletedWithHistory() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long incident = t.incident(IncidentType.THREAT, t.local(2024, 4, 1, 21, 0));
            ReportService reports = new ReportService(t.vault);
            Report r = reports.add(t.caseId, new ReportDraft(t.local(2024, 4, 2, 10, 0), ReportRecipient.POLICE,
                    "West Yorkshire Police", "13/123456/24", "PC Jones", null));
            reports.link(r.id(), incident);
            Report edited = reports.edit(r.id(), new ReportDraft(r.at(), ReportRecipient.POLICE, r.recipient(),
                    r.reference(), r.contact(), "Crime recorded as stalking; Sam arrested"));
            assertEquals(List.of(incident), edited.incidentIds());
            List<AuditEntry> audit = t.vault.read(c -> t.vault.audit().entriesFor(c, "report:" + r.id()));
            assertEquals(List.of("report-added", "report-linked", "report-edited"),
                    audit.stream().map(AuditEntry::action).toList());
            assertTrue(audit.get(2).detail().contains("\"old\":null}"), audit.get(2).detail());

            ImpactService impacts = new ImpactService(t.vault);
            ImpactEntry e = impacts.add(t.caseId, LocalDate.of(2024, 4, 3), ImpactKind.CHANGED_NUMBER,
                    "Changed my number", List.of(incident));
            impacts.edit(e.id(), LocalDate.of(2024, 4, 4), ImpactKind.CHANGED_NUMBER, "Changed my number again");
            assertEquals(List.of(incident), impacts.get(e.id()).itemIds());
            assertThrows(VaultException.class, () -> impacts.add(t.caseId, null, ImpactKind.HEALTH, "x", List.of()));

            ConductSummary s = t.summary(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30));
            assertEquals(1, s.reports().size());
            assertEquals(1, s.reports().get(0).linkedIncidents());
            assertEquals("13/123456/24", s.reports().get(0).reference());
            assertEquals(List.of("changed-number"), s.impacts().stream().map(ConductSummary.ImpactFigures::kind).toList());
            assertVerifies(t);

            // Deleting the incident drops the links; deleting the records leaves their values in the audit log.
            new ItemService(t.vault).delete(incident, "duplicate");
            assertEquals(List.of(), reports.get(r.id()).incidentIds());
            reports.delete(r.id(), "entered in the wrong case");
            impacts.delete(e.id(), "entered in the wrong case");
            assertEquals(List.of(), reports.list(t.caseId));
            assertEquals(List.of(), impacts.list(t.caseId));
            assertTrue(t.vault.read(c -> t.vault.audit().entriesFor(c, "impact:" + e.id())).get(2).detail()
                    .contains("Changed my number again"));
            assertVerifies(t);
        }
    }

    @Test
    void settingLinksLinksAndUnlinksInOneTransactionWithAnAuditEntryEach() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long a = t.incident(IncidentType.THREAT, t.local(2024, 4, 1, 21, 0));
            long b = t.incident(IncidentType.FOLLOWING, t.local(2024, 4, 2, 21, 0));
            long c = t.incident(IncidentType.GIFT, t.local(2024, 4, 3, 21, 0));
            ReportService reports = new ReportService(t.vault);
            Report r = reports.add(t.caseId, new ReportDraft(t.local(2024, 4, 4, 10, 0), ReportRecipient.POLICE,
                    null, null, null, null));
            reports.link(r.id(), a);
            reports.link(r.id(), b);

            assertEquals(List.of(b, c), reports.setLinks(r.id(), Set.of(b, c)).incidentIds());
            List<AuditEntry> audit = t.vault.read(x -> t.vault.audit().entriesFor(x, "report:" + r.id()));
            assertEquals(List.of("report-added", "report-linked", "report-linked", "report-unlinked", "report-linked"),
                    audit.stream().map(AuditEntry::action).toList());
            assertTrue(audit.get(3).detail().contains("\"item\":" + a), audit.get(3).detail());

            // An unknown item undoes the whole change: no unlink of b is left behind.
            assertThrows(VaultException.class, () -> reports.setLinks(r.id(), Set.of(c, 9999L)));
            assertEquals(List.of(b, c), reports.get(r.id()).incidentIds());
            assertEquals(5, t.vault.read(x -> t.vault.audit().entriesFor(x, "report:" + r.id())).size());

            ImpactService impacts = new ImpactService(t.vault);
            ImpactEntry e = impacts.add(t.caseId, LocalDate.of(2024, 4, 5), ImpactKind.HEALTH, "Not sleeping",
                    List.of(a));
            assertEquals(List.of(c), impacts.setLinks(e.id(), Set.of(c)).itemIds());
            assertEquals(List.of("impact-added", "impact-unlinked", "impact-linked"), t.vault.read(x ->
                    t.vault.audit().entriesFor(x, "impact:" + e.id())).stream().map(AuditEntry::action).toList());
            assertEquals(List.of(c), impacts.setLinks(e.id(), Set.of(c)).itemIds(), "nothing to change");
            assertEquals(3, t.vault.read(x -> t.vault.audit().entriesFor(x, "impact:" + e.id())).size());
            assertVerifies(t);
        }
    }

    @Test
    void mergingAnUnknownNumberIntoThePerpetratorChangesTheCountsAndLaterImports() throws Exception {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            Path texts = dir.resolve("texts.csv");
            Files.writeString(texts, """
                    time,sender,number,text
                    2024-03-01 21:15,Sam,+44 7700 900123,I saw you at the station
                    2024-03-02 21:16,Unknown,+44 7700 900999,you looked tired
                    2024-03-03 08:00,Unknown,+44 7700 900999,answer me
                    """);
            ImportService imports = new ImportService(t.vault, Importers.standard());
            imports.importFile(t.caseId, texts, new ImportOptions(null, null, null, List.of("Sam"), false), Progress.NONE);
            PersonService people = new PersonService(t.vault);
            Person sam = people.list(t.caseId).stream().filter(p -> p.name().equals("Sam")).findFirst().orElseThrow();
            Person unknown = people.list(t.caseId).stream().filter(p -> p.name().equals("Unknown")).findFirst()
                    .orElseThrow();
            assertEquals(1, t.summary(null, null).messages());

            people.merge(sam.id(), unknown.id());

            ConductSummary after = t.summary(null, null);
            assertEquals(3, after.messages(), "the unknown number's messages are Sam's now");
            assertEquals(List.of(sam.id()), people.list(t.caseId).stream().map(Person::id).toList());
            assertEquals(java.util.Map.of(unknown.id(), sam.id()), people.mergedInto(t.caseId));
            assertEquals(2, people.get(sam.id()).identifiers().size());
            // The timeline still shows each message's sender as the export named it.
            assertEquals(List.of("Sam", "Unknown", "Unknown"), new TimelineService(t.vault).timeline(t.caseId).stream()
                    .map(TimelineItem::sender).toList());
            assertEquals(1, new TimelineService(t.vault).search(t.caseId, "tired", false, 5).size());
            assertThrows(VaultException.class, () -> people.merge(sam.id(), unknown.id()), "already merged");
            assertThrows(VaultException.class, () -> people.merge(sam.id(), sam.id()));

            // A later export: the number, and the name alone, both lead to Sam.
            Path more = dir.resolve("more.csv");
            Files.writeString(more, """
                    time,sender,number,text
                    2024-03-04 09:00,Unknown,+44 7700 900999,still here
                    2024-03-05 09:00,Unknown,,and here
                    """);
            imports.importFile(t.caseId, more, ImportOptions.defaults(), Progress.NONE);
            assertEquals(List.of(sam.id()), people.list(t.caseId).stream().map(Person::id).toList(),
                    "no new person for the merged number or name");
            assertEquals(5, t.summary(null, null).messages());
            List<AuditEntry> merged = t.vault.read(c -> t.vault.audit().entriesFor(c, "person:" + unknown.id()));
            assertEquals("person-merged", merged.get(merged.size() - 1).action());
            assertTrue(merged.get(merged.size() - 1).detail().contains("phone:+44 7700 900999"));
            assertVerifies(t);
        }
    }

    @Test
    void thirdPartyRoleHasAHyphenatedCode() {
        assertEquals("third-party", PersonRole.THIRD_PARTY.code());
        assertEquals(PersonRole.THIRD_PARTY, PersonRole.fromCode("third-party"));
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long id = t.person("Sam's sister", PersonRole.THIRD_PARTY, null);
            assertEquals(PersonRole.THIRD_PARTY, new PersonService(t.vault).get(id).role());
        }
    }
}
