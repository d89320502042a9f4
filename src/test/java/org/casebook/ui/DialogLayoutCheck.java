package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Every dialog, in every state the catalog has, fits the screen the app runs on: the window lies inside the
 * screen; every visible label, text and button lies inside the window (inside a scrolling body, it needs no
 * sideways scrolling, and it scrolls only when the screen is too small for it); no label is cut short (what its
 * skin draws is its whole text); an error shows outside the
 * scrolling body, by the buttons; a disabled main button says why beside it; Quick exit is in view.
 *
 * <p>With {@code -Dcasebook.check.neutral=true} the neutral title is on, and every dialog's window must be titled
 * "Notes" too.
 *
 * <p>Run by {@link DialogLayoutTest} in a child JVM per screen size (Monocle's screen is fixed per JVM). With
 * {@code -Dcasebook.dialog.shots=DIR} each dialog is also written to DIR as a PNG.
 */
class DialogLayoutCheck extends UiTestBase {
    /** With the neutral title on, every dialog's window must be titled like the main one. */
    private static final boolean NEUTRAL = Boolean.getBoolean("casebook.check.neutral");

    @Override
    void configure(org.casebook.ui.common.Settings settings) {
        settings.discreetTitleProperty().set(NEUTRAL);
    }

    @Test
    void everyDialogFitsTheScreen() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (DialogCatalog.Entry entry : DialogCatalog.ALL) {
            if (entry.needsVault() && shell.session() == null) {
                openSeededVaultDirectly();
            }
            if (entry.needsVault()) {
                interact(() -> mainView().viewModel().sectionProperty().set(org.casebook.ui.main.Section.TIMELINE));
            }
            Window dialog = entry.open().apply(this);
            waitUntil("the dialog to settle", () -> true);
            problems.addAll(onFx(() -> problemsIn(entry.name(), dialog)));
            shoot(entry.name(), dialog);
            checked++;
            interact(() -> new ArrayList<>(dialogWindows()).forEach(Window::hide));
            waitUntil("the dialogs to close", () -> dialogWindows().isEmpty());
        }
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        System.out.printf("checked %d dialogs on a %.0fx%.0f screen%s%n", checked, screen.getWidth(), screen.getHeight(),
                NEUTRAL ? " with the neutral title" : "");
        assertTrue(problems.isEmpty(), problems.size() + " problems on a " + (int) screen.getWidth() + "x"
                + (int) screen.getHeight() + " screen:\n" + String.join("\n", problems));
    }

    /** What is wrong with how {@code window} shows its content, one line each. Runs on the FX thread. */
    static List<String> problemsIn(String name, Window window) {
        List<String> out = new ArrayList<>();
        Scene scene = window.getScene();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (window.getX() < screen.getMinX() - 0.5 || window.getY() < screen.getMinY() - 0.5
                || window.getX() + window.getWidth() > screen.getMaxX() + 0.5
                || window.getY() + window.getHeight() > screen.getMaxY() + 0.5) {
            out.add(name + ": the window " + box(window.getX(), window.getY(), window.getWidth(), window.getHeight())
                    + " is not inside the screen " + box(screen.getMinX(), screen.getMinY(), screen.getWidth(),
                    screen.getHeight()));
        }
        walk(name, scene.getRoot(), scene, out);
        if (NEUTRAL && window instanceof javafx.stage.Stage stage
                && !org.casebook.ui.common.AppShell.DISCREET_TITLE.equals(stage.getTitle())) {
            out.add(name + ": the window is titled \"" + stage.getTitle() + "\" with the neutral title on");
        }
        // A body that scrolls while the screen still has room below: the window did not grow with its content.
        for (Node n : scene.getRoot().lookupAll(".dialog-body")) {
            if (n instanceof ScrollPane body && body.getContent() != null && showing(body)
                    && body.getContent().getLayoutBounds().getHeight() > body.getViewportBounds().getHeight() + 1
                    && window.getHeight() < screen.getHeight() - 40) {
                out.add(name + ": the body scrolls (" + (int) body.getContent().getLayoutBounds().getHeight()
                        + " px in " + (int) body.getViewportBounds().getHeight() + ") while the " + (int) window.getHeight()
                        + " px window could grow on the " + (int) screen.getHeight() + " px screen");
            }
        }
        Node quickExit = scene.getRoot().lookup("#quick-exit");
        if (quickExit == null || !showing(quickExit) || scrollerOf(quickExit) != null) {
            out.add(name + ": no Quick exit button in view");
        }
        for (Node n : scene.getRoot().lookupAll(".button")) {
            if (n instanceof Button b && showing(b) && b.isDisabled() && isMain(b)) {
                boolean said = scene.getRoot().lookupAll(".action-hint").stream().anyMatch(h -> showing(h)
                        && h instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                        && scrollerOf(h) == null);
                if (!said) {
                    out.add(name + ": \"" + b.getText() + "\" is disabled and nothing beside it says why");
                }
            }
        }
        for (Node n : scene.getRoot().lookupAll(".error-text")) {
            if (n instanceof Labeled l && showing(l) && l.getText() != null && !l.getText().isBlank()
                    && scrollerOf(l) != null) {
                out.add(name + ": the error \"" + l.getText() + "\" is inside the scrolling body, not by the buttons");
            }
        }
        return out;
    }

    private static boolean isMain(Button b) {
        ButtonBar.ButtonData data = ButtonBar.getButtonData(b);
        return data == ButtonBar.ButtonData.OK_DONE || data == ButtonBar.ButtonData.YES
                || data == ButtonBar.ButtonData.APPLY || data == ButtonBar.ButtonData.FINISH;
    }

    private static void walk(String name, Node node, Scene scene, List<String> out) {
        if (!node.isVisible() || node instanceof TextInputControl) {
            return; // a text field scrolls its own text by design
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            inside(name, labeled, "\"" + labeled.getText() + "\"", scene, out);
            Text drawn = drawnText(labeled);
            String expected = labeled.isMnemonicParsing() ? labeled.getText().replaceAll("_(?!_)", "")
                    : labeled.getText();
            if (drawn != null && !expected.equals(drawn.getText())) {
                out.add(name + ": \"" + expected + "\" is cut to \"" + drawn.getText() + "\"");
            }
        } else if (node instanceof Text text && !(node.getParent() instanceof Labeled)
                && !"LabeledText".equals(text.getClass().getSimpleName())
                && text.getText() != null && !text.getText().isBlank()) {
            inside(name, text, "text \"" + text.getText() + "\"", scene, out);
        } else if (node instanceof ScrollPane || node instanceof ListView) {
            inside(name, node, node.getClass().getSimpleName() + " " + (node.getId() == null ? "" : node.getId()),
                    scene, out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(name, child, scene, out);
            }
        }
    }

    /** Checks {@code node} lies inside the window, or (inside a scrolling area) needs no sideways scrolling. */
    private static void inside(String name, Node node, String what, Scene scene, List<String> out) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        Node scroller = scrollerOf(node);
        double minX = 0;
        double maxX = scene.getWidth();
        double minY = 0;
        double maxY = scene.getHeight();
        if (scroller != null) {
            Bounds s = scroller.localToScene(scroller.getLayoutBounds());
            minX = s.getMinX();
            maxX = s.getMaxX();
            minY = Double.NEGATIVE_INFINITY; // reached by scrolling
            maxY = Double.POSITIVE_INFINITY;
        }
        if (b.getMinX() < minX - 1 || b.getMaxX() > maxX + 1 || b.getMinY() < minY - 1 || b.getMaxY() > maxY + 1) {
            out.add(name + ": " + what + " at " + box(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight())
                    + " is outside " + (scroller == null ? "the window " : "its scrolling area ")
                    + box(minX, minY == Double.NEGATIVE_INFINITY ? 0 : minY, maxX - minX,
                    maxY == Double.POSITIVE_INFINITY ? 0 : maxY - minY));
        }
    }

    /** The text node a label's skin draws: its text is what the person sees, "…" and all. */
    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && "LabeledText".equals(t.getClass().getSimpleName())) {
                return t;
            }
        }
        return null;
    }

    /** The nearest scrolling area around {@code node}: a scroll pane's content or a list's rows. */
    private static Node scrollerOf(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane || p instanceof VirtualFlow) {
                return p;
            }
        }
        return null;
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String box(double x, double y, double w, double h) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", x, y, w, h);
    }

    /** Writes the dialog as a PNG when {@code casebook.dialog.shots} names a folder. */
    private void shoot(String name, Window dialog) throws Exception {
        String dir = System.getProperty("casebook.dialog.shots");
        if (dir == null) {
            return;
        }
        Image image = onFx(() -> dialog.getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Rectangle2D screen = onFx(() -> Screen.getPrimary().getVisualBounds());
        Path folder = Files.createDirectories(Path.of(dir));
        ImageIO.write(out, "png", folder.resolve((int) screen.getWidth() + "x" + (int) screen.getHeight() + "-"
                + name.replaceAll("[^A-Za-z0-9]+", "-") + ".png").toFile());
    }
}
