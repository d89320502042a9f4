package org.casebook.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Settings;
import org.casebook.ui.timeline.TimelineRow;

/**
 * Takes the README's screenshots from the real app in a real window (not Monocle): run it under Xvfb with
 * GTK, e.g.
 *
 * <pre>Xvfb :107 -screen 0 1280x800x24 &amp;
 * DISPLAY=:107 java -Dprism.order=sw -cp "test-classes:classes:DEPENDENCIES" org.casebook.ui.ScreenshotTool docs/screenshots</pre>
 *
 * Writes start.png (the start screen), main.png (the demo case with a diary entry selected), diary.png
 * (the diary entry form), photo.png (a photo selected in the demo case), pattern.png (the demo case's
 * Pattern screen) and bundle-dialog.png (the Create bundle dialog over the demo case). Settings go to a temporary
 * folder; the demo vault is deleted when the tool locks it at the end.
 */
public final class ScreenshotTool {
    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Path config = Files.createTempDirectory("casebook-screenshots-");
        System.setProperty("casebook.config.dir", config.toString());
        RunningApp app = startApp(config);
        Stage stage = app.stage();
        AppShell shell = app.shell();
        try {
            settle();
            save(fx(stage::getScene), out.resolve("start.png"));

            fx(() -> {
                CasebookApp.startDemo(shell);
                return null;
            });
            waitFor("the demo case", 90, () -> timeline(stage) != null && timeline(stage).getItems().size() > 100);
            select(stage, item -> item.kind() == ItemKind.INCIDENT
                    && IncidentType.THREAT.code().equals(item.type()));
            waitFor("the entry's details", 20, () -> stage.getScene().getRoot().lookup("#detail-edit") != null);
            settle();
            save(fx(stage::getScene), out.resolve("main.png"));

            Button newEntry = fx(() -> (Button) stage.getScene().getRoot().lookup("#new-diary-entry"));
            Platform.runLater(newEntry::fire); // the form waits in showAndWait: fill it from here
            waitFor("the diary form", 20, () -> dialogScene() != null);
            fx(() -> {
                Scene form = dialogScene();
                @SuppressWarnings("unchecked")
                ComboBox<IncidentType> type = (ComboBox<IncidentType>) form.lookup("#diary-type");
                type.setValue(IncidentType.FOLLOWING);
                ((TextField) form.lookup("#diary-location")).setText("Bus stop on Station Road, then the high street");
                ((TextArea) form.lookup("#diary-description")).setText("He got off the same bus and walked about"
                        + " twenty metres behind me all the way to the office. When I stopped, he stopped.");
                ((TextField) form.lookup("#diary-witnesses")).setText("Sam from work (met me at the door)");
                ((TextArea) form.lookup("#diary-impact")).setText("Shaking. Asked a colleague to walk me back.");
                form.lookup("#diary-description").requestFocus();
                return null;
            });
            settle();
            save(fx(ScreenshotTool::dialogScene), out.resolve("diary.png"));
            fx(() -> {
                dialogScene().getWindow().hide();
                return null;
            });

            select(stage, item -> item.kind() == ItemKind.ATTACHMENT && item.type() != null
                    && item.type().startsWith("image/"));
            waitFor("the photo", 20, () -> stage.getScene().getRoot().lookup("#detail-zoom") != null);
            settle();
            save(fx(stage::getScene), out.resolve("photo.png"));

            fx(() -> {
                ((javafx.scene.control.ToggleButton) stage.getScene().getRoot().lookup("#nav-pattern")).fire();
                return null;
            });
            waitFor("the pattern", 60, () -> stage.getScene().getRoot().lookup("#card-incidents") != null);
            settle();
            save(fx(stage::getScene), out.resolve("pattern.png"));
            fx(() -> {
                ((javafx.scene.control.ToggleButton) stage.getScene().getRoot().lookup("#nav-timeline")).fire();
                ((Button) stage.getScene().getRoot().lookup("#create-bundle")).fire();
                return null;
            });
            waitFor("the bundle dialog", 20, () -> sceneWith("#bundle-create") != null);
            fx(() -> {
                Scene form = sceneWith("#bundle-create");
                ((javafx.scene.control.RadioButton) form.lookup("#bundle-profile-family")).setSelected(true);
                ((TextField) form.lookup("#bundle-redaction-text")).setText("14 Elm Road");
                ((Button) form.lookup("#bundle-redaction-add")).fire();
                ((TextField) form.lookup("#bundle-redaction-text")).setText("07700 900456");
                ((Button) form.lookup("#bundle-redaction-add")).fire();
                ((TextField) form.lookup("#bundle-prepared-by")).setText("Jo Sample, with Safe Steps advocacy");
                form.lookup("#bundle-profile-family").requestFocus();
                return null;
            });
            settle();
            saveOver(fx(stage::getScene), fx(() -> sceneWith("#bundle-create")), out.resolve("bundle-dialog.png"));
        } finally {
            fx(() -> {
                shell.lock(null);
                shell.shutdown();
                return null;
            });
            try (var files = Files.list(config)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(config);
            Platform.exit();
        }
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static ListView<TimelineRow> timeline(Stage stage) {
        return (ListView<TimelineRow>) stage.getScene().getRoot().lookup("#timeline");
    }

    /** Selects the first timeline item that {@code wanted} accepts, a few rows below the top of the list. */
    private static void select(Stage stage, Predicate<TimelineItem> wanted) throws Exception {
        fx(() -> {
            ListView<TimelineRow> list = timeline(stage);
            for (int i = list.getItems().size() - 1; i >= 0; i--) {
                if (list.getItems().get(i) instanceof TimelineRow.Entry e && wanted.test(e.item())) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(Math.max(0, i - 6));
                    list.requestFocus();
                    return null;
                }
            }
            throw new IllegalStateException("nothing to select in the demo case");
        });
    }

