package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.model.Case;
import org.casebook.statement.Statement;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Statement screen on the seeded vault, driven by the robot: the draft appears, the witness's own wording is
 * saved (kept and audited) and survives a fresh draft from the case, and the PDF is written from what is saved.
 */
class StatementEditorTest extends UiTestBase {
    private static final String MINE = "This paragraph is in my own words.";

    private Session session;
    private Case aCase;

    @BeforeEach
    void open() {
        openSeededVaultDirectly();
        session = shell.session();
        aCase = session.cases().list().get(0);
    }

    private String editorText() {
        return onFx(() -> lookup("#statement-text").queryAs(TextArea.class).getText());
    }

    private String status() {
        return onFx(() -> lookup("#statement-status").queryAs(Label.class).getText());
    }

    @Test
    void theWitnessesWordingIsSavedKeptAndWrittenAsThePdf() throws Exception {
        clickOn("#nav-statement");
        waitUntil("the draft", () -> lookup("#statement-text").tryQuery().isPresent()
                && editorText().startsWith("I am [your full name]."));
        assertTrue(status().startsWith("Casebook's draft"), status());
        assertTrue(onFx(() -> lookup("#statement-warnings").queryAs(ListView.class).getItems().stream()
                .anyMatch(w -> w.toString().contains("to fill in"))), "the draft says what is left to fill in");

        replaceText("#statement-witness", "Jo Bloggs");
        clickOn("#statement-text").push(KeyCode.CONTROL, KeyCode.END);
        push(KeyCode.ENTER).push(KeyCode.ENTER);
        typeText(MINE);
        clickOn("#statement-save");
        waitUntil("the save", () -> status().startsWith("Your own wording"));
        Statement saved = new StatementService(session.vault()).find(aCase.id(), StatementProfile.POLICE).orElseThrow();
        assertTrue(saved.ownText().endsWith(MINE), saved.ownText());
        assertEquals("Jo Bloggs", saved.details().witness());
        assertEquals(1, saved.versions());
        assertTrue(session.vault().read(c -> session.vault().audit().entriesFor(c,
                "statement:" + aCase.id() + "/police")).stream().anyMatch(e -> e.action().equals("statement-edited")));

        // another screen and back: the case is drafted again, and the witness's wording is still what shows
        clickOn("#nav-orders");
        clickOn("#nav-statement");
        waitUntil("the statement again", () -> editorText().endsWith(MINE));

        Path out = temp.resolve("statement.pdf");
        shell.dialogs().setSaveChooser((title, folder, name, filter) -> Optional.of(out));
        clickOn("#statement-pdf");
        dialogWithHeader("Statement written");
        clickOn("OK");
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains(MINE), text);
            assertTrue(text.contains("Statement of: Jo Bloggs"), text);
        }

        // a fresh draft replaces the editor's text only; the saved wording stays until the witness saves again
        clickOn("#statement-redraft");
        dialogWithHeader("Start again");
        clickOn("Use the fresh draft");
        waitUntil("the fresh draft", () -> editorText().startsWith("I am Jo Bloggs.") && !editorText().contains(MINE));
        assertTrue(new StatementService(session.vault()).find(aCase.id(), StatementProfile.POLICE).orElseThrow()
                .ownText().endsWith(MINE));
        assertFalse(Files.exists(temp.resolve(".statement.pdf.part")));
    }

    @Test
    void anEditableCopyIsWrittenOnlyAfterTheWarningAndHoldsTheSavedWording() throws Exception {
        clickOn("#nav-statement");
        waitUntil("the draft", () -> lookup("#statement-text").tryQuery().isPresent()
                && editorText().startsWith("I am [your full name]."));
        clickOn("#statement-text").push(KeyCode.CONTROL, KeyCode.END);
        push(KeyCode.ENTER).push(KeyCode.ENTER);
        typeText(MINE);
        clickOn("#statement-save");
        waitUntil("the save", () -> status().startsWith("Your own wording"));
        Path out = temp.resolve("statement.docx");
        shell.dialogs().setSaveChooser((title, folder, name, filter) -> Optional.of(out));

        clickOn("#statement-docx");
        dialogWithHeader("Write an editable copy?");
        clickOn("Cancel");
        sleep(300);
        assertFalse(Files.exists(out), "nothing is written when the person says no");

        if (System.getProperty("statement.shot") != null) {
            snapshotOf(lookup("#statement-view").query(), Path.of(System.getProperty("statement.shot")));
        }
        clickOn("#statement-docx");
        var warning = dialogWithHeader("Write an editable copy?");
        String said = onFx(() -> ((javafx.scene.control.DialogPane) warning.getScene().getRoot()).getContentText());
        assertTrue(said.contains("not encrypted") && said.contains("not recorded in Casebook"), said);
        clickOn("Write the copy");
        dialogWithHeader("Editable copy written");
        clickOn("OK");
        try (var in = Files.newInputStream(out);
             var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            var texts = doc.getParagraphs().stream().map(p -> p.getText()).toList();
            assertTrue(texts.contains(MINE), texts::toString);
            assertTrue(texts.contains("Statement of:\t[your full name]"), texts::toString);
        }
        try (var left = Files.list(temp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "nothing half-written");
        }
    }

    /** A node as it is on screen, written as a PNG to look at. */
    private void snapshotOf(javafx.scene.Node node, Path shot) throws Exception {
        java.awt.image.BufferedImage image = onFx(() -> {
            javafx.scene.image.Image fx = node.snapshot(null, null);
            var img = new java.awt.image.BufferedImage((int) fx.getWidth(), (int) fx.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
                }
            }
            return img;
        });
        javax.imageio.ImageIO.write(image, "png", shot.toFile());
    }
}
