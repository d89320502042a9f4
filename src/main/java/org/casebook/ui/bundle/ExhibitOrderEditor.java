package org.casebook.ui.bundle;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.casebook.ui.common.Icons;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The bundle dialog's "Order and sections": one list of section titles and exhibits, rearranged by dragging a
 * line to its new place (or with Move up / Move down, also Alt+Up and Alt+Down, for the keyboard), with a field
 * to add a named section and a button to remove one.
 */
final class ExhibitOrderEditor {
    private ExhibitOrderEditor() {
    }

    static VBox of(BundleDialogViewModel vm) {
        ExhibitOrderModel model = vm.order();
        ListView<ExhibitOrderModel.Row> list = new ListView<>(model.rows());
        list.setId("bundle-order");
        list.setPrefHeight(180);
        list.setPlaceholder(new Label("In the bundle's own order."));
        list.setCellFactory(v -> cell(list, model));
        list.setOnKeyPressed(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (e.isAltDown() && i >= 0 && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(list, model, i, e.getCode() == KeyCode.UP ? i - 1 : i + 1);
                e.consume();
            }
        });

        Button arrange = new Button("Arrange exhibits", Icons.of(MaterialDesignF.FORMAT_LIST_NUMBERED, 16));
        arrange.setId("bundle-order-load");
        arrange.setMinWidth(Region.USE_PREF_SIZE);
        arrange.disableProperty().bind(model.loadingProperty());
        arrange.setOnAction(e -> vm.arrangeExhibits());
        Button up = new Button("Move up", Icons.of(MaterialDesignA.ARROW_UP, 16));
        up.setId("bundle-order-up");
        Button down = new Button("Move down", Icons.of(MaterialDesignA.ARROW_DOWN, 16));
        down.setId("bundle-order-down");
        var none = list.getSelectionModel().selectedIndexProperty().lessThan(0);
        up.disableProperty().bind(none);
        down.disableProperty().bind(none);
        up.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            move(list, model, i, i - 1);
        });
        down.setOnAction(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            move(list, model, i, i + 1);
        });
        Button remove = new Button("Remove section", Icons.of(MaterialDesignT.TRASH_CAN_OUTLINE, 16));
        remove.setId("bundle-order-remove-section");
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            ExhibitOrderModel.Row r = list.getSelectionModel().getSelectedItem();
            return r == null || !r.isSection();
        }, list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> model.removeSection(list.getSelectionModel().getSelectedIndex()));

        TextField name = new TextField();
        name.setId("bundle-order-section-name");
        name.setPromptText("a section's name, e.g. Police reports");
        HBox.setHgrow(name, Priority.ALWAYS);
        Label refused = new Label();
        refused.setId("bundle-order-problem");
        refused.getStyleClass().add("warning-text");
        refused.setWrapText(true);
        refused.managedProperty().bind(refused.textProperty().isNotEmpty());
        Button add = new Button("Add section", Icons.of(MaterialDesignP.PLUS, 16));
        add.setId("bundle-order-add-section");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.disableProperty().bind(name.textProperty().isEmpty().or(model.loadedProperty().not()));
        add.setOnAction(e -> {
            String why = model.addSection(name.getText());
            refused.setText(why);
            if (why.isEmpty()) {
                name.clear();
                list.getSelectionModel().selectLast();
                list.scrollTo(model.rows().size() - 1);
            }
        });
        name.setOnAction(e -> {
            e.consume(); // Enter adds the section; it must not press the dialog's button
            add.fire();
        });

        Label status = new Label();
        status.setId("bundle-order-status");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        for (Button b : List.of(up, down, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never cut to "..."; the row wraps instead on a narrow screen
        }
        FlowPane buttons = new FlowPane(8, 8, arrange, up, down, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox adding = new HBox(8, name, add);
        adding.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, buttons, status, list, adding, refused);
    }

    private static void move(ListView<ExhibitOrderModel.Row> list, ExhibitOrderModel model, int from, int to) {
        if (from < 0 || to < 0 || to >= model.rows().size()) {
            return;
        }
        model.move(from, to);
        list.getSelectionModel().clearAndSelect(to);
        list.scrollTo(to);
    }

    /** A line that can be dragged onto another line's place; a section's title is shown in bold. */
    private static ListCell<ExhibitOrderModel.Row> cell(ListView<ExhibitOrderModel.Row> list,
                                                       ExhibitOrderModel model) {
        ListCell<ExhibitOrderModel.Row> cell = new ListCell<>() {
            @Override
            protected void updateItem(ExhibitOrderModel.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.isSection() ? row.section() : "    " + row);
                setStyle(!empty && row != null && row.isSection() ? "-fx-font-weight: bold;" : "");
            }
        };
        cell.setOnDragDetected(e -> {
            if (cell.isEmpty()) {
                return;
            }
            Dragboard board = cell.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(String.valueOf(cell.getIndex()));
            board.setContent(content);
            e.consume();
        });
        cell.setOnDragOver(e -> {
            // only a line of this list: text dragged in from elsewhere is not a place in it
            if (e.getGestureSource() instanceof ListCell<?> source && source.getListView() == list
                    && source != cell) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        cell.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getGestureSource() instanceof ListCell<?> source && source.getListView() == list) {
                int to = cell.isEmpty() ? model.rows().size() - 1 : cell.getIndex();
                move(list, model, source.getIndex(), to);
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
        return cell;
    }
}