    private static Scene dialogScene() {
        return sceneWith("#diary-description");
    }

    /** The scene of the open window holding {@code selector}, or null. */
    static Scene sceneWith(String selector) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup(selector) != null) {
                return w.getScene();
            }
        }
        return null;
    }

    /** The app in a real window at the screen's top-left corner. */
    record RunningApp(Stage stage, AppShell shell) {
    }

    /** Starts JavaFX and the app, with its settings in {@code config}; quick exit leaves the JVM running. */
    static RunningApp startApp(Path config) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        Stage stage = fx(Stage::new);
        AppShell shell = fx(() -> {
            AppShell s = CasebookApp.open(stage, Settings.load(config));
            s.setExitOnQuickExit(false);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            return s;
        });
        return new RunningApp(stage, shell);
    }

    /** Lets layout, CSS and image decoding finish: a few pulses and a short pause. */
    static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            fx(() -> null);
            Thread.sleep(100);
        }
    }

    static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    private static void save(Scene scene, Path file) throws Exception {
        write(image(scene), file);
    }

    /** A dialog as it sits over the main window: the window dimmed a little, the dialog drawn where it is. */
    private static void saveOver(Scene main, Scene dialog, Path file) throws Exception {
        BufferedImage back = image(main);
        BufferedImage front = image(dialog);
        double[] at = fx(() -> new double[] {dialog.getWindow().getX() + dialog.getX() - main.getWindow().getX()
                - main.getX(), dialog.getWindow().getY() + dialog.getY() - main.getWindow().getY() - main.getY()});
        java.awt.Graphics2D g = back.createGraphics();
        g.setColor(new java.awt.Color(0, 0, 0, 70));
        g.fillRect(0, 0, back.getWidth(), back.getHeight());
        int x = Math.max(0, Math.min(back.getWidth() - front.getWidth(), (int) at[0]));
        int y = Math.max(0, Math.min(back.getHeight() - front.getHeight(), (int) at[1]));
        g.setColor(new java.awt.Color(0, 0, 0, 90));
        g.drawRect(x - 1, y - 1, front.getWidth() + 1, front.getHeight() + 1);
        g.drawImage(front, x, y, null);
        g.dispose();
        write(back, file);
    }

    private static BufferedImage image(Scene scene) throws Exception {
        Image image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    private static void write(BufferedImage out, Path file) throws Exception {
        int w = out.getWidth();
        int h = out.getHeight();
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file + " (" + w + "x" + h + ")");
    }

    static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
