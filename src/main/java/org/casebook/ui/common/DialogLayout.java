package org.casebook.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * How every dialog is laid out and sized. Its body scrolls when the screen is too small for it; under the body,
 * beside the buttons and always in view, are the status lines: what went wrong, why the main button cannot be
 * pressed yet, progress. The window follows its content's size as the content grows or shrinks (a message
 * appears, a preview fills in), within the screen.
 */
public final class DialogLayout {
    /** Room kept between a dialog and the screen's edges. */
    private static final double SCREEN_MARGIN = 8;
    /** The body never shrinks below this: below it, scrolling is better than squeezing. */
    private static final double BODY_MIN_HEIGHT = 80;
    /** Dialogs open at least this wide, so a short field does not make a tall, narrow window of its header. */
    private static final double BODY_MIN_PREF_WIDTH = 460;

    private final Dialog<?> dialog;
    private final Body body = new Body();
    private final VBox status = new VBox(6);

    private DialogLayout(Dialog<?> dialog, Node content) {
        this.dialog = dialog;
        body.setContent(content);
        status.getStyleClass().add("dialog-status");
        dialog.getDialogPane().setContent(new Content(body, status));
    }

    /** Gives {@code dialog} its body (which scrolls when it must) and an empty status area under it. */
    public static DialogLayout set(Dialog<?> dialog, Node body) {
        return new DialogLayout(dialog, body);
    }

    /** Replaces what the body shows (a finished job's summary in place of the form, say). */
    public void setBody(Node content) {
        body.setContent(content);
        body.setVvalue(0);
        Fitter fitter = (Fitter) dialog.getDialogPane().getProperties().get(Fitter.class);
        if (fitter != null) {
            fitter.mayShrink();
        }
    }

    /** A line for what went wrong, in the status area: shown only while it has text. */
    public Label errorLine(String id) {
        Label error = line(id, "error-text");
        status.getChildren().add(error);
        return error;
    }

    /** A line for what went wrong, showing {@code text}. */
    public Label errorLine(String id, ObservableStringValue text) {
        Label error = errorLine(id);
        error.textProperty().bind(text);
        return error;
    }

    /** A warning (not a failure) in the status area, shown only while it has text. */
    public Label warningLine(String id, ObservableStringValue text) {
        Label warning = line(id, "warning-text");
        warning.textProperty().bind(text);
        status.getChildren().add(warning);
        return warning;
    }

    /** Anything else that must stay in view by the buttons, such as a progress bar. */
    public void addStatus(Node node) {
        status.getChildren().add(node);
    }

    /**
     * The dialog's main button for {@code type}: disabled while {@code whyNot} has text, and that text is shown
     * by the buttons so the person knows what is still missing.
     */
    public Button primaryButton(ButtonType type, String id, ObservableStringValue whyNot) {
        return primaryButton(type, id, whyNot, Bindings.createBooleanBinding(() -> false));
    }

    /** As {@link #primaryButton(ButtonType, String, ObservableStringValue)}, also disabled while {@code busy}. */
    public Button primaryButton(ButtonType type, String id, ObservableStringValue whyNot,
                                ObservableBooleanValue busy) {
        return primaryButton(type, id, id + "-why", whyNot, busy);
    }

