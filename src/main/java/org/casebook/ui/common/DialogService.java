package org.casebook.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
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

    /** Asks for one file to read; replaced in headless tests through {@link #setOpenChooser}. */
    @FunctionalInterface
    public interface OpenChooser {
        Optional<Path> choose(String title);
    }

    private final Window owner;
    private final Runnable quickExit;
    private final ObservableBooleanValue neutral;
    private SaveChooser saveChooser = this::nativeSaveChooser;
    private OpenChooser openChooser = this::nativeOpenChooser;
    /** How many times the app has locked; a file chooser compares it before and after it was open. */
    private long locks;

    /**
     * @param quickExit what every dialog's Quick exit button does
     * @param neutral   whether the neutral title is on: then every dialog's window is titled like the main one
     */
    public DialogService(Window owner, Runnable quickExit, ObservableBooleanValue neutral) {
        this.owner = owner;
        this.quickExit = quickExit;
        this.neutral = neutral;
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
        alert.setContentText(ErrorText.of(error)); // shown by the body below; kept for screen readers and tests
        DialogLayout.set(alert, message(ErrorText.of(error)));
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
        DialogLayout.set(alert, message(message));
        alert.showAndWait();
    }

    /** Asks before something that cannot be undone; the action button names the action. */
    public boolean confirm(String title, String message, String actionName) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        DialogLayout.set(alert, message(message));
        ButtonType action = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(action, ButtonType.CANCEL);
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    /** Asks for a short non-empty text, such as the reason for deleting something. */
    public Optional<String> askText(String title, String prompt, String actionName) {
        TextInputDialog dialog = new TextInputDialog();
        prepare(dialog, title);
        dialog.setHeaderText(prompt);
        TextField answer = dialog.getEditor();
        answer.setId("ask-text");
        DialogLayout layout = DialogLayout.set(dialog, answer);
        ButtonType action = new ButtonType(actionName, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(action, ButtonType.CANCEL);
        layout.primaryButton(action, "ask-text-ok", Bindings.createStringBinding(() ->
                answer.getText().isBlank() ? "Write a few words first." : "", answer.textProperty()));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * Asks the person to pick one of {@code choices}. Each is shown in full, wrapped (an order's condition is
     * often a long sentence, which a drop-down list would cut short). Double-click picks one at once.
     *
     * @param id the list's id
     * @return the choice, or empty when cancelled
     */
    public <T> Optional<T> choose(String title, String header, String id, List<T> choices, T initial,
                                  Function<T, String> text) {
        Dialog<T> dialog = new Dialog<>();
        prepare(dialog, title);
        dialog.setHeaderText(header);
        ListView<T> list = new ListView<>(FXCollections.observableArrayList(choices));
        list.setId(id);
        list.setPrefHeight(Math.min(8, Math.max(3, choices.size())) * 48.0);
        list.setPrefWidth(520);
        WrappingRows.apply(list, text);
        list.getSelectionModel().select(initial);
        DialogLayout layout = DialogLayout.set(dialog, list);
        ButtonType ok = new ButtonType("OK", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        Button okButton = layout.primaryButton(ok, id + "-ok", Bindings.createStringBinding(() ->
                list.getSelectionModel().getSelectedItem() == null ? "Choose one from the list." : "",
                list.getSelectionModel().selectedItemProperty()));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !okButton.isDisabled()) {
                okButton.fire();
            }
        });
        dialog.setResultConverter(b -> b == ok ? list.getSelectionModel().getSelectedItem() : null);
        javafx.application.Platform.runLater(list::requestFocus);
        return dialog.showAndWait();
    }

    /** A message as a dialog's body: wrapped to the dialog's width, never cut short. */
    private static Label message(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("dialog-message");
        return label;
    }

    public List<Path> chooseFiles(String title) {
        FileChooser chooser = chooser(title);
        long asked = locks;
        RecentFiles.Watch watch = RecentFiles.watch();
        List<File> files = chooser.showOpenMultipleDialog(owner);
        watch.closed();
        List<Path> picked = files == null ? List.of() : files.stream().map(File::toPath).toList();
        return asked != locks ? List.of() : picked;
    }

    /** Asks for one file to read (an export to import, say). */
    public Optional<Path> chooseFile(String title) {
        return openChooser.choose(title);
    }

    public void setOpenChooser(OpenChooser chooser) {
        this.openChooser = chooser;
    }

    private Optional<Path> nativeOpenChooser(String title) {
        return chosen(chooser(title), c -> c.showOpenDialog(owner));
    }

    public Optional<Path> chooseVaultToOpen() {
        FileChooser chooser = chooser("Open a vault");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(neutral.get() ? "*.casebook" : "Casebook vaults (*.casebook)",
                        "*.casebook"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chosen(chooser, c -> c.showOpenDialog(owner));
    }

    public Optional<Path> chooseNewVault() {
        FileChooser chooser = chooser("Where should the new vault be saved?");
        chooser.setInitialFileName(neutral.get() ? "notes.casebook" : "my-case.casebook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                neutral.get() ? "*.casebook" : "Casebook vaults (*.casebook)", "*.casebook"));
        return chosen(chooser, c -> c.showSaveDialog(owner)).map(p ->
                p.getFileName().toString().endsWith(".casebook") ? p : p.resolveSibling(p.getFileName() + ".casebook"));
    }

    /**
     * The platform's file chooser, titled neutrally when the neutral title is on (its title shows in the
     * taskbar like any window's). What is picked in it is kept out of the desktop's recent files
     * ({@link RecentFiles}).
     */
    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(neutral.get() ? AppShell.DISCREET_TITLE : title);
        return chooser;
    }

    /**
     * What the person chose, unless the app locked while the chooser was open (auto-lock can, quick exit cannot
     * reach a platform dialog): a choice made for a vault that has since closed is dropped.
     */
    private Optional<Path> chosen(FileChooser chooser, Function<FileChooser, File> show) {
        long asked = locks;
        RecentFiles.Watch watch = RecentFiles.watch();
        File file = show.apply(chooser);
        watch.closed();
        return file == null || asked != locks ? Optional.empty() : Optional.of(file.toPath());
    }

    /** The app locked: whatever a file chooser still open returns is not used. */
    void locked() {
        locks++;
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
        FileChooser chooser = chooser(title);
        if (folder != null && java.nio.file.Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(filter);
        return chosen(chooser, c -> c.showSaveDialog(owner));
    }

    /**
     * Readies any dialog: owned by the main window (so it closes with it on quick exit or lock), titled (the
     * neutral title when that is on), styled like the app, with the Quick exit button in its header, and
     * sized to its content within the screen.
     */
    public void prepare(Dialog<?> dialog, String title) {
        dialog.initOwner(owner);
        dialog.titleProperty().bind(Bindings.when(neutral).then(AppShell.DISCREET_TITLE).otherwise(title));
        dialog.setResizable(true);
        DialogPane pane = dialog.getDialogPane();
        pane.getStylesheets().setAll(owner.getScene() == null ? List.of() : owner.getScene().getStylesheets());
        if (owner.getScene() != null && owner.getScene().getRoot() != null) {
            pane.setStyle(owner.getScene().getRoot().getStyle());
        }
        pane.setHeader(header(pane));
        DialogLayout.keepFitted(dialog, owner);
    }

    /**
     * The header every dialog shows: its header text, its graphic (an alert's icon), and Quick exit. Replacing
     * the platform's header is the one way to put a button there for every kind of dialog.
     */
    private Node header(DialogPane pane) {
        Label text = new Label();
        text.getStyleClass().add("dialog-header-text");
        text.textProperty().bind(pane.headerTextProperty());
        text.setWrapText(true);
        // The content decides the dialog's width; a long header wraps within it rather than widening it.
        text.setPrefWidth(240);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        StackPane graphic = new StackPane();
        Runnable showGraphic = () -> {
            if (pane.getGraphic() == null) {
                graphic.getChildren().clear();
            } else {
                graphic.getChildren().setAll(pane.getGraphic());
            }
        };
        pane.graphicProperty().addListener((o, old, now) -> showGraphic.run());
        showGraphic.run();
        HBox header = new HBox(12, text, graphic, QuickExitButton.create(quickExit, neutral));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().addAll("header-panel", "dialog-header");
        return header;
    }
}
