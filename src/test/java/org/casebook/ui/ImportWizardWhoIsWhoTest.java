package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.casebook.imports.ImportSummary;
import org.casebook.model.Case;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.imports.ImportWizardDialog;
import org.casebook.ui.imports.ImportWizardViewModel;
import org.junit.jupiter.api.Test;

/**
 * The import wizard asks which sender is the user: no guess where the export cannot tell, her answer imported (her
 * own message shown as sent), and her next export's wizard already knowing her, saying why.
 */
class ImportWizardWhoIsWhoTest extends UiTestBase {

    private ImportSummary importThroughWizard(Session session, Case aCase, Path chat, String me, Path shot)
            throws Exception {
        ImportWizardViewModel vm = new ImportWizardViewModel(session, aCase, shell.tasks());
        AtomicReference<ImportSummary> done = new AtomicReference<>();
        interact(() -> {
            ImportWizardDialog.show(shell.dialogs(), vm, done::set);
            vm.choose(chat);
        });
        waitUntil("the preview", () -> vm.readyProperty().get());
        ComboBox<?> choice = lookup("#import-me").queryAs(ComboBox.class);
        String overview = lookup("#import-overview").queryAs(Label.class).getText();
        assertFalse(overview.matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), "no ISO timestamps in the preview: " + overview);
        if (me == null) {
            assertEquals(ImportWizardViewModel.SenderRow.NONE, vm.meProperty().get(), "no guess: the export cannot tell");
        } else {
            assertEquals(me, vm.meProperty().get().name(), "the guess");
            assertTrue(lookup("#import-me-reason").queryAs(Label.class).getText().contains("already knows"));
        }
        if (shot != null) {
            snapshot(shot);
        }
        if (me == null) {
            interact(() -> vm.meProperty().set(vm.meChoices().stream().filter(r -> r.name().equals("Sarah"))
                    .findFirst().orElseThrow()));
        }
        assertTrue(choice.getItems().size() == 3, "none of these, and the two senders");
        interact(() -> lookup("#import-start").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil("the import to finish", () -> done.get() != null);
        return done.get();
    }

    @Test
    void theWizardAsksWhichSenderIsTheUserAndRemembersHer() throws Exception {
        openSeededVault();
        Session session = shell.session();
        Case aCase = session.cases().list().get(0);
        Path chat = Files.writeString(temp.resolve("WhatsApp Chat with Daniel Reeves.txt"), """
                14/03/2024, 21:15 - Daniel Reeves: I saw you at the station
                14/03/2024, 21:20 - Sarah: Please stop contacting me.
                """);
        importThroughWizard(session, aCase, chat, null,
                Path.of(System.getProperty("wizard.shot", temp.resolve("wizard.png").toString())));
        TimelineItem own = session.timeline().timeline(aCase.id()).stream()
                .filter(t -> "Please stop contacting me.".equals(t.text())).findFirst().orElseThrow();
        assertTrue(own.outgoing(), "her own message is sent, not received");
        assertEquals(PersonRole.WITNESS, session.people().list(aCase.id()).stream()
                .filter(p -> p.name().equals("Sarah")).findFirst().orElseThrow().role());

        Path next = Files.writeString(temp.resolve("WhatsApp Chat with Mum.txt"), """
                16/03/2024, 10:00 - Mum: are you ok
                16/03/2024, 10:05 - Sarah: On my way
                """);
        importThroughWizard(session, aCase, next, "Sarah", null);
    }

    /** The wizard as it is on screen, written as a PNG to look at. */
    private void snapshot(Path shot) throws Exception {
        BufferedImage image = onFx(() -> {
            // the wizard's form whole, however much of it the dialog's window shows on this screen
            javafx.scene.Node form = lookup("#import-me").query().getParent().getParent();
            javafx.scene.image.Image fx = form.snapshot(null, null);
            BufferedImage out = new BufferedImage((int) fx.getWidth(), (int) fx.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, fx.getPixelReader().getArgb(x, y));
                }
            }
            return out;
        });
        Files.createDirectories(shot.toAbsolutePath().getParent());
        ImageIO.write(image, "png", shot.toFile());
    }
}
