package org.casebook.ui.start;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.DialogService;

/** The unlock and create-vault dialogs. Passphrase fields are emptied whenever a dialog closes. */
public final class PassphraseDialogs {
    private PassphraseDialogs() {
    }

    /** Asks for the passphrase and unlocks; stays open with a clear message when it is wrong. */
    public static void unlock(DialogService dialogs, StartViewModel vm, Path file) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Unlock vault");
        dialog.setHeaderText("Unlock " + file.getFileName());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("unlock-passphrase");
        passphrase.setPromptText("Passphrase");
        passphrase.setAccessibleText("Passphrase");
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label where = new Label(file.toAbsolutePath().toString());
        where.getStyleClass().add("hint");
        where.setWrapText(true);
        VBox content = new VBox(10, where, passphrase, error);
        content.setPadding(new Insets(10, 0, 0, 0));
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        ButtonType unlock = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(unlock, ButtonType.CANCEL);
        Button unlockButton = (Button) dialog.getDialogPane().lookupButton(unlock);
        unlockButton.setId("unlock-button");
        unlockButton.disableProperty().bind(passphrase.textProperty().isEmpty().or(vm.busyProperty()));
        unlockButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            vm.open(file, passphrase.getText(), message -> {
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
        ProgressBar meter = new ProgressBar(0);
        meter.getStyleClass().add("strength-bar");
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.setAccessibleText("Passphrase strength");
        Label verdict = new Label("Several unrelated words are easy to remember and hard to guess.");
        verdict.setId("strength-verdict");
        verdict.setWrapText(true);
        Label advice = new Label();
        advice.getStyleClass().add("hint");
        advice.setWrapText(true);
        Label mismatch = new Label("The two passphrases are not the same.");
        mismatch.getStyleClass().add("error-text");
        Label error = new Label();
        error.setId("create-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label warning = new Label("Important: if you forget this passphrase, nobody can open the vault — not"
                + " you, not an advocate, not us. There is no reset. Write it down and keep it somewhere only"
                + " you can reach.");
        warning.getStyleClass().add("warning-text");
        warning.setWrapText(true);

        SimpleBooleanProperty acceptable = new SimpleBooleanProperty(false);
        first.textProperty().addListener((obs, old, text) -> {
            String snapshot = text;
            CompletableFuture.supplyAsync(() -> PassphraseStrength.estimate(snapshot)).thenAccept(est ->
                    Platform.runLater(() -> {
                        if (!snapshot.equals(first.getText())) {
                            return;
                        }
                        meter.setProgress(snapshot.isEmpty() ? 0 : (est.score() + 1) / 5.0);
                        verdict.setText(est.verdict());
                        advice.setText(est.advice());
                        acceptable.set(est.acceptable());
                    }));
        });
        mismatch.visibleProperty().bind(second.textProperty().isNotEmpty()
                .and(Bindings.notEqual(first.textProperty(), second.textProperty())));

        VBox content = new VBox(8, new Label("Saved at"), where, new Label("Passphrase"), first, meter, verdict, advice,
                new Label("Type it again"), second, mismatch, warning, error);
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType create = new ButtonType("Create vault", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Button createButton = (Button) dialog.getDialogPane().lookupButton(create);
        createButton.setId("create-button");
        createButton.disableProperty().bind(acceptable.not()
                .or(Bindings.notEqual(first.textProperty(), second.textProperty()))
                .or(vm.busyProperty()));
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            error.setText("");
            vm.create(file, first.getText(), error::setText, dialog::close);
        });
        dialog.setOnHidden(e -> {
            first.clear();
            second.clear();
        });
        Platform.runLater(first::requestFocus);
        dialog.show();
    }
}
