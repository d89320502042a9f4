package org.casebook.ui.cases;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.PersonRole;
import org.casebook.ui.common.DialogService;

/** Adding or renaming a case, and adding a person with their numbers, addresses and handles. */
public final class CaseDialogs {
    private CaseDialogs() {
    }

    /** What the case form returns. */
    public record CaseFields(String title, String initials, ZoneId zone) {
    }

    /** What the person form returns. */
    public record PersonFields(String name, PersonRole role, List<Identifier> identifiers) {
    }

    /** @param existing the case to rename, or null for a new one */
    public static Optional<CaseFields> editCase(DialogService dialogs, Case existing, ZoneId defaultZone) {
        Dialog<CaseFields> dialog = new Dialog<>();
        dialogs.prepare(dialog, existing == null ? "New case" : "Rename case");
        dialog.setHeaderText(existing == null ? "Start a new case" : "Change the case's details");
        TextField title = new TextField(existing == null ? "" : existing.title());
        title.setId("case-title");
        title.setPromptText("For example: Harassment by a former partner");
        TextField initials = new TextField(existing == null ? "" : existing.initials());
        initials.setId("case-initials");
        initials.setPrefColumnCount(4);
        initials.setPromptText("JS");
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(new TreeSet<>(ZoneId.getAvailableZoneIds())));
        zone.setId("case-zone");
        zone.setEditable(true);
        zone.setValue((existing == null ? defaultZone : existing.zone()).getId());
        Label help = new Label("The initials of the person the case is about go into exhibit references (JS/1, JS/2 …).");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.setMaxWidth(420);
        GridPane grid = grid();
        grid.addRow(0, new Label("Title"), title);
        grid.addRow(1, new Label("Initials"), initials);
        grid.addRow(2, new Label("Time zone"), zone);
        grid.add(help, 1, 3);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(existing == null ? "Create case" : "Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(title.textProperty().isEmpty());
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            ZoneId chosen;
            try {
                chosen = ZoneId.of(zone.getEditor().getText().strip());
            } catch (RuntimeException e) {
                chosen = defaultZone;
            }
            return new CaseFields(title.getText(), initials.getText().isBlank() ? null : initials.getText(), chosen);
        });
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
        Label help = new Label("List every number, address and account they use, separated by commas: their"
                + " messages are matched to them, and all of it counts as one course of conduct.");
        help.getStyleClass().add("hint");
        help.setWrapText(true);
        help.setMaxWidth(420);
        GridPane grid = grid();
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Who they are"), role);
        grid.addRow(2, new Label("Phone numbers"), phones);
        grid.addRow(3, new Label("E-mail addresses"), emails);
        grid.addRow(4, new Label("Handles"), handles);
        grid.add(help, 1, 5);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType("Add person", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(name.textProperty().isEmpty());
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

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 0, 0, 0));
        return grid;
    }
}
