package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.PersonService;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.PersonRole;
import org.casebook.testsupport.Exif;
import org.casebook.testsupport.Images;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** What the vault knows of the witness that a redacted copy should hide, and nothing of anyone else. */
class KnownDetailsTest extends OneCaseVaultTest {
    @Test
    void theWitnessesAddressNumbersAndPhotoPlacesButNotThePerpetrators() throws Exception {
        PersonService people = new PersonService(vault);
        people.add(aCase.id(), "Jane Smith", PersonRole.WITNESS, List.of(
                Identifier.of(IdentifierKind.ADDRESS, "Flat 3, 27 Elm Street"),
                Identifier.of(IdentifierKind.PHONE, "07700 900456"),
                Identifier.of(IdentifierKind.EMAIL, "jane@example.org"),
                Identifier.of(IdentifierKind.HANDLE, "@janes")));
        people.add(aCase.id(), "Sam", PersonRole.PERPETRATOR, List.of(
                Identifier.of(IdentifierKind.ADDRESS, "1 Other Road"),
                Identifier.of(IdentifierKind.PHONE, "07700 900123")));
        // an SMS backup names the phone's owner "Me", with her other number
        Path sms = dir.resolve("sms.xml");
        Files.writeString(sms, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"1\">"
                + "<sms protocol=\"0\" address=\"07700 900123\" date=\"1709327700000\" type=\"2\" body=\"Leave me alone\""
                + " read=\"1\" status=\"-1\" readable_date=\"1 Mar 2024 21:15:00\" contact_name=\"Sam\" /></smses>",
                StandardCharsets.UTF_8);
        new ImportService(vault, Importers.standard()).importFile(aCase.id(), sms, ImportOptions.defaults(),
                Progress.NONE);
        var me = people.outgoingSenders(aCase.id());
        assertEquals(1, me.size(), "the sender of the outgoing message");

        // three photos at home (a few metres apart), one elsewhere, one without a position
        for (int i = 0; i < 3; i++) {
            write("home-" + i + ".jpg", Exif.phoneJpeg(51.50142 + i * 0.00005, -0.14193, "home", "2024:03:0" + (i + 1)
                    + " 21:00:00"));
        }
        write("park.jpg", Exif.phoneJpeg(51.52, -0.10, "park", "2024:03:05 12:00:00"));
        write("plain.jpg", Images.jpeg());
        try (var files = Files.list(dir)) {
            new AttachmentService(vault).attach(aCase.id(), files.filter(p -> p.toString().endsWith(".jpg")).toList(),
                    null, Progress.NONE);
        }

        List<KnownDetails.Detail> known = new KnownDetails(vault).find(aCase.id());
        List<String> texts = known.stream().map(KnownDetails.Detail::text).toList();
        assertEquals("Flat 3, 27 Elm Street", texts.get(0), "addresses first: " + texts);
        assertTrue(texts.containsAll(List.of("07700 900456", "jane@example.org")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("Other Road") || t.contains("900123")),
                "nothing of the perpetrator's: " + texts);
        assertTrue(texts.stream().noneMatch(t -> t.contains("@janes")), "handles are not contact details");
        List<KnownDetails.Detail> places = known.stream().filter(d -> d.kind() == KnownDetails.Kind.PLACE).toList();
        assertEquals(2, places.size(), places.toString());
        assertEquals(3, places.get(0).photos(), "home, the most photographed place, first");
        assertTrue(places.get(0).text().startsWith("51.501"), places.get(0).text());
        assertEquals("an address, a phone number, an e-mail address and the GPS positions of 4 photos",
                KnownDetails.inWords(known));

        // and the place suggested redacts a map link to it in the text
        Redactor redactor = new Redactor(texts);
        assertEquals("see " + Redactor.MARK, redactor.page("see https://maps.google.com/?q=51.50150,-0.14190")
                .replace("https://maps.google.com/?q=", ""));
    }

    private void write(String name, byte[] bytes) throws Exception {
        Files.write(dir.resolve(name), bytes);
    }
}
