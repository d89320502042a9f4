package org.casebook.ui.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.UkDates;
import org.casebook.model.CourtOrder;
import org.casebook.model.OrderCondition;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.Person;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Recording or editing an order: its kind, who made it, its dates, whom it is against and each condition. */
public final class OrderDialog {
    private OrderDialog() {
    }

    public static Optional<OrderDraft> show(DialogService dialogs, CourtOrder existing, List<Person> people) {
        return show(dialogs, existing, people, List.of());
    }

    /** With the case's attached files to choose the order's own document from. */
    public static Optional<OrderDraft> show(DialogService dialogs, CourtOrder existing, List<Person> people,
                                            List<TimelineItem> files) {
        Dialog<OrderDraft> dialog = new Dialog<>();
        boolean editing = existing != null;
        dialogs.prepare(dialog, editing ? "Edit order" : "Record an order");
        dialog.setHeaderText(editing ? "Edit this order — the previous details are kept in the vault's record"
                : "An order or bail conditions protecting you");

        ComboBox<OrderKind> kind = new ComboBox<>(FXCollections.observableArrayList(OrderKind.values()));
        kind.setId("order-kind");
        kind.setConverter(FormGrid.converter(k -> k == null ? "" : k.label()));
        TextField issuer = new TextField();
        issuer.setId("order-issuer");
        issuer.setPromptText("e.g. Anytown Magistrates' Court, or the police for bail");
        TextField reference = new TextField();
        reference.setId("order-reference");
        DatePicker made = UkDates.picker(new DatePicker());
        made.setId("order-made");
        made.setAccessibleText("Date the order was made");
        DatePicker expires = UkDates.picker(new DatePicker());
        expires.setId("order-expires");
        expires.setAccessibleText("Date the order ends");
        CheckBox untilFurther = new CheckBox("Until further order");
        untilFurther.setId("order-until-further");
        untilFurther.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the date field gives way, not the words
        expires.disableProperty().bind(untilFurther.selectedProperty());
        HBox dates = new HBox(10, expires, untilFurther);
        dates.setAlignment(Pos.CENTER_LEFT);

        ObservableList<Person> choices = FXCollections.observableArrayList();
        choices.add(null);
        choices.addAll(people);
        ComboBox<Person> against = new ComboBox<>(choices);
        against.setId("order-against");
        against.setConverter(FormGrid.converter(p -> p == null ? "Not recorded" : p.name()));

        DatePicker served = UkDates.picker(new DatePicker());
        served.setId("order-served");
        served.setAccessibleText("Date the order was served");
        TextField servedHow = new TextField();
        servedHow.setId("order-served-how");
        servedHow.setPromptText("e.g. handed to him by PC 1234 Smith, or read out to him in court");
        ObservableList<TimelineItem> documents = FXCollections.observableArrayList();
        documents.add(null);
        documents.addAll(files);
        ComboBox<TimelineItem> document = new ComboBox<>(documents);
        document.setId("order-document");
        document.setMaxWidth(Double.MAX_VALUE);
        document.setConverter(FormGrid.converter(f -> f == null ? "None attached" : ItemLookup.describe(f)));

        VBox conditionRows = new VBox(6);
        conditionRows.setId("order-conditions");
        Button addCondition = new Button("Add a condition", Icons.of(MaterialDesignP.PLUS, 16));
        addCondition.setId("order-add-condition");
        addCondition.setOnAction(e -> addConditionRow(conditionRows, "").requestFocus());
        VBox conditions = new VBox(6, conditionRows, addCondition);
        TextArea notes = FormGrid.area("order-notes", 3);

        if (editing) {
            kind.setValue(existing.kind());
            issuer.setText(FormGrid.orEmpty(existing.issuer()));
            reference.setText(FormGrid.orEmpty(existing.reference()));
            made.setValue(existing.made());
            expires.setValue(existing.expires());
            untilFurther.setSelected(existing.expires() == null);
            against.setValue(people.stream().filter(p -> existing.againstPersonId() != null
                    && p.id() == existing.againstPersonId()).findFirst().orElse(null));
            for (OrderCondition c : existing.conditions()) {
                addConditionRow(conditionRows, c.text());
            }
            notes.setText(FormGrid.orEmpty(existing.notes()));
            served.setValue(existing.served());
            servedHow.setText(FormGrid.orEmpty(existing.servedHow()));
            document.setValue(files.stream().filter(f -> existing.documentItemId() != null
                    && f.id() == existing.documentItemId()).findFirst().orElse(null));
        } else {
            kind.setValue(OrderKind.RESTRAINING_ORDER);
            against.setValue(people.stream().filter(p -> p.role() == org.casebook.model.PersonRole.PERPETRATOR)
                    .findFirst().orElse(null));
            addConditionRow(conditionRows, "");
            addConditionRow(conditionRows, "");
        }

        GridPane grid = FormGrid.grid(380);
        int row = 0;
        FormGrid.row(grid, row++, "Kind of order", kind, "As written at the top of the order or the bail sheet.");
        FormGrid.row(grid, row++, "Made by", issuer, "The court, or the police station for bail conditions.");
        FormGrid.row(grid, row++, "Reference", reference, "The case or claim number on the order, if it has one.");
        FormGrid.row(grid, row++, "Date made", made, "The day the order was made (or bail was given).");
        FormGrid.row(grid, row++, "Ends", dates, "The end date on the order. Some orders last \"until further order\".");
        FormGrid.row(grid, row++, "Against", against, "The person the order is against. Their messages and calls"
                + " inside the order's dates are suggested as possible breaches.");
        FormGrid.row(grid, row++, "Served on", served, "The day he was given the order or told of it. A breach needs"
                + " him to know of the order, so contact is checked from this day. Leave empty if you do not know.");
        FormGrid.row(grid, row++, "How it was served", servedHow, "Who served it and how, if you know.");
        FormGrid.row(grid, row++, "The order itself", document, "Attach a copy of the order to the case first; the"
                + " bundle then includes it as an exhibit.");
        FormGrid.row(grid, row++, "Conditions", conditions, "One condition per line, in the order's own words, e.g."
                + " \"Not to contact directly or indirectly\", \"Not to enter Hill Road\".");
        FormGrid.row(grid, row++, "Notes", notes, "Anything else: variations, who served it, when it was explained.");
        DialogLayout layout = DialogLayout.set(dialog, grid);

        StringBinding missing = Bindings.createStringBinding(() -> problem(kind.getValue(), made.getValue(),
                        untilFurther.isSelected() ? null : expires.getValue(), texts(conditionRows), served.getValue(),
                        servedHow.getText()),
                kind.valueProperty(), made.valueProperty(), expires.valueProperty(), untilFurther.selectedProperty(),
                conditionRows.getChildren(), served.valueProperty(), servedHow.textProperty());
        // Typing in a condition changes no property the binding watches: re-check on every key.
        conditionRows.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> missing.invalidate());
        ButtonType save = FormGrid.saveButton(dialog, layout, editing ? "Save changes" : "Save order", "order-save",
                "order-problem", missing);
        dialog.setResultConverter(b -> b != save ? null : new OrderDraft(kind.getValue(), issuer.getText(),
                reference.getText(), made.getValue(), untilFurther.isSelected() ? null : expires.getValue(),
                against.getValue() == null ? null : against.getValue().id(), notes.getText(), texts(conditionRows),
                served.getValue(), servedHow.getText(), document.getValue() == null ? null : document.getValue().id()));
        Platform.runLater(issuer::requestFocus);
        return dialog.showAndWait();
    }

    /** What still stops the order from being saved, in words, or "" when it can be. */
    static String problem(OrderKind kind, LocalDate made, LocalDate expires, List<String> conditions, LocalDate served,
                          String servedHow) {
        if (kind == null) {
            return "Choose the kind of order.";
        }
        if (made == null) {
            return "Give the date the order was made.";
        }
        if (expires != null && expires.isBefore(made)) {
            return "The end date is before the date the order was made.";
        }
        if (conditions.isEmpty()) {
            return "Write at least one condition.";
        }
        if (served != null && served.isBefore(made)) {
            return "The day it was served is before the day it was made.";
        }
        if (served != null && expires != null && served.isAfter(expires)) {
            return "The day it was served is after the order ended.";
        }
        if (served == null && servedHow != null && !servedHow.isBlank()) {
            return "Give the day it was served too.";
        }
        return "";
    }

    private static TextField addConditionRow(VBox rows, String text) {
        TextField field = new TextField(text);
        int number = rows.getChildren().size() + 1;
        field.setId("order-condition-" + number);
        field.setPromptText("Condition " + number);
        field.setAccessibleText("Condition " + number);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button remove = new Button(null, Icons.of(MaterialDesignC.CLOSE, 14));
        remove.setAccessibleText("Remove condition " + number);
        remove.getStyleClass().add("flat");
        HBox row = new HBox(6, field, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        remove.setOnAction(e -> rows.getChildren().remove(row));
        rows.getChildren().add(row);
        return field;
    }

    private static List<String> texts(VBox rows) {
        List<String> out = new ArrayList<>();
        rows.getChildren().forEach(n -> {
            String text = ((TextField) ((HBox) n).getChildren().get(0)).getText();
            if (text != null && !text.isBlank()) {
                out.add(text.strip());
            }
        });
        return out;
    }
}
