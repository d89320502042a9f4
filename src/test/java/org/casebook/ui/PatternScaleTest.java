package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.ItemRow;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.When;
import org.casebook.ui.common.Session;
import org.junit.jupiter.api.Test;

/**
 * The Pattern screen on a case with 100,000 messages over five years: the figures are worked out off the FX
 * thread (which keeps answering meanwhile), and the five years are drawn a month to a bar (60 bars, not 260 hairline
 * weeks), without a label each.
 */
class PatternScaleTest extends UiTestBase {
    @Test
    void aHundredThousandMessagesOverFiveYears() throws Exception {
        openSeededVault();
        Session session = shell.session();
        Case aCase = session.cases().list().get(0);
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow();
        int n = 100_000;
        ZonedDateTime start = SeededVault.march(11).atTime(9, 0).atZone(LONDON);
        session.vault().write(c -> {
            BulkItemWriter writer = new BulkItemWriter(session.vault(), c);
            for (int i = 0; i < n; i++) {
                ZonedDateTime at = start.plusMinutes(26L * i); // about every 26 minutes for 4.95 years
                writer.add(ItemRow.of(aCase.id(), ItemKind.MESSAGE, "message", When.exactly(at),
                        at.toInstant().toEpochMilli(), "message " + i, sam.id(), null, "big.txt:" + i));
            }
            return writer.finish("messages-imported", Map.of("file", "big.txt"));
        });

        long began = System.nanoTime();
        clickOn("#nav-pattern");
        long slowestFx = 0;
        boolean sawLoading = false;
        while (!onFx(() -> String.valueOf(n + 2).equals(lookup("#card-messages").tryQuery()
                .map(l -> ((Label) l).getText()).orElse("")))) {
            long asked = System.nanoTime();
            sawLoading |= onFx(() -> mainView().viewModel().pattern().loadingProperty().get());
            slowestFx = Math.max(slowestFx, (System.nanoTime() - asked) / 1_000_000);
            assertTrue(System.nanoTime() - began < Duration.ofSeconds(60).toNanos(), "the figures took over a minute");
            Thread.sleep(20);
        }
        long shownMs = (System.nanoTime() - began) / 1_000_000;
        long months = onFx(() -> {
            BarChart<?, ?> chart = lookup("#per-month").queryAs(BarChart.class);
            return (long) chart.getData().get(0).getData().size();
        });
        System.out.println("Pattern for " + n + " messages: shown after " + shownMs + " ms; the FX thread answered"
                + " within " + slowestFx + " ms at worst while it was worked out; " + months + " monthly bars");
        assertTrue(sawLoading, "the figures were worked out in the background, with the busy indicator showing");
        assertTrue(slowestFx < 1_000, "the FX thread stalled for " + slowestFx + " ms");
        assertTrue(months >= 59 && months <= 61, months + " months: five years are shown a month to a bar, not 260"
                + " hairline weeks");
        assertFalse(onFx(() -> lookup("#per-month").queryAs(BarChart.class).getXAxis().isTickLabelsVisible()),
                "60 labels would overprint one another");
        String span = onFx(() -> lookup("#per-month-span").queryAs(Label.class).getText());
        assertTrue(span.startsWith("Each bar is one month, " + months + " in all: from Mar 2024 on the left"), span);
        assertTrue(onFx(() -> lookup("#by-hour").queryAs(BarChart.class).getXAxis().isTickLabelsVisible()),
                "24 hours are still labelled one by one");
        assertEquals("3", onFx(() -> lookup("#card-incidents").queryAs(Label.class).getText()));
    }
}
