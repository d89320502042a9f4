package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Open in another program…" on an attachment: nothing is written until the person has read what it leaves on the
 * computer and chosen to go on; then a readable copy in a private hidden folder goes to the computer's viewer, and
 * it is deleted when the vault locks, by the Lock button or by Quick exit.
 */
class OpenInAnotherProgramTest extends UiTestBase {
    private static final String NAME = "2024-03-09 car.txt";
    private static final byte[] CONTENT = "A note left on the car (fictional)".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void attachmentSelected() throws Exception {
        interact(() -> shell.setDocumentViewer(opened::add));
        openSeededVault();
        Case aCase = shell.session().cases().list().get(0);
        Path file = Files.write(temp.resolve(NAME), CONTENT);
        shell.session().attachments().attach(aCase.id(), List.of(file), null, Progress.NONE);
        Files.delete(file);
        interact(() -> mainView().viewModel().imported());
        waitUntil("the file on the timeline", () -> shownTexts().contains(NAME));
        interact(() -> {
            var list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof org.casebook.ui.timeline.TimelineRow.Entry e
                        && e.item().text().equals(NAME)) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
            }
        });
        waitUntil("the file's details", () -> lookup("#detail-open-elsewhere").tryQuery().isPresent());
    }

    @Test
    void aReadableCopyIsOpenedOnlyAfterTheWarningAndDeletedOnLock() throws Exception {
        Path copy = openCopy();
        clickOn("#lock");
        waitUntil("the start screen", this::startShown);
        waitUntil("the copy to be deleted", () -> !Files.exists(copy.getParent()));
    }

    @Test
    void quickExitDeletesTheCopy() throws Exception {
        Path copy = openCopy();
        clickOn("#quick-exit");
        waitUntil("the copy to be deleted", () -> !Files.exists(copy.getParent()));
    }

    @Test
    void cancellingTheWarningWritesNothing() {
        fireLater("#detail-open-elsewhere");
        Window warning = dialogWithHeader("Open \"" + NAME + "\" in another program?");
        clickOn(button(warning, "Cancel"));
        waitUntil("the warning to close", () -> !warning.isShowing());
        assertTrue(opened.isEmpty(), "nothing was opened: " + opened);
        assertEquals(0, shell.session().openedCopies().count(), "nothing was written");
    }

    /** Clicks through the warning and returns the copy the viewer was asked to open. */
    private Path openCopy() throws Exception {
        fireLater("#detail-open-elsewhere");
        Window warning = dialogWithHeader("Open \"" + NAME + "\" in another program?");
        String text = onFx(() -> ((DialogPane) warning.getScene().getRoot()).getContentText());
        assertTrue(text.contains("readable, unlocked copy") && text.contains("deletes its copy when you lock")
                && text.contains("Quick exit") && text.contains("cannot remove"), text);
        assertTrue(opened.isEmpty(), "nothing is opened before the person agrees");
        clickOn(button(warning, "Open a readable copy"));
        waitUntil("the copy to be opened", () -> !opened.isEmpty());
        Path copy = Path.of(URI.create(opened.get(0)));
        assertEquals(NAME, copy.getFileName().toString(), "the other program sees the file's own name");
        assertArrayEquals(CONTENT, Files.readAllBytes(copy), "the original's bytes");
        Path folder = copy.getParent();
        assertTrue(folder.getFileName().toString().startsWith(".") && folder.getFileName().toString().endsWith(".opened"),
                "a hidden folder: " + folder);
        assertFalse(folder.toString().toLowerCase(java.util.Locale.ROOT).contains("casebook"),
                "the path does not name the app: " + folder);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(), folder.getParent().toRealPath());
        return copy;
    }

    private Button button(Window dialog, String text) {
        return onFx(() -> dialog.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && text.equals(b.getText())).map(n -> (Button) n)
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text)));
    }
}
