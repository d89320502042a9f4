package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javafx.scene.control.Label;
import org.casebook.ui.common.Session;
import org.casebook.ui.main.MainView;
import org.junit.jupiter.api.Test;

/** With nothing touched for the auto-lock time, the vault locks itself and says so on the start screen. */
class AutoLockTest extends UiTestBase {

    @Test
    void locksAfterIdleTimeAndReturnsToTheStartScreen() {
        unlockThroughDialog(SeededVault.copyTo(temp), PASSPHRASE);
        waitUntil("the main window", this::mainShown);
        Session unlocked = shell.session();
        MainView main = mainView();
        // One second only from here: on a busy machine the main window can take longer than that to settle
        // after the unlock, with nothing touched meanwhile.
        moveBy(3, 0);
        settings.setAutoLockSecondsOverride(1);

        // Use keeps it unlocked: move the mouse now and then for twice the limit.
        long activeUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < activeUntil) {
            moveBy(3, 0);
            sleep(150);
            moveBy(-3, 0);
            sleep(150);
        }
        assertTrue(mainShown(), "still unlocked while in use");

        long idleFrom = System.nanoTime();
        waitUntil("the auto-lock", Duration.ofSeconds(10), this::startShown);
        long waited = (System.nanoTime() - idleFrom) / 1_000_000;
        assertTrue(waited >= 700 && waited < 4000, "locked about 1 s after the last use, took " + waited + " ms");
        assertNull(shell.session());
        assertFalse(unlocked.vault().isOpen(), "the vault is closed");
        assertNull(main.getScene(), "the main view is gone");
        assertTrue(main.timelineView().list().getItems().isEmpty(), "the timeline was emptied");
        Label notice = lookup("#start-notice").queryAs(Label.class);
        assertVisible(notice);
        assertEquals("Locked after 1 second without use. Unlock to carry on.", notice.getText());
    }
}
