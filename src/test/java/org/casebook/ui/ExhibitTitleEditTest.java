package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextField;
import org.casebook.evidence.ExhibitTitles;
import org.casebook.model.Case;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** The detail pane edits the title an attached file goes by in a bundle, as {@code casebook title} does. */
class ExhibitTitleEditTest extends UiTestBase {
    @Test
    void aFilesBundleTitleIsEditedInTheDetailPaneAuditedAndReturnsToItsDefaultWhenCleared() throws Exception {
        openSeededVault();
        Case aCase = shell.session().cases().list().get(0);
        Path file = Files.writeString(temp.resolve("2021-01-31 Letter from his solicitor.txt"), "A letter (fictional)");
        long id = shell.session().attachments().attach(aCase.id(), List.of(file), null, Progress.NONE).get(0).id();
        interact(() -> mainView().viewModel().imported());
        String name = "2021-01-31 Letter from his solicitor.txt";
        waitUntil("the file on the timeline", () -> onFx(() -> shownTexts().contains(name)));
        selectOnTimeline(name);
        waitUntil("the file's title field", () -> lookup("#detail-exhibit-title").tryQuery().isPresent());
        assertEquals("Letter from his solicitor", fieldText(), "the default: the file's name without its date");

        interact(() -> lookup("#detail-exhibit-title").queryAs(TextField.class).clear());
        clickOn("#detail-exhibit-title");
        typeText("Solicitor's letter demanding contact");
        clickOn("#detail-exhibit-title-save");
        ExhibitTitles titles = new ExhibitTitles(shell.session().vault());
        waitUntil("the title stored", () -> titles.given(aCase.id()).containsKey(id));
        assertEquals("Solicitor's letter demanding contact", titles.of(id));
        waitUntil("the change in the item's history", () -> onFx(() -> detailTexts().stream()
                .anyMatch(t -> t.contains("exhibit title edited") && t.contains("Solicitor's letter demanding contact"))));

        interact(() -> lookup("#detail-exhibit-title").queryAs(TextField.class).clear());
        clickOn("#detail-exhibit-title");
        push(javafx.scene.input.KeyCode.ENTER);
        waitUntil("the given title removed", () -> !titles.given(aCase.id()).containsKey(id));
        waitUntil("the default shown again", () -> "Letter from his solicitor".equals(fieldText()));
    }

    private List<String> detailTexts() {
        return lookup("#detail .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }

    private String fieldText() {
        return onFx(() -> lookup("#detail-exhibit-title").queryAs(TextField.class).getText());
    }

    private void selectOnTimeline(String text) {
        interact(() -> {
            var list = timeline();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (list.getItems().get(i) instanceof org.casebook.ui.timeline.TimelineRow.Entry e
                        && e.item().text().equals(text)) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
            }
        });
    }

}
