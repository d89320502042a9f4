package org.casebook.ui.settings;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.start.PassphraseDialogs;
import org.casebook.ui.start.StrengthMeter;

/**
 * Changes the open vault's passphrase: the current one first (so that someone at an unlocked computer cannot lock
 * its owner out), the new one twice with the strength meter, and the choice of the stronger key derivation. Every
 * field is emptied when the dialog closes.
 */
public final class ChangePassphraseDialog {
    private ChangePassphraseDialog() {
    }

    public static void show(AppShell shell, ChangePassphraseViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        shell.dialogs().prepare(dialog, "Change passphrase");
        dialog.setHeaderText("Change the vault's passphrase");
        PasswordField current = field("change-current", "The passphrase you unlocked with");
        PasswordField next = field("change-new", "New passphrase (several words)");
        PasswordField again = field("change-again", "The new passphrase again");
        StrengthMeter strength = new StrengthMeter(next);
        CheckBox stronger = PassphraseDialogs.strongerChoice("change-stronger", vm.stronger());
        Label backups = new Label("Backups made before now keep the old passphrase: anyone who knows it can still"
                + " open them. Make a new backup after the change and delete the old ones you can reach.");
        backups.getStyleClass().add("hint");
        backups.setWrapText(true);
        VBox content = new VBox(8, new Label("Current passphrase"), current, new Label("New passphrase"), next,
                strength.node(), new Label("Type it again"), again, stronger, backups);
        content.setPrefWidth(520);
        DialogLayout layout = DialogLayout.set(dialog, content);
        Label error = layout.errorLine("change-error");
        ButtonType change = new ButtonType("Change passphrase", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(change, ButtonType.CANCEL);
        Button changeButton = layout.primaryButton(change, "change-button", Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return "Changing the passphrase…";
            }
            if (current.getText().isEmpty()) {
                return "Type the passphrase you unlocked with.";
            }
            if (next.getText().isEmpty()) {
                return "Choose a new passphrase.";
            }
            if (!strength.acceptableProperty().get()) {
                return "This passphrase would be too easy to guess: add another word or two.";
            }
            if (!next.getText().equals(again.getText())) {
                return again.getText().isEmpty() ? "Type the new passphrase again, to be sure it is the one you meant."
                        : "The two new passphrases are not the same.";
            }
            return "";
        }, vm.busyProperty(), current.textProperty(), next.textProperty(), again.textProperty(),
                strength.acceptableProperty()));
        changeButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            vm.change(current.getText(), next.getText(), stronger.isSelected(), error::setText, () -> {
                dialog.close();
                shell.dialogs().showInfo("Passphrase changed", "The vault now opens with the new passphrase only.");
            });
        });
        dialog.setOnHidden(e -> {
            current.clear();
            next.clear();
            again.clear();
        });
        Platform.runLater(current::requestFocus);
        dialog.show();
    }

    private static PasswordField field(String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        return field;
    }
}
