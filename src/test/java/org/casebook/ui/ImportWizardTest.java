package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import org.casebook.imports.ImportSummary;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.imports.ImportWizardDialog;
import org.casebook.ui.imports.ImportWizardViewModel;
import org.junit.jupiter.api.Test;

/**
 * The import wizard on a real vault: an ambiguous WhatsApp file shows both readings, the person picks one,
 * marks who is who, and the messages land at the chosen dates.
 */
class ImportWizardTest extends UiTestBase {

    @Test
    void ambiguousDatesAreSettledByThePersonThenImported() throws Exception {
        openSeededVault();
        Path chat = temp.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, """
                01/03/2024, 21:15 - Sam: I saw you at the station
                02/03/2024, 09:00 - Alex: Please stop contacting me
                02/03/2024, 09:01 - Sam: Never
                """);
        Session session = shell.session();
        Case aCase = session.cases().list().get(0);
        ImportWizardViewModel vm = new ImportWizardViewModel(session, aCase, shell.tasks());
        AtomicReference<ImportSummary> done = new AtomicReference<>();
        interact(() -> {
            ImportWizardDialog.show(shell.dialogs(), vm, done::set);
            vm.choose(chat);
        });
        waitUntil("both readings of the dates", () -> vm.ambiguousProperty().get());
        assertTrue(lookup("Day first: 01/03/2024, 21:15  →  Friday 1 March 2024").tryQuery().isPresent());
        assertTrue(lookup("Month first: 01/03/2024, 21:15  →  Wednesday 3 January 2024").tryQuery().isPresent());

        // Fired rather than clicked: where a headless window places the dialog is not for the test to depend on.
        interact(() -> lookup("#import-day-first").queryAs(javafx.scene.control.RadioButton.class).fire());
        waitUntil("the preview", () -> vm.readyProperty().get());
        ListView<?> preview = lookup("#import-preview").queryAs(ListView.class);
        assertEquals(3, preview.getItems().size());
        assertTrue(preview.getItems().get(0).toString().contains("1 Mar 2024 21:15  Sam: I saw you at the station"),
                preview.getItems().get(0).toString());
        assertEquals(2, vm.senders().size());

        interact(() -> vm.senders().get(0).perpetratorProperty().set(true));
        interact(() -> lookup("#import-start").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil("the import to finish", () -> done.get() != null);

        assertEquals(3, done.get().added());
        List<TimelineItem> messages = session.timeline().timeline(aCase.id()).stream()
                .filter(t -> t.kind() == ItemKind.MESSAGE && "whatsapp".equals(t.type())).toList();
        assertEquals(3, messages.size());
        assertEquals(LocalDateTime.of(2024, 3, 1, 21, 15), messages.get(0).when().at().toLocalDateTime());
        Person sam = session.people().list(aCase.id()).stream().filter(p -> p.name().equals("Sam"))
                .findFirst().orElseThrow();
        assertEquals(PersonRole.PERPETRATOR, sam.role());
    }
}
