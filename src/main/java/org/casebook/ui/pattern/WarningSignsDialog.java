package org.casebook.ui.pattern;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.conduct.WarningSigns;
import org.casebook.model.SignAnswer;
import org.casebook.model.WarningSign;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;

/**
 * The witness's own answers to the warning signs: each sign's question, what the evidence already shows of it,
 * an answer and a note. Only the answers she changes are returned; every one saved is kept in the audit log.
 */
public final class WarningSignsDialog {
    /** One answer as the dialog returns it. */
    public record Answer(SignAnswer answer, String note) {
    }

    private WarningSignsDialog() {
    }

    public static Optional<Map<WarningSign, Answer>> show(DialogService dialogs, WarningSigns.Assessment signs) {
        Dialog<Map<WarningSign, Answer>> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Warning signs");
        dialog.setHeaderText("Answer only what you want to. " + WarningSign.NOT_AN_ASSESSMENT);
        GridPane grid = FormGrid.grid(380);
        Map<WarningSign, ComboBox<SignAnswer>> choices = new EnumMap<>(WarningSign.class);
        Map<WarningSign, TextField> notes = new EnumMap<>(WarningSign.class);
        int row = 0;
        for (WarningSigns.Finding f : signs.findings()) {
            ComboBox<SignAnswer> answer = new ComboBox<>(FXCollections.observableArrayList(SignAnswer.values()));
            answer.setId("sign-" + f.sign().code());
            answer.setPromptText("Not answered");
            answer.setAccessibleText(f.sign().question());
            answer.setConverter(FormGrid.converter(a -> a == null ? "Not answered" : a.label()));
            TextField note = new TextField();
            note.setId("sign-note-" + f.sign().code());
            note.setPromptText("Anything a reader should know (optional)");
            note.setAccessibleText(f.sign().label() + ": note");
            if (f.answer() != null) {
                answer.setValue(f.answer().answer());
                note.setText(FormGrid.orEmpty(f.answer().note()));
            }
            choices.put(f.sign(), answer);
            notes.put(f.sign(), note);
            javafx.scene.layout.HBox field = new javafx.scene.layout.HBox(8, answer, note);
            javafx.scene.layout.HBox.setHgrow(note, javafx.scene.layout.Priority.ALWAYS);
            FormGrid.row(grid, row++, f.sign().label(), field, f.sign().question()
                    + (f.evidence() == null ? "" : " The evidence: " + f.evidence()));
        }
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = FormGrid.saveButton(dialog, layout, "Save answers", "signs-save", "signs-problem",
                Bindings.createStringBinding(() -> ""));
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            Map<WarningSign, Answer> changed = new LinkedHashMap<>();
            for (WarningSigns.Finding f : signs.findings()) {
                SignAnswer a = choices.get(f.sign()).getValue();
                String note = notes.get(f.sign()).getText().isBlank() ? null : notes.get(f.sign()).getText().strip();
                boolean same = f.answer() != null && f.answer().answer() == a
                        && Objects.equals(f.answer().note(), note);
                if (a != null && !same) {
                    changed.put(f.sign(), new Answer(a, note));
                }
            }
            return changed;
        });
        return dialog.showAndWait();
    }
}
