package org.casebook.ui.common;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Lists whose rows show their whole text: wrapped to the list's width (never a horizontal scroll bar) and as
 * tall as the wrapped text needs. The "wrapping-rows" style class in casebook.css lets the rows take their
 * text's height instead of the theme's fixed row height, which cuts every row off after two lines.
 */
public final class WrappingRows {
    public static final String STYLE_CLASS = "wrapping-rows";

    private WrappingRows() {
    }

    /** Rows showing {@code text} of each item. */
    public static <T> void apply(ListView<T> list, Function<T, String> text) {
        apply(list, text, item -> null);
    }

    /** Rows showing {@code text} of each item, after the node {@code graphic} makes for it (may be null). */
    public static <T> void apply(ListView<T> list, Function<T, String> text, Function<T, Node> graphic) {
        if (!list.getStyleClass().contains(STYLE_CLASS)) {
            list.getStyleClass().add(STYLE_CLASS);
        }
        list.setCellFactory(l -> new ListCell<>() {
            {
                // A zero preferred width makes the row follow the list's width, so the text wraps there.
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null;
                setText(blank ? null : text.apply(item));
                setGraphic(blank ? null : graphic.apply(item));
            }
        });
    }
}
