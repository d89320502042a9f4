package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.model.Case;
import org.casebook.model.PersonRole;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import wizard's best guess at which sender is the user, from the file and the case, on a real vault. */
class WhoIsMeGuessTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private ImportService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Guess case", "GC", ZoneId.of("Europe/London"));
        service = new ImportService(vault, Importers.standard());
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private ImportSurvey survey(String name, String content) throws IOException {
        Path f = Files.writeString(dir.resolve(name), content);
        return service.survey(aCase.id(), f, ImportOptions.defaults(), 5, Progress.NONE);
    }

    private static final String CHAT = """
            14/03/2024, 21:15 - Daniel Reeves: I saw you at the station
            14/03/2024, 21:20 - Sarah: Please stop contacting me.
            """;

    @Test
    void aWhatsAppChatAloneDoesNotSayButTheCaseRemembersOnceTold() throws IOException {
        assertNull(survey("WhatsApp Chat with Daniel Reeves.txt", CHAT).me(), "two senders, nothing to tell them apart");
        service.importFile(aCase.id(), dir.resolve("WhatsApp Chat with Daniel Reeves.txt"),
                ImportOptions.defaults().withMe(List.of("Sarah")), Progress.NONE);
        ImportSurvey next = survey("WhatsApp Chat with Mum.txt", """
                16/03/2024, 10:00 - Mum: are you ok
                16/03/2024, 10:05 - Sarah: On my way
                """);
        assertEquals("Sarah", next.me().sender().name());
        assertTrue(next.me().reason().contains("already knows"), next.me().reason());
        assertEquals(PersonRole.WITNESS, next.me().sender().known());
    }

    @Test
    void anSmsBackupKnowsWhatItsOwnerSent() throws IOException {
        ImportSurvey s = survey("sms.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <smses count="2">
                  <sms protocol="0" address="07700 900123" date="1710450900000" type="1" body="Answer me" contact_name="Dan" />
                  <sms protocol="0" address="07700 900123" date="1710451900000" type="2" body="Stop" contact_name="Dan" />
                </smses>
                """);
        assertEquals("Me", s.me().sender().name());
        assertTrue(s.me().reason().contains("marks"), s.me().reason());
    }

    @Test
    void theOneSenderInEveryConversationIsTheOwner() throws IOException {
        ImportSurvey s = survey("texts.csv", """
                time,sender,conversation,text
                2024-03-01 21:15,Dan,Dan,where are you
                2024-03-01 21:16,Jo,Dan,at home
                2024-03-02 08:00,Mum,Mum,lunch?
                2024-03-02 08:05,Jo,Mum,yes
                """);
        assertEquals("Jo", s.me().sender().name());
        assertTrue(s.me().reason().contains("every conversation"), s.me().reason());
    }
}
