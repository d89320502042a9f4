package org.casebook.ui.impact;

import java.time.LocalDate;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import org.casebook.ui.common.UkDates;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;

/** One entry of the impact log, with gentle guidance on what is worth writing down. */
public final class ImpactDialog {
    static final String GUIDANCE = "In your own words. It can help to think about: whether you feared violence"
            + " would be used against you; alarm or distress; anything you changed because of it — your route,"
            + " going out, your number, where you live, work or study; sleep and health; the people close to you.";

    private ImpactDialog() {
    }

    public static Optional<ImpactViewModel.Fields> show(DialogService dialogs, ImpactEntry existing, LocalDate today) {
        Dialog<ImpactViewModel.Fields> dialog = new Dialog<>();
        boolean editing = existing != null;
        dialogs.prepare(dialog, editing ? "Edit impact entry" : "How it is affecting you");
        dialog.setHeaderText(editing ? "Edit this entry — the previous version is kept in the vault's record"
                : "Write down how this is affecting you. Only what you want to.");
        DatePicker date = UkDates.picker(editing ? existing.date() : today);
        date.setId("impact-date");
        date.setAccessibleText("Date");
        ComboBox<ImpactKind> kind = new ComboBox<>(FXCollections.observableArrayList(ImpactKind.values()));
        kind.setId("impact-kind");
        kind.setConverter(FormGrid.converter(k -> k == null ? "" : k.label()));
        kind.setValue(editing ? existing.kind() : ImpactKind.ALARM_DISTRESS);
        TextArea text = FormGrid.area("impact-text", 6);
        if (editing) {
            text.setText(existing.text());
        }
        GridPane grid = FormGrid.grid(380);
        int row = 0;
        FormGrid.row(grid, row++, "Date", date, "When it happened, or when you noticed it.");
        FormGrid.row(grid, row++, "What kind", kind, "The closest fits. There is no wrong answer.");
        FormGrid.row(grid, row++, "What happened and how it affected you", text, GUIDANCE);
        javafx.beans.binding.StringBinding problem = Bindings.createStringBinding(() -> date.getValue() == null ? "Give a date."
                        : kind.getValue() == null ? "Choose what kind." : text.getText().isBlank()
                        ? "Write a few words about it." : "",
                date.valueProperty(), kind.valueProperty(), text.textProperty());
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, editing ? "Save changes" : "Save entry", "impact-save",
                "impact-problem", problem);
        dialog.setResultConverter(b -> b != save ? null
                : new ImpactViewModel.Fields(date.getValue(), kind.getValue(), text.getText()));
        Platform.runLater(text::requestFocus);
        return dialog.showAndWait();
    }
}
