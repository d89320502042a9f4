package org.casebook.ui;

import static org.casebook.ui.ScreenshotTool.fx;
import static org.casebook.ui.ScreenshotTool.sceneWith;
import static org.casebook.ui.ScreenshotTool.settle;
import static org.casebook.ui.ScreenshotTool.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.casebook.ui.common.AppShell;

/** Review aid: the demo case's Orders, Reports, Impact and Pattern screens and their dialogs, as PNGs. */
public final class ConductScreenshots {
    private ConductScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        Path config = Files.createTempDirectory("casebook-shots-");
        System.setProperty("casebook.config.dir", config.toString());
        ScreenshotTool.RunningApp app = ScreenshotTool.startApp(config);
        Stage stage = app.stage();
        AppShell shell = app.shell();
        fx(() -> { CasebookApp.startDemo(shell); return null; });
        waitFor("the demo case", 90, () -> stage.getScene().getRoot().lookup("#timeline") != null
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
                waitFor("the dialog", 20, () -> sceneWith(s[2]) != null);
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
}
