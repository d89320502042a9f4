package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.casebook.conduct.TagService;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.ItemRow;
import org.casebook.model.BehaviourTag;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.When;
import org.casebook.ui.common.Session;
import org.junit.jupiter.api.Test;

/**
 * The Pattern screen's charts stay readable: every behaviour tag has its label, counts sit on whole numbers, and
 * a case over years is shown per month instead of hundreds of hairline weeks.
 */
class PatternChartsTest extends UiTestBase {
    @Test
    void everyBarIsLabelledCountsAreWholeAndYearsAreShownByMonth() throws Exception {
        openSeededVault();
        Session session = shell.session();
        Case aCase = session.cases().list().get(0);
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow();
        // 390 weeks of messages (7.5 years), ten in the busiest week, and nine behaviour tags on them
        ZonedDateTime start = SeededVault.march(11).atTime(9, 0).atZone(LONDON);
        List<Long> ids = session.vault().write(c -> {
            BulkItemWriter writer = new BulkItemWriter(session.vault(), c);
            List<Long> out = new ArrayList<>();
            for (int week = 0; week < 390; week++) {
                int n = week == 100 ? 10 : 1 + week % 3;
                for (int i = 0; i < n; i++) {
                    ZonedDateTime at = start.plusWeeks(week).plusHours(i);
                    out.add(writer.add(ItemRow.of(aCase.id(), ItemKind.MESSAGE, "message", When.exactly(at),
                            at.toInstant().toEpochMilli(), "message " + week + "/" + i, sam.id(), null,
                            "years.txt:" + week)));
                }
            }
            writer.finish("messages-imported", Map.of("file", "years.txt"));
            return out;
        });
        BehaviourTag[] nine = {BehaviourTag.FOLLOWING, BehaviourTag.WATCHING_LOITERING, BehaviourTag.TURNING_UP_HOME,
            BehaviourTag.TURNING_UP_WORK, BehaviourTag.UNWANTED_CONTACT, BehaviourTag.THIRD_PARTY_CONTACT,
            BehaviourTag.THREATS, BehaviourTag.PROPERTY_DAMAGE, BehaviourTag.MONITORING_ONLINE};
        TagService tags = new TagService(session.vault());
        for (int i = 0; i < nine.length; i++) {
            for (int k = 0; k <= i; k++) {
                tags.add(ids.get(i * 10 + k), nine[i]);
            }
        }

        clickOn("#nav-pattern");
        waitUntil("the figures", () -> lookup("#by-tag").tryQuery().isPresent()
                && lookup("#per-month").tryQuery().isPresent());
        for (int i = 0; i < 3; i++) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the charts lay out their axes
        }

        List<String> shownTags = onFx(() -> visibleLabels(lookup("#by-tag").queryAs(BarChart.class)));
        assertEquals(9, shownTags.size(), "every behaviour tag's bar has its label: " + shownTags);
        for (BehaviourTag t : nine) {
            assertTrue(shownTags.contains(t.label()), t.label() + " in " + shownTags);
        }

        for (String id : List.of("#per-month", "#by-hour", "#by-day", "#by-tag", "#by-channel")) {
            List<Double> ticks = onFx(() -> countTicks(lookup(id).queryAs(BarChart.class)));
            assertTrue(ticks.size() >= 2, id + " has a count axis: " + ticks);
            for (double t : ticks) {
                assertEquals(Math.rint(t), t, 1e-9, id + ": a count axis tick at " + t + " in " + ticks);
            }
        }

        long months = onFx(() -> {
            BarChart<?, ?> chart = lookup("#per-month").queryAs(BarChart.class);
            return (long) chart.getData().get(0).getData().size();
        });
        assertTrue(months >= 89 && months <= 91, months + " monthly bars for 390 weeks");
        String title = onFx(() -> lookup("#per-month").queryAs(BarChart.class).getTitle());
        assertTrue(title.contains("per month"), title);

        Path shot = Path.of(System.getProperty("pattern.shot", temp.resolve("pattern.png").toString()));
        snapshot(shot);
        // and the counts by name, scrolled into view
        onFx(() -> {
            javafx.scene.control.ScrollPane page = lookup("#pattern-view").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node tagChart = lookup("#by-tag").query();
            double y = tagChart.localToScene(0, 0).getY() - page.localToScene(0, 0).getY();
            double content = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(Math.min(1, (page.getVvalue() * content + y - 40) / content));
            return null;
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        snapshot(shot.resolveSibling(shot.getFileName().toString().replace(".png", "-counts.png")));
        assertTrue(onFx(() -> lookup("#per-month-span").tryQuery().map(n -> ((Label) n).getText()).orElse(""))
                .contains("month"));
    }

    /** The window as it is, written as a PNG to look at. */
    private void snapshot(Path shot) throws Exception {
        BufferedImage image = onFx(() -> {
            javafx.scene.image.Image fx = stage.getScene().snapshot(null);
            BufferedImage out = new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
                }
            }
            return out;
        });
        Files.createDirectories(shot.toAbsolutePath().getParent());
        ImageIO.write(image, "png", shot.toFile());
        assertTrue(Files.size(shot) > 0);
    }

    /** The category labels a bar chart actually draws (JavaFX hides those that would overlap). */
    private static List<String> visibleLabels(BarChart<?, ?> chart) {
        Axis<?> categories = chart.getXAxis() instanceof NumberAxis ? chart.getYAxis() : chart.getXAxis();
        List<String> out = new ArrayList<>();
        for (Axis.TickMark<?> t : categories.getTickMarks()) {
            if (t.isTextVisible() && categories.isTickLabelsVisible()) {
                out.add(String.valueOf(t.getValue()).strip());
            }
        }
        return out;
    }

    /** The values of a bar chart's count axis's ticks. */
    private static List<Double> countTicks(BarChart<?, ?> chart) {
        NumberAxis counts = (NumberAxis) (chart.getXAxis() instanceof NumberAxis ? chart.getXAxis() : chart.getYAxis());
        List<Double> out = new ArrayList<>();
        for (Axis.TickMark<Number> t : counts.getTickMarks()) {
            out.add(t.getValue().doubleValue());
        }
        return out;
    }
}
