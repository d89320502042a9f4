package org.casebook.ui.reports;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.casebook.ui.common.UkDates;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.ReportRecipient;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.Formats;

/** Recording or editing a report: when, to whom, their reference, the contact, and what happened next. */
public final class ReportDialog {
    private ReportDialog() {
    }

    public static Optional<ReportDraft> show(DialogService dialogs, Report existing, ZoneId zone) {
        Dialog<ReportDraft> dialog = new Dialog<>();
        boolean editing = existing != null;
        dialogs.prepare(dialog, editing ? "Edit report" : "Record a report");
        dialog.setHeaderText(editing ? "Edit this report — the previous details are kept in the vault's record"
                : "Every time you reported it: to the police, a platform, your employer, your landlord …");
        DatePicker date = UkDates.picker(java.time.LocalDate.now(zone));
        date.setId("report-date");
        date.setAccessibleText("Date of the report");
        TextField time = new TextField(LocalTime.now(zone).withSecond(0).withNano(0).toString());
        time.setId("report-time");
        time.setPrefColumnCount(5);
        time.setAccessibleText("Time, like 14:30");
        HBox when = new HBox(8, date, time);
        when.setAlignment(Pos.CENTER_LEFT);
        ComboBox<ReportRecipient> to = new ComboBox<>(FXCollections.observableArrayList(ReportRecipient.values()));
        to.setId("report-to");
        to.setConverter(FormGrid.converter(r -> r == null ? "" : r.label()));
        to.setValue(ReportRecipient.POLICE);
        TextField name = new TextField();
        name.setId("report-name");
        name.setPromptText("e.g. Anyshire Police, Instagram, HR at work");
        TextField reference = new TextField();
        reference.setId("report-reference");
        reference.setPromptText("Crime number, incident or ticket number");
        TextField contact = new TextField();
        contact.setId("report-contact");
        contact.setPromptText("e.g. PC Smith, 01234 567890");
        TextField collar = new TextField();
        collar.setId("report-collar");
        collar.setPrefColumnCount(8);
        collar.setPromptText("e.g. 1234");
        TextArea outcome = FormGrid.area("report-outcome", 3);
        if (editing) {
            date.setValue(existing.at().toLocalDate());
            time.setText(existing.at().toLocalTime().withSecond(0).withNano(0).toString());
            to.setValue(existing.recipientKind());
            name.setText(FormGrid.orEmpty(existing.recipient()));
            reference.setText(FormGrid.orEmpty(existing.reference()));
            contact.setText(FormGrid.orEmpty(existing.contact()));
            collar.setText(FormGrid.orEmpty(existing.collar()));
            outcome.setText(FormGrid.orEmpty(existing.outcome()));
        }
        GridPane grid = FormGrid.grid(360);
        int row = 0;
        FormGrid.row(grid, row++, "When", when, "When you made the report. Times are in " + zone.getId() + ".");
        FormGrid.row(grid, row++, "Reported to", to, "Who you told.");
        FormGrid.row(grid, row++, "Name", name, "The force, platform, organisation or office.");
        FormGrid.row(grid, row++, "Reference number", reference, "The number they gave you. Police often give a"
                + " crime number, or an incident (CAD) number for a 999 or 101 call.");
        FormGrid.row(grid, row++, "Officer or contact", contact, "Who dealt with it and how to reach them.");
        FormGrid.row(grid, row++, "Collar number", collar, "The number on a police officer's shoulder, if you have"
                + " it: it tells the force exactly who dealt with it.");
        FormGrid.row(grid, row++, "What happened next", outcome, "What they said or did: a visit, a statement taken,"
                + " an arrest, no further action, an account removed. Add to it later as things move.");
        javafx.beans.binding.StringBinding problem = Bindings.createStringBinding(() -> date.getValue() == null
                        ? "Give the date of the report." : Formats.parseTime(time.getText()) == null
                        ? "Give the time like 14:30 (a guess is fine)." : to.getValue() == null
                        ? "Choose who it was reported to." : "",
                date.valueProperty(), time.textProperty(), to.valueProperty());
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, editing ? "Save changes" : "Save report", "report-save",
                "report-problem", problem);
        dialog.setResultConverter(b -> b != save ? null : new ReportDraft(
                ZonedDateTime.of(date.getValue(), Formats.parseTime(time.getText()), zone), to.getValue(), name.getText(),
                reference.getText(), contact.getText(), outcome.getText(), collar.getText()));
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }
}
