package org.casebook.ui.diary;

import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.ui.common.DialogService;

/**
 * The diary entry form: each field with a short line of guidance beside it, sensible defaults, and
 * keyboard-first (Tab through the fields, Ctrl+Enter to save).
 */
public final class DiaryEntryDialog {
    private DiaryEntryDialog() {
    }

    public static Optional<IncidentDraft> show(DialogService dialogs, DiaryEntryViewModel vm, boolean editing) {
        Dialog<IncidentDraft> dialog = new Dialog<>();
        dialogs.prepare(dialog, editing ? "Edit diary entry" : "New diary entry");
        dialog.setHeaderText(editing ? "Edit this entry — the previous version is kept in its history"
                : "Write down what happened");
        dialog.setResizable(true);

        ComboBox<IncidentType> type = new ComboBox<>(FXCollections.observableArrayList(IncidentType.values()));
        type.setId("diary-type");
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setCellFactory(l -> new TypeCell());
        type.setButtonCell(new TypeCell());
        DatePicker date = new DatePicker();
        date.setId("diary-date");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField time = new TextField();
        time.setId("diary-time");
        time.setPrefColumnCount(5);
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        time.setAccessibleText("Time, like 21:15");
        time.textProperty().bindBidirectional(vm.timeProperty());
        CheckBox approximate = new CheckBox("Not sure of the exact time");
        approximate.setId("diary-approximate");
        approximate.selectedProperty().bindBidirectional(vm.approximateProperty());
        TextField location = new TextField();
        location.setId("diary-location");
        location.textProperty().bindBidirectional(vm.locationProperty());
        TextArea description = area("diary-description", 5);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextField witnesses = new TextField();
        witnesses.setId("diary-witnesses");
        witnesses.textProperty().bindBidirectional(vm.witnessesProperty());
        TextArea impact = area("diary-impact", 3);
        impact.textProperty().bindBidirectional(vm.impactProperty());
        TextField reference = new TextField();
        reference.setId("diary-reference");
        reference.textProperty().bindBidirectional(vm.referenceProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(14);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 0, 0, 0));
        ColumnConstraints labels = new ColumnConstraints();
        // The dialog opens at its minimum width: these minimums keep the fields roomy and the guidance readable.
        ColumnConstraints fields = new ColumnConstraints(400, 420, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints guidance = new ColumnConstraints(250, 260, 320);
        grid.getColumnConstraints().setAll(labels, fields, guidance);
        int row = 0;
        row(grid, row++, "What kind of thing", type, "Pick the closest. You can change it later.");
        HBox dayAndTime = new HBox(8, date, time);
        dayAndTime.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.VBox when = new javafx.scene.layout.VBox(6, dayAndTime, approximate);
        row(grid, row++, "When", when, "Times are in " + vm.zone().getId() + ". If you are not sure, give your best"
                + " guess and tick the box.");
        row(grid, row++, "Where", location, "A street, a place, or online (which app or site).");
        row(grid, row++, "What happened", description, "In your own words: what they did or said, in the order it"
                + " happened. Write it as soon as you can.");
        row(grid, row++, "Who saw it", witnesses, "Anyone who saw or heard it, separated by commas.");
        row(grid, row++, "How it affected you", impact, "How you felt, and anything you did or changed because of it"
                + " (a route, your plans, time off work).");
        row(grid, row++, "Reported? Reference", reference, "If you told the police or anyone else: who, and the"
                + " reference number (for example a CAD or crime number).");
        Label problem = new Label();
        problem.setId("diary-problem");
        problem.getStyleClass().add("hint");
        problem.textProperty().bind(vm.problemProperty());
        grid.add(problem, 1, row);
        dialog.getDialogPane().setContent(grid);

        ButtonType save = new ButtonType(editing ? "Save changes" : "Save entry", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("diary-save");
        saveButton.disableProperty().bind(vm.problemProperty().isNotEmpty());
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(e) && !saveButton.isDisabled()) {
                e.consume();
                saveButton.fire();
            }
        });
        dialog.setResultConverter(button -> button == save ? vm.toDraft() : null);
        Platform.runLater(description::requestFocus);
        return dialog.showAndWait();
    }

    private static TextArea area(String id, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        // Tab moves to the next field, as in the rest of the form, rather than typing a tab: re-sent as
        // Ctrl+Tab, which the text area treats as "move focus".
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        return area;
    }

    private static void row(GridPane grid, int row, String name, Node field, String help) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label guidance = new Label(help);
        guidance.getStyleClass().add("guidance");
        guidance.setWrapText(true);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(guidance, 2, row);
        if (field instanceof javafx.scene.control.Control control) {
            control.setAccessibleHelp(help);
        }
    }

    private static final class TypeCell extends ListCell<IncidentType> {
        @Override
        protected void updateItem(IncidentType t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.label());
        }
    }
}
