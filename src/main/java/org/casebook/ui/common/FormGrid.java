package org.casebook.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The forms' layout: label, field, and a short line of guidance beside it. */
public final class FormGrid {
    private FormGrid() {
    }

    /** A three-column form grid; the minimums keep fields roomy and guidance readable at the dialog's opening size. */
    public static GridPane grid(double fieldMin) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(14);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 0, 0, 0));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints(fieldMin, fieldMin + 20, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        ColumnConstraints guidance = new ColumnConstraints(250, 260, 320);
        grid.getColumnConstraints().setAll(labels, fields, guidance);
        return grid;
    }

    public static void row(GridPane grid, int row, String name, Node field, String help) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        if (help != null) {
            Label guidance = new Label(help);
            guidance.getStyleClass().add("guidance");
            guidance.setWrapText(true);
            grid.add(guidance, 2, row);
            if (field instanceof Control control) {
                control.setAccessibleHelp(help);
            }
        }
    }

    /** A wrapping text area in which Tab moves to the next field rather than typing a tab. */
    public static TextArea area(String id, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        // Re-sent as Ctrl+Tab, which the text area treats as "move focus".
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(),
                        e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
            }
        });
        return area;
    }

    /**
     * Gives a form dialog its save and cancel buttons. Save has the id {@code id}, is disabled while
     * {@code problem} (what is still missing) is not empty, which is shown by the buttons under the id
     * {@code problemId}; Ctrl+Enter presses it.
     */
    public static javafx.scene.control.ButtonType saveButton(javafx.scene.control.Dialog<?> dialog, DialogLayout layout,
                                                              String text, String id, String problemId,
                                                              javafx.beans.value.ObservableStringValue problem) {
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType(text,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.control.Button button = layout.primaryButton(save, id, problemId, problem,
                javafx.beans.binding.Bindings.createBooleanBinding(() -> false));
        saveOnShortcutEnter(dialog.getDialogPane(), button);
        return save;
    }

    /** The text for a field showing an optional value. */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Ctrl+Enter presses the form's save button when it is enabled. */
    public static void saveOnShortcutEnter(javafx.scene.control.DialogPane pane, javafx.scene.control.Button save) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new javafx.scene.input.KeyCodeCombination(KeyCode.ENTER,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN).match(e) && !save.isDisabled()) {
                e.consume();
                save.fire();
            }
        });
    }

    /** A one-way converter for combo boxes: how each value reads. */
    public static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
