package org.casebook.ui.detail;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.evidence.Continuity;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.UkDates;

/**
 * Where an original came from: who exported or copied it, from which device and app, when and how. What the
 * bundle's continuity page prints for every exhibit made from it.
 */
public final class ContinuityDialog {
    private ContinuityDialog() {
    }

    /**
     * @param existing what is recorded now, or null
     * @param zone     the case's time zone, in which what the file itself says is shown
     */
    public static Optional<Continuity.Record> show(DialogService dialogs, String fileName, Continuity.Record existing,
                                                   java.time.ZoneId zone) {
        Dialog<Continuity.Record> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Where this came from");
        dialog.setHeaderText("How " + (fileName == null ? "this file" : fileName) + " was exported or copied");
        TextField by = field("continuity-by", "e.g. me, or my solicitor", existing == null ? null : existing.exportedBy());
        TextField device = field("continuity-device", "e.g. my iPhone 12", existing == null ? null : existing.device());
        TextField app = field("continuity-app", "e.g. WhatsApp, or SMS Backup & Restore",
                existing == null ? null : existing.app());
        DatePicker on = UkDates.picker(new DatePicker());
        on.setId("continuity-on");
        on.setValue(existing == null ? null : existing.exportedOn());
        TextField method = field("continuity-method", "e.g. Export chat, without media, e-mailed to myself",
                existing == null ? null : existing.method());
        GridPane grid = FormGrid.grid(360);
        int row = 0;
        FormGrid.row(grid, row++, "Exported by", by, "Who made the export or copy.");
        FormGrid.row(grid, row++, "Device", device, "The phone or computer it came from.");
        FormGrid.row(grid, row++, "App", app, "The app that made the export, or the app the messages were in.");
        FormGrid.row(grid, row++, "On", on, "The day it was exported or copied.");
        FormGrid.row(grid, row++, "How", method, "The steps, in a few words. An officer may ask how it was done.");
        if (existing != null && existing.exportSays() != null) {
            javafx.scene.control.Label said = new javafx.scene.control.Label("Made "
                    + org.casebook.ui.common.Formats.DAY_TIME.format(existing.exportSays().at().atZone(zone)) + " ("
                    + org.casebook.evidence.VisibleText.line(existing.exportSays().basis()) + ").");
            said.setId("continuity-export-says");
            said.setWrapText(true);
            FormGrid.row(grid, row++, "The file says", said, "Read from the export itself when it was imported;"
                    + " the bundle prints it beside what you record here.");
        }
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, "Save", "continuity-save", "continuity-problem",
                new javafx.beans.property.SimpleStringProperty(""));
        dialog.setResultConverter(b -> b != save ? null : new Continuity.Record(by.getText(), device.getText(),
                app.getText(), on.getValue(), method.getText()));
        Platform.runLater(by::requestFocus);
        return dialog.showAndWait();
    }

    private static TextField field(String id, String prompt, String value) {
        TextField f = new TextField(FormGrid.orEmpty(value));
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
