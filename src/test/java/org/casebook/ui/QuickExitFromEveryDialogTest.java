package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.casebook.ui.common.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quick exit works from every dialog the app has, not only from the main window: the Quick exit button inside
 * the dialog (in every state of every dialog), and Ctrl+Shift+Q or Esc twice (each in half of the dialogs, see
 * {@link #triggers}), each hide everything and lock the vault. Auto-lock locks the vault and closes whichever dialog is open.
 */
class QuickExitFromEveryDialogTest extends UiTestBase {

    enum Trigger { BUTTON, CONTROL_SHIFT_Q, ESCAPE_TWICE }

    static Stream<DialogCatalog.Entry> everyDialog() {
        return DialogCatalog.ALL.stream();
    }

    static Stream<DialogCatalog.Entry> everyDialogOverAVault() {
        return DialogCatalog.ALL.stream().filter(d -> d.needsVault() && !d.variant());
    }

    /**
     * Every dialog's own button, and one of the two keys in each dialog that is not a variant, taken in turn down
     * the catalogue. The keys are caught by the one filter the shell puts on every window's scene, before any
     * control of the dialog sees them: what differs from dialog to dialog is whether a key pressed in it reaches
     * that filter, which either key shows; each key is still pressed in half of the dialogs.
     */
    static List<Trigger> triggers(DialogCatalog.Entry dialog) {
        if (dialog.variant()) {
            return List.of(Trigger.BUTTON);
        }
        List<DialogCatalog.Entry> keyed = DialogCatalog.ALL.stream().filter(d -> !d.variant()).toList();
        return List.of(Trigger.BUTTON, keyed.indexOf(dialog) % 2 == 0 ? Trigger.CONTROL_SHIFT_Q : Trigger.ESCAPE_TWICE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialog")
    void quickExitFromTheDialog(DialogCatalog.Entry dialog) {
        List<Trigger> triggers = triggers(dialog);
        for (Trigger trigger : triggers) {
            Session unlocked = null;
            if (dialog.needsVault()) {
                openSeededVaultDirectly();
                unlocked = shell.session();
            }
            Window window = dialog.open().apply(this);
            press(trigger, window);
            waitUntil("the app to hide after " + trigger, () -> !stage.isShowing());
            List<Window> open = onFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList());
            assertTrue(open.isEmpty(), trigger + ": no window of the app stays open: " + open);
            assertNull(shell.session(), trigger + ": no session");
            if (unlocked != null) {
                assertFalse(unlocked.vault().isOpen(), trigger + ": the vault is closed");
            }
            interact(stage::show); // the person opens the app again
            waitUntil("the start screen", this::startShown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialogOverAVault")
    void autoLockWithTheDialogOpen(DialogCatalog.Entry dialog) {
        openSeededVaultDirectly();
        Session unlocked = shell.session();
        Window window = dialog.open().apply(this);
        settings.setAutoLockSecondsOverride(1);
        waitUntil("the auto-lock", this::startShown);
        assertFalse(window.isShowing(), "the dialog closed");
        assertTrue(dialogWindows().isEmpty(), "no dialog stays open: " + dialogWindows());
        assertNull(shell.session(), "no session");
        assertFalse(unlocked.vault().isOpen(), "the vault is closed");
    }

    private void press(Trigger trigger, Window window) {
        switch (trigger) {
            case BUTTON -> {
                Node button = onFx(() -> window.getScene().getRoot().lookup("#quick-exit"));
                assertNotNull(button, "the dialog has its own Quick exit button");
                clickOn(button);
            }
            case CONTROL_SHIFT_Q -> {
                interact(window::requestFocus);
                push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q);
            }
            case ESCAPE_TWICE -> {
                interact(window::requestFocus);
                type(KeyCode.ESCAPE, KeyCode.ESCAPE);
            }
        }
    }
}
