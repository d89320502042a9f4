package org.casebook.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.DialogLayout;

/**
 * <em>Check the vault…</em> (in Settings): re-checks every original and the record of changes, and, given a bundle
 * made from this vault, says whether this is still that vault rather than an older copy put back or another vault.
 * The bundle is only read; nothing is recorded on the computer.
 */
public final class CheckVaultDialog {
    private CheckVaultDialog() {
    }

    public static void show(AppShell shell, CheckVaultViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        shell.dialogs().prepare(dialog, "Check the vault");
        dialog.setHeaderText("Check the vault");
        Label about = new Label("Casebook re-reads every original and compares it with the fingerprint (SHA-256)"
                + " taken when it was added, and checks the record of every change. To check also that this is the"
                + " vault you made a bundle from, not an older copy put back in its place or another vault, choose"
                + " that bundle (a PDF Casebook made).");
        about.setWrapText(true);
        Label chosen = new Label();
        chosen.setId("check-bundle-name");
        chosen.setWrapText(true);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> vm.bundleProperty().get() == null
                ? "No bundle chosen: the vault alone is checked."
                : "Checked against the bundle " + vm.bundleProperty().get().toAbsolutePath(), vm.bundleProperty()));
        Button choose = new Button("Choose a bundle…");
        choose.setId("check-choose-bundle");
        choose.setOnAction(e -> shell.dialogs().chooseFile("Choose a bundle made from this vault")
                .ifPresent(vm.bundleProperty()::set));
        Button clear = new Button("No bundle");
        clear.setId("check-no-bundle");
        clear.disableProperty().bind(vm.bundleProperty().isNull());
        clear.setOnAction(e -> vm.bundleProperty().set(null));
        choose.disableProperty().bind(vm.busyProperty());
        Label result = new Label();
        result.setId("check-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        vm.outcomeProperty().addListener((o, was, now) -> {
            result.getStyleClass().remove("error-text");
            if (now == CheckVaultViewModel.Outcome.FAILED) {
                result.getStyleClass().add("error-text");
            }
        });
        VBox content = new VBox(10, about, chosen, new FlowPane(6, 6, choose, clear), result);
        content.setPrefWidth(560);
        DialogLayout layout = DialogLayout.set(dialog, content);
        ButtonType check = new ButtonType("Check", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(check, ButtonType.CLOSE);
        Button run = layout.primaryButton(check, "check-vault-run", Bindings.when(vm.busyProperty())
                .then("Checking every original… this can take a while for a large vault.").otherwise(""));
        run.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.check();
        });
        dialog.show();
    }
}
