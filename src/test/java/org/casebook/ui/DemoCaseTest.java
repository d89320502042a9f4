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
        // --demo opens it from the start screen the person is looking at, which says how far the building has got
        java.util.List<String> notices = new java.util.ArrayList<>();
        waitUntil("the demo's progress on the start screen", Duration.ofSeconds(60), () -> {
            lookup("#start-notice").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText())
                    .filter(t -> t != null && !t.isBlank() && !notices.contains(t)).ifPresent(notices::add);
            return mainShown() || notices.stream().anyMatch(t -> t.startsWith("Preparing the demo case: "));
        });
        assertTrue(notices.stream().anyMatch(t -> t.startsWith("Preparing the demo case")),
                "the start screen says the demo is being made: " + notices);
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
