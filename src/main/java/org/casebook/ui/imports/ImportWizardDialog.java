package org.casebook.ui.imports;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportSummary;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.WrappingRows;

/**
 * Import messages: drop or choose an export → see its format and first messages (both readings of the
 * dates when they are ambiguous) → say who is who → import, with progress and cancel.
 */
public final class ImportWizardDialog {
    private ImportWizardDialog() {
    }

    public static void show(DialogService dialogs, ImportWizardViewModel vm, Consumer<ImportSummary> onImported) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Import messages");
        dialog.setHeaderText("Import a chat, text, call or e-mail export");

        Label fileName = new Label("Drop an export file here, or choose one.");
        fileName.setId("import-file");
        fileName.textProperty().bind(Bindings.when(vm.fileProperty().isNull())
                .then("Drop an export file here, or choose one.")
                .otherwise(Bindings.createStringBinding(() -> vm.fileProperty().get() == null ? ""
                        : vm.fileProperty().get().getFileName().toString(), vm.fileProperty())));
        Button choose = new Button("Choose a file…");
        choose.setId("import-choose");
        choose.setOnAction(e -> dialogs.chooseFile("Choose an export file").ifPresent(vm::choose));
        HBox fileRow = new HBox(10, choose, fileName);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        Label format = new Label();
        format.setId("import-format");
        format.setStyle("-fx-font-weight: bold;");
        format.textProperty().bind(vm.formatProperty());
        Label overview = new Label();
        overview.setId("import-overview");
        overview.setWrapText(true);
        overview.textProperty().bind(vm.overviewProperty());
        overview.visibleProperty().bind(vm.readyProperty());
        overview.managedProperty().bind(overview.visibleProperty());

        Label ambiguousText = new Label("These dates could be read two ways and Casebook will not guess."
                + " Which is right? Think of a day you remember.");
        ambiguousText.setWrapText(true);
        ToggleGroup order = new ToggleGroup();
        RadioButton dayFirst = new RadioButton();
        dayFirst.setId("import-day-first");
        dayFirst.textProperty().bind(Bindings.concat("Day first: ", vm.dayFirstReadingProperty()));
        dayFirst.setToggleGroup(order);
        dayFirst.setUserData(DateOrder.DMY);
        RadioButton monthFirst = new RadioButton();
        monthFirst.setId("import-month-first");
        monthFirst.textProperty().bind(Bindings.concat("Month first: ", vm.monthFirstReadingProperty()));
        monthFirst.setToggleGroup(order);
        monthFirst.setUserData(DateOrder.MDY);
        order.selectedToggleProperty().addListener((o, old, t) -> {
            if (t != null) {
                vm.dateOrderProperty().set((DateOrder) t.getUserData());
            }
        });
        VBox ambiguity = new VBox(6, ambiguousText, dayFirst, monthFirst);
        ambiguity.getStyleClass().add("notice");
        ambiguity.visibleProperty().bind(vm.ambiguousProperty());
        ambiguity.managedProperty().bind(ambiguity.visibleProperty());

        Label previewTitle = new Label("FIRST MESSAGES, AS THE EXPORT HAS THEM");
        previewTitle.getStyleClass().add("section-title");
        ListView<String> preview = new ListView<>(vm.preview());
        preview.setId("import-preview");
        preview.setPrefHeight(180);
        preview.setFocusTraversable(true);
        WrappingRows.apply(preview, line -> line);

        Label sendersTitle = new Label("WHO IS WHO? TICK THE PERSON DOING THIS (ALL THEIR NUMBERS AND NAMES)");
        sendersTitle.getStyleClass().add("section-title");
        ListView<ImportWizardViewModel.SenderRow> senders = new ListView<>(vm.senders());
        senders.setId("import-senders");
        senders.setPrefHeight(120);
        senders.getStyleClass().add(WrappingRows.STYLE_CLASS);
        senders.setCellFactory(l -> {
            CheckBoxListCell<ImportWizardViewModel.SenderRow> cell = new CheckBoxListCell<>(
                    ImportWizardViewModel.SenderRow::perpetratorProperty,
                    FormGrid.converter(row -> row == null ? "" : row.label()));
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            return cell;
        });
        Label meTitle = new Label("WHICH ONE IS YOU?");
        meTitle.getStyleClass().add("section-title");
        ComboBox<ImportWizardViewModel.SenderRow> me = new ComboBox<>(vm.meChoices());
        me.setId("import-me");
        me.setAccessibleText("Which sender is you");
        me.setMaxWidth(Double.MAX_VALUE);
        me.valueProperty().bindBidirectional(vm.meProperty());
        me.setConverter(FormGrid.converter(row -> row == null ? "" : row.name()));
        Label meReason = new Label();
        meReason.setId("import-me-reason");
        meReason.getStyleClass().add("hint");
        meReason.setWrapText(true);
        meReason.textProperty().bind(Bindings.concat(vm.meReasonProperty(), " What you sent is shown as sent and never"
                + " counted as contact; Casebook remembers it for your later exports."));
        VBox details = new VBox(8, previewTitle, preview, sendersTitle, senders, meTitle, me, meReason);
        details.visibleProperty().bind(vm.readyProperty());
        details.managedProperty().bind(details.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("import-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        vm.jobProperty().addListener((o, old, task) -> {
            progress.progressProperty().unbind();
            if (task != null) {
                progress.progressProperty().bind(task.progressProperty());
            } else {
                progress.setProgress(-1);
            }
        });

        VBox content = new VBox(8, fileRow, format, overview, ambiguity, details);
        content.setPadding(new Insets(6, 0, 0, 0));
        content.setPrefWidth(680);
        // The window grows as the file's details fill in; on a small screen the form scrolls, while the error,
        // the progress and the buttons stay in view.
        DialogLayout layout = DialogLayout.set(dialog, content);
        layout.errorLine("import-error", vm.errorProperty());
        layout.addStatus(progress);
        dialog.getDialogPane().setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        dialog.getDialogPane().setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                vm.choose(files.get(0).toPath());
            }
        });

        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importType, ButtonType.CANCEL);
        Button importButton = layout.primaryButton(importType, "import-start", Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return "";
            }
            if (vm.fileProperty().get() == null) {
                return "Choose an export file, or drop one here.";
            }
            if (vm.ambiguousProperty().get() && vm.dateOrderProperty().get() == null) {
                return "Say which reading of the dates is right.";
            }
            return vm.readyProperty().get() ? "" : "Choose another export file.";
        }, vm.busyProperty(), vm.fileProperty(), vm.ambiguousProperty(), vm.dateOrderProperty(), vm.readyProperty()),
                vm.busyProperty().or(vm.readyProperty().not()));
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.importNow(summary -> {
                dialog.close();
                onImported.accept(summary);
            });
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.jobProperty().get() != null) {
                e.consume();
                vm.cancel();
            }
        });
        dialog.show();
    }
}
