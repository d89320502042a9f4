package org.casebook.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one window: a slim top bar with the always-visible Quick exit, and the current screen below it.
 * Owns the safety behaviour: quick exit (button, Esc twice, Ctrl+Shift+Q), locking, auto-lock on idle.
 */
public final class AppShell {
    private static final Logger LOG = LoggerFactory.getLogger(AppShell.class);
    private static final long DOUBLE_ESCAPE_NANOS = 800_000_000L;
    private static final long CLOSE_WAIT_MS = 50;
    public static final String TITLE = "Casebook";
    public static final String DISCREET_TITLE = "Notes";

    private final Stage stage;
    private final Settings settings;
    private final TaskRunner tasks = new TaskRunner();
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final Label screenTitle = new Label();
    private final IdleLock idleLock;
    private final List<Runnable> lockListeners = new ArrayList<>();
    private Session session;
    private Consumer<String> startScreen = notice -> { };
    private boolean exitOnQuickExit = true;
    private long lastEscape;
    /** HostServices.showDocument when running as the app; absent in tests and tools built without one. */
    private Consumer<String> documentViewer;
    private final javafx.event.EventHandler<KeyEvent> quickExitKeys = this::onKey;

    public AppShell(Stage stage, Settings settings) {
        this.stage = stage;
        this.settings = settings;
        this.dialogs = new DialogService(stage, this::quickExit, settings.discreetTitleProperty());
        root.setTop(topBar());
        root.getStyleClass().add("app-root");
        // 1280x720, or the screen's size when it is smaller: the window must never open larger than the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(720, screen.getHeight()));
        scene.getStylesheets().add(AppShell.class.getResource("/org/casebook/ui/casebook.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, quickExitKeys);
        watchOwnedWindows();
        stage.setScene(scene);
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        idleLock = new IdleLock(scene, settings::autoLockAfter, () -> lock("Locked after "
                + describe(settings.autoLockAfter()) + " without use. Unlock to carry on."));
        idleLock.watchAllWindows();
        applyTheme();
        applyTextSize();
        applyTitle();
        settings.themeProperty().addListener((o, a, b) -> applyTheme());
        settings.textSizeProperty().addListener((o, a, b) -> applyTextSize());
        settings.discreetTitleProperty().addListener((o, a, b) -> applyTitle());
    }

    private Node topBar() {
        Label brand = new Label();
        brand.getStyleClass().add("brand");
        brand.textProperty().bind(javafx.beans.binding.Bindings.when(settings.discreetTitleProperty())
                .then(DISCREET_TITLE).otherwise(TITLE));
        screenTitle.getStyleClass().add("screen-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button quickExit = QuickExitButton.create(this::quickExit, settings.discreetTitleProperty());
        HBox bar = new HBox(12, brand, screenTitle, spacer, quickExit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 16));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /**
     * The quick-exit keys work in every window of the app, not only the main one: a dialog (the diary form,
     * say) has its own scene, and the keys must not be lost while it has the focus.
     */
    private void watchOwnedWindows() {
        Window.getWindows().addListener(ownedWindows);
    }

    private final ListChangeListener<Window> ownedWindows = this::watchNewWindows;

    private void watchNewWindows(ListChangeListener.Change<? extends Window> change) {
        while (change.next()) {
            for (Window w : change.getAddedSubList()) {
                if (w != stage && ownedByStage(w)) {
                    if (w.getScene() != null) {
                        w.getScene().addEventFilter(KeyEvent.KEY_PRESSED, quickExitKeys);
                    }
                    w.sceneProperty().addListener((obs, old, next) -> {
                        if (old != null) {
                            old.removeEventFilter(KeyEvent.KEY_PRESSED, quickExitKeys);
                        }
                        if (next != null) {
                            next.addEventFilter(KeyEvent.KEY_PRESSED, quickExitKeys);
                        }
                    });
                }
            }
        }
    }

    private boolean ownedByStage(Window w) {
        for (Window owner = w; owner != null; ) {
            if (owner == stage) {
                return true;
            }
            owner = owner instanceof Stage s ? s.getOwner()
                    : owner instanceof PopupWindow p ? p.getOwnerWindow() : null;
        }
        return false;
    }

    private void onKey(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
            e.consume();
            quickExit();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            long now = System.nanoTime();
            if (now - lastEscape < DOUBLE_ESCAPE_NANOS) {
                e.consume();
                quickExit();
            }
            lastEscape = now;
        }
    }

    /** Shows a screen below the top bar. */
    public void show(Parent screen, String title) {
        root.setCenter(screen);
        screenTitle.setText(title == null ? "" : title);
    }

    /** The start screen factory, called with a notice (or null) whenever the app locks. */
    public void setStartScreen(Consumer<String> startScreen) {
        this.startScreen = startScreen;
    }

    public void showStart(String notice) {
        startScreen.accept(notice);
    }

    /** Unlocked: remember the session and start the idle clock. */
    public void unlocked(Session newSession) {
        closeSession();
        this.session = newSession;
        if (!newSession.isThrowaway()) {
            settings.noteRecent(newSession.file());
        }
        idleLock.arm();
    }

    public Session session() {
        return session;
    }

    /** Runs once, when the app next locks, so the views of this session can drop what they hold. */
    public void onLock(Runnable listener) {
        lockListeners.add(listener);
    }

    /** Locks: closes every dialog, empties the screen, closes the vault, and shows the start screen. */
    public void lock(String notice) {
        idleLock.disarm();
        clearEverything();
        closeSession();
        showStart(notice);
    }

    /**
     * Quick exit: the window disappears first, then everything it showed is dropped and the vault locked;
     * then the app ends (tests keep it running to check the result).
     */
    public void quickExit() {
        long started = System.nanoTime();
        stage.hide();
        idleLock.disarm();
        clearEverything();
        closeSession();
        LOG.info("quick exit took {} ms", (System.nanoTime() - started) / 1_000_000);
        if (exitOnQuickExit) {
            tasks.shutdown();
            Platform.exit();
        } else {
            showStart(null);
        }
    }

    private void clearEverything() {
        dialogs.locked();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage) {
                w.hide();
            }
        }
        // Each unlocked session registers its views' listeners afresh; dropping them here keeps the views
        // of earlier sessions (and whatever they still reference) from living as long as the app.
        List<Runnable> listeners = new ArrayList<>(lockListeners);
        lockListeners.clear();
        listeners.forEach(Runnable::run);
        root.setCenter(null);
        screenTitle.setText("");
    }

