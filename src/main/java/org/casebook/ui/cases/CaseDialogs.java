package org.casebook.ui.cases;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.model.Case;
import org.casebook.model.CaseCover;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.PersonRole;
import org.casebook.evidence.TimeZones;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.ZoneField;

/** Adding or renaming a case, and adding a person with their numbers, addresses and handles. */
public final class CaseDialogs {
    private CaseDialogs() {
    }

    /** What the case form returns; {@code cover} is null for a new case (its cover is filled in later). */
    public record CaseFields(String title, String initials, ZoneId zone, CaseCover cover) {
        public CaseFields(String title, String initials, ZoneId zone) {
            this(title, initials, zone, null);
        }
    }

    /** What the person form returns. */
    public record PersonFields(String name, PersonRole role, List<Identifier> identifiers) {
    }

    /** A new case. */
    public static Optional<CaseFields> editCase(DialogService dialogs, Case existing, ZoneId defaultZone) {
        return editCase(dialogs, existing, null, defaultZone);
    }

    /**
     * @param existing the case to change, or null for a new one
     * @param cover    the existing case's cover details (shown and edited with it), or null for a new case
     */
    public static Optional<CaseFields> editCase(DialogService dialogs, Case existing, CaseCover cover,
                                                ZoneId defaultZone) {
        Dialog<CaseFields> dialog = new Dialog<>();
        dialogs.prepare(dialog, existing == null ? "New case" : "Edit case");
        dialog.setHeaderText(existing == null ? "Start a new case" : "Change the case's details");
        TextField title = new TextField(existing == null ? "" : existing.title());
        title.setId("case-title");
        title.setPromptText("For example: Harassment by a former partner");
        TextField initials = new TextField(existing == null ? "" : existing.initials());
        initials.setId("case-initials");
        initials.setPrefColumnCount(4);
        initials.setPromptText("JS");
        ZoneField zone = new ZoneField("case-zone", existing == null ? defaultZone : existing.zone());
        ZoneId computer = TimeZones.computerZone();
        GridPane grid = FormGrid.grid(260);
        FormGrid.row(grid, 0, "Title", title, "A name only you need to understand.");
        FormGrid.row(grid, 1, "Initials", initials, "The initials of the person the case is about go into exhibit"
                + " references (JS/1, JS/2 …).");
        FormGrid.row(grid, 2, "Time zone", zone.field(), "The times you write down are read in this zone. This"
                + " computer's is " + computer.getId() + ", " + ZoneField.describe(computer) + ". Type to search.");
        CoverForm coverForm = cover == null ? null : new CoverForm(grid, 3, cover);
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = new ButtonType(existing == null ? "Create case" : "Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        layout.primaryButton(save, "case-save", Bindings.createStringBinding(() -> title.getText().isBlank()
                        ? "Give the case a title." : !zone.problem().get().isEmpty() ? zone.problem().get()
                        : coverForm == null ? "" : coverForm.problem(),
                coverForm == null ? new javafx.beans.Observable[] {title.textProperty(), zone.problem()}
                        : new javafx.beans.Observable[] {title.textProperty(), zone.problem(), coverForm.hearingText()}));
        dialog.setResultConverter(b -> b != save ? null : new CaseFields(title.getText(),
                initials.getText().isBlank() ? null : initials.getText(), zone.zoneProperty().get(),
                coverForm == null ? null : coverForm.value()));
        javafx.application.Platform.runLater(title::requestFocus);
        return dialog.showAndWait();
    }

    public static Optional<PersonFields> addPerson(DialogService dialogs) {
        Dialog<PersonFields> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Add a person");
        dialog.setHeaderText("Someone involved in this case");
        TextField name = new TextField();
        name.setId("person-name");
        name.setPromptText("Name or nickname");
        ComboBox<PersonRole> role = new ComboBox<>(FXCollections.observableArrayList(PersonRole.values()));
        role.setId("person-role");
        role.setValue(PersonRole.PERPETRATOR);
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PersonRole r) {
                if (r == null) {
                    return "";
                }
                return switch (r) {
                    case PERPETRATOR -> "The person doing this";
                    case WITNESS -> "A witness";
                    case THIRD_PARTY -> "Third party (passes messages on)";
                    case OTHER -> "Someone else";
                };
            }

            @Override
            public PersonRole fromString(String s) {
                return null;
            }
        });
        TextField phones = new TextField();
        phones.setId("person-phones");
        phones.setPromptText("07700 900123, +44 7700 900456");
        TextField emails = new TextField();
        emails.setId("person-emails");
        emails.setPromptText("name@example.org");
        TextField handles = new TextField();
        handles.setId("person-handles");
        handles.setPromptText("@name on Instagram, name#1234 …");
        String separate = "Separate several with commas: their messages are matched to them, and all of it counts"
                + " as one course of conduct.";
        GridPane grid = FormGrid.grid(260);
        FormGrid.row(grid, 0, "Name", name, "A name or nickname: the one you know them by.");
        FormGrid.row(grid, 1, "Who they are", role, null);
        FormGrid.row(grid, 2, "Phone numbers", phones, "Every number they use. " + separate);
        FormGrid.row(grid, 3, "E-mail addresses", emails, null);
        FormGrid.row(grid, 4, "Handles", handles, "Accounts on social media or games.");
        DialogLayout layout = DialogLayout.set(dialog, grid);
        ButtonType save = new ButtonType("Add person", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        layout.primaryButton(save, "person-save", Bindings.createStringBinding(() -> name.getText().isBlank()
                ? "Give their name or a nickname." : "", name.textProperty()));
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            List<Identifier> ids = new ArrayList<>();
            split(phones.getText()).forEach(v -> ids.add(Identifier.of(IdentifierKind.PHONE, v)));
            split(emails.getText()).forEach(v -> ids.add(Identifier.of(IdentifierKind.EMAIL, v)));
            split(handles.getText()).forEach(v -> ids.add(Identifier.of(IdentifierKind.HANDLE, v)));
            return new PersonFields(name.getText(), role.getValue(), ids);
        });
        javafx.application.Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }

    private static List<String> split(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,;]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

}
