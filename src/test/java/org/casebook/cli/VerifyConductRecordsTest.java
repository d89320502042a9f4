package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.env;
import static org.casebook.cli.CliTestSupport.noTerminal;
import static org.casebook.cli.CliTestSupport.run;
import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.rawExecute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.conduct.ImpactService;
import org.casebook.conduct.OrderService;
import org.casebook.conduct.ReportService;
import org.casebook.conduct.TagService;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.ItemService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.BehaviourTag;
import org.casebook.model.CourtOrder;
import org.casebook.model.ImpactKind;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.PersonRole;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.model.VerifyReport;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook verify} over the course-of-conduct records: a realistic mix of adds, edits, deletes, links,
 * decisions and merges verifies clean, and each kind of record changed through SQL with the key is named and
 * exits 3.
 */
class VerifyConductRecordsTest {
    private static final ZonedDateTime T0 = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON);

    /** Built once; each test works on a copy. */
    @TempDir
    static Path templateDir;
    static Path template;
    static long caseId;
    static long sam;
    static long other;
    static long threat;
    static long doorstep;
    static long message;
    static long untagged;
    static long order;
    static long deletedOrder;
    static long report;
    static long deletedReport;
    static long impact;
    static long deletedImpact;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildTemplate() {
        template = templateDir.resolve("template.casebook");
        try (Vault v = Vault.create(template, TestVaults.pass())) {
            caseId = new CaseService(v).add("Conduct case", "CC", LONDON).id();
            PersonService people = new PersonService(v);
            sam = people.add(caseId, "Sam", PersonRole.PERPETRATOR, List.of()).id();
            other = people.add(caseId, "Unknown number", PersonRole.OTHER, List.of()).id();
            long third = people.add(caseId, "Second unknown number", PersonRole.OTHER, List.of()).id();
            people.merge(other, third);
            people.merge(sam, other);

            IncidentService incidents = new IncidentService(v);
            threat = incidents.add(caseId, draft(IncidentType.THREAT, T0, "Note through the door")).id();
            doorstep = incidents.add(caseId, draft(IncidentType.IN_PERSON, T0.plusDays(2), "At the door")).id();
            long mistaken = incidents.add(caseId, draft(IncidentType.OTHER, T0.plusDays(3), "Entered twice")).id();
            incidents.edit(doorstep, draft(IncidentType.IN_PERSON, T0.plusDays(2), "Waiting at the door at 11pm"));
            List<Long> messages = v.write(c -> {
                BulkItemWriter writer = new BulkItemWriter(v, c);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    ids.add(writer.add(ItemRow.of(caseId, ItemKind.MESSAGE, "sms", When.exactly(T0.plusHours(i)), 0L,
                            "message " + i, sam, null, "texts.csv")));
                }
                writer.finish("messages-imported", Map.of("file", "texts.csv"));
                return ids;
            });
            message = messages.get(0);
            untagged = messages.get(1);

            TagService tags = new TagService(v);
            tags.set(threat, EnumSet.of(BehaviourTag.THREATS, BehaviourTag.TURNING_UP_HOME));
            tags.remove(threat, BehaviourTag.TURNING_UP_HOME);
            tags.add(message, BehaviourTag.UNWANTED_CONTACT);
            tags.add(mistaken, BehaviourTag.OTHER);
            tags.set(messages.get(2), EnumSet.of(BehaviourTag.MONITORING_ONLINE));
            tags.set(messages.get(2), EnumSet.noneOf(BehaviourTag.class));

            OrderService orders = new OrderService(v);
            CourtOrder o = orders.add(caseId, new OrderDraft(OrderKind.RESTRAINING_ORDER, "Magistrates", "RO-77",
                    LocalDate.of(2024, 2, 20), null, sam, null, List.of("No contact", "Stay away from the street")));
            o = orders.edit(o.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER, "Magistrates", "RO-77",
                    LocalDate.of(2024, 2, 20), LocalDate.of(2026, 2, 20), sam, "Served in person",
                    List.of("No contact directly or indirectly", "Stay away from the street", "No posting about her")));
            order = o.id();
            orders.confirm(threat, o.conditions().get(0).id(), "came to the house");
            orders.dismiss(message, o.conditions().get(0).id(), null);
            orders.confirm(message, o.conditions().get(0).id(), "on reflection, yes");
            orders.confirm(doorstep, o.conditions().get(1).id(), null);
            CourtOrder bail = orders.add(caseId, new OrderDraft(OrderKind.BAIL_CONDITIONS, null, null,
                    LocalDate.of(2024, 1, 5), null, null, null, List.of("Not to contact")));
            orders.confirm(threat, bail.conditions().get(0).id(), null);
            orders.delete(bail.id(), "bail ended; entered under the wrong order");
            deletedOrder = bail.id();

            ReportService reports = new ReportService(v);
            report = reports.add(caseId, new ReportDraft(T0.plusDays(3), ReportRecipient.POLICE, null, "13/999/24",
                    "PC Example", null)).id();
            reports.link(report, threat);
            reports.link(report, doorstep);
            reports.link(report, mistaken);
            reports.link(report, message);
            reports.unlink(report, message);
            reports.edit(report, new ReportDraft(T0.plusDays(3), ReportRecipient.POLICE, null, "13/999/24",
                    "PC Example", "Crime number issued"));
            // Same instant, same offset, another zone: only the zone changes, and that too is recorded.
            reports.edit(report, new ReportDraft(T0.plusDays(3).withZoneSameInstant(java.time.ZoneId.of("Europe/Lisbon")),
                    ReportRecipient.POLICE, null, "13/999/24", "PC Example", "Crime number issued"));
            deletedReport = reports.add(caseId, new ReportDraft(T0.plusDays(4), ReportRecipient.PLATFORM, "Chat app",
                    null, null, null)).id();
            reports.link(deletedReport, message);
            reports.delete(deletedReport, "made by mistake");

            ImpactService impacts = new ImpactService(v);
            impact = impacts.add(caseId, LocalDate.of(2024, 3, 14), ImpactKind.FEAR_OF_VIOLENCE,
                    "Afraid to be at home alone", List.of(threat, mistaken)).id();
            impacts.edit(impact, LocalDate.of(2024, 3, 14), ImpactKind.FEAR_OF_VIOLENCE, "Afraid to be home alone");
            impacts.link(impact, doorstep);
            impacts.unlink(impact, doorstep);
            impacts.link(impact, message);
            deletedImpact = impacts.add(caseId, LocalDate.of(2024, 3, 15), ImpactKind.HEALTH, "Could not sleep",
                    List.of(doorstep)).id();
            impacts.delete(deletedImpact, "private");

            // Deleting an item takes its tags, decisions and links with it: the report and impact entry change.
            new ItemService(v).delete(mistaken, "entered twice");
        }
    }

    private Path copy() throws IOException {
        return Files.copy(template, dir.resolve("vault.casebook"));
    }

    private static Result verify(Path file) {
        return run(env(Passphrases.ENV, TestVaults.PASSPHRASE), noTerminal(), "", "verify", "--vault", file.toString());
    }

    @Test
    void aRealisticMixVerifiesClean() throws IOException {
        Path file = copy();
        try (Vault v = TestVaults.open(file)) {
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
        }
        Result r = verify(file);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Vault intact"), r::toString);
    }

    /** One case per kind of record and kind of tampering: what is run through SQL, and what verify must say. */
    private record Tampering(String name, String expected, String... sql) {
    }

    private static List<Tampering> tamperings() {
        String reportName = "report #" + report + " (police, ref 13/999/24)";
        String orderName = "order #" + order + " (restraining-order, ref RO-77)";
        String impactName = "impact entry #" + impact + " (2024-03-14, fear-of-violence)";
        String changed = " was changed outside Casebook";
        String markings = "the behaviour tags or breach decisions of item ";
        String markingsChanged = " were changed outside Casebook";
        return List.of(
                new Tampering("report outcome edited", reportName + changed,
                        "UPDATE report SET outcome = 'No further action' WHERE id = " + report),
                new Tampering("report time edited", reportName + changed,
                        "UPDATE report SET at_utc = at_utc - 86400000 WHERE id = " + report),
                new Tampering("report unlinked from an incident", reportName + changed,
                        "DELETE FROM report_link WHERE report_id = " + report + " AND item_id = " + threat),
                new Tampering("report linked to another item", reportName + changed,
                        "INSERT INTO report_link(report_id, item_id) VALUES (" + report + ", " + untagged + ")"),
                new Tampering("report removed", "report #" + report + " (police, ref 13/999/24) is missing",
                        "DELETE FROM report WHERE id = " + report),
                new Tampering("report planted", "report #" + (deletedReport + 1) + " (police, ref 99/1/24) has no audit"
                        + " record", "INSERT INTO report(case_id, at_utc, at_zone, at_local, recipient_kind, reference,"
                        + " added_utc) VALUES (" + caseId + ", 0, 'UTC', '1970-01-01T00:00', 'police', '99/1/24', 0)"),
                new Tampering("deleted report put back", "report #" + deletedReport + " (platform, Chat app, 2024-03-05)"
                        + " was deleted (audit) but is present again", "INSERT INTO report(id, case_id, at_utc, at_zone,"
                        + " at_local, recipient_kind, recipient, added_utc) VALUES (" + deletedReport + ", " + caseId
                        + ", 0, 'UTC', '2024-03-05T21:15', 'platform', 'Chat app', 0)"),
                new Tampering("order expiry removed", orderName + changed,
                        "UPDATE court_order SET expires = NULL WHERE id = " + order),
                new Tampering("order condition reworded", orderName + changed,
                        "UPDATE order_condition SET text = 'No contact by phone' WHERE order_id = " + order
                                + " AND position = 1"),
                new Tampering("order condition removed", orderName + changed,
                        "DELETE FROM order_condition WHERE order_id = " + order + " AND position = 3"),
                new Tampering("order removed", orderName + " is missing", "PRAGMA foreign_keys = OFF",
                        "DELETE FROM court_order WHERE id = " + order),
                new Tampering("order planted", "order #" + (deletedOrder + 1) + " (non-molestation-order, made"
                        + " 2024-01-01) has no audit record", "INSERT INTO court_order(case_id, kind, made, added_utc)"
                        + " VALUES (" + caseId + ", 'non-molestation-order', '2024-01-01', 0)"),
                new Tampering("impact text edited", impactName + changed,
                        "UPDATE impact SET text = 'Not bothered' WHERE id = " + impact),
                new Tampering("impact unlinked", impactName + changed,
                        "DELETE FROM impact_link WHERE impact_id = " + impact + " AND item_id = " + message),
                new Tampering("impact removed", impactName + " is missing", "DELETE FROM impact WHERE id = " + impact),
                new Tampering("impact planted", "impact entry #" + (deletedImpact + 1) + " (2024-04-01, health) has no"
                        + " audit record", "INSERT INTO impact(case_id, day, kind, text, added_utc) VALUES (" + caseId
                        + ", '2024-04-01', 'health', 'planted', 0)"),
                new Tampering("tag removed", markings + threat + markingsChanged,
                        "DELETE FROM item_tag WHERE item_id = " + threat),
                new Tampering("tag added to a tagged item", markings + message + markingsChanged,
                        "INSERT INTO item_tag(item_id, tag) VALUES (" + message + ", 'threats')"),
                new Tampering("tag added to an item never tagged", markings + untagged + " have no audit record",
                        "INSERT INTO item_tag(item_id, tag) VALUES (" + untagged + ", 'threats')"),
                new Tampering("breach decision reversed", markings + threat + markingsChanged,
                        "UPDATE breach SET status = 'dismissed' WHERE item_id = " + threat),
                new Tampering("breach note edited", markings + doorstep + markingsChanged,
                        "UPDATE breach SET note = 'not really' WHERE item_id = " + doorstep),
                new Tampering("breach decision removed", markings + doorstep + markingsChanged,
                        "DELETE FROM breach WHERE item_id = " + doorstep),
                new Tampering("merge undone", "person " + other + " was changed outside Casebook",
                        "UPDATE person SET merged_into = NULL WHERE id = " + other));
    }

    @TestFactory
    Stream<DynamicTest> eachKindOfRecordChangedThroughSqlIsNamedAndExits3() {
        return tamperings().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Path file = dir.resolve(t.name().replace(' ', '-') + ".casebook");
            Files.copy(template, file);
            rawExecute(file, t.sql());
            Result r = verify(file);
            assertEquals(ExitCodes.INTEGRITY, r.exit(), r::toString);
            assertTrue(r.out().contains("PROBLEM: " + t.expected()), "expected '" + t.expected() + "' in\n" + r);
            assertEquals(1, r.lines().size(), "only the tampered record is named:\n" + r);
        }));
    }

    /**
     * A vault whose conduct audit entries hold no states (written before they were recorded) verifies clean,
     * and a record with no audit entry at all is still found.
     */
    @Test
    void entriesWithoutStatesDoNotFailButAnUnauditedRecordStillDoes() throws Exception {
        Path file = copy();
        int stripped = stripConductStates(file);
        assertTrue(stripped > 20, "conduct entries rewritten: " + stripped);
        try (Vault v = TestVaults.open(file)) {
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
        }
        rawExecute(file, "UPDATE report SET outcome = 'No further action' WHERE id = " + report,
                "INSERT INTO impact(case_id, day, kind, text, added_utc) VALUES (" + caseId
                        + ", '2024-04-01', 'health', 'planted', 0)");
        Result r = verify(file);
        assertEquals(ExitCodes.INTEGRITY, r.exit(), r::toString);
        assertEquals(List.of("PROBLEM: impact entry #" + (deletedImpact + 1) + " (2024-04-01, health) has no audit"
                + " record: it was added outside Casebook"), r.lines(), "the edit cannot be seen without a state");
    }

    /**
     * Rewrites the vault's audit log as an older Casebook wrote it — no state hashes on conduct entries —
     * re-linking the whole hash chain. Returns how many entries changed.
     */
    private static int stripConductStates(Path file) throws SQLException, IOException {
        int changed = 0;
        try (Connection c = TestVaults.raw(file, TestVaults.PASSPHRASE)) {
            c.setAutoCommit(false);
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, at_utc, action, subject, detail FROM audit ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
            String prev = "0".repeat(64);
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (Object[] row : rows) {
                    String subject = (String) row[3];
                    String action = (String) row[2];
                    String detail = (String) row[4];
                    boolean conduct = subject.matches("(order|report|impact):\\d+") || action.startsWith("breach-")
                            || action.equals("tags-changed") || detail.contains("conduct_states");
                    if (conduct) {
                        ObjectNode json = (ObjectNode) CliTestSupport.JSON.readTree(detail);
                        json.remove(List.of("conduct_state", "conduct_states"));
                        if (!subject.startsWith("item:")) {
                            json.remove("state");
                        }
                        detail = CliTestSupport.JSON.writeValueAsString(json);
                        changed++;
                    }
                    String hash = Sha256.of(prev + "\n" + row[0] + "\n" + row[1] + "\n" + action + "\n" + subject
                            + "\n" + detail);
                    ps.setString(1, detail);
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setLong(4, (Long) row[0]);
                    ps.executeUpdate();
                    prev = hash;
                }
            }
            c.commit();
        }
        return changed;
    }
}
