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
    static final Duration WAIT = Duration.ofSeconds(20);

    static {
        // Fewer interpolation steps per mouse move: the robot still moves, presses and drags, only faster.
        System.setProperty("testfx.robot.move_max_count", "12");
    }

    @TempDir
    Path temp;
    AppShell shell;
    Stage stage;
    Settings settings;

    @BeforeEach
    void startApp() throws Exception {
        Path config = Files.createDirectories(temp.resolve("config"));
        System.setProperty("casebook.config.dir", config.toString());
        stage = FxToolkit.registerPrimaryStage();
        settings = Settings.load(Settings.defaultFolder());
        configure(settings);
        interact(() -> {
            shell = CasebookApp.open(stage, settings);
            shell.setExitOnQuickExit(false);
            // The primary stage is shared by every test: a size an earlier test set must not carry over.
            stage.setWidth(1280);
            stage.setHeight(720);
            stage.show();
            stage.toFront();
        });
        waitUntil("the start screen", this::startShown);
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