    /** As above, with the id of the line that says why ({@code hintId}). */
    public Button primaryButton(ButtonType type, String id, String hintId, ObservableStringValue whyNot,
                                ObservableBooleanValue busy) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setId(id);
        button.disableProperty().bind(Bindings.isNotEmpty(whyNot).or(busy));
        Label hint = line(hintId, "action-hint");
        hint.textProperty().bind(whyNot);
        status.getChildren().add(hint);
        return button;
    }

    private static Label line(String id, String styleClass) {
        Label line = new Label();
        line.setId(id);
        line.getStyleClass().add(styleClass);
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /**
     * Keeps the dialog's window as big as its content asks, within the screen: when the content grows the window
     * grows with it. It does not shrink back when a line goes (an error once corrected, a hint once the form is
     * complete): the buttons would move from under the pointer just as the person goes to press one. It fits
     * afresh when the dialog opens and when its body is replaced. A size the person chose by hand stays until
     * the content changes.
     */
    static void keepFitted(Dialog<?> dialog, Window owner) {
        Fitter fitter = new Fitter(dialog, owner);
        dialog.getDialogPane().getProperties().put(Fitter.class, fitter);
        dialog.showingProperty().addListener((o, was, showing) -> {
            Scene scene = dialog.getDialogPane().getScene();
            if (scene == null) {
                return;
            }
            if (showing) {
                fitter.reset();
                scene.addPostLayoutPulseListener(fitter);
            } else {
                scene.removePostLayoutPulseListener(fitter);
            }
        });
    }

    /** The visual bounds of the screen {@code window} is on (the primary screen when it is not shown). */
    public static Rectangle2D screenOf(Window window) {
        if (window != null && window.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    private static final class Fitter implements Runnable {
        private final Dialog<?> dialog;
        private final Window owner;
        private double fittedWidth = -1;
        private double fittedHeight = -1;
        private boolean placed;
        private boolean mayShrink = true;

        Fitter(Dialog<?> dialog, Window owner) {
            this.dialog = dialog;
            this.owner = owner;
        }

        void reset() {
            fittedWidth = -1;
            fittedHeight = -1;
            placed = false;
            mayShrink = true;
        }

        void mayShrink() {
            mayShrink = true;
        }

        @Override
        public void run() {
            DialogPane pane = dialog.getDialogPane();
            Scene scene = pane.getScene();
            Window window = scene == null ? null : scene.getWindow();
            if (window == null || !window.isShowing()) {
                return;
            }
            Rectangle2D screen = screenOf(owner != null && owner.isShowing() ? owner : window);
            double decorationWidth = Math.max(0, window.getWidth() - scene.getWidth());
            double decorationHeight = Math.max(0, window.getHeight() - scene.getHeight());
            double maxWidth = screen.getWidth() - 2 * SCREEN_MARGIN - decorationWidth;
            double maxHeight = screen.getHeight() - 2 * SCREEN_MARGIN - decorationHeight;
            double width = Math.floor(clamp(pane.prefWidth(-1), pane.minWidth(-1),
                    Math.min(pane.maxWidth(-1), maxWidth)));
            double height = Math.ceil(clamp(pane.prefHeight(width), pane.minHeight(width), maxHeight));
            if (Math.abs(width - fittedWidth) < 0.5 && Math.abs(height - fittedHeight) < 0.5) {
                return; // the content asks for what it asked before: leave the window as the person left it
            }
            fittedWidth = width;
            fittedHeight = height;
            if (!mayShrink) {
                width = Math.max(width, scene.getWidth());
                height = Math.max(height, scene.getHeight());
            }
            mayShrink = false;
            if (Math.abs(scene.getWidth() - width) >= 0.5 || Math.abs(scene.getHeight() - height) >= 0.5) {
                window.setWidth(width + decorationWidth);
                window.setHeight(height + decorationHeight);
            }
            double x = window.getX();
            double y = window.getY();
            if (!placed && owner != null && owner.isShowing()) {
                // Where the platform first put it was worked out for the opening size, not this one.
                x = owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
                y = owner.getY() + (owner.getHeight() - window.getHeight()) / 3;
            }
            placed = true;
            window.setX(clamp(x, screen.getMinX() + SCREEN_MARGIN,
                    screen.getMaxX() - SCREEN_MARGIN - window.getWidth()));
            window.setY(clamp(y, screen.getMinY() + SCREEN_MARGIN,
                    screen.getMaxY() - SCREEN_MARGIN - window.getHeight()));
        }

        private static double clamp(double value, double min, double max) {
            return Math.max(min, Math.min(max, value));
        }
    }

    /**
     * The body above the status lines. The status lines always get the height they need; the body gets the
     * rest and scrolls if that is less than its own. (A VBox would ask its children for their heights at other
     * widths than they get, and squeeze the body.)
     */
    private static final class Content extends Region {
        private static final double GAP = 8;
        private final Body body;
        private final VBox status;

        Content(Body body, VBox status) {
            this.body = body;
            this.status = status;
            getStyleClass().add("dialog-layout");
            getChildren().addAll(body, status);
        }

        private boolean hasStatus() {
            return status.getChildren().stream().anyMatch(Node::isManaged);
        }

        private double inner(double width) {
            return width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        /** The body sets the width; a long status line wraps under it rather than widening the dialog. */
        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + body.prefWidth(-1) + snappedRightInset();
        }

        @Override
        protected double computeMinWidth(double height) {
            return snappedLeftInset() + Math.max(body.minWidth(-1), status.minWidth(-1)) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            double w = inner(width);
            return snappedTopInset() + body.prefHeight(w) + (hasStatus() ? GAP + status.prefHeight(w) : 0)
                    + snappedBottomInset();
        }

        @Override
        protected double computeMinHeight(double width) {
            double w = inner(width);
            return snappedTopInset() + body.minHeight(w) + (hasStatus() ? GAP + status.prefHeight(w) : 0)
                    + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double y = snappedTopInset();
            double w = getWidth() - x - snappedRightInset();
            double h = getHeight() - y - snappedBottomInset();
            double statusHeight = hasStatus() ? snapSizeY(status.prefHeight(w)) : 0;
            double bodyHeight = Math.max(0, h - statusHeight - (hasStatus() ? GAP : 0));
            body.resizeRelocate(x, y, w, bodyHeight);
            status.resizeRelocate(x, y + h - statusHeight, w, statusHeight);
        }
    }

    /**
     * The dialog's scrolling body. JavaFX's own scroll pane asks its content for the height it needs at the
     * content's preferred width, which for wrapped text is one long line: the dialog then opens too short and
     * cuts the text off. This one asks at the width it is really given.
     */
    private static final class Body extends ScrollPane {
        Body() {
            setFitToWidth(true);
            setHbarPolicy(ScrollBarPolicy.NEVER);
            getStyleClass().addAll("edge-to-edge", "dialog-body");
            setFocusTraversable(false);
        }

        @Override
        protected double computePrefHeight(double width) {
            Node content = getContent();
            if (content == null) {
                return 0;
            }
            Insets insets = getInsets();
            double inner = width < 0 ? -1 : Math.max(0, width - insets.getLeft() - insets.getRight());
            return snapSizeY(insets.getTop() + content.prefHeight(inner) + insets.getBottom());
        }

        @Override
        protected double computePrefWidth(double height) {
            Node content = getContent();
            Insets insets = getInsets();
            double wanted = content == null ? 0 : content.prefWidth(-1);
            return snapSizeX(insets.getLeft() + Math.max(BODY_MIN_PREF_WIDTH, wanted) + insets.getRight());
        }

        @Override
        protected double computeMinHeight(double width) {
            return Math.min(BODY_MIN_HEIGHT, computePrefHeight(width));
        }

        @Override
        protected double computeMinWidth(double height) {
            Node content = getContent();
            Insets insets = getInsets();
            return snapSizeX(insets.getLeft() + (content == null ? 0 : content.minWidth(-1)) + insets.getRight());
        }
    }
}
