package org.casebook.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.casebook.vault.Progress;

/**
 * Every dialog goes through here, so each has the right owner window (it stays on top of the app and
 * disappears with it on quick exit) and the same plain wording.
 */
public final class DialogService {
    /**
     * Asks where to save a new file. The native chooser cannot be driven in a headless test or a screenshot
     * run, so those replace it through {@link #setSaveChooser}.
     */
    @FunctionalInterface
    public interface SaveChooser {
        Optional<Path> choose(String title, Path folder, String fileName, FileChooser.ExtensionFilter filter);
    }

    private final Window owner;
    private SaveChooser saveChooser = this::nativeSaveChooser;

    public DialogService(Window owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner;
    }

    public void showError(String title, Throwable error) {
        if (error instanceof Progress.CancelledException) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, title);
        alert.setHeaderText(title);
        Label text = new Label(ErrorText.of(error));
        text.setWrapText(true);
        text.setMaxWidth(480);
        alert.getDialogPane().setContent(text);
        TextArea details = new TextArea(ErrorText.details(error));
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(6);
        alert.getDialogPane().setExpandableContent(new VBox(new Label("Details (contain no evidence):"), details));
        alert.showAndWait();
    }

    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.showAndWait();
    }

    /** Asks before something that cannot be undone; the action button names the action. */
    public boolean confirm(String title, String message, String actionName) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        ButtonType action = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(action, ButtonType.CANCEL);
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    /** Asks for a short non-empty text, such as the reason for deleting something. */
    public Optional<String> askText(String title, String prompt, String actionName) {
        TextInputDialog dialog = new TextInputDialog();
        prepare(dialog, title);
        dialog.setHeaderText(prompt);
        ButtonType action = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(action, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(action).disableProperty()
                .bind(dialog.getEditor().textProperty().isEmpty());
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    public List<Path> chooseFiles(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    public Optional<Path> chooseVaultToOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a vault");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Casebook vaults (*.casebook)", "*.casebook"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    public Optional<Path> chooseNewVault() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Where should the new vault be saved?");
        chooser.setInitialFileName("my-case.casebook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Casebook vaults (*.casebook)", "*.casebook"));
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(p ->
                p.getFileName().toString().endsWith(".casebook") ? p : p.resolveSibling(p.getFileName() + ".casebook"));
    }

    /**
     * Asks where to save a new file, starting in {@code folder} with {@code fileName} filled in. The folder is
     * always given: left to itself the platform chooser may open in a shared or "recent" location.
     */
    public Optional<Path> chooseSaveFile(String title, Path folder, String fileName,
                                         FileChooser.ExtensionFilter filter) {
        return saveChooser.choose(title, folder, fileName, filter);
    }

    public void setSaveChooser(SaveChooser chooser) {
        this.saveChooser = chooser;
    }

    private Optional<Path> nativeSaveChooser(String title, Path folder, String fileName,
                                             FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (folder != null && java.nio.file.Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(filter);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    public void prepare(Dialog<?> dialog, String title) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene() == null ? List.of()
                : owner.getScene().getStylesheets());
        if (owner.getScene() != null && owner.getScene().getRoot() != null) {
            dialog.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
    }
}
