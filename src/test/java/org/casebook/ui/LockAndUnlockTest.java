package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.Settings;
import org.junit.jupiter.api.Test;

/** Locking empties the window and closes the vault; a wrong passphrase says so in the dialog. */
class LockAndUnlockTest extends UiTestBase {

    /** Remembering recent vaults is off unless the person turns it on; here they have. */
    @Override
    void configure(Settings settings) {
        settings.rememberRecentProperty().set(true);
    }

    @Test
    void lockThenWrongPassphraseThenRightOne() {
        Path file = openSeededVault();
        Session unlocked = shell.session();
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        assertNull(shell.session());
        assertFalse(unlocked.vault().isOpen(), "the vault is closed");
        assertFalse(mainShown());

        // The vault is now first in the recent list: open it from there, as a person would.
        doubleClickOn(lookup("#recent-vaults .list-cell").nth(0).<javafx.scene.Node>query());
        waitUntil("the unlock dialog", () -> lookup("#unlock-passphrase").tryQuery().isPresent());
        clickOn("#unlock-passphrase");
        typeText("not the passphrase");
        clickOn("#unlock-button");
        Label error = lookup("#unlock-error").queryAs(Label.class);
        waitUntil("the wrong-passphrase message", () -> !error.getText().isEmpty());
        assertTrue(error.getText().startsWith("Wrong passphrase or not a Casebook vault"), error.getText());
        assertVisible(error);
        assertTrue(startShown(), "still locked");
        assertNull(shell.session());

        replaceText("#unlock-passphrase", PASSPHRASE);
        PasswordField field = lookup("#unlock-passphrase").queryAs(PasswordField.class);
        javafx.stage.Window dialog = field.getScene().getWindow();
        clickOn("#unlock-button");
        waitForMain();
        waitForTexts(SeededVault.ALL);
        assertEquals(file.toAbsolutePath(), shell.session().file());
        assertFalse(dialog.isShowing(), "the dialog closed");
        assertEquals("", field.getText(), "the passphrase field was emptied");
    }
}
