package org.casebook.ui;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.Settings;
import org.casebook.ui.main.MainView;
import org.casebook.ui.main.MainViewModel;
import org.casebook.ui.start.PassphraseDialogs;
import org.casebook.ui.start.StartView;
import org.casebook.ui.start.StartViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app. {@code --demo} opens straight into the fictional demo case. */
public final class CasebookApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CasebookApp.class);
    public static final String DEMO_FLAG = "--demo";

    static {
        // JavaFX keeps the layout of every short text it has drawn in a static cache that nothing empties: after Lock
        // it would still hold message texts the timeline showed. Off, before the first text is laid out.
        System.setProperty("prism.cacheLayoutSize", "0");
    }

    private AppShell shell;

    public static void launchApp(String[] args) {
        Application.launch(CasebookApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("unexpected error in {}", thread.getName(), error);
            if (Platform.isFxApplicationThread() && shell != null) {
                shell.dialogs().showError("Something went wrong", error);
            }
        });
        shell = open(stage, Settings.load(Settings.defaultFolder()));
        shell.setDocumentViewer(getHostServices()::showDocument);
        List<String> args = getParameters().getRaw();
        stage.setOnCloseRequest(e -> shell.shutdown());
        stage.show();
        // The driver's native library loads while the person reads the start screen, not when they unlock.
        shell.tasks().quick(progress -> {
            org.casebook.vault.Vault.warmUp();
            return null;
        }, ignored -> { }, ignored -> { });
        if (args.contains(DEMO_FLAG)) {
            startDemo(shell);
        } else if (args.size() == 1 && args.get(0).toLowerCase(java.util.Locale.ROOT).endsWith(".casebook")) {
            java.nio.file.Path vault = java.nio.file.Path.of(args.get(0)).toAbsolutePath();
            Platform.runLater(() -> askToUnlock(shell, vault));
        }
    }

    /** A vault double-clicked on the desktop: its passphrase is asked for straight away, as after "Open…". */
    static void askToUnlock(AppShell shell, java.nio.file.Path vault) {
        PassphraseDialogs.unlock(shell.dialogs(), startViewModel(shell), vault);
    }

    private static StartViewModel startViewModel(AppShell shell) {
        javafx.stage.Window window = shell.dialogs().owner();
        javafx.scene.Node shown = window == null || window.getScene() == null ? null
                : window.getScene().getRoot().lookup("#start-view");
        return shown instanceof StartView start ? start.viewModel()
                : new StartViewModel(shell, null, session -> showMain(shell, session));
    }

    /** Builds the app in {@code stage}: the shell, its start screen, and the way into the main window. */
    public static AppShell open(Stage stage, Settings settings) {
        AppShell shell = new AppShell(stage, settings);
        shell.setStartScreen(notice -> shell.show(
                new StartView(shell, new StartViewModel(shell, notice, session -> showMain(shell, session))), null));
        shell.showStart(settings.takeNotice());
        return shell;
    }

    /**
     * Opens the demo case as if its button had been pressed: through the start screen on show, so that it says how
     * far the building has got and its buttons wait meanwhile.
     */
    public static void startDemo(AppShell shell) {
        StartViewModel vm = startViewModel(shell);
        vm.openDemo(error -> shell.dialogs().showError("The demo case could not be made", error));
    }

    static void showMain(AppShell shell, Session session) {
        shell.unlocked(session);
        MainViewModel vm = new MainViewModel(session, shell.tasks(),
                (title, error) -> shell.dialogs().showError(title, error));
        shell.onLock(vm::clear);
        MainView view = new MainView(shell, vm);
        shell.show(view, session.isThrowaway() ? "Demo" : session.file().getFileName().toString());
        vm.start(() -> javafx.application.Platform.runLater(view::promptFirstCaseIfNone));
        // What an interrupted run left outside the vault (an unfinished bundle or export) was removed on unlock.
        if (session.vault().isReadOnly()) {
            Platform.runLater(() -> shell.dialogs().showInfo("Read-only vault", session.file() + " is on a read-only"
                    + " disk or in a folder Casebook cannot write to. You can read, search and verify it, but nothing"
                    + " can be added or changed. To work on it, copy it to a folder you can write to and open the copy."));
        }
        List<String> removed = session.vault().leftoversRemoved().stream().map(l -> l.message()).toList();
        if (!removed.isEmpty()) {
            Platform.runLater(() -> shell.dialogs().showInfo("Unfinished files removed",
                    String.join("\n\n", removed)));
        }
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
