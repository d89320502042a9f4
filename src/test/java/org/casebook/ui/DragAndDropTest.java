package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.ui.main.MainView;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.Test;

/** Files and folders dropped on the main window are added to the selected case and show in the timeline. */
class DragAndDropTest extends UiTestBase {

    @Test
    void droppedFilesAndFoldersAreAddedToTheTimeline() throws Exception {
        openSeededVault();
        Path file = Files.writeString(temp.resolve("threatening-letter.txt"), "You cannot hide from me.\n");
        Path folder = Files.createDirectories(temp.resolve("screenshots"));
        Files.writeString(folder.resolve("note-on-car.txt"), "Left under the wiper.\n");
        Label source = fileManagerHolding(List.of(file, folder));
        MainView main = mainView();

        drag(source, MouseButton.PRIMARY).moveTo(timeline());
        assertTrue(main.getStyleClass().contains("drop-target"), "the window shows it will take the files");
        drop();
        assertFalse(main.getStyleClass().contains("drop-target"));

        waitUntil("the dropped files in the timeline", () -> shownTextsNow().containsAll(
                List.of("threatening-letter.txt", "note-on-car.txt")));
        TimelineItem added = shownItems().stream().filter(i -> "threatening-letter.txt".equals(i.text()))
                .findFirst().orElseThrow();
        assertEquals(ItemKind.ATTACHMENT, added.kind());
        assertEquals(SeededVault.ALL.size() + 2, shownItems().size(), "each file added once");
        waitUntil("the new file selected in the timeline",
                () -> timeline().getSelectionModel().getSelectedItem() instanceof TimelineRow.Entry e
                        && e.item().id() == added.id());
    }

    private List<String> shownTextsNow() {
        return timeline().getItems().stream()
                .filter(r -> r instanceof TimelineRow.Entry)
                .map(r -> ((TimelineRow.Entry) r).item().text()).toList();
    }

    /**
     * Stands in for a file manager: a label whose DRAG_DETECTED handler starts a real drag-and-drop gesture
     * carrying {@code files}. It floats over the window (outside the main view) because Monocle's headless
     * platform delivers drag-and-drop only within one window.
     */
    private Label fileManagerHolding(List<Path> files) {
        return onFx(() -> {
            Label source = new Label(files.size() + " files");
            source.setId("drag-source");
            source.setStyle("-fx-background-color: yellow; -fx-padding: 10;");
            source.setOnDragDetected(e -> {
                Dragboard db = source.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putFiles(files.stream().map(Path::toFile).toList());
                db.setContent(content);
                e.consume();
            });
            source.setManaged(false);
            ((Pane) stage.getScene().getRoot()).getChildren().add(source);
            source.resizeRelocate(40, stage.getScene().getHeight() - 80, 220, 40);
            return source;
        });
    }
}
