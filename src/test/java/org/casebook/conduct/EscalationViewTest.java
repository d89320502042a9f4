package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.BehaviourTag;
import org.casebook.model.ImpactKind;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.PersonRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a case moving from many messages to turning up at home after an order was served read as "falling".
 * The escalation view says what changed in kind, when, and after which milestone.
 */
class EscalationViewTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TempDir
    Path dir;

    @Test
    void fewerMessagesButTurningUpAfterTheOrderWasServedReadsAsAChangeInKindNotAsFalling() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, "+44 7700 900123");
            long sms = t.conversation("SMS", "sam");
            // 1 to 16 April 2024: two messages a day, 14 in each of the first two weeks.
            List<ZonedDateTime> times = new ArrayList<>();
            for (int day = 1; day <= 28; day++) {
                times.add(t.local(2024, 4, day, 9, 0));
                times.add(t.local(2024, 4, day, 20, 0));
            }
            t.messages(ItemKind.MESSAGE, sms, sam, "incoming", times.subList(0, 32).toArray(ZonedDateTime[]::new));
            new OrderService(t.vault).add(t.caseId, new OrderDraft(OrderKind.RESTRAINING_ORDER, "Leeds Crown Court",
                    "RO-1", LocalDate.of(2024, 4, 25), null, sam, null, List.of("No contact"),
                    LocalDate.of(2024, 4, 29), "by hand", null));
            // After service: no messages, but he comes to her home three times, and the third time damages her car.
            long firstVisit = t.incident(IncidentType.LOITERING, t.local(2024, 5, 2, 23, 0));
            t.incident(IncidentType.LOITERING, t.local(2024, 5, 9, 23, 0));
            long damage = t.incident(IncidentType.IN_PERSON, t.local(2024, 5, 16, 23, 0));
            new TagService(t.vault).add(damage, BehaviourTag.PROPERTY_DAMAGE);
            new ImpactService(t.vault).add(t.caseId, LocalDate.of(2024, 5, 20), ImpactKind.MOVED_HOME,
                    "Moved to my sister's", List.of());

            ConductSummary s = t.summary(null, LocalDate.of(2024, 5, 31));

            assertEquals("falling", s.escalation().direction(), "the count alone still falls (kept for the JSON)");
            ConductSummary.EscalationView v = s.escalationView();
            assertEquals("week", v.bucket());
            assertEquals(List.of(ConductLevel.PRESENCE, ConductLevel.THREATS_DAMAGE),
                    v.changes().stream().map(ConductSummary.KindChange::level).toList());
            ConductSummary.KindChange presence = v.changes().get(0);
            assertEquals(LocalDate.of(2024, 5, 2), presence.began());
            assertEquals(firstVisit, presence.firstItemId());
            assertEquals(2, presence.count(), "two visits with no damage");
            assertNotNull(presence.after());
            assertEquals("order-served", presence.after().kind());
            assertEquals(LocalDate.of(2024, 4, 29), presence.after().date());
            assertTrue(presence.sentence().contains("3 days after: restraining order (ref. RO-1) served (by hand)"
                    + " on 29 April 2024"), presence.sentence());
            assertEquals(damage, v.changes().get(1).firstItemId());
            assertEquals(ConductLevel.THREATS_DAMAGE, v.mostSeriousLately());
            assertTrue(v.headline().startsWith("It changed in kind: following, watching or turning up from 2 May"
                    + " 2024, then threats, damage or sexual conduct from 16 May 2024."), v.headline());
            assertEquals(List.of("order-made", "order-served", "moved-home"),
                    v.milestones().stream().map(ConductSummary.Milestone::kind).toList());
            // severity over time: April's weeks are contact only, May's are presence and then threats/damage
            ConductSummary.SeverityBucket april = v.buckets().get(0);
            assertEquals(LocalDate.of(2024, 4, 1), april.start());
            assertEquals(ConductLevel.CONTACT, april.mostSerious());
            assertEquals(14, april.total());
            assertEquals(ConductLevel.THREATS_DAMAGE, v.buckets().stream()
                    .filter(b -> b.start().equals(LocalDate.of(2024, 5, 13))).findFirst().orElseThrow().mostSerious());
            assertEquals(List.of(ConductLevel.CONTACT, ConductLevel.PRESENCE, ConductLevel.THREATS_DAMAGE),
                    v.levels().stream().map(ConductSummary.LevelFigures::level).toList());
            assertTrue(v.method().contains("at home / loitering"), "the grouping is stated: " + v.method());
            // the narrative leads with the change, never with "(falling)"
            String narrative = String.join(" ", s.narrative());
            assertTrue(narrative.contains("Following, watching or turning up began on 2 May 2024"), narrative);
            assertFalse(narrative.contains("falling"), narrative);
        }
    }

    @Test
    void aCaseThatStartsAtItsWorstHasNoChangeInKindAndSaysSo() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            t.incident(IncidentType.THREAT, t.local(2024, 1, 1, 9, 0));
            t.incident(IncidentType.MESSAGE, t.local(2024, 1, 1, 10, 0));
            t.incident(IncidentType.MESSAGE, t.local(2024, 3, 1, 10, 0));

            ConductSummary.EscalationView v = t.summary(null, null).escalationView();

            assertTrue(v.changes().isEmpty());
            assertTrue(v.headline().startsWith("No more serious kind of conduct began during the period; the most"
                    + " serious throughout was threats, damage or sexual conduct."), v.headline());
            assertEquals(ConductLevel.CONTACT, v.mostSeriousLately(), "only a message in the last 30 days");
        }
    }
}
