package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Session;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import org.casebook.ui.common.Settings;
import org.casebook.ui.main.MainView;
import org.casebook.ui.start.PassphraseDialogs;
import org.casebook.ui.start.StartView;
import org.casebook.ui.start.StartViewModel;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app in the test's stage, with its settings in a temporary folder (never the real home) and
 * quick exit that hides and locks but does not end the JVM. Waits poll with a deadline; no fixed sleeps.
 */
abstract class UiTestBase extends FxRobot {
    static final String PASSPHRASE = "lantern mosaic drizzle quarry 47";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /**
     * How long a wait may take before the test fails. Generous: a bundle made on a small CI machine busy with the
     * other test fork can take many seconds, and a passing test never waits longer than its condition needs.
     */
    static final Duration WAIT = Duration.ofSeconds(90);

    static {
        // Fewer interpolation steps per mouse move: the robot still moves, presses and drags, only faster.
        System.setProperty("testfx.robot.move_max_count", "12");
    }

    @TempDir
    Path temp;
    AppShell shell;
    Stage stage;
    Settings settings;

    private String testName = "";

    @BeforeEach
    void startApp(org.junit.jupiter.api.TestInfo info) throws Exception {
        testName = info.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        Path config = Files.createDirectories(temp.resolve("config"));
        System.setProperty("casebook.config.dir", config.toString());
        stage = FxToolkit.registerPrimaryStage();
        settings = Settings.load(Settings.defaultFolder());
        configure(settings);
        interact(() -> {
            shell = CasebookApp.open(stage, settings);
            shell.setExitOnQuickExit(false);
            // The primary stage is shared by every test: a size an earlier test set must not carry over. It is
            // 1280x720, or the screen when that is smaller (a child JVM checks a 1024x640 screen).
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(Math.min(1280, screen.getWidth()));
            stage.setHeight(Math.min(720, screen.getHeight()));
            stage.show();
            stage.toFront();
        });
        waitUntil("the start screen", this::startShown);
    }

    /** The running test method's name, for {@link #configure} to set up per test. */
    String testName() {
        return testName;
    }

    /** Lets a test change settings before the app is built. */
    void configure(Settings settings) {
    }

    @AfterEach
    void closeApp() {
        if (shell != null) {
            interact(() -> {
                for (Window w : new ArrayList<>(Window.getWindows())) {
                    if (w != stage) {
                        w.hide();
                    }
                }
                shell.shutdown();
            });
        }
        try {
            FxToolkit.cleanupStages();
        } catch (TimeoutException e) {
            throw new AssertionError("the windows did not close", e);
        }
    }

    // ---- waiting ------------------------------------------------------------------------------------

    /** Polls {@code condition} on the FX thread until it holds, failing with {@code what} after the deadline. */
    void waitUntil(String what, Supplier<Boolean> condition) {
        waitUntil(what, WAIT, condition);
    }

