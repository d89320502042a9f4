package org.casebook.ui.bundle;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.casebook.evidence.VisibleText;
import org.casebook.bundle.BundleProfile;
import org.casebook.bundle.BundleResult;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.Icons;
import org.casebook.ui.common.UkDates;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * Create bundle: the choices, each with a line of guidance beside it (as in the diary form), then Save as…,
 * progress with the stage and Cancel, and on success a summary with Open bundle and Show in folder. Closing the
 * dialog (or a lock or quick exit, which hides it) stops the build and forgets what was typed.
 */
public final class BundleDialog {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private BundleDialog() {
    }

    /**
     * @param showDocument opens a file or folder in the computer's default app; false when it cannot
     */
    public static Dialog<Void> show(DialogService dialogs, BundleDialogViewModel vm, Predicate<Path> showDocument) {
        Dialog<Void> dialog = new Dialog<>();
        dialogs.prepare(dialog, "Create bundle");
        dialog.setHeaderText("Make the evidence bundle for " + vm.aCase().title());

        GridPane form = form(vm);
        form.disableProperty().bind(vm.busyProperty());
        VBox content = new VBox(10, form);
        content.setPadding(new Insets(4, 0, 0, 0));
        // The form scrolls on a small screen; what is happening (progress, a failure, why the button is not
        // ready) stays in view by the buttons, where the person is looking after pressing one.
        DialogLayout layout = DialogLayout.set(dialog, content);

        Label stage = new Label();
        stage.setId("bundle-stage");
        stage.setWrapText(true);
        stage.textProperty().bind(vm.stageProperty());
        ProgressBar progress = new ProgressBar(-1);
        progress.setId("bundle-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        vm.jobProperty().addListener((o, old, task) -> {
            progress.progressProperty().unbind();
            if (task != null) {
                progress.progressProperty().bind(task.progressProperty());
            }
        });
        VBox working = new VBox(6, stage, progress);
        working.setId("bundle-working");
        working.visibleProperty().bind(vm.busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        layout.addStatus(working);
        layout.errorLine("bundle-error", Bindings.when(vm.busyProperty()).then("").otherwise(vm.errorProperty()));

        ButtonType create = new ButtonType("Save as and create…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(create, ButtonType.CANCEL);
        Button createButton = layout.primaryButton(create, "bundle-create", "bundle-problem", vm.problemProperty(),
                vm.busyProperty());
        // Enter commits a typed date or adds a redaction; it must not start a build halfway through the form.
        createButton.setDefaultButton(false);
        createButton.setGraphic(Icons.of(MaterialDesignF.FILE_PDF_BOX, 18));
        createButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            dialogs.chooseSaveFile("Save the bundle as", BundleDialogViewModel.suggestedFolder(),
                    vm.suggestedFileName(), new FileChooser.ExtensionFilter("PDF documents (*.pdf)", "*.pdf"))
                    .ifPresent(vm::build);
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("bundle-cancel");
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.busyProperty().get()) {
                e.consume(); // stop the build, keep the form to try again
                vm.cancel();
            }
        });

        vm.resultProperty().addListener((o, old, result) -> {
            if (result != null) {
                dialog.setHeaderText("The bundle is ready");
                layout.setBody(resultPane(result, showDocument));
                dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
                dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setId("bundle-close");
            }
        });
        dialog.setOnHidden(e -> vm.clear());
        dialog.show();
        return dialog;
    }

    private static GridPane form(BundleDialogViewModel vm) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(14);
        grid.setVgap(11);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints(400, 460, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints guidance = new ColumnConstraints(240, 260, 320);
        grid.getColumnConstraints().setAll(labels, fields, guidance);
        int row = 0;

        // The three profiles side by side, each with its sentence, across the field and guidance columns.
        ToggleGroup profiles = new ToggleGroup();
        HBox profileBox = new HBox(16);
        for (BundleProfile p : BundleProfile.values()) {
            RadioButton choice = new RadioButton(BundleDialogViewModel.label(p));
            choice.setId("bundle-profile-" + p.code());
            choice.setToggleGroup(profiles);
            choice.setUserData(p);
            choice.setSelected(vm.profileProperty().get() == p);
            Label what = new Label(BundleDialogViewModel.describe(p));
            what.getStyleClass().add("hint");
            what.setWrapText(true);
            what.setPadding(new Insets(0, 0, 0, 26));
            choice.setAccessibleHelp(what.getText());
            VBox card = new VBox(2, choice, what);
            card.setPrefWidth(0);
            HBox.setHgrow(card, Priority.ALWAYS);
            profileBox.getChildren().add(card);
        }
        profiles.selectedToggleProperty().addListener((o, old, t) -> {
            if (t != null) {
                vm.profileProperty().set((BundleProfile) t.getUserData());
            }
        });
        Label forWhom = new Label("Who it is for");
        forWhom.setLabelFor(profileBox);
        forWhom.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(forWhom, javafx.geometry.VPos.TOP);
        grid.add(forWhom, 0, row);
        grid.add(profileBox, 1, row++, 2, 1);
        // right under the choice that raises it: a family bundle that would show the witness's address
        grid.add(redactionWarning(vm), 1, row++, 2, 1);

        DatePicker from = datePicker("bundle-from", "From", vm.firstDay());
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("bundle-to", "To", vm.lastDay());
        to.valueProperty().bindBidirectional(vm.toProperty());
        HBox period = new HBox(8, from, new Label("to"), to);
        period.setAlignment(Pos.CENTER_LEFT);
        String whole = vm.firstDay() == null ? "Leave both empty for the whole case."
                : "Leave both empty for the whole case (" + DAY.format(vm.firstDay()) + " to "
                + DAY.format(vm.lastDay()) + ").";
        row(grid, row++, "Period", period, whole + " Both days are included.");

        FlowPane kinds = new FlowPane(14, 8);
        for (BundleDialogViewModel.KindChoice k : vm.kinds()) {
            CheckBox box = new CheckBox(k.label());
            box.setId("bundle-kind-" + k.kind().code());
            box.selectedProperty().bindBidirectional(k.includedProperty());
            kinds.getChildren().add(box);
        }
        row(grid, row++, "What to include", kinds, "Everything ticked that falls in the period goes in, each"
                + " original as an exhibit.");

        ToggleGroup which = new ToggleGroup();
        RadioButton all = new RadioButton("Everything in the period");
        all.setId("bundle-items-all");
        all.setToggleGroup(which);
        all.setSelected(true);
        int count = vm.timelineSelectionCount();
        RadioButton selected = new RadioButton(count == 0 ? "Only items selected on the timeline (none selected)"
                : count == 1 ? "Only the item selected on the timeline"
                : "Only the " + count + " items selected on the timeline");
        selected.setId("bundle-items-selected");
        selected.setToggleGroup(which);
        selected.setDisable(count == 0);
        vm.onlySelectedProperty().bind(selected.selectedProperty());
        row(grid, row++, "Which items", new VBox(6, all, selected), "To pick items, close this, select them on"
                + " the timeline with Ctrl+click, and open it again.");

        TextField prefix = new TextField();
        prefix.setId("bundle-prefix");
        prefix.setPrefColumnCount(8);
        prefix.setMaxWidth(Region.USE_PREF_SIZE);
        prefix.textProperty().bindBidirectional(vm.exhibitPrefixProperty());
        Label numbering = new Label();
        numbering.getStyleClass().add("guidance");
        numbering.setWrapText(true);
        numbering.textProperty().bind(Bindings.createStringBinding(() -> {
            String p = vm.exhibitPrefixProperty().get() == null ? "" : vm.exhibitPrefixProperty().get().strip();
            return "Exhibits will be numbered " + p + "/1, " + p + "/2 … Usually the initials of the person making"
                    + " the statement.";
        }, vm.exhibitPrefixProperty()));
        row(grid, row++, "Exhibit prefix", prefix, numbering);

        row(grid, row++, "Order and sections", ExhibitOrderEditor.of(vm), "Without arranging, exhibits follow in date"
                + " order (in a family bundle, the orders' own documents first, as FPR PD27A asks). Arrange them to"
                + " drag each to its place and to add sections of your own; the marks follow the new order.");

        row(grid, row++, "Redactions", redactions(vm), notice("Removed everywhere it appears, however it is spaced or"
                + " written, and shown as [redacted]. Photos travel without their location and device details;"
                + " originals that hold a redacted text are left out. The cover will say \u201CRedacted copy\u201D."));

        TextField preparedBy = new TextField();
        preparedBy.setId("bundle-prepared-by");
        preparedBy.setPromptText("the witness");
        preparedBy.textProperty().bindBidirectional(vm.preparedByProperty());
        row(grid, row++, "Prepared by", preparedBy, "Your name, or your advocate's or solicitor's. It is printed"
                + " on the cover.");

        TextField timeStamp = new TextField();
        timeStamp.setId("bundle-tsa");
        timeStamp.setPromptText("none (nothing is sent over the internet)");
        timeStamp.textProperty().bindBidirectional(vm.timeStampUrlProperty());
        row(grid, row++, "Time-stamp from", timeStamp, "Optional: the web address of a time-stamping authority"
                + " (RFC 3161), e.g. one your solicitor or police force uses. It certifies when the bundle was signed;"
                + " only a fingerprint of the signature is sent. Every bundle is signed in any case, so any later"
                + " change to it shows.");
        return grid;
    }

    private static VBox redactions(BundleDialogViewModel vm) {
        TextField text = new TextField();
        text.setId("bundle-redaction-text");
        text.setPromptText("e.g. a new address or phone number");
        text.textProperty().bindBidirectional(vm.newRedactionProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Label refused = new Label();
        refused.setId("bundle-redaction-problem");
        refused.getStyleClass().add("warning-text");
        refused.setWrapText(true);
        refused.managedProperty().bind(refused.textProperty().isNotEmpty());
        Button add = new Button("Add", Icons.of(MaterialDesignM.MINUS_BOX_OUTLINE, 16));
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setId("bundle-redaction-add");
        add.disableProperty().bind(vm.newRedactionProperty().isEmpty());
        add.setOnAction(e -> refused.setText(vm.addRedaction()));
        text.setOnAction(e -> {
            e.consume(); // Enter adds the text; it must not also press the dialog's default button
            add.fire();
        });
        text.textProperty().addListener((o, old, now) -> refused.setText(""));
        ListView<String> list = new ListView<>(vm.redactions());
        list.setId("bundle-redactions");
        list.setPrefHeight(84);
        list.setPlaceholder(new Label("Nothing redacted: the bundle shows everything."));
        Button remove = new Button("Remove", Icons.of(MaterialDesignM.MINUS, 16));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setId("bundle-redaction-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.redactions().remove(list.getSelectionModel().getSelectedItem()));
        HBox entry = new HBox(8, text, add, remove);
        entry.setAlignment(Pos.CENTER_LEFT);
        Label knownText = new Label();
        knownText.setId("bundle-known");
        knownText.getStyleClass().add("hint");
        knownText.setWrapText(true);
        knownText.textProperty().bind(vm.knownNotRedactedProperty());
        Button addKnown = new Button("Redact these", Icons.of(MaterialDesignM.MINUS_BOX_OUTLINE, 16));
        addKnown.setId("bundle-add-known");
        addKnown.setMinWidth(Region.USE_PREF_SIZE);
        addKnown.setOnAction(e -> vm.redactKnown());
        HBox.setHgrow(knownText, Priority.ALWAYS);
        HBox known = new HBox(8, knownText, addKnown);
        known.setAlignment(Pos.CENTER_LEFT);
        known.visibleProperty().bind(vm.knownNotRedactedProperty().isNotEmpty());
        known.managedProperty().bind(known.visibleProperty());
        return new VBox(6, entry, refused, list, known);
    }

    /** The warning a family bundle gets when it would show what the case knows of the witness, with its fix. */
    private static Node redactionWarning(BundleDialogViewModel vm) {
        Label text = new Label();
        text.setId("bundle-redaction-warning-text");
        text.getStyleClass().add("warning-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.redactionWarningProperty());
        Button fix = new Button("Redact these", Icons.of(MaterialDesignM.MINUS_BOX_OUTLINE, 16));
        fix.setId("bundle-redact-known");
        fix.getStyleClass().add("accent");
        fix.setMinWidth(Region.USE_PREF_SIZE);
        fix.setOnAction(e -> vm.redactKnown());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(10, Icons.of(MaterialDesignA.ALERT_OUTLINE, 20), text, fix);
        box.setId("bundle-redaction-warning");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.redactionWarningProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node resultPane(BundleResult result, Predicate<Path> showDocument) {
        Label saved = new Label("Saved as " + result.file());
        saved.setId("bundle-saved");
        saved.setWrapText(true);
        VBox box = new VBox(10, saved);
        for (String line : BundleDialogViewModel.summary(result)) {
            Label l = new Label(line);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        if (!result.warnings().isEmpty()) {
            Label title = new Label("PLEASE CHECK BEFORE YOU SEND IT");
            title.getStyleClass().add("section-title");
            VBox warnings = new VBox(6);
            warnings.setId("bundle-warnings");
            for (String w : result.warnings()) {
                Label l = new Label("• " + VisibleText.line(w));
                l.setWrapText(true);
                warnings.getChildren().add(l);
            }
            box.getChildren().addAll(title, warnings);
        }
        Label couldNot = new Label();
        couldNot.setId("bundle-open-problem");
        couldNot.getStyleClass().add("warning-text");
        couldNot.setWrapText(true);
        couldNot.managedProperty().bind(couldNot.textProperty().isNotEmpty());
        Button open = new Button("Open bundle", Icons.of(MaterialDesignF.FILE_PDF_BOX, 18));
        open.setId("bundle-open");
        open.getStyleClass().add("accent");
        open.setOnAction(e -> couldNot.setText(showDocument.test(result.file()) ? ""
                : "Casebook cannot open files on this computer. Open it from " + result.file() + "."));
        Button folder = new Button("Show in folder", Icons.of(MaterialDesignF.FOLDER_OPEN_OUTLINE, 18));
        folder.setId("bundle-show-folder");
        folder.setOnAction(e -> couldNot.setText(showDocument.test(result.file().getParent()) ? ""
                : "Casebook cannot open folders on this computer. The bundle is in " + result.file().getParent()
                + "."));
        HBox actions = new HBox(10, open, folder);
        box.getChildren().addAll(actions, couldNot);
        box.setPrefWidth(620);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    private static DatePicker datePicker(String id, String name, LocalDate hint) {
        DatePicker picker = UkDates.picker(new DatePicker());
        picker.setId(id);
        picker.setPrefWidth(150);
        picker.setPromptText(hint == null ? name : DAY.format(hint));
        picker.setAccessibleText(name + " date");
        return picker;
    }

    private static Label notice(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("notice");
        return l;
    }

    private static void row(GridPane grid, int row, String name, Node field, String help) {
        Label guidance = new Label(help);
        guidance.getStyleClass().add("guidance");
        row(grid, row, name, field, guidance);
    }

    private static void row(GridPane grid, int row, String name, Node field, Label guidance) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        guidance.setWrapText(true);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        GridPane.setValignment(guidance, javafx.geometry.VPos.TOP);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(guidance, 2, row);
        if (field instanceof javafx.scene.control.Control control) {
            control.setAccessibleHelp(guidance.getText());
        }
    }
}
