package org.casebook.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo is fictional but must read as one coherent story: everything is added on its own calendar. */
class DemoCaseBuilderTest {
    @TempDir
    Path dir;

    @Test
    void everythingIsAddedOnTheDemosCalendarSoonAfterItHappened() {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        try (Vault vault = TestVaults.create(dir, "demo.casebook")) {
            Case demo = new DemoCaseBuilder(Clock.fixed(now, ZoneOffset.UTC)).build(vault, Progress.NONE);
            assertFalse(demo.created().isAfter(now), "case created " + demo.created());
            List<TimelineItem> items = new TimelineService(vault).timeline(demo.id());
            assertTrue(items.size() > 100, items.size() + " items");
            for (TimelineItem item : items) {
                Instant happened = item.when().at().toInstant();
                String what = item.kind() + " " + item.id() + " at " + happened + " added " + item.added();
                assertFalse(item.added().isAfter(now), "added after the demo's today: " + what);
                assertFalse(item.added().isBefore(happened), "added before it happened: " + what);
                if (item.kind() == ItemKind.INCIDENT || item.kind() == ItemKind.ATTACHMENT) {
                    // a diary entry and its photo are written up the same day, not months later
                    assertTrue(Duration.between(happened, item.added()).toHours() < 24, what);
                }
            }
        }
    }
}
