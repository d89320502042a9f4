package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.casebook.ui.common.Session;
import org.casebook.ui.detail.DetailView;
import org.casebook.ui.main.MainView;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quick exit (the button, Ctrl+Shift+Q, Esc twice) hides the window, closes the vault and empties every
 * view at once. The time is measured inside the app, from the moment the key or click reaches the window
 * to the end of its handling, so the robot's own pauses do not count.
 */
class QuickExitTest extends UiTestBase {
    private static final long LIMIT_MS = 200;

    private Session unlocked;
    private MainView main;

    @BeforeEach
    void openVaultAndSelectAnEntry() {
        openSeededVault();
        unlocked = shell.session();
        main = mainView();
        clickOn(lookup("#timeline .list-cell").match((ListCell<TimelineRow> cell) ->
                cell.getItem() instanceof TimelineRow.Entry e && SeededVault.THREAT.equals(e.item().text()))
                .<Node>query());
        waitUntil("the entry in the detail pane", () -> !lookup(SeededVault.THREAT).tryQuery().isEmpty());
    }

    @Test
    void quickExitButton() {
        moveTo("#quick-exit");
        long took = timed(MouseEvent.MOUSE_RELEASED, stage, () -> clickOn(MouseButton.PRIMARY));
        assertAllGone(took);
    }

    @Test
    void controlShiftQ() {
        long took = timed(KeyEvent.KEY_PRESSED, stage, () -> push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q));
        assertAllGone(took);
    }

    @Test
    void escapeTwice() {
        type(KeyCode.ESCAPE);
        assertTrue(stage.isShowing(), "one Esc alone does nothing");
        long took = timed(KeyEvent.KEY_PRESSED, stage, () -> type(KeyCode.ESCAPE));
        assertAllGone(took);
    }

    @Test
    void controlShiftQInsideTheDiaryForm() {
        clickOn("#new-diary-entry");
        waitUntil("the diary form", () -> lookup("#diary-description").tryQuery().isPresent());
        clickOn("#diary-description");
        typeText("Half-written entry");
        Window form = lookup("#diary-description").query().getScene().getWindow();
        long took = timed(KeyEvent.KEY_PRESSED, form, () -> push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q));
        assertAllGone(took);
        assertFalse(form.isShowing(), "the form is gone too");
    }

    /**
     * Runs {@code action} and returns the milliseconds from the first {@code type} event reaching
     * {@code window} to the end of the event's handling (the next turn of the FX event loop).
     */
    private <T extends Event> long timed(EventType<T> type, Window window, Runnable action) {
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        javafx.event.EventHandler<T> probe = e -> {
            if (start.get() == 0 && !(e instanceof KeyEvent k && k.getCode().isModifierKey())) {
                start.set(System.nanoTime());
                Platform.runLater(() -> end.set(System.nanoTime()));
            }
        };
        interact(() -> window.addEventFilter(type, probe));
        action.run();
        waitUntil("the input to be handled", () -> end.get() != 0);
        interact(() -> window.removeEventFilter(type, probe));
        return (end.get() - start.get()) / 1_000_000;
    }

    private void assertAllGone(long tookMs) {
        System.out.printf("quick exit handled in %d ms%n", tookMs);
        assertTrue(tookMs <= LIMIT_MS, "quick exit took " + tookMs + " ms");
        assertFalse(stage.isShowing(), "the window is hidden");
        List<Window> open = onFx(() -> new ArrayList<>(Window.getWindows().filtered(Window::isShowing)));
        assertTrue(open.isEmpty(), "no window of the app stays open: " + open);
        assertNull(shell.session(), "no session");
        assertFalse(unlocked.vault().isOpen(), "the vault file is closed");
        assertNull(main.getScene(), "the main view left the window");
        assertTrue(main.timelineView().list().getItems().isEmpty(), "the timeline holds nothing");
        DetailView detail = onFx(() -> (DetailView) main.lookup("#detail"));
        List<String> detailTexts = onFx(() -> detail.lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertTrue(detailTexts.stream().noneMatch(t -> t.contains(SeededVault.THREAT)),
                "the detail pane holds nothing of the case: " + detailTexts);
    }
}
