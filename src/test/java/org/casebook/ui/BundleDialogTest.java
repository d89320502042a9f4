package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.bundle.check.BundleVerifier;
import org.casebook.bundle.check.SignatureCheck;
import org.casebook.model.Case;
import org.casebook.testsupport.LocalTimeStampAuthority;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Create bundle dialog on the seeded case: a redacted bundle of part of the period, read back with PDFBox;
 * cancelling part-way leaves no file; quick exit while it is open hides it and forgets what was typed.
 */
class BundleDialogTest extends UiTestBase {
    private static final String REDACTED = "station";

    private Path outFolder;
    /** What the dialog asked the save chooser: folder, then file name. */
    private final List<Object> asked = new CopyOnWriteArrayList<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openCaseWithChooserAndViewer() throws Exception {
        openSeededVault();
        outFolder = Files.createDirectories(temp.resolve("out"));
        interact(() -> {
            // The native save dialog cannot run headless: stand in for the person choosing the suggested name.
            shell.dialogs().setSaveChooser((title, folder, name, filter) -> {
                asked.add(folder);
                asked.add(name);
                return Optional.of(outFolder.resolve(name));
            });
            shell.setDocumentViewer(opened::add);
        });
    }

    @Test
    void createsARedactedBundleOfAPeriodAndOpensIt() throws Exception {
        openDialog();
        DatePicker from = lookup("#bundle-from").queryAs(DatePicker.class);
        String typed = onFx(() -> from.getConverter().toString(SeededVault.march(2)));
        clickOn(from.getEditor()).push(KeyCode.CONTROL, KeyCode.A);
        typeText(typed).type(KeyCode.ENTER);
        interact(() -> lookup("#bundle-to").queryAs(DatePicker.class).setValue(SeededVault.march(8)));
        assertEquals(SeededVault.march(2), from.getValue());
        assertEquals("", stageText(), "Enter in the date field does not start the build");

        reveal("#bundle-redaction-text");
        clickOn("#bundle-redaction-text");
        typeText("St");
        clickOn("#bundle-redaction-add");
        assertTrue(lookup("#bundle-redaction-problem").queryAs(Label.class).getText().contains("at least 3"),
                "a two-letter redaction is refused: it would cut through ordinary words");
        replaceText("#bundle-redaction-text", REDACTED);
        type(KeyCode.ENTER);
        assertEquals(List.of(REDACTED), List.copyOf(lookup("#bundle-redactions").queryAs(ListView.class).getItems()));
        reveal("#bundle-prepared-by");
        clickOn("#bundle-prepared-by");
        typeText("Alex Advocate");

        interact(() -> lookup("#bundle-create").queryAs(Button.class).fire());
        waitUntil("the finished bundle", () -> lookup("#bundle-saved").tryQuery().isPresent());

        String name = "TC-bundle-" + LocalDate.now(LONDON) + ".pdf";
        assertEquals(name, asked.get(1), "the suggested file name");
        assertTrue(asked.get(0) != null && Files.isDirectory((Path) asked.get(0)), "a named starting folder");
        Path pdf = outFolder.resolve(name);
        assertTrue(Files.isRegularFile(pdf));
        assertEquals(List.of(pdf.getFileName()), listing(outFolder), "no temporary file left beside it");
        String text;
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(pages > 1, "pages: " + pages);
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(REDACTED), "the redacted text is not in the PDF");
        assertTrue(lower.contains("redacted copy"), "the cover says it is a redacted copy");
        assertTrue(text.contains("Alex Advocate"), "prepared by");
        assertTrue(text.contains(SeededVault.FOLLOWED.substring(0, 30)), "an entry inside the period");
        assertFalse(text.contains(SeededVault.THREAT.substring(0, 30)), "1 March is before the period");
        assertFalse(text.contains(SeededVault.CALLS), "10 March is after the period");

