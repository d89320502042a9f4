package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.DialogPane;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;

/** Unlocking a vault after a crash mid-bundle removes the unfinished bundle and tells the person so. */
class UnfinishedOutputNoticeTest extends UiTestBase {

    @Test
    void unlockingSaysWhichUnfinishedFileWasRemoved() throws Exception {
        Path file = SeededVault.copyTo(temp);
        Path part = Files.writeString(temp.resolve(".bundle.pdf.5c0ffee.part"), "%PDF-1.7 decrypted evidence");
        TestVaults.recordLeftover(file, PASSPHRASE, part, "BUNDLE");

        unlockThroughDialog(file, PASSPHRASE);
        waitForMain();
        waitUntil("the notice", () -> lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane notice = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Unfinished files removed", notice.getHeaderText());
        assertTrue(notice.getContentText().contains("Removed an unfinished bundle that an interrupted run of"
                + " Casebook left behind: " + part), notice.getContentText());
        assertFalse(Files.exists(part));
        clickOn(lookup(".dialog-pane .button").<javafx.scene.Node>query());
        waitUntil("the notice to close", () -> lookup(".dialog-pane").tryQuery().isEmpty());
        assertTrue(mainShown());
    }
}