    void waitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        Callable<Boolean> onFx = () -> WaitForAsyncUtils.asyncFx(condition::get).get();
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, onFx);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and returns the result. */
    <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }

    /**
     * Types {@code text} into the focused control through the robot's keyboard, one character at a time
     * (as {@code write} does), waiting for the FX thread once at the end rather than after every character.
     */
    UiTestBase typeText(String text) {
        Window target = robotContext().getWindowFinder().window(Window::isFocused);
        if (target == null) {
            target = robotContext().getWindowFinder().targetWindow();
        }
        for (char c : text.toCharArray()) {
            robotContext().getBaseRobot().typeKeyboard(target.getScene(), KeyCode.UNDEFINED, String.valueOf(c));
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Clicks a text field and replaces its text by typing. */
    void replaceText(String query, String text) {
        clickOn(query).push(KeyCode.CONTROL, KeyCode.A);
        typeText(text);
    }

    /** Opens a combo box and clicks the entry showing {@code text}. */
    void choose(String comboQuery, String text) {
        clickOn(comboQuery);
        waitUntil("the list of " + comboQuery, () -> lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText(text)).tryQuery().isPresent());
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(text)).<Node>query());
    }

    /** Unlocks the seeded vault through the dialog and waits for its whole timeline. */
    Path openSeededVault() {
        Path file = SeededVault.copyTo(temp);
        unlockThroughDialog(file, PASSPHRASE);
        waitForMain();
        waitForTexts(SeededVault.ALL);
        return file;
    }

    /**
     * Unlocks a fresh copy of the seeded vault without the dialog (quicker, for tests about something else)
     * and waits for its whole timeline.
     */
    Path openSeededVaultDirectly() {
        Path file = SeededVault.copyTo(temp);
        Session session;
        try (Passphrase key = Passphrase.of(PASSPHRASE)) {
            session = new Session(Vault.open(file, key), false);
        }
        interact(() -> CasebookApp.showMain(shell, session));
        waitForMain();
        waitForTexts(SeededVault.ALL);
        return file;
    }

    // ---- dialogs ------------------------------------------------------------------------------------

    /** Scrolls the dialog's form so the field is in view, as a person would before clicking it. */
    void reveal(String query) {
        interact(() -> {
            javafx.scene.Node node = lookup(query).query();
            javafx.scene.Node n = node;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            javafx.scene.control.ScrollPane scroller = (javafx.scene.control.ScrollPane) n;
            double y = scroller.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            double room = scroller.getContent().getBoundsInLocal().getHeight()
                    - scroller.getViewportBounds().getHeight();
            scroller.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
    }

    /** The showing windows of the app other than the main one, newest last. */
    List<Window> dialogWindows() {
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && !(w instanceof javafx.stage.PopupWindow))
                .toList());
    }

    /** Waits for the dialog holding {@code selector} and returns its window. */
    Window dialogWith(String selector) {
        waitUntil("a dialog with " + selector, () -> dialogWindows().stream()
                .anyMatch(w -> w.getScene().lookup(selector) != null));
        return settled(dialogWindows().stream().filter(w -> w.getScene().lookup(selector) != null)
                .reduce((a, b) -> b).orElseThrow());
    }

    /**
     * Waits until {@code window} stops moving: a dialog sizes itself to its content over its first pulses, and
     * the robot must not aim at where a field was before that.
     */
    Window settled(Window window) {
        java.util.function.Supplier<List<Double>> bounds = () -> onFx(() -> List.of(window.getX(), window.getY(),
                window.getWidth(), window.getHeight()));
        List<Double> before = bounds.get();
        for (int i = 0; i < 50; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            sleep(20);
            List<Double> now = bounds.get();
            if (now.equals(before)) {
                return window;
            }
            before = now;
        }
        throw new AssertionError("the dialog kept moving: " + before);
    }

    /** Waits for the dialog whose header starts with {@code header} and returns its window. */
    Window dialogWithHeader(String header) {
        java.util.function.Predicate<Window> matches = w -> w.getScene().getRoot()
                instanceof javafx.scene.control.DialogPane pane && pane.getHeaderText() != null
                && pane.getHeaderText().startsWith(header);
        waitUntil("a dialog headed \"" + header + "\"", () -> dialogWindows().stream().anyMatch(matches));
        return settled(dialogWindows().stream().filter(matches).reduce((a, b) -> b).orElseThrow());
    }

    /** Presses the dialog's default button (OK, Save …) the way Enter would. */
    void fireDefaultButton(Window dialog) {
        javafx.scene.control.Button ok = onFx(() -> dialog.getScene().getRoot()
                .lookupAll(".button").stream().filter(n -> n instanceof javafx.scene.control.Button b
                        && b.isDefaultButton()).map(n -> (javafx.scene.control.Button) n).findFirst().orElseThrow());
        javafx.application.Platform.runLater(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Fires a button of the main window later on the FX thread: for buttons that open a dialog and wait for it,
     * where the robot's click would have to scroll the pane first.
     */
    void fireLater(String selector) {
        javafx.scene.control.ButtonBase button = onFx(() ->
                (javafx.scene.control.ButtonBase) stage.getScene().getRoot().lookup(selector));
        javafx.application.Platform.runLater(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the timeline entry with {@code text} and waits for it in the detail pane. */
    void selectTimelineEntry(String text) {
        interact(() -> {
            ListView<TimelineRow> list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof TimelineRow.Entry e && e.item().text().equals(text)) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                    return;
                }
            }
            throw new AssertionError("no timeline entry " + text);
        });
        waitUntil("the entry in the detail pane", () -> stage.getScene().getRoot().lookup("#detail-conduct")
                instanceof javafx.scene.Parent conduct && !conduct.getChildrenUnmodifiable().isEmpty()
                && mainView().viewModel().detail().detailProperty().get() != null
                && text.equals(mainView().viewModel().detail().detailProperty().get().item().text()));
    }

    // ---- screens ------------------------------------------------------------------------------------

    boolean mainShown() {
        return stage.getScene().getRoot().lookup("#main-view") != null;
    }

    boolean startShown() {
        return stage.getScene().getRoot().lookup("#start-view") != null;
    }

    MainView mainView() {
        return (MainView) stage.getScene().getRoot().lookup("#main-view");
    }

    StartView startView() {
        return (StartView) stage.getScene().getRoot().lookup("#start-view");
    }

    /** A start-screen view-model wired like the real one: unlocking shows the main window. */
    StartViewModel startViewModel() {
        return new StartViewModel(shell, null, session -> CasebookApp.showMain(shell, session));
    }

    /** Creates a vault through the real create dialog (the file chooser before it cannot run headless). */
    Path createVaultThroughDialog(String name) {
        Path file = temp.resolve(name);
        interact(() -> PassphraseDialogs.create(shell.dialogs(), startViewModel(), file));
        waitUntil("the create dialog", () -> lookup("#create-passphrase").tryQuery().isPresent());
        clickOn("#create-passphrase");
        typeText(PASSPHRASE);
        clickOn("#create-passphrase-again");
        typeText(PASSPHRASE);
        waitUntil("the create button to be enabled",
                () -> !lookup("#create-button").query().isDisabled());
        clickOn("#create-button");
        waitForMain();
        return file;
    }

    /** Unlocks {@code file} through the real unlock dialog, typing the passphrase. */
    void unlockThroughDialog(Path file, String passphrase) {
        interact(() -> PassphraseDialogs.unlock(shell.dialogs(), startViewModel(), file));
        waitUntil("the unlock dialog", () -> lookup("#unlock-passphrase").tryQuery().isPresent());
        clickOn("#unlock-passphrase");
        typeText(passphrase);
        clickOn("#unlock-button");
    }

    void waitForMain() {
        waitUntil("the main window", this::mainShown);
        waitUntil("the cases to load", () -> !timelineLoading());
    }

    boolean timelineLoading() {
        MainView main = mainView();
        return main == null || main.lookup("#timeline-loading").isVisible();
    }

    // ---- timeline -----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    ListView<TimelineRow> timeline() {
        return (ListView<TimelineRow>) stage.getScene().getRoot().lookup("#timeline");
    }

    List<TimelineRow> rows() {
        return onFx(() -> {
            ListView<TimelineRow> list = timeline();
            return list == null ? List.of() : List.copyOf(list.getItems());
        });
    }

    /** The items (not day headings) the timeline shows, in order. */
    List<TimelineItem> shownItems() {
        List<TimelineItem> out = new ArrayList<>();
        for (TimelineRow row : rows()) {
            if (row instanceof TimelineRow.Entry e) {
                out.add(e.item());
            }
        }
        return out;
    }

    List<String> shownTexts() {
        return shownItems().stream().map(TimelineItem::text).toList();
    }

    /** Waits until the timeline shows exactly {@code expected} (item texts, in order). */
    void waitForTexts(List<String> expected) {
        try {
            waitUntil("timeline rows " + expected, () -> {
                ListView<TimelineRow> list = timeline();
                if (list == null) {
                    return false;
                }
                List<String> texts = new ArrayList<>();
                for (TimelineRow row : list.getItems()) {
                    if (row instanceof TimelineRow.Entry e) {
                        texts.add(e.item().text());
                    }
                }
                return texts.equals(expected);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: " + shownTexts(), e);
        }
    }

    static void assertVisible(Node node) {
        assertTrue(node != null && node.isVisible() && node.getScene() != null, "should be visible: " + node);
    }
}
