package org.casebook.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Settings;

/** Review aid: the demo case's Orders, Reports, Impact and Pattern screens and their dialogs, as PNGs. */
public final class ConductScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path config = Files.createTempDirectory("casebook-shots-");
        System.setProperty("casebook.config.dir", config.toString());
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
        fx(() -> { CasebookApp.startDemo(shell); return null; });
        waitFor(90, () -> stage.getScene().getRoot().lookup("#timeline") != null
                && ((javafx.scene.control.ListView<?>) stage.getScene().getRoot().lookup("#timeline")).getItems().size() > 100);
        String[][] screens = {{"orders", "#add-order", "#order-save"}, {"reports", "#add-report", "#report-save"},
                {"impact", "#add-impact", "#impact-save"}, {"pattern", null, null}};
        for (String[] s : screens) {
            fx(() -> { ((ToggleButton) stage.getScene().getRoot().lookup("#nav-" + s[0])).fire(); return null; });
            Thread.sleep(args.length > 1 ? Long.parseLong(args[1]) : 4000);
            settle();
            shot(out.resolve(s[0] + ".png"));
            if (s[1] != null) {
                Button add = fx(() -> (Button) stage.getScene().getRoot().lookup(s[1]));
                Platform.runLater(add::fire);
                waitFor(20, () -> sceneWith(s[2]) != null);
                settle();
                shot(out.resolve(s[0] + "-dialog.png"));
                fx(() -> { sceneWith(s[2]).getWindow().hide(); return null; });
            }
        }
        if (Boolean.getBoolean("shots.keep")) {
            Thread.sleep(600_000);
        }
        fx(() -> { shell.lock(null); shell.shutdown(); return null; });
        Platform.exit();
        System.exit(0);
    }

    private static void shot(Path file) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        p.waitFor();
    }

    private static Scene sceneWith(String selector) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup(selector) != null) {
                return w.getScene();
            }
        }
        return null;
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 5; i++) {
            fx(() -> null);
            Thread.sleep(150);
        }
    }

    private static void waitFor(int seconds, java.util.function.BooleanSupplier c) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (fx(c::getAsBoolean)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(120, java.util.concurrent.TimeUnit.SECONDS);
    }
}
