package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.casebook.vault.KeyDerivation;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;

/**
 * In the app: a new vault can take the stronger key derivation, and Settings changes the passphrase only for someone
 * who knows the current one, refusing a guessable new one by the command line's rule.
 */
class PassphraseSettingsTest extends UiTestBase {
    private static final String NEW = "harbour quince velvet orbit 19";

    @Test
    void aNewVaultCanTakeTheStrongerKeyDerivation() {
        Path file = temp.resolve("stronger.casebook");
        interact(() -> org.casebook.ui.start.PassphraseDialogs.create(shell.dialogs(), startViewModel(), file));
        waitUntil("the create dialog", () -> lookup("#create-passphrase").tryQuery().isPresent());
        clickOn("#create-passphrase");
        typeText(PASSPHRASE);
        clickOn("#create-passphrase-again");
        typeText(PASSPHRASE);
        clickOn("#create-stronger");
        waitUntil("the create button to be enabled", () -> !lookup("#create-button").query().isDisabled());
        clickOn("#create-button");
        waitForMain();
        assertEquals(KeyDerivation.STRONGER, shell.session().vault().keyDerivation());
    }

    @Test
    void changingThePassphraseAsksForTheCurrentOneAndRefusesAGuessableOne() {
        Path file = openSeededVaultDirectly();
        clickOn("#main-settings");
        dialogWith("#settings-autolock");
        clickOn("#settings-change-passphrase");
        Window dialog = dialogWith("#change-current");
        Button change = onFx(() -> (Button) dialog.getScene().lookup("#change-button"));
        PasswordField newField = onFx(() -> (PasswordField) dialog.getScene().lookup("#change-new"));

        clickOn("#change-new");
        typeText("password1");
        clickOn("#change-again");
        typeText("password1");
        clickOn("#change-current");
        typeText(PASSPHRASE);
        waitUntil("the verdict", () -> lookup("#strength-verdict").queryAs(Label.class).getText().startsWith("Very weak"));
        assertTrue(change.isDisabled(), "a guessable passphrase cannot be chosen");

        replaceText("#change-current", "not the passphrase");
        replaceText("#change-new", NEW);
        replaceText("#change-again", NEW);
        clickOn("#change-stronger");
        waitUntil("the change button to be enabled", () -> !change.isDisabled());
        clickOn("#change-button");
        Label error = lookup("#change-error").queryAs(Label.class);
        waitUntil("the wrong-passphrase message", () -> !error.getText().isEmpty());
        assertTrue(error.getText().contains("not the vault's current passphrase"), error.getText());
        assertEquals(KeyDerivation.STANDARD, shell.session().vault().keyDerivation(), "nothing was changed");

        replaceText("#change-current", PASSPHRASE);
        clickOn("#change-button");
        dialogWithHeader("Passphrase changed");
        assertFalse(onFx(dialog::isShowing));
        assertEquals("", onFx(newField::getText),
                "the fields were emptied");
        assertEquals(KeyDerivation.STRONGER, shell.session().vault().keyDerivation());
        shell.session().vault().close();
        assertThrows(VaultException.class, () -> Vault.open(file, Passphrase.of(PASSPHRASE)));
        try (Vault reopened = Vault.open(file, Passphrase.of(NEW))) {
            assertEquals(KeyDerivation.STRONGER, reopened.keyDerivation());
        }
    }
}