        String summary = onFx(() -> lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t != null && t.contains(" pages, ")).findFirst().orElse(""));
        assertTrue(summary.startsWith(pages + " pages, "), summary);
        assertTrue(onFx(() -> lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .anyMatch(t -> t != null && t.startsWith("It meets all 10 e-bundle rules checked"))),
                "the dialog reports the bundle check run on the finished file");
        interact(() -> lookup("#bundle-open").queryAs(Button.class).fire());
        interact(() -> lookup("#bundle-show-folder").queryAs(Button.class).fire());
        assertEquals(List.of(pdf.toUri().toString(), outFolder.toUri().toString()), opened);
    }

    @Test
    void cancellingPartWayLeavesNoFile() throws Exception {
        attachPhotos(24);
        openDialog();
        // Stop is pressed the moment the build reports its first stage, so it is surely still running: how far it
        // gets in that moment depends on the machine, and every point before the file is in place must leave none.
        AtomicBoolean stopped = new AtomicBoolean();
        interact(() -> {
            Label stage = lookup("#bundle-stage").queryAs(Label.class);
            stage.textProperty().addListener((o, old, text) -> {
                if (!stopped.get() && text != null && !text.isEmpty() && !text.equals("Starting")) {
                    stopped.set(true);
                    lookup("#bundle-cancel").queryAs(Button.class).fire();
                }
            });
            lookup("#bundle-create").queryAs(Button.class).fire();
        });
        waitUntil("Stop to be pressed", stopped::get);
        waitUntil("the build to stop", () -> !lookup("#bundle-working").query().isVisible());

        assertEquals("Stopped. No bundle was written.", lookup("#bundle-error").queryAs(Label.class).getText());
        assertTrue(lookup("#bundle-saved").tryQuery().isEmpty(), "no result");
        assertEquals(List.of(), listing(outFolder), "no bundle and no partial file");
        assertTrue(lookup("#bundle-create").tryQuery().isPresent(), "the form stays open to try again");
    }

    @Test
    void quickExitDuringABuildHidesTheDialogAndForgetsIt() throws Exception {
        attachPhotos(24);
        openDialog();
        reveal("#bundle-redaction-text");
        clickOn("#bundle-redaction-text");
        typeText("07700 900123");
        clickOn("#bundle-redaction-add");
        reveal("#bundle-prepared-by");
        clickOn("#bundle-prepared-by");
        typeText("Alex Advocate");
        ListView<?> redactions = lookup("#bundle-redactions").queryAs(ListView.class);
        TextField preparedBy = lookup("#bundle-prepared-by").queryAs(TextField.class);
        Window dialog = redactions.getScene().getWindow();
        // Quick exit the moment the build reports its first stage, while it is surely still running (the keys
        // themselves are tested in QuickExitTest).
        AtomicBoolean exited = new AtomicBoolean();
        Button quickExit = lookup("#quick-exit").queryAs(Button.class);
        interact(() -> {
            Label stageLabel = lookup("#bundle-stage").queryAs(Label.class);
            stageLabel.textProperty().addListener((o, old, text) -> {
                if (!exited.get() && text != null && !text.isEmpty() && !text.equals("Starting")) {
                    exited.set(true);
                    quickExit.fire();
                }
            });
            lookup("#bundle-create").queryAs(Button.class).fire();
        });
        waitUntil("the quick exit", exited::get);
        waitUntil("the app to hide", () -> !stage.isShowing());
        assertFalse(dialog.isShowing(), "the dialog is gone");
        List<Window> open = onFx(() -> new ArrayList<>(Window.getWindows().filtered(Window::isShowing)));
        assertTrue(open.isEmpty(), "no window of the app stays open: " + open);
        assertNull(shell.session());
        assertTrue(redactions.getItems().isEmpty(), "the redactions are forgotten");
        assertEquals("", preparedBy.getText());
        waitUntil("the build to give up and remove its file", () -> listing(outFolder).isEmpty());
    }

    /**
     * The case knows the witness's address and number: choosing a family court bundle with nothing redacted shows
     * a warning (FPR r.29.1) with one button that redacts them, and the bundle then holds neither.
     */
    @Test
    void aFamilyBundleThatWouldShowTheAddressIsWarnedAboutAndRedactedInOneClick() throws Exception {
        Case aCase = shell.session().cases().list().get(0);
        new org.casebook.evidence.PersonService(shell.session().vault()).add(aCase.id(), "Jane Smith",
                org.casebook.model.PersonRole.WITNESS, List.of(
                        org.casebook.model.Identifier.of(org.casebook.model.IdentifierKind.ADDRESS, "12 Elm Street"),
                        org.casebook.model.Identifier.of(org.casebook.model.IdentifierKind.PHONE, "07700 900456")));
        openDialog();
        javafx.scene.Node warning = lookup("#bundle-redaction-warning").query();
        assertFalse(warning.isVisible(), "a police bundle needs the address: no warning");

        clickOn("#bundle-profile-family");
        waitUntil("the warning", warning::isVisible);
        Label said = lookup("#bundle-redaction-warning-text").queryAs(Label.class);
        assertTrue(said.getText().contains("FPR r.29.1"), said.getText());
        assertTrue(said.getText().contains("an address and a phone number"), said.getText());
        javafx.geometry.Bounds seen = onFx(() -> said.localToScreen(said.getBoundsInLocal()));
        Window window = said.getScene().getWindow();
        assertTrue(seen.getMinY() >= window.getY() && seen.getMaxY() <= window.getY() + window.getHeight(),
                "the warning is in view where the profile was chosen: " + seen);

        clickOn("#bundle-redact-known");
        assertEquals(List.of("12 Elm Street", "07700 900456"),
                List.copyOf(lookup("#bundle-redactions").queryAs(ListView.class).getItems()));
        waitUntil("the warning to go", () -> !warning.isVisible());

        interact(() -> lookup("#bundle-create").queryAs(Button.class).fire());
        waitUntil("the finished bundle", () -> lookup("#bundle-saved").tryQuery().isPresent());
        Path pdf = outFolder.resolve("TC-bundle-" + LocalDate.now(LONDON) + ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertFalse(text.contains("Elm Street") || text.contains("900456"), text);
            assertTrue(text.contains("REDACTED COPY"));
        }
    }

    @Test
    void aTimeStampFromTheAuthorityTypedInTheDialogIsInTheSignedBundle() throws Exception {
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            openDialog();
            reveal("#bundle-tsa");
            clickOn("#bundle-tsa");
            typeText("tsa.example");
            assertTrue(lookup("#bundle-problem").queryAs(Label.class).getText().contains("http://"),
                    "an address that is not a web address is refused before anything is built");
            assertTrue(lookup("#bundle-create").queryAs(Button.class).isDisabled());
            replaceText("#bundle-tsa", tsa.url());
            assertEquals("", lookup("#bundle-problem").queryAs(Label.class).getText());

            interact(() -> lookup("#bundle-create").queryAs(Button.class).fire());
            waitUntil("the finished bundle", () -> lookup("#bundle-saved").tryQuery().isPresent());
            Path pdf = outFolder.resolve((String) asked.get(1));
            var signature = new BundleVerifier().verify(pdf).signature();
            assertEquals(SignatureCheck.Status.VALID, signature.status(), signature::toString);
            assertEquals(LocalTimeStampAuthority.NAME, signature.timeStampAuthority());
            assertEquals(1, tsa.requests());
            assertTrue(onFx(() -> lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                    .anyMatch(t -> t != null && t.startsWith("Signed with this vault's key")
                            && t.endsWith("time-stamped by 127.0.0.1."))), "the dialog says how it was signed");
        }
    }

    private void openDialog() {
        push(KeyCode.CONTROL, KeyCode.B);
        waitUntil("the Create bundle dialog", () -> lookup("#bundle-create").tryQuery().isPresent());
    }

    private String stageText() {
        return lookup("#bundle-stage").queryAs(Label.class).getText();
    }

    /** Photos big enough that printing them takes a while (the build can be stopped part-way). */
    private void attachPhotos(int count) throws Exception {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(40 + i * 8, 90, 160), 3000, 2000, Color.WHITE));
            g.fillRect(0, 0, 3000, 2000);
            g.setColor(Color.DARK_GRAY);
            g.fillOval(400 + i * 50, 300, 900, 900);
            g.dispose();
            Path file = temp.resolve("photo-" + i + ".jpg");
            ImageIO.write(image, "jpg", file.toFile());
            photos.add(file);
        }
        Case aCase = shell.session().cases().list().get(0);
        shell.session().attachments().attach(aCase.id(), photos, null, Progress.NONE);
    }

    private static List<Path> listing(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::getFileName).toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
