package org.casebook.ui.common;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import org.casebook.model.TimelineItem;

/** Ticks the diary entries (and other items) that belong to a report or an impact entry. */
public final class LinkItemsDialog {
    private LinkItemsDialog() {
    }

    /** The ticked items' ids, or empty when cancelled. */
    public static Optional<Set<Long>> show(DialogService dialogs, String title, String header,
                                           List<TimelineItem> candidates, Set<Long> linked) {
        Dialog<Set<Long>> dialog = new Dialog<>();
        dialogs.prepare(dialog, title);
        dialog.setHeaderText(header);
        Map<TimelineItem, BooleanProperty> ticked = new HashMap<>();
        for (TimelineItem item : candidates) {
            ticked.put(item, new SimpleBooleanProperty(linked.contains(item.id())));
        }
        ListView<TimelineItem> list = new ListView<>(FXCollections.observableArrayList(candidates));
        list.setId("link-items");
        list.setPrefSize(620, 380);
        list.getStyleClass().add(WrappingRows.STYLE_CLASS);
        list.setCellFactory(l -> {
            // Each entry in full, wrapped: a checkbox row would otherwise cut a long description short.
            CheckBoxListCell<TimelineItem> cell = new CheckBoxListCell<>(ticked::get,
                    FormGrid.converter(i -> i == null ? "" : ItemLookup.describe(i)));
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            return cell;
        });
        list.setPlaceholder(new Label("There are no diary entries in this case yet."));
        Label hint = new Label("Tick each entry this covers. Untick one to remove the link.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        DialogLayout.set(dialog, new VBox(8, hint, list));
        ButtonType save = new ButtonType("Save links", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).setId("link-save");
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            Set<Long> out = new LinkedHashSet<>();
            candidates.forEach(i -> {
                if (ticked.get(i).get()) {
                    out.add(i.id());
                }
            });
            return out;
        });
        return dialog.showAndWait();
    }
}
