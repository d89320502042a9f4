package org.casebook.ui.diary;

import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.casebook.ui.common.UkDates;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;

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

        ComboBox<IncidentType> type = new ComboBox<>(FXCollections.observableArrayList(IncidentType.values()));
        type.setId("diary-type");
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setCellFactory(l -> new TypeCell());
        type.setButtonCell(new TypeCell());
        DatePicker date = UkDates.picker(new DatePicker());
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
        TextArea description = FormGrid.area("diary-description", 5);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextField witnesses = new TextField();
        witnesses.setId("diary-witnesses");
        witnesses.textProperty().bindBidirectional(vm.witnessesProperty());
        TextArea impact = FormGrid.area("diary-impact", 3);
        impact.textProperty().bindBidirectional(vm.impactProperty());
        TextField reference = new TextField();
        reference.setId("diary-reference");
        reference.textProperty().bindBidirectional(vm.referenceProperty());

        // The dialog opens at its minimum width: the field minimum keeps the fields roomy.
        GridPane grid = FormGrid.grid(400);
        int row = 0;
        FormGrid.row(grid, row++, "What kind of thing", type, "Pick the closest. You can change it later.");
        HBox dayAndTime = new HBox(8, date, time);
        dayAndTime.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.VBox when = new javafx.scene.layout.VBox(6, dayAndTime, approximate);
        FormGrid.row(grid, row++, "When", when, "Times are in " + vm.zone().getId() + ". If you are not sure, give your best"
                + " guess and tick the box.");
        FormGrid.row(grid, row++, "Where", location, "A street, a place, or online (which app or site).");
        FormGrid.row(grid, row++, "What happened", description, "In your own words: what they did or said, in the order it"
                + " happened. Write it as soon as you can.");
        FormGrid.row(grid, row++, "Who saw it", witnesses, "Anyone who saw or heard it, separated by commas.");
        FormGrid.row(grid, row++, "How it affected you", impact, "How you felt, and anything you did or changed because of it"
                + " (a route, your plans, time off work).");
        FormGrid.row(grid, row++, "Reported? Reference", reference, "If you told the police or anyone else: who, and the"
                + " reference number (for example a CAD or crime number).");
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, editing ? "Save changes" : "Save entry", "diary-save",
                "diary-problem", vm.problemProperty());
        dialog.setResultConverter(button -> button == save ? vm.toDraft() : null);
        Platform.runLater(description::requestFocus);
        return dialog.showAndWait();
    }

    private static final class TypeCell extends ListCell<IncidentType> {
        @Override
        protected void updateItem(IncidentType t, boolean empty) {
            super.updateItem(t, empty);
            setText(empty || t == null ? null : t.label());
        }
    }
}