    /**
     * Closes the vault. A read still running (the timeline of a large case, say) holds the vault until it
     * ends, so the closing happens on its own thread: the window never waits more than
     * {@value #CLOSE_WAIT_MS} ms for it, and the vault closes the moment the read is done. The thread is not
     * a daemon, so the app cannot end before the vault is closed.
     */
    private void closeSession() {
        Session s = session;
        session = null;
        if (s == null) {
            return;
        }
        Thread closing = new Thread(() -> {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the vault failed: {}", e.getClass().getSimpleName());
            }
        }, "casebook-lock");
        closing.start();
        try {
            closing.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Opens a file (the finished bundle) or a folder in the computer's default application for it.
     *
     * @return false when this run of the app has no way to do that
     */
    public boolean showDocument(java.nio.file.Path file) {
        if (documentViewer == null) {
            return false;
        }
        documentViewer.accept(file.toUri().toString());
        return true;
    }

    /** Whether this run of the app can open a file in the computer's default program ({@link #showDocument}). */
    public boolean canShowDocuments() {
        return documentViewer != null;
    }

    public void setDocumentViewer(Consumer<String> viewer) {
        this.documentViewer = viewer;
    }

    public void setExitOnQuickExit(boolean exit) {
        this.exitOnQuickExit = exit;
    }

    public Stage stage() {
        return stage;
    }

    public Settings settings() {
        return settings;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public IdleLock idleLock() {
        return idleLock;
    }

    /** Closing the window locks the vault before the app ends. */
    public void shutdown() {
        idleLock.disarm();
        idleLock.stopWatching();
        Window.getWindows().removeListener(ownedWindows);
        closeSession();
        tasks.shutdown();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(settings.themeProperty().get() == Settings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(settings.themeProperty().get() == Settings.Theme.DARK ? "theme-dark" : "theme-light");
    }

    private void applyTextSize() {
        root.setStyle("-fx-font-size: " + settings.textSizeProperty().get() + "px;");
    }

    private void applyTitle() {
        String title = settings.discreetTitleProperty().get() ? DISCREET_TITLE : TITLE;
        stage.setTitle(title);
        stage.getIcons().setAll(WindowIcon.images(settings.discreetTitleProperty().get()));
        nameWindows(title);
    }

    /**
     * The name the desktop gives the app's windows: on Linux their WM_CLASS, which the taskbar and the window
     * switcher show. JavaFX takes it from the application class, "org.casebook.ui.CasebookApp", which would say
     * what the app is with the neutral title on, and offers no way to change it once set; its field is set here.
     * A window takes the name when it is made, so a change of the setting reaches the main window at the next
     * start. Where JavaFX's internals are closed (a modular runtime), the name stays JavaFX's.
     */
    private static void nameWindows(String name) {
        try {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object application = glass.getMethod("GetApplication").invoke(null);
            if (application != null) {
                java.lang.reflect.Field field = glass.getDeclaredField("name");
                field.setAccessible(true);
                field.set(application, name);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the windows keep JavaFX's name: {}", e.getClass().getSimpleName());
        }
    }

    private static String describe(java.time.Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 1) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return d.toSeconds() == 1 ? "1 second" : d.toSeconds() + " seconds";
    }
}
