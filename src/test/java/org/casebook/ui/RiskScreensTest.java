package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import org.casebook.conduct.ScreeningService;
import org.casebook.model.Case;
import org.casebook.model.Screening;
import org.casebook.model.SignAnswer;
import org.casebook.model.WarningSign;
import org.casebook.model.WarningSignAnswer;
import org.casebook.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 in the app: the Pattern screen says what changed in kind and shows the warning signs; the witness
 * answers them and records a screening through the real dialogs, and both are read back from the vault.
 */
class RiskScreensTest extends UiTestBase {
    private Session session;
    private Case aCase;

    @BeforeEach
    void open() {
        openSeededVault();
        session = shell.session();
        aCase = session.cases().list().get(0);
    }

    private String text(String query) {
        return onFx(() -> lookup(query).queryAs(Labeled.class).getText());
    }

    /** Scrolls the Pattern screen to its end, where the warning signs' buttons are. */
    private void toTheEnd() {
        interact(() -> {
            javafx.scene.control.ScrollPane pane = lookup("#pattern-view").queryAs(javafx.scene.control.ScrollPane.class);
            pane.layout();
            pane.setVvalue(pane.getVmax());
        });
        sleep(200);
    }

    @Test
    void theWitnessAnswersTheWarningSignsAndRecordsAScreeningFromThePatternScreen() {
        clickOn("#nav-pattern");
        waitUntil("the warning signs", () -> lookup("#signs-answer").tryQuery().isPresent());
        assertTrue(text("#signs-label").startsWith("A screening aid, not a risk assessment"));
        assertTrue(text("#pattern-escalation").startsWith("It changed in kind")
                || text("#pattern-escalation").startsWith("No more serious kind"), text("#pattern-escalation"));
        assertTrue(text("#sign-line-fear").startsWith("Not shown: Fear"), text("#sign-line-fear"));

        toTheEnd();
        clickOn("#signs-answer");
        dialogWith("#sign-fear");
        choose("#sign-fear", "Yes");
        clickOn("#sign-note-fear");
        typeText("I sleep at my sister's");
        clickOn("#signs-save");
        waitUntil("the answer shown", () -> text("#sign-line-fear").startsWith("Shown: Fear — you said yes: I sleep"));
        List<WarningSignAnswer> answers = new ScreeningService(session.vault()).answers(aCase.id());
        assertEquals(1, answers.size(), "only the sign answered is saved");
        assertEquals(WarningSign.FEAR, answers.get(0).sign());
        assertEquals(SignAnswer.YES, answers.get(0).answer());
        assertEquals("I sleep at my sister's", answers.get(0).note());

        toTheEnd();
        clickOn("#screening-add");
        dialogWith("#screening-tool");
        clickOn("#screening-tool");
        typeText("Force form 124D");
        DatePicker date = lookup("#screening-date").queryAs(DatePicker.class);
        interact(() -> date.setValue(LocalDate.of(2024, 3, 12)));
        clickOn("#screening-by");
        typeText("PC 1234 Example, Anyshire Police");
        clickOn("#screening-outcome");
        typeText("Medium risk");
        assertEquals("", text("#screening-problem"), "nothing missing");
        clickOn("#screening-save");
        waitUntil("the screening listed", () -> lookup("#pattern-signs .label").match((Labeled l) ->
                l.getText() != null && l.getText().contains("Force form 124D, by PC 1234 Example")).tryQuery()
                .isPresent());
        List<Screening> stored = new ScreeningService(session.vault()).list(aCase.id());
        assertEquals(1, stored.size());
        assertEquals(LocalDate.of(2024, 3, 12), stored.get(0).screenedOn());
        assertEquals("Medium risk", stored.get(0).outcome());
        assertTrue(session.verifier().verify(org.casebook.vault.Progress.NONE).intact());
    }
}
