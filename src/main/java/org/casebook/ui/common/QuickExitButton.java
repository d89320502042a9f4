package org.casebook.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * The Quick exit button. The same red button sits in the main window's top bar and in the header of every
 * dialog: a modal dialog blocks the main window, so a button only there would do nothing while a form is open.
 * With the neutral title on, it reads "Hide": "Quick exit" would tell an onlooker what the app is for.
 */
public final class QuickExitButton {
    public static final String ID = "quick-exit";

    private QuickExitButton() {
    }

    public static Button create(Runnable quickExit, ObservableBooleanValue neutral) {
        Button button = new Button(null, Icons.of(Icons.QUICK_EXIT, 18));
        button.setId(ID);
        button.getStyleClass().addAll("quick-exit", "danger");
        button.textProperty().bind(Bindings.when(neutral).then("Hide").otherwise("Quick exit"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(neutral)
                .then("Hide this window and lock at once (Esc twice, or Ctrl+Shift+Q)")
                .otherwise("Hide Casebook and lock it at once (Esc twice, or Ctrl+Shift+Q)"));
        button.setTooltip(tip);
        button.accessibleTextProperty().bind(Bindings.when(neutral).then("Hide and lock now")
                .otherwise("Quick exit: hide and lock Casebook now"));
        button.setFocusTraversable(false);
        button.setMnemonicParsing(false);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        button.setOnAction(e -> quickExit.run());
        return button;
    }
}
