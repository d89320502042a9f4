package org.casebook.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.casebook.evidence.BulkItemWriter;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.ItemRow;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A large case shows its first rows before the rest is read, and the rest joins them without a reset. */
class TimelineViewModelTest {
    private static final int ITEMS = 2_000;
    private static final int DAYS = 20;

    @TempDir
    Path temp;
    private final TaskRunner tasks = new TaskRunner();
    private Session session;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        tasks.shutdown();
        if (session != null) {
            session.close();
        }
    }

    @Test
    void firstPageShowsFirstAndTheRestIsAddedWithoutReplacingIt() throws Exception {
        long caseId = caseWithManyItems();
        TimelineViewModel vm = new TimelineViewModel(tasks);
        List<Integer> entriesAtEachChange = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            vm.rows().addListener((ListChangeListener<TimelineRow>) c -> {
                entriesAtEachChange.add((int) vm.rows().stream().filter(r -> r instanceof TimelineRow.Entry).count());
                while (c.next()) {
                    if (c.wasRemoved() && !(c.wasReplaced() && c.getRemovedSize() == 1 && c.getAddedSize() == 1)) {
                        removals.add(c.toString());
                    }
                }
            });
            vm.load(session, caseId, () -> { });
        }).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(TimelineViewModel.FIRST_PAGE, entriesAtEachChange.get(0), "the first page comes first");
        assertEquals(ITEMS, entriesAtEachChange.get(entriesAtEachChange.size() - 1));
        assertTrue(removals.isEmpty(), "rows already shown were kept: " + removals);
        assertEquals(ITEMS + DAYS, vm.rows().size());
        int counted = 0;
        for (TimelineRow row : vm.rows()) {
            if (row instanceof TimelineRow.Day day) {
                assertEquals(ITEMS / DAYS, day.count(), "day counts are right after the rest joined: " + day);
                counted += day.count();
            }
        }
        assertEquals(ITEMS, counted);
        assertEquals(String.format("%,d items", ITEMS), vm.summaryProperty().get());
    }

    @Test
    void clearingTheSearchShowsEverythingAgain() throws Exception {
        long caseId = caseWithManyItems();
        TimelineViewModel vm = new TimelineViewModel(tasks);
        WaitForAsyncUtils.asyncFx(() -> vm.load(session, caseId, () -> { })).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.asyncFx(() -> vm.searchProperty().set("number1999")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.searchingProperty().get());
        assertEquals(String.format("1 of %,d items", ITEMS), WaitForAsyncUtils.asyncFx(
                () -> vm.summaryProperty().get()).get());
        WaitForAsyncUtils.asyncFx(() -> {
            vm.searchProperty().set("number1");
            vm.searchProperty().set("");
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.searchingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.searchingProperty().get());
        assertEquals(ITEMS + DAYS, vm.rows().size());
    }

    /** {@value #ITEMS} messages over {@value #DAYS} days, each with the word "numberN" (N its index). */
    private long caseWithManyItems() {
        Vault vault = Vault.create(temp.resolve("many.casebook"), Passphrase.of("timeline view model test"));
        session = new Session(vault, false);
        ZoneId zone = ZoneId.of("Europe/London");
        Case c = new CaseService(vault).add("Many", "MY", zone);
        ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 6, 0, 0, 0, zone);
        vault.write(connection -> {
            BulkItemWriter writer = new BulkItemWriter(vault, connection);
            for (int i = 0; i < ITEMS; i++) {
                ZonedDateTime at = start.plusDays(i / (ITEMS / DAYS)).plusMinutes(i % (ITEMS / DAYS));
                writer.add(ItemRow.of(c.id(), ItemKind.MESSAGE, "message", When.exactly(at),
                        at.toInstant().toEpochMilli(), "message number" + i, null, null, "chat.txt:" + i));
            }
            return writer.finish("messages-imported", Map.of("file", "chat.txt"));
        });
        return c.id();
    }
}
