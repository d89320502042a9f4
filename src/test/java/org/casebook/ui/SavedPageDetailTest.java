package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.casebook.evidence.CaseService;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.ItemKind;
import org.casebook.testsupport.Fixtures;
import org.casebook.ui.timeline.TimelineRow;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;

/**
 * A page another tool saved, imported and opened from the timeline: the detail pane says what is known of it (saved
 * by another tool, no HTTP status because Casebook did not visit the address), never "null".
 */
class SavedPageDetailTest extends UiTestBase {
    @Test
    void aSavedPageSaysItWasSavedByAnotherToolAndNeverShowsNull() throws Exception {
        Path vaultFile = SeededVault.copyTo(temp);
        try (Vault v = Vault.open(vaultFile, Passphrase.of(PASSPHRASE))) {
            long caseId = new CaseService(v).list().get(0).id();
            new ImportService(v, Importers.standard()).importFile(caseId,
                    Fixtures.file("web", "chromium_page_with_image_unmht.mht"), ImportOptions.defaults(), Progress.NONE);
        }
        unlockThroughDialog(vaultFile, PASSPHRASE);
        waitForMain();
        waitUntil("the saved page in the timeline", () -> shownItems().size() == SeededVault.ALL.size() + 1);
        TimelineRow saved = rows().stream().filter(r -> r instanceof TimelineRow.Entry e
                && e.item().kind() == ItemKind.CAPTURE).findFirst().orElseThrow();
        interact(() -> {
            timeline().scrollTo(saved);
            timeline().getSelectionModel().select(saved);
        });
        waitUntil("the capture's details", () -> texts().contains("Result"));
        List<String> shown = texts();
        String result = shown.get(shown.indexOf("Result") + 1);
        assertTrue(result.contains("Saved by another tool") && result.contains("no HTTP status"), result);
        assertFalse(shown.stream().anyMatch(t -> t.contains("null")), "\"null\" on screen: " + shown);
    }

    /** The text of every visible label in the window. */
    private List<String> texts() {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (Node n : stage.getScene().getRoot().lookupAll("*")) {
                if (n instanceof Labeled l && l.getText() != null && n.isVisible()) {
                    out.add(l.getText());
                }
            }
            return out;
        });
    }
}
