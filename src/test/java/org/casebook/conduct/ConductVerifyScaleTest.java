package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.ItemRow;
import org.casebook.evidence.VerifyService;
import org.casebook.model.BehaviourTag;
import org.casebook.model.CourtOrder;
import org.casebook.model.ImpactKind;
import org.casebook.model.ItemKind;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.PersonRole;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.model.VerifyReport;
import org.casebook.model.When;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code verify} on a 100,000-item case stays linear once it also checks a few hundred course-of-conduct
 * records: measured before and after adding them.
 */
class ConductVerifyScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConductVerifyScaleTest.class);

    @TempDir
    Path dir;

    @Test
    void verifiesAHundredThousandItemsAndSeveralHundredConductRecordsQuickly() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long chat = t.conversation("WhatsApp", "sam");
            ZonedDateTime start = t.local(2023, 1, 1, 0, 0);
            int n = 100_000;
            List<Long> items = t.vault.write(c -> {
                BulkItemWriter writer = new BulkItemWriter(t.vault, c);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ids.add(writer.add(new ItemRow(t.caseId, ItemKind.MESSAGE, "whatsapp",
                            When.exactly(start.plusMinutes(7L * i)), 0L, "message " + i, null, null, null, null, sam,
                            null, null, null, null, null, null, null, "chat.txt", null, chat, "incoming", null, null,
                            null)));
                }
                writer.finish("messages-imported", Map.of("file", "chat.txt"));
                return ids;
            });
            VerifyService verify = new VerifyService(t.vault);
            check(verify); // warm up
            long itemsOnly = check(verify);

            OrderService orders = new OrderService(t.vault);
            ReportService reports = new ReportService(t.vault);
            ImpactService impacts = new ImpactService(t.vault);
            TagService tags = new TagService(t.vault);
            int records = 0;
            for (int k = 0; k < 100; k++) {
                long a = items.get(k * 997);
                long b = items.get(k * 997 + 1);
                long d = items.get(k * 997 + 2);
                CourtOrder order = orders.add(t.caseId, new OrderDraft(OrderKind.RESTRAINING_ORDER, null, "RO-" + k,
                        LocalDate.of(2023, 1, 1), null, sam, null, List.of("No contact", "Stay away")));
                orders.confirm(a, order.conditions().get(0).id(), null);
                orders.dismiss(b, order.conditions().get(1).id(), "not him");
                reports.add(t.caseId, new ReportDraft(start.plusDays(k), ReportRecipient.POLICE, null, "R/" + k, null,
                        null));
                long report = reports.list(t.caseId).get(k).id();
                reports.link(report, a);
                reports.link(report, b);
                reports.link(report, d);
                impacts.add(t.caseId, LocalDate.of(2023, 2, 1).plusDays(k), ImpactKind.ALARM_DISTRESS, "entry " + k,
                        List.of(a, d));
                tags.set(a, EnumSet.of(BehaviourTag.UNWANTED_CONTACT));
                tags.set(b, EnumSet.of(BehaviourTag.THREATS, BehaviourTag.MONITORING_ONLINE));
                tags.set(d, EnumSet.of(BehaviourTag.FOLLOWING));
                records += 3;
            }
            long withConduct = check(verify);
            String figures = "verify of " + n + " items: " + itemsOnly + " ms; with " + records
                    + " orders, reports and impact entries, 300 tagged items and 200 breach decisions: "
                    + withConduct + " ms";
            LOG.info(figures);
            System.out.println(figures);
            assertTrue(withConduct < 10_000, figures);
            assertTrue(withConduct - itemsOnly < 2_000, "the conduct records cost little: " + figures);
        }
    }

    private static long check(VerifyService verify) {
        long began = System.nanoTime();
        VerifyReport report = verify.verify(Progress.NONE);
        long millis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(report.intact(), report.problems().toString());
        return millis;
    }
}
