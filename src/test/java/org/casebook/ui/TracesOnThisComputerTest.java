package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.casebook.ui.common.AppShell;
import org.casebook.ui.common.Settings;
import org.junit.jupiter.api.Test;

/**
 * What Casebook leaves for someone else using the computer to find outside the vault: no list of vaults unless
 * the person asks for one (and none kept from an earlier version without asking), and with the neutral title
 * on, a locked screen and window names that say nothing about what the app is or where the vault is.
 */
class TracesOnThisComputerTest extends UiTestBase {
    /** Words that tell an onlooker what the app is for. */
    private static final List<String> TELLING = List.of("casebook", "vault", "evidence", "police", "court",
            "harass", "stalk", "abuse", "bundle", "quick exit", "encrypted", "safe");

    private boolean neutral;
    private boolean olderSettings;

    @Override
    void configure(Settings s) {
        String name = testName();
        neutral = name.startsWith("withTheNeutralTitle");
        olderSettings = name.contains("EarlierVersion");
        if (olderSettings) {
            writeSettings("autoLockMinutes=5\ndiscreetTitle=false\ndefaultZone=Etc/UTC\nrememberRecent=true\n"
                    + "recent.0=/home/alex/Documents/secret/my-case.casebook\n");
            settings = Settings.load(Settings.defaultFolder());
        }
        if (neutral) {
            settings.discreetTitleProperty().set(true);
            settings.rememberRecentProperty().set(true); // even then, the neutral screen shows no vault
        }
    }

    @Test
    void aVaultOpenedIsNotRememberedUnlessThePersonAsks() throws Exception {
        Path file = openSeededVault();
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        assertTrue(onFx(() -> lookup("#recent-vaults").queryAs(ListView.class).getItems().isEmpty()),
                "no recent vaults listed");
        assertNoneShown(List.of(file.getFileName().toString(), file.getParent().toString()));
        Path stored = Settings.defaultFolder().resolve("settings.properties");
        if (Files.exists(stored)) {
            String text = Files.readString(stored);
            assertFalse(text.contains(file.getFileName().toString()), "the settings file names no vault:\n" + text);
        }
    }

    @Test
    void aListAnEarlierVersionKeptIsForgottenAndThePersonIsToldOnce() throws Exception {
        assertTrue(onFx(() -> lookup("#recent-vaults").queryAs(ListView.class).getItems().isEmpty()),
                "the old list is not shown");
        String stored = Files.readString(Settings.defaultFolder().resolve("settings.properties"));
        assertFalse(stored.contains("my-case.casebook") || stored.contains("secret"),
                "the file was rewritten without the path:\n" + stored);
        assertFalse(settings.rememberRecentProperty().get(), "remembering is off until the person turns it on");
        assertTrue(onFx(() -> lookup("#start-notice").queryAs(javafx.scene.control.Label.class).getText())
                .startsWith("Casebook no longer keeps a list of the vaults you open"));
        assertEquals(null, settings.takeNotice(), "said once");
    }

    @Test
    void withTheNeutralTitleTheLockedScreenSaysNothing() {
        Path file = openSeededVault();
        assertEquals(AppShell.DISCREET_TITLE, stage.getTitle(), "the taskbar title while unlocked");
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        assertEquals(AppShell.DISCREET_TITLE, stage.getTitle(), "the taskbar title when locked");
        List<String> shown = shownTexts(stage.getScene().getRoot());
        for (String text : shown) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : TELLING) {
                assertFalse(lower.contains(word), "the locked screen says \"" + text + "\"");
            }
        }
        assertNoneShown(List.of(file.getFileName().toString(), file.getParent().toString()));
        assertTrue(shown.contains(AppShell.DISCREET_TITLE), "it still says something: " + shown);
        assertVisible(lookup("#open-settings").query()); // the way back out of the neutral title
        assertEquals(AppShell.DISCREET_TITLE, glassApplicationName(), "the windows' name for the desktop");
    }

    @Test
    void withoutTheNeutralTitleTheWindowsAreCalledCasebook() {
        assertEquals(AppShell.TITLE, stage.getTitle());
        assertEquals(AppShell.TITLE, glassApplicationName(), "not JavaFX's org.casebook.ui.CasebookApp");
    }

    private void assertNoneShown(List<String> secrets) {
        for (String text : shownTexts(stage.getScene().getRoot())) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "the screen shows \"" + text + "\"");
            }
        }
    }

    /** Every text drawn in the window: labels, buttons, list rows, plain text. */
    private List<String> shownTexts(Node root) {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            collect(root, out);
            return out;
        });
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        } else if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()
                && !(t.getParent() instanceof Labeled)) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    private String glassApplicationName() {
        return onFx(() -> {
            Class<?> glass = Class.forName("com.sun.glass.ui.Application");
            Object app = glass.getMethod("GetApplication").invoke(null);
            return (String) glass.getMethod("getName").invoke(app);
        });
    }

    private static void writeSettings(String text) {
        try {
            Files.writeString(Settings.defaultFolder().resolve("settings.properties"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
