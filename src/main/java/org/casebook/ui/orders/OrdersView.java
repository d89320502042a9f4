package org.casebook.ui.orders;

import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.casebook.model.CourtOrder;
import org.casebook.model.OrderCondition;
import org.casebook.model.Person;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.FormGrid;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.Icons;
import org.casebook.ui.common.WrappingRows;
import org.casebook.ui.orders.OrdersViewModel.ItemLine;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Orders: the list on the left; on the right the selected order's conditions, the contacts inside its dates
 * that may have breached it (for the person to confirm or dismiss), and the breaches they confirmed.
 */
public final class OrdersView extends SplitPane {
    public OrdersView(OrdersViewModel vm, DialogService dialogs, Supplier<List<Person>> people,
                      Supplier<List<TimelineItem>> files, LongConsumer showOnTimeline) {
        setId("orders-view");
        ListView<CourtOrder> orders = new ListView<>(vm.orders());
        orders.setId("orders");
        orders.setAccessibleText("Orders");
        orders.setPlaceholder(wrapped("No orders recorded yet — add one when a court or the police gives you"
                + " conditions. Contact after it was made can then be checked against it."));
        WrappingRows.apply(orders, o -> o.kind().label() + "\nmade " + Formats.day(o.made())
                + (o.expires() == null ? ", until further order" : ", ends " + Formats.day(o.expires()))
                + (o.served() == null ? "" : "\nserved " + Formats.day(o.served()))
                + (o.issuer() == null ? "" : "\n" + o.issuer()));
        orders.getSelectionModel().selectedItemProperty().addListener((o, a, order) -> {
            if (order != null && order != vm.selectedProperty().get()) {
                vm.selectedProperty().set(order);
            }
        });
        vm.selectedProperty().addListener((o, a, order) -> orders.getSelectionModel().select(order));
        VBox.setVgrow(orders, Priority.ALWAYS);
        Button add = new Button("Record an order", Icons.of(MaterialDesignP.PLUS, 16));
        add.setId("add-order");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> OrderDialog.show(dialogs, null, people.get(), files.get()).ifPresent(vm::add));
        Button edit = new Button("Edit", Icons.of(MaterialDesignP.PENCIL_OUTLINE, 16));
        edit.setId("edit-order");
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> {
            CourtOrder order = vm.selectedProperty().get();
            OrderDialog.show(dialogs, order, people.get(), files.get()).ifPresent(d -> vm.edit(order, d));
        });
        Label title = new Label("ORDERS AND BAIL CONDITIONS");
        title.getStyleClass().add("section-title");
        VBox left = new VBox(8, title, orders, new HBox(6, add, edit));
        left.getStyleClass().add("section-pane");

        Label heading = new Label();
        heading.getStyleClass().add("detail-title");
        heading.setWrapText(true);
        Label details = new Label();
        details.setId("order-details");
        details.setWrapText(true);
        // Never squeezed to "Conditions: …" by the lists below: the conditions are what the user decides against.
        details.setMinHeight(Region.USE_PREF_SIZE);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        vm.selectedProperty().addListener((o, a, order) -> {
            heading.setText(order == null ? "" : order.kind().label());
            details.setText(order == null ? "" : describe(order));
        });

        Label suggestionsTitle = new Label("POSSIBLE BREACHES TO DECIDE ON");
        suggestionsTitle.getStyleClass().add("section-title");
        Label suggestionSummary = wrapped("");
        suggestionSummary.getStyleClass().add("hint");
        suggestionSummary.textProperty().bind(vm.suggestionSummaryProperty());
        ListView<ItemLine> suggestions = lines(vm.suggestions(), "order-suggestions", false);
        suggestions.setAccessibleText("Possible breaches to decide on");
        ComboBox<OrderCondition> condition = new ComboBox<>();
        condition.setId("breach-condition");
        condition.setAccessibleText("Which condition it breached");
        condition.setConverter(FormGrid.converter(c -> c == null ? "" : c.position() + ". " + c.text()));
        condition.setMaxWidth(360);
        vm.selectedProperty().addListener((o, a, order) -> {
            condition.setItems(FXCollections.observableArrayList(order == null ? List.of() : order.conditions()));
            condition.getSelectionModel().selectFirst();
        });
        Button confirm = new Button("Confirm as a breach", Icons.of(MaterialDesignC.CHECK, 16));
        confirm.setId("confirm-breach");
        Button dismiss = new Button("Not a breach", Icons.of(MaterialDesignC.CLOSE, 16));
        dismiss.setId("dismiss-breach");
        Button show = new Button("Show on the timeline", Icons.of(MaterialDesignE.EYE_OUTLINE, 16));
        show.setId("suggestion-show");
        var noSuggestion = suggestions.getSelectionModel().selectedItemProperty().isNull();
        confirm.disableProperty().bind(noSuggestion.or(condition.valueProperty().isNull()));
        dismiss.disableProperty().bind(noSuggestion);
        show.disableProperty().bind(noSuggestion);
        confirm.setOnAction(e -> vm.confirm(suggestions.getSelectionModel().getSelectedItem(), condition.getValue()));
        dismiss.setOnAction(e -> vm.dismiss(suggestions.getSelectionModel().getSelectedItem(),
                vm.selectedProperty().get()));
        show.setOnAction(e -> showOnTimeline.accept(suggestions.getSelectionModel().getSelectedItem().itemId()));
        Label conditionLabel = new Label("Breach of condition:");
        conditionLabel.setLabelFor(condition);
        conditionLabel.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : List.of(confirm, dismiss, show)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // wraps to a second row rather than shrinking to "N…"
        }
        HBox chooseCondition = new HBox(8, conditionLabel, condition);
        chooseCondition.setAlignment(Pos.CENTER_LEFT);
        FlowPane decide = new FlowPane(8, 6, chooseCondition, confirm, dismiss, show);
        decide.setAlignment(Pos.CENTER_LEFT);

        Label breachesTitle = new Label("CONFIRMED BREACHES");
        breachesTitle.getStyleClass().add("section-title");
        ListView<ItemLine> breaches = lines(vm.breaches(), "order-breaches", true);
        breaches.setAccessibleText("Confirmed breaches: choose one to see it on the timeline");
        breaches.setOnMouseClicked(e -> {
            ItemLine line = breaches.getSelectionModel().getSelectedItem();
            if (line != null) {
                showOnTimeline.accept(line.itemId());
            }
        });
        breaches.setOnKeyPressed(e -> {
            ItemLine line = breaches.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && line != null) {
                showOnTimeline.accept(line.itemId());
            }
        });
        Label breachHint = wrapped("Click a breach to see it on the timeline.");
        breachHint.getStyleClass().add("hint");
        VBox.setVgrow(suggestions, Priority.ALWAYS);
        VBox.setVgrow(breaches, Priority.ALWAYS);
        VBox right = new VBox(8, heading, details, suggestionsTitle, suggestionSummary, suggestions, decide,
                breachesTitle, breachHint, breaches);
        right.getStyleClass().add("section-pane");
        right.visibleProperty().bind(vm.selectedProperty().isNotNull());
        getItems().addAll(left, right);
        setDividerPositions(0.3);
    }

    private static ListView<ItemLine> lines(javafx.collections.ObservableList<ItemLine> items, String id,
                                            boolean withCondition) {
        ListView<ItemLine> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(200);
        WrappingRows.apply(list, line -> line.text() + (withCondition && line.condition() != null
                ? "\nBreach of: " + line.condition().text() : ""));
        return list;
    }

    private static String describe(CourtOrder o) {
        StringBuilder text = new StringBuilder();
        text.append("Made ").append(Formats.day(o.made()))
                .append(o.issuer() == null ? "" : " by " + o.issuer())
                .append(o.expires() == null ? ", until further order" : ", ends " + Formats.day(o.expires()))
                .append(o.reference() == null ? "" : ". Reference " + o.reference()).append('.');
        text.append(o.served() == null ? "\nWhen it was served is not recorded: contact is checked from the day it was made."
                : "\nServed " + Formats.day(o.served()) + (o.servedHow() == null ? "" : " (" + o.servedHow() + ")")
                + ": contact is checked from that day.");
        if (o.documentItemId() != null) {
            text.append("\nThe order itself is attached to the case and goes into the bundle as an exhibit.");
        }
        text.append("\nConditions:");
        for (OrderCondition c : o.conditions()) {
            text.append("\n  ").append(c.position()).append(". ").append(c.text());
        }
        if (o.notes() != null) {
            text.append("\nNotes: ").append(o.notes());
        }
        return text.toString();
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
