package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.casebook.ui.common.Session;
import org.junit.jupiter.api.Test;

/** The demo case opens with a full timeline, and its throwaway vault is deleted when it is locked. */
class DemoCaseTest extends UiTestBase {

    @Test
    void demoCaseShowsAFullTimelineAndIsDeletedOnLock() {
        interact(() -> CasebookApp.startDemo(shell));
        waitUntil("the demo case", Duration.ofSeconds(60), this::mainShown);
        waitUntil("more than 100 timeline rows", Duration.ofSeconds(30), () -> timeline().getItems().size() > 100);
        Session demo = shell.session();
        assertTrue(demo.isThrowaway());
        assertTrue(lookup("Demo case — made up, deleted when you lock").tryQuery().isPresent());
        Path file = demo.file();
        assertTrue(Files.exists(file));

        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        assertFalse(demo.vault().isOpen());
        assertFalse(Files.exists(file), "the demo vault was deleted");
    }
}
