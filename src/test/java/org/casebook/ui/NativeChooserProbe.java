package org.casebook.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Settings;

/**
 * Run in a child JVM on a real (Xvfb) display with GTK, by {@link RecentFilesTest}: opens the platform's file
 * chooser titled {@value #TITLE} and prints what was chosen. {@code open} and {@code save}: the app's own
 * choosers (to add evidence; to save a bundle), in the app started as {@link CasebookApp} does; {@code bare}:
 * JavaFX's chooser used directly, to show what GTK does unchecked.
 *
 * <p>Arguments: {@code open|save|bare CONFIG_DIR}.
 */
public final class NativeChooserProbe {
    static final String TITLE = "Add photos and files";

    private NativeChooserProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path config = Path.of(args[1]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            AppShell shell = CasebookApp.open(stage, Settings.load(config));
            shell.setExitOnQuickExit(false);
            stage.show();
            List<Path> chosen = switch (mode) {
                case "open" -> shell.dialogs().chooseFiles(TITLE);
                case "save" -> shell.dialogs().chooseSaveFile(TITLE, config, "bundle.pdf",
                        new FileChooser.ExtensionFilter("PDF documents (*.pdf)", "*.pdf")).stream().toList();
                default -> {
                    FileChooser bare = new FileChooser();
                    bare.setTitle(TITLE);
                    List<File> files = bare.showOpenMultipleDialog(stage);
                    yield files == null ? List.of() : files.stream().map(File::toPath).toList();
                }
            };
            System.out.println("chosen: " + chosen);
            System.out.flush();
            // GTK records a recent file from its main loop a moment after the chooser closes: give it that time.
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            wait.setOnFinished(e -> Platform.exit());
            wait.play();
        });
    }
}
