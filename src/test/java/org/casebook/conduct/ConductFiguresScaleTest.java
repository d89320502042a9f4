package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.ItemRow;
import org.casebook.model.ItemKind;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The figures for a 100,000-item case come from one pass: measured and bounded. */
class ConductFiguresScaleTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConductFiguresScaleTest.class);

    @TempDir
    Path dir;

    @Test
    void summarisesAHundredThousandItemsQuickly() {
        try (ConductTestCase t = new ConductTestCase(dir, ZoneId.of("Europe/London"))) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long other = t.person("Other", PersonRole.OTHER, null);
            long chat = t.conversation("WhatsApp", "sam");
            ZonedDateTime start = t.local(2023, 1, 1, 0, 0);
            int n = 100_000;
            t.vault.write(c -> {
                BulkItemWriter writer = new BulkItemWriter(t.vault, c);
                for (int i = 0; i < n; i++) {
                    // one every 7 minutes, about 16 months; every tenth from someone else
                    writer.add(new ItemRow(t.caseId, ItemKind.MESSAGE, "whatsapp",
                            When.exactly(start.plusMinutes(7L * i)), 0L, "message " + i, null, null, null, null,
                            i % 10 == 0 ? other : sam, null, null, null, null, null, null, null, "chat.txt", null,
                            chat, "incoming", null, null, null));
                }
                writer.finish("messages-imported", Map.of("file", "chat.txt"));
                return null;
            });
            ConductFigures figures = new ConductFigures(t.vault);
            figures.summarise(t.caseId, null, null); // warm up
            long began = System.nanoTime();
            ConductSummary s = figures.summarise(t.caseId, null, null);
            long millis = (System.nanoTime() - began) / 1_000_000;
            LOG.info("conduct summary of {} items took {} ms", n, millis);
            System.out.println("conduct summary of " + n + " items: " + millis + " ms");
            assertEquals(90_000, s.messages());
            assertEquals(LocalDate.of(2023, 1, 1), s.from());
            assertEquals(90_000, s.perWeek().stream().mapToLong(ConductSummary.WeekCount::count).sum());
            assertTrue(millis < 5_000, "took " + millis + " ms");
        }
    }
}
