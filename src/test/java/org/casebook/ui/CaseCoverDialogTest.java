package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.casebook.evidence.CaseCovers;
import org.casebook.model.Case;
import org.casebook.model.CaseCover;
import org.junit.jupiter.api.Test;

/** The case editor holds the cover details the CLI sets: shown, checked and saved into the vault. */
class CaseCoverDialogTest extends UiTestBase {
    @Test
    void theCoverDetailsAreEditedWithTheCase() {
        openSeededVaultDirectly();
        Case c = shell.session().cases().list().get(0);
        new CaseCovers(shell.session().vault()).set(c.id(), new CaseCover("Family Court at Leeds", null, null, null,
                null, "John Doe", null, null, null));
        fireLater("#rename-case");
        Window dialog = dialogWith("#case-court");
        assertEquals("Family Court at Leeds", onFx(() -> ((TextField) dialog.getScene().lookup("#case-court")).getText()));
        assertEquals("John Doe", onFx(() -> ((TextField) dialog.getScene().lookup("#case-respondent")).getText()));
        interact(() -> {
            ((TextField) dialog.getScene().lookup("#case-number")).setText("LS24F00123");
            ((TextField) dialog.getScene().lookup("#case-hearing")).setText("15/07/2024");
        });
        Button save = onFx(() -> (Button) dialog.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && "Save".equals(b.getText())).findFirst().orElseThrow());
        assertTrue(save.isDisabled(), "a hearing date that is no date is refused");
        interact(() -> ((TextField) dialog.getScene().lookup("#case-hearing")).setText("2024-07-15"));
        assertTrue(!save.isDisabled(), "a real date is accepted");
        fireDefaultButton(dialog);
        waitUntil("the cover saved", () -> "LS24F00123".equals(
                new CaseCovers(shell.session().vault()).get(c.id()).caseNumber()));
        CaseCover saved = new CaseCovers(shell.session().vault()).get(c.id());
        assertEquals(LocalDate.of(2024, 7, 15), saved.hearing());
        assertEquals("Family Court at Leeds", saved.court());
        assertEquals("John Doe", saved.respondent());
    }
}
