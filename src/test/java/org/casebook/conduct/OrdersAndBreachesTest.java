package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.casebook.evidence.ItemService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.AuditEntry;
import org.casebook.model.BreachStatus;
import org.casebook.model.CourtOrder;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.PersonRole;
import org.casebook.vault.Progress;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders, breach suggestions at the edges of an order's period, decisions, and their audit trail. */
class OrdersAndBreachesTest {
    @TempDir
    Path dir;

    private static OrderDraft order(LocalDate made, LocalDate expires, Long against, String... conditions) {
        return new OrderDraft(OrderKind.RESTRAINING_ORDER, "Leeds Crown Court", "RO-1", made, expires, against, null,
                List.of(conditions));
    }

    private static List<Long> suggested(ConductTestCase t, long orderId) {
        return new BreachSuggestions(t.vault).forOrder(orderId).stream().map(BreachSuggestions.Suggestion::itemId).toList();
    }

    @Test
    void suggestionsRunFromTheFirstToTheLastDayInclusiveAndStopOnceDecided() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long friend = t.person("Friend", PersonRole.OTHER, null);
            long sms = t.conversation("SMS", "sam");
            List<Long> ids = t.messages(ItemKind.MESSAGE, sms, sam, "incoming",
                    t.local(2024, 3, 4, 23, 59),   // the day before: never
                    t.local(2024, 3, 5, 0, 0),     // the first day's first minute
                    t.local(2024, 3, 15, 23, 59),  // the last day's last minute
                    t.local(2024, 3, 16, 0, 0));   // the day after: never
            t.messages(ItemKind.MESSAGE, sms, friend, "incoming", t.local(2024, 3, 10, 12, 0));
            long incident = t.incident(IncidentType.LOITERING, t.local(2024, 3, 10, 18, 0));
            OrderService orders = new OrderService(t.vault);
            CourtOrder o = orders.add(t.caseId, order(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 15), null,
                    "No contact directly or indirectly", "Not to enter Elm Road"));
            assertEquals(List.of(ids.get(1), incident, ids.get(2)), suggested(t, o.id()));

            long noContact = o.conditions().get(0).id();
            orders.confirm(ids.get(1), noContact, "texted at midnight");
            orders.dismiss(incident, o.conditions().get(1).id(), "was not on Elm Road");
            assertEquals(List.of(ids.get(2)), suggested(t, o.id()));
            assertEquals(List.of(BreachStatus.CONFIRMED, BreachStatus.DISMISSED),
                    orders.breaches(o.id()).stream().map(d -> d.status()).toList());

            // Deciding again replaces the decision and the audit log keeps the old one.
            orders.confirm(incident, o.conditions().get(1).id(), "seen at the end of Elm Road after all");
            List<AuditEntry> history = new ItemService(t.vault).history(incident);
            assertEquals(List.of("incident-added", "breach-dismissed", "breach-confirmed"),
                    history.stream().map(AuditEntry::action).toList());
            assertTrue(history.get(2).detail().contains("\"old\":\"dismissed\""), history.get(2).detail());

            ConductSummary s = t.summary(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));
            ConductSummary.OrderFigures f = s.orders().get(0);
            assertEquals(3, f.contactsDuringOrder(), "the first and last day's messages and the incident;"
                    + " not the friend's message, nor those the day before and after");
            assertEquals(List.of(ids.get(1), incident), f.breaches().stream().map(ConductSummary.Breach::itemId).toList());
            assertEquals("Text (SMS) message: \u201ctext\u201d", f.breaches().get(0).summary());
            assertEquals("Diary: at home / loitering: \u201cwhat happened\u201d", f.breaches().get(1).summary());
            assertTrue(new VerifyService(t.vault).verify(Progress.NONE).intact());
        }
    }

    @Test
    void anOpenEndedOrderAgainstOnePersonSuggestsOnlyTheirContacts() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long alex = t.person("Alex", PersonRole.PERPETRATOR, null);
            long alias = t.person("Unknown number", PersonRole.OTHER, "+44 7700 900999");
            long sms = t.conversation("SMS", "all");
            List<Long> fromSam = t.messages(ItemKind.MESSAGE, sms, sam, "incoming",
                    t.local(2024, 3, 9, 12, 0), t.local(2026, 1, 1, 12, 0));
            t.messages(ItemKind.MESSAGE, sms, alex, "incoming", t.local(2025, 1, 1, 12, 0));
            List<Long> fromAlias = t.messages(ItemKind.MESSAGE, sms, alias, "incoming", t.local(2025, 6, 1, 12, 0));
            CourtOrder o = new OrderService(t.vault).add(t.caseId,
                    order(LocalDate.of(2024, 3, 10), null, sam, "No contact"));
            assertEquals(List.of(fromSam.get(1)), suggested(t, o.id()), "open-ended: years later still inside");
            new org.casebook.evidence.PersonService(t.vault).merge(sam, alias);
            assertEquals(List.of(fromAlias.get(0), fromSam.get(1)), suggested(t, o.id()), "the merged number is Sam's");
        }
    }

    @Test
    void editsKeepOldValuesAndBadInputNamesTheField() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            OrderService orders = new OrderService(t.vault);
            CourtOrder o = orders.add(t.caseId, order(LocalDate.of(2024, 3, 5), null, null, "No contact", "Stay away"));
            long item = t.incident(IncidentType.THREAT, t.local(2024, 3, 6, 9, 0));
            orders.confirm(item, o.conditions().get(1).id(), null);
            VaultException removing = assertThrows(VaultException.class, () -> orders.edit(o.id(),
                    order(LocalDate.of(2024, 3, 5), null, null, "No contact")));
            assertTrue(removing.getMessage().startsWith("conditions: condition 2"), removing.getMessage());
            CourtOrder edited = orders.edit(o.id(), order(LocalDate.of(2024, 3, 5), LocalDate.of(2025, 3, 4), null,
                    "No contact directly or indirectly", "Stay away"));
            assertEquals(o.conditions().get(0).id(), edited.conditions().get(0).id(), "conditions keep their ids");
            List<AuditEntry> audit = t.vault.read(c -> t.vault.audit().entriesFor(c, "order:" + o.id()));
            assertEquals(List.of("order-added", "order-edited"), audit.stream().map(AuditEntry::action).toList());
            assertTrue(audit.get(1).detail().contains("\"expires\":{\"new\":\"2025-03-04\",\"old\":null}"),
                    audit.get(1).detail());
            assertThrows(VaultException.class, () -> orders.add(t.caseId,
                    order(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 4), null, "x")), "expires before made");
            assertThrows(VaultException.class, () -> orders.add(t.caseId,
                    order(LocalDate.of(2024, 3, 5), null, null, " ")), "no condition");
            // Deleting the item removes its decisions with it (the audit log keeps both).
            new ItemService(t.vault).delete(item, "entered twice");
            assertEquals(List.of(), orders.breaches(o.id()));
            orders.delete(o.id(), "order discharged");
            assertEquals(List.of(), orders.list(t.caseId));
            assertTrue(new VerifyService(t.vault).verify(Progress.NONE).intact());
        }
    }

    @Test
    void notABreachOfTheOrderIsRecordedOnEveryConditionInOneAuditedChange() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long sms = t.conversation("SMS", "sam");
            List<Long> ids = t.messages(ItemKind.MESSAGE, sms, sam, "incoming",
                    t.local(2024, 3, 6, 9, 0), t.local(2024, 3, 7, 9, 0));
            OrderService orders = new OrderService(t.vault);
            CourtOrder o = orders.add(t.caseId, order(LocalDate.of(2024, 3, 5), null, null,
                    "No contact directly or indirectly", "Not to enter Elm Road", "Not to post about her online"));

            List<org.casebook.model.BreachDecision> all = orders.dismissForOrder(ids.get(0), o.id(), "a court-approved"
                    + " message about the children");
            assertEquals(o.conditions().stream().map(c -> c.id()).toList(),
                    all.stream().map(d -> d.conditionId()).toList(), "one dismissal per condition");
            assertTrue(all.stream().allMatch(d -> d.status() == BreachStatus.DISMISSED));
            assertEquals(List.of(ids.get(1)), suggested(t, o.id()));
            List<AuditEntry> decisions = new ItemService(t.vault).history(ids.get(0)).stream()
                    .filter(e -> e.action().startsWith("breach-")).toList();
            assertEquals(List.of("breach-dismissed"), decisions.stream().map(AuditEntry::action).toList(),
                    "one entry for the whole order");
            assertTrue(decisions.get(0).detail().contains("Not to post about her online"), decisions.get(0).detail());
            assertTrue(new VerifyService(t.vault).verify(Progress.NONE).intact());

            // A condition whose only decisions are dismissals can still be removed; they go with it.
            CourtOrder fewer = orders.edit(o.id(), order(LocalDate.of(2024, 3, 5), null, null,
                    "No contact directly or indirectly", "Not to enter Elm Road"));
            assertEquals(2, fewer.conditions().size());
            assertEquals(2, orders.breaches(o.id()).size());
            assertEquals(List.of(ids.get(1)), suggested(t, o.id()), "still decided for the order");
            assertTrue(new VerifyService(t.vault).verify(Progress.NONE).intact());

            // Confirmed on one condition, it is no longer suggested either; that condition cannot be removed.
            orders.confirm(ids.get(1), fewer.conditions().get(1).id(), null);
            assertEquals(List.of(), suggested(t, o.id()));
            assertThrows(VaultException.class, () -> orders.edit(o.id(), order(LocalDate.of(2024, 3, 5), null, null,
                    "No contact directly or indirectly")));
            VaultException stranger = assertThrows(VaultException.class, () -> orders.dismissForOrder(ids.get(0),
                    o.id() + 99, null));
            assertTrue(stranger.getMessage().startsWith("order: no order with id"), stranger.getMessage());
        }
    }
}
