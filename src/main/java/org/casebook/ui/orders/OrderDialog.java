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
        FormGrid.row(grid, row++, "Conditions", conditions, "One condition per line, in the order's own words, e.g."
                + " \"Not to contact directly or indirectly\", \"Not to enter Hill Road\".");
        FormGrid.row(grid, row++, "Notes", notes, "Anything else: variations, who served it, when it was explained.");
        DialogLayout layout = DialogLayout.set(dialog, grid);

        StringBinding missing = Bindings.createStringBinding(() -> problem(kind.getValue(), made.getValue(),
                        untilFurther.isSelected() ? null : expires.getValue(), texts(conditionRows)),
                kind.valueProperty(), made.valueProperty(), expires.valueProperty(), untilFurther.selectedProperty(),
                conditionRows.getChildren());
        // Typing in a condition changes no property the binding watches: re-check on every key.
        conditionRows.addEventFilter(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> missing.invalidate());
        ButtonType save = FormGrid.saveButton(dialog, layout, editing ? "Save changes" : "Save order", "order-save",
                "order-problem", missing);
        dialog.setResultConverter(b -> b != save ? null : new OrderDraft(kind.getValue(), issuer.getText(),
                reference.getText(), made.getValue(), untilFurther.isSelected() ? null : expires.getValue(),
                against.getValue() == null ? null : against.getValue().id(), notes.getText(), texts(conditionRows)));
        Platform.runLater(issuer::requestFocus);
        return dialog.showAndWait();
    }

    /** What still stops the order from being saved, in words, or "" when it can be. */
    static String problem(OrderKind kind, LocalDate made, LocalDate expires, List<String> conditions) {
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
