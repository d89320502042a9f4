package org.casebook.ui.pattern;

import java.time.LocalDate;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.UkDates;

/** Records a risk screening an advocate or officer ran with their own tool: which, when, by whom, the outcome. */
public final class ScreeningDialog {
    /** What the dialog returns. */
    public record Fields(String tool, LocalDate date, String by, String outcome, String notes) {
    }

    private ScreeningDialog() {
    }

    public static Optional<Fields> show(DialogService dialogs, LocalDate today) {
        Dialog<Fields> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Record a screening");
        dialog.setHeaderText("A screening someone ran with their own tool — an advocate, an officer. Casebook keeps"
                + " what they told you; it does not hold or score the tool's questions.");
        TextField tool = new TextField();
        tool.setId("screening-tool");
        tool.setPromptText("e.g. S-DASH (2009), or the force's own form");
        DatePicker date = UkDates.picker(today);
        date.setId("screening-date");
        date.setAccessibleText("Date");
        TextField by = new TextField();
        by.setId("screening-by");
        by.setPromptText("e.g. PC 1234 Smith, West Yorkshire Police");
        TextArea outcome = FormGrid.area("screening-outcome", 3);
        TextArea notes = FormGrid.area("screening-notes", 3);
        GridPane grid = FormGrid.grid(380);
        int row = 0;
        FormGrid.row(grid, row++, "Tool", tool, "The checklist or form they used.");
        FormGrid.row(grid, row++, "Date", date, "The day it was done.");
        FormGrid.row(grid, row++, "Run by", by, "Name, role and organisation.");
        FormGrid.row(grid, row++, "Outcome", outcome, "What it concluded, in their words (e.g. high risk; referred"
                + " to MARAC).");
        FormGrid.row(grid, row++, "Notes", notes, "Optional.");
        javafx.beans.binding.StringBinding problem = Bindings.createStringBinding(() -> tool.getText().isBlank()
                        ? "Name the tool." : date.getValue() == null ? "Give the date." : by.getText().isBlank()
                        ? "Say who ran it." : outcome.getText().isBlank() ? "Write the outcome." : "",
                tool.textProperty(), date.valueProperty(), by.textProperty(), outcome.textProperty());
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, "Save screening", "screening-save", "screening-problem",
                problem);
        dialog.setResultConverter(b -> b != save ? null : new Fields(tool.getText(), date.getValue(), by.getText(),
                outcome.getText(), notes.getText()));
        Platform.runLater(tool::requestFocus);
        return dialog.showAndWait();
    }
}
