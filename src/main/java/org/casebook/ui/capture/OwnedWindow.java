package org.casebook.ui.capture;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.DialogLayout;
import org.casebook.ui.common.QuickExitButton;

/**
 * A window of the app beside the main one (the archived-page viewer, the evidence browser): owned by the main
 * window, so quick exit and auto-lock close it with the dialogs and its keys (Esc twice, Ctrl+Shift+Q) work in it;
 * its own Quick exit button in its top bar; titled neutrally when the neutral title is on; sized within the screen.
 */
final class OwnedWindow {
    private OwnedWindow() {
    }

    /**
     * @param title   the window's title (replaced by the neutral one when that is on)
     * @param heading what the top bar says, beside Quick exit
     * @param tools   controls under the top bar (an address bar), or null
     */
    static Stage create(AppShell shell, String title, Node heading, Node tools, Node content) {
        Stage stage = new Stage();
        stage.initOwner(shell.stage());
        stage.titleProperty().bind(Bindings.when(shell.settings().discreetTitleProperty())
                .then(AppShell.DISCREET_TITLE).otherwise(title + " — " + AppShell.TITLE));
        HBox.setHgrow(heading, Priority.ALWAYS);
        if (heading instanceof Label label) {
            label.setMaxWidth(Double.MAX_VALUE);
        }
        HBox bar = new HBox(12, heading, QuickExitButton.create(shell::quickExit,
                shell.settings().discreetTitleProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 16));
        bar.getStyleClass().add("top-bar");
        BorderPane root = new BorderPane(content);
        root.setTop(tools == null ? bar : new VBox(bar, tools));
        if (shell.stage().getScene() != null && shell.stage().getScene().getRoot() != null) {
            root.setStyle(shell.stage().getScene().getRoot().getStyle());
            root.getStyleClass().setAll(shell.stage().getScene().getRoot().getStyleClass());
        }
        Rectangle2D screen = DialogLayout.screenOf(shell.stage());
        Scene scene = new Scene(root, Math.min(1100, screen.getWidth() - 40), Math.min(800, screen.getHeight() - 40));
        if (shell.stage().getScene() != null) {
            scene.getStylesheets().setAll(shell.stage().getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setX(screen.getMinX() + (screen.getWidth() - scene.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - scene.getHeight()) / 3);
        return stage;
    }
}
