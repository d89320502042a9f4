package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import org.casebook.evidence.Continuity;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** The detail pane's "Where it came from…" records an original's continuity for the bundle. */
class ContinuityDialogTest extends UiTestBase {
    @Test
    void whoExportedAFileFromWhatAndHowIsStored() throws Exception {
        openSeededVault();
        Case aCase = shell.session().cases().list().get(0);
        Path file = Files.writeString(temp.resolve("2024-03-09 note.txt"), "A note left on the car (fictional)");
        String sha = shell.session().attachments().attach(aCase.id(), List.of(file), null, Progress.NONE).get(0).sha256();
        interact(() -> mainView().viewModel().imported());
        waitUntil("the file on the timeline", () -> onFx(() -> shownTexts().contains("2024-03-09 note.txt")));
        interact(() -> {
            var list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof org.casebook.ui.timeline.TimelineRow.Entry e
                        && e.item().text().equals("2024-03-09 note.txt")) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
            }
        });
        waitUntil("the file's details", () -> lookup("#detail-continuity").tryQuery().isPresent());
        clickOn("#detail-continuity");
        waitUntil("the form", () -> lookup("#continuity-by").tryQuery().isPresent());
        clickOn("#continuity-by");
        typeText("Alex Example");
        clickOn("#continuity-device");
        typeText("her Android phone");
        interact(() -> lookup("#continuity-on").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 4, 2)));
        clickOn("#continuity-method");
        typeText("Photographed the note and copied the file over USB");
        clickOn("#continuity-save");
        waitUntil("stored", () -> new Continuity(shell.session().vault()).forCase(aCase.id()).containsKey(sha));
        Continuity.Record r = new Continuity(shell.session().vault()).forCase(aCase.id()).get(sha);
        assertEquals(new Continuity.Record("Alex Example", "her Android phone", null, LocalDate.of(2024, 4, 2),
                "Photographed the note and copied the file over USB"), r);
    }

    @Test
    void theDialogShowsWhenTheExportItselfSaysItWasMade() throws Exception {
        openSeededVault();
        Case aCase = shell.session().cases().list().get(0);
        shell.session().imports().importFile(aCase.id(), org.casebook.testsupport.Fixtures.file("sms-backup-restore",
                "sms-backup-reader-2_sample_small.xml"), org.casebook.imports.ImportOptions.defaults(), Progress.NONE);
        interact(() -> mainView().viewModel().imported());
        waitUntil("the texts on the timeline", () -> onFx(() -> shownTexts().contains("SMS 1 in Thread 1")));
        interact(() -> {
            var list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof org.casebook.ui.timeline.TimelineRow.Entry e
                        && "SMS 1 in Thread 1".equals(e.item().text())) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
            }
        });
        waitUntil("the message's details", () -> lookup("#detail-continuity").tryQuery().isPresent());
        clickOn("#detail-continuity");
        waitUntil("the form", () -> lookup("#continuity-export-says").tryQuery().isPresent());
        String said = onFx(() -> lookup("#continuity-export-says").queryAs(javafx.scene.control.Label.class).getText());
        java.time.ZoneId zone = aCase.zone();
        assertEquals("Made " + org.casebook.ui.common.Formats.DAY_TIME.format(java.time.Instant.ofEpochMilli(
                1721556032311L).atZone(zone)) + " (the backup_date the app wrote into"
                + " sms-backup-reader-2_sample_small.xml).", said);
    }
}
