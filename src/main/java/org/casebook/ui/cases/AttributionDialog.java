package org.casebook.ui.cases;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;

/**
 * Why a number, e-mail address, account, address or vehicle is this person's, in the witness's words, and whether
 * the export itself shows it: what the bundle's who-is-who page prints.
 */
public final class AttributionDialog {
    /** What the form returns. */
    public record AttributionFields(Identifier identifier, String basis, boolean shownInExport) {
    }

    private AttributionDialog() {
    }

    public static Optional<AttributionFields> show(DialogService dialogs, Person person) {
        Dialog<AttributionFields> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Why is it theirs?");
        dialog.setHeaderText("Say how you know a number, address, account or vehicle is " + person.name() + "'s");

        ComboBox<Identifier> theirs = new ComboBox<>(FXCollections.observableArrayList(person.identifiers()));
        theirs.setId("attribution-existing");
        theirs.setPromptText(person.identifiers().isEmpty() ? "None recorded yet" : "Choose one");
        theirs.setConverter(FormGrid.converter(i -> i == null ? "" : kindLabel(i.kind()) + ": " + i.raw()));
        ComboBox<IdentifierKind> kind = new ComboBox<>(FXCollections.observableArrayList(IdentifierKind.values()));
        kind.setId("attribution-kind");
        kind.setConverter(FormGrid.converter(k -> k == null ? "" : kindLabel(k)));
        kind.setValue(IdentifierKind.PHONE);
        TextField value = new TextField();
        value.setId("attribution-value");
        value.setPromptText("e.g. 07700 900123, or a car's registration");
        theirs.valueProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                kind.setValue(chosen.kind());
                value.setText(chosen.raw());
            }
        });
        TextArea basis = FormGrid.area("attribution-basis", 3);
        basis.setPromptText("e.g. His number since 2019; he has called me from it many times.");
        CheckBox shown = new CheckBox("The export itself shows it is theirs");
        shown.setId("attribution-shown-in-export");
        shown.setWrapText(true);

        GridPane grid = FormGrid.grid(360);
        int row = 0;
        FormGrid.row(grid, row++, "One of theirs", theirs, "Pick one already recorded, or type a new one below.");
        FormGrid.row(grid, row++, "Kind", kind, "A vehicle is its registration.");
        FormGrid.row(grid, row++, "Number, address or registration", value, "Added to this person if it is new.");
        FormGrid.row(grid, row++, "How you know", basis, "In your own words. The bundle prints this beside it.");
        FormGrid.row(grid, row++, "Shown in the export", shown, "Tick only when the export names them with it, for"
                + " example their name in an e-mail's From line. Otherwise the bundle marks it as your belief,"
                + " which is fine: say why you believe it.");
        DialogLayout layout = DialogLayout.set(dialog, grid);
        StringBinding missing = Bindings.createStringBinding(() -> problem(kind.getValue(), value.getText(),
                basis.getText()), kind.valueProperty(), value.textProperty(), basis.textProperty());
        ButtonType save = FormGrid.saveButton(dialog, layout, "Save", "attribution-save", "attribution-problem",
                missing);
        dialog.setResultConverter(b -> b != save ? null : new AttributionFields(
                Identifier.of(kind.getValue(), value.getText().strip()), basis.getText().strip(), shown.isSelected()));
        Platform.runLater(person.identifiers().isEmpty() ? value::requestFocus : theirs::requestFocus);
        return dialog.showAndWait();
    }

    /** What still stops it from being saved, in words, or "" when it can be. */
    static String problem(IdentifierKind kind, String value, String basis) {
        if (kind == null) {
            return "Choose what kind it is.";
        }
        if (value == null || Identifier.normalize(kind, value).replace("+", "").isEmpty()) {
            return "Write the number, address, account or registration.";
        }
        if (basis == null || basis.isBlank()) {
            return "Say how you know it is theirs.";
        }
        return "";
    }

    static String kindLabel(IdentifierKind kind) {
        return switch (kind) {
            case PHONE -> "Phone";
            case EMAIL -> "E-mail";
            case HANDLE -> "Account or handle";
            case ADDRESS -> "Postal address";
            case VEHICLE -> "Vehicle";
        };
    }
}
