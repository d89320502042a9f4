package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.casebook.model.Case;
import org.casebook.ui.bundle.ExhibitOrderModel;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundle dialog's Order and sections: the exhibits listed under their section, a section added by name, an
 * exhibit dragged (a real drag-and-drop gesture) under it, and the bundle built in that order: the section in the
 * index and bookmarks holding that exhibit, whose mark now follows the others.
 */
class BundleOrderDialogTest extends UiTestBase {
    private Path outFolder;

    @BeforeEach
    void openCaseWithChooser() throws Exception {
        openSeededVault();
        outFolder = Files.createDirectories(temp.resolve("out"));
        interact(() -> shell.dialogs().setSaveChooser((title, folder, name, filter) ->
                Optional.of(outFolder.resolve("ordered.pdf"))));
        // three documents, each dated by its name: the exhibits to arrange
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("2024-03-02 Letter from his solicitor.txt", "2024-03-04 Note from work.txt",
                "2024-03-06 Neighbour's account.txt")) {
            Path f = temp.resolve(name);
            Files.writeString(f, name + "\n");
            files.add(f);
        }
        Case aCase = shell.session().cases().list().get(0);
        shell.session().attachments().attach(aCase.id(), files, null, Progress.NONE);
    }

    @Test
    void anExhibitDraggedUnderANewSectionIsPrintedThereWithItsMarkInTheNewOrder() throws Exception {
        push(KeyCode.CONTROL, KeyCode.B);
        waitUntil("the Create bundle dialog", () -> lookup("#bundle-create").tryQuery().isPresent());
        reveal("#bundle-order-load");
        clickOn("#bundle-order-load");
        ListView<ExhibitOrderModel.Row> list = lookup("#bundle-order").queryAs(ListView.class);
        waitUntil("the exhibits listed", () -> onFx(() -> list.getItems().size() > 3));
        List<ExhibitOrderModel.Row> before = onFx(() -> List.copyOf(list.getItems()));
        assertTrue(before.get(0).isSection(), "the list starts with its section's title: " + before);
        ExhibitOrderModel.Row moved = before.get(1);
        assertEquals("TC/1", moved.exhibit().mark());
        assertEquals("Letter from his solicitor", moved.exhibit().title().substring(0, 25));

        reveal("#bundle-order-section-name");
        clickOn("#bundle-order-section-name");
        write("Seen by my neighbour");
        clickOn("#bundle-order-add-section");
        assertEquals("", lookup("#bundle-order-problem").queryAs(Label.class).getText());
        int last = onFx(() -> list.getItems().size() - 1);
        assertTrue(onFx(() -> list.getItems().get(last).isSection()));

        reveal("#bundle-order");
        // the drag starts on the first exhibit and ends on the new section's title at the foot of the list
        interact(() -> list.scrollTo(1));
        drag(cell(list, 1), MouseButton.PRIMARY);
        interact(() -> list.scrollTo(last));
        dropTo(cell(list, last));
        List<ExhibitOrderModel.Row> after = onFx(() -> List.copyOf(list.getItems()));
        assertEquals(moved.exhibit(), after.get(after.size() - 1).exhibit(), "moved to the end: " + after);
        assertEquals("Seen by my neighbour", after.get(after.size() - 1).section());

        interact(() -> lookup("#bundle-create").queryAs(Button.class).fire());
        waitUntil("the finished bundle", () -> lookup("#bundle-saved").tryQuery().isPresent());
        try (PDDocument d = Loader.loadPDF(outFolder.resolve("ordered.pdf").toFile())) {
            PDOutlineItem section = null;
            for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().startsWith("Seen by my neighbour")) {
                    section = item;
                }
            }
            assertTrue(section != null, "a bookmark for the new section");
            String only = section.getFirstChild().getTitle();
            int count = before.stream().filter(r -> !r.isSection()).toList().size();
            assertTrue(only.startsWith("TC/" + count + " \u2014 " + moved.exhibit().title().substring(0, 10)),
                    "the moved exhibit, last, with the last mark: " + only);
        }
    }

    private ListCell<?> cell(ListView<?> list, int index) {
        return onFx(() -> list.lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getIndex() == index && !c.isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + index + " on screen")));
    }
}
