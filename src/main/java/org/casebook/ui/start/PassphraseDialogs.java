package org.casebook.ui.start;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.vault.KeyDerivation;

/** The unlock and create-vault dialogs. Passphrase fields are emptied whenever a dialog closes. */
public final class PassphraseDialogs {
    private PassphraseDialogs() {
    }

    /** Asks for the passphrase and unlocks; stays open with a clear message when it is wrong. */
    public static void unlock(DialogService dialogs, StartViewModel vm, Path file) {
        ask(dialogs, vm, "Unlock vault", "Unlock " + file.getFileName(), file.toAbsolutePath().toString(), "Unlock",
                "Unlocking…", (passphrase, onError, onDone) -> vm.open(file, passphrase, onError, onDone));
    }

    /**
     * Asks for the backup's passphrase and restores {@code target} from {@code backup}, which is checked before it
     * replaces anything; stays open with a clear message when the passphrase is wrong or the backup fails its check.
     */
    public static void restore(DialogService dialogs, StartViewModel vm, Path backup, Path target) {
        ask(dialogs, vm, "Restore from backup", "Restore from " + backup.getFileName(), "The backup "
                + backup.toAbsolutePath() + " is opened and checked (every original re-hashed) before it becomes "
                + target.toAbsolutePath() + ". Type the passphrase the vault had when the backup was made.",
                "Check and restore", "Checking the backup…",
                (passphrase, onError, onDone) -> vm.restore(backup, target, passphrase, onError, onDone));
    }

    /** What the dialog's button does with the typed passphrase. */
    private interface Action {
        void run(String passphrase, java.util.function.Consumer<String> onError, Runnable onDone);
    }

    private static void ask(DialogService dialogs, StartViewModel vm, String title, String header, String what,
                            String actionName, String busyText, Action action) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, title);
        dialog.setHeaderText(header);
        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlock-passphrase");
        passphrase.setPromptText("Passphrase");
        passphrase.setAccessibleText("Passphrase");
        Label where = new Label(what);
        where.getStyleClass().add("hint");
        where.setWrapText(true);
        VBox content = new VBox(10, where, passphrase);
        content.setPadding(new Insets(10, 0, 0, 0));
        content.setPrefWidth(440);
        DialogLayout layout = DialogLayout.set(dialog, content);
        Label error = layout.errorLine("unlock-error");
        ButtonType unlock = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(unlock, ButtonType.CANCEL);
        Button unlockButton = layout.primaryButton(unlock, "unlock-button", Bindings.createStringBinding(
                () -> vm.busyProperty().get() ? busyText : passphrase.getText().isEmpty()
                        ? "Type the vault's passphrase." : "",
                vm.busyProperty(), passphrase.textProperty()));
        unlockButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            action.run(passphrase.getText(), message -> {
                error.setText(message);
                passphrase.selectAll();
                passphrase.requestFocus();
            }, dialog::close);
        });
        dialog.setOnHidden(e -> passphrase.clear());
        Platform.runLater(passphrase::requestFocus);
        dialog.show();
    }

    /** Chooses where the new vault goes, then asks for the passphrase twice with a strength meter. */
    public static void create(DialogService dialogs, StartViewModel vm, Path file) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Create a vault");
        dialog.setHeaderText("Create a new vault");
        TextField where = new TextField(file.toAbsolutePath().toString());
        where.setEditable(false);
        where.setAccessibleText("Where the vault will be saved");
        HBox.setHgrow(where, Priority.ALWAYS);
        PasswordField first = new PasswordField();
        first.setId("create-passphrase");
        first.setPromptText("Passphrase (several words)");
        first.setAccessibleText("New passphrase");
        PasswordField second = new PasswordField();
        second.setId("create-passphrase-again");
        second.setPromptText("The same passphrase again");
        second.setAccessibleText("New passphrase, again");
        StrengthMeter strength = new StrengthMeter(first);
        Label warning = new Label("Important: if you forget this passphrase, nobody can open the vault — not"
                + " you, not an advocate, not us. There is no reset. Write it down and keep it somewhere only"
                + " you can reach.");
        warning.getStyleClass().add("warning-text");
        warning.setWrapText(true);

        CheckBox stronger = strongerChoice("create-stronger", false);
        BooleanExpression acceptable = strength.acceptableProperty();

        VBox content = new VBox(8, new Label("Saved at"), where, new Label("Passphrase"), first, strength.node(),
                new Label("Type it again"), second, stronger, warning);
        content.setPrefWidth(520);
        DialogLayout layout = DialogLayout.set(dialog, content);
        Label error = layout.errorLine("create-error");
        ButtonType create = new ButtonType("Create vault", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        // Why "Create vault" cannot be pressed yet, in the order the person fills the form in.
        Button createButton = layout.primaryButton(create, "create-button", Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return "Creating the vault…";
            }
            if (first.getText().isEmpty()) {
                return "Choose a passphrase.";
            }
            if (!acceptable.get()) {
                return "This passphrase would be too easy to guess: add another word or two.";
            }
            if (second.getText().isEmpty()) {
                return "Type the passphrase again, to be sure it is the one you meant.";
            }
            if (!first.getText().equals(second.getText())) {
                return "The two passphrases are not the same.";
            }
            return "";
        }, vm.busyProperty(), first.textProperty(), second.textProperty(), acceptable));
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            vm.create(file, first.getText(), stronger.isSelected() ? KeyDerivation.STRONGER : KeyDerivation.STANDARD,
                    error::setText, dialog::close);
        });
        dialog.setOnHidden(e -> {
            first.clear();
            second.clear();
        });
        Platform.runLater(first::requestFocus);
        dialog.show();
    }

    /**
     * The choice of the stronger key derivation, for a new vault or a new passphrase: each guess (and each unlock)
     * costs about four times as much.
     */
    public static CheckBox strongerChoice(String id, boolean selected) {
        CheckBox stronger = new CheckBox("Stronger protection against guessing: unlocking takes a second or two"
                + " longer, and so does every guess someone with a copy of the file makes");
        stronger.setId(id);
        stronger.setSelected(selected);
        stronger.setWrapText(true);
        return stronger;
    }
}
