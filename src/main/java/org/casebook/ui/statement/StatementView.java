package org.casebook.ui.statement;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.casebook.statement.StatementProfile;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.UkDates;

/**
 * The witness statement editor: who the witness is, the statement's date (left empty to date it by hand when
 * signing), and the wording as paragraphs separated by a blank line, numbered when printed. Below it, what the
 * wording still lacks: exhibits it does not produce, places in square brackets to fill in.
 */
public final class StatementView extends VBox {
    public StatementView(StatementViewModel vm, DialogService dialogs) {
        setId("statement-view");
        setSpacing(8);
        setPadding(new Insets(12));

        ChoiceBox<StatementProfile> profile = new ChoiceBox<>();
        profile.setId("statement-profile");
        profile.getItems().setAll(StatementProfile.values());
        profile.setConverter(new StringConverter<>() {
            @Override
            public String toString(StatementProfile p) {
                return p == null ? "" : switch (p) {
                    case POLICE -> "Police (MG11 witness statement)";
                    case FAMILY -> "Family court statement";
                    case CIVIL -> "Civil court statement (CPR PD32)";
                };
            }

            @Override
            public StatementProfile fromString(String s) {
                return null;
            }
        });
        profile.valueProperty().bindBidirectional(vm.profileProperty());

        TextField witness = field("statement-witness", "Your full name", vm.witnessProperty());
        TextField occupation = field("statement-occupation", "Your occupation", vm.occupationProperty());
        DatePicker dated = UkDates.picker(new DatePicker());
        dated.setId("statement-dated");
        dated.setPromptText("Date (blank: date it by hand)");
        dated.valueProperty().bindBidirectional(vm.datedProperty());
        HBox who = new HBox(8, new Label("For:"), profile, witness, occupation, dated);
        who.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(witness, Priority.ALWAYS);

        TextField relationship = field("statement-relationship", "How you know the person (used in a fresh draft)",
                vm.relationshipProperty());

        Label status = new Label();
        status.setId("statement-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        TextArea text = new TextArea();
        text.setId("statement-text");
        text.setWrapText(true);
        text.setAccessibleText("Statement wording: one paragraph per block, a blank line between paragraphs");
        text.textProperty().bindBidirectional(vm.textProperty());
        VBox.setVgrow(text, Priority.ALWAYS);

        ListView<String> warnings = new ListView<>(vm.warnings());
        warnings.setId("statement-warnings");
        warnings.setPrefHeight(90);
        warnings.setPlaceholder(new Label("Every exhibit is produced and nothing is left to fill in."));

        Button save = new Button("Save my wording");
        save.setId("statement-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        Button fresh = new Button("Start again from a fresh draft");
        fresh.setId("statement-redraft");
        fresh.setOnAction(e -> {
            if (dialogs.confirm("Start again", "Replace the wording in the editor with Casebook's latest draft? Your"
                    + " saved wording stays in the vault until you save this one.", "Use the fresh draft")) {
                vm.freshDraft();
            }
        });
        Button pdf = new Button("Write PDF…");
        pdf.setId("statement-pdf");
        pdf.setOnAction(e -> {
            if (vm.hasUnsavedChanges()) {
                dialogs.showInfo("Save first", "Save your wording first: the PDF is written from what is saved.");
                return;
            }
            dialogs.chooseSaveFile("Write the statement", Path.of(System.getProperty("user.home")),
                    "witness-statement.pdf", new FileChooser.ExtensionFilter("PDF", "*.pdf"))
                    .ifPresent(out -> vm.writePdf(out, written -> dialogs.showInfo("Statement written",
                            "Wrote " + written.file().getFileName() + " (" + written.pages() + " pages).")));
        });
        Button docx = new Button("Editable copy (Word)…");
        docx.setId("statement-docx");
        docx.setOnAction(e -> writeEditable(vm, dialogs));
        HBox actions = new HBox(8, save, fresh, pdf, docx);
        for (var n : new javafx.scene.Node[] {save, fresh, pdf, docx, text}) {
            n.disableProperty().bind(vm.busyProperty());
        }
        getChildren().addAll(who, relationship, status, text, warnings, actions);
    }

    /**
     * An explicit export: the copy leaves the vault unencrypted, and what is changed in it is not recorded in
     * Casebook, so the person is told both before choosing where it goes.
     */
    private static void writeEditable(StatementViewModel vm, DialogService dialogs) {
        if (vm.hasUnsavedChanges()) {
            dialogs.showInfo("Save first", "Save your wording first: the copy is written from what is saved.");
            return;
        }
        if (!dialogs.confirm("Write an editable copy?", "Casebook writes the statement as a Word document that"
                + " Word, LibreOffice or Google Docs can open and change. The copy is not encrypted: anyone who can"
                + " get into the folder you choose can read it. Keep it somewhere safe and delete it when you no"
                + " longer need it.\n\nChanges you make in the copy are not recorded in Casebook. To keep your"
                + " wording's history, paste the changed wording back here and save it.", "Write the copy")) {
            return;
        }
        dialogs.chooseSaveFile("Write an editable copy of the statement", Path.of(System.getProperty("user.home")),
                "witness-statement.docx", new FileChooser.ExtensionFilter("Word document", "*.docx"))
                .ifPresent(out -> vm.writeEditable(out, written -> dialogs.showInfo("Editable copy written",
                        "Wrote " + written.getFileName() + ". It is not encrypted: delete it when you no longer"
                                + " need it.")));
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setAccessibleText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
