package org.casebook.imports.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.VerifyService;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.ImportSummary;
import org.casebook.imports.Importers;
import org.casebook.imports.signal.SignalImporter;
import org.casebook.model.Case;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An mbox imported into a real encrypted vault: attachments stored, re-import adds nothing, bad files nothing. */
class EmailVaultImportTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private ImportService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Mail case", "MC", ZoneId.of("Europe/London"));
        service = new ImportService(vault, new Importers(List.of(new SignalImporter(), new EmailImporter())));
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private ImportSummary run(Path file) {
        return service.importFile(aCase.id(), file, ImportOptions.defaults(), Progress.NONE);
    }

    @Test
    void anMboxImportsWithItsAttachmentsAndOnlyOnce() throws IOException {
        String pdf = Base64.getMimeEncoder().encodeToString("%PDF-1.4\n%fake\n".getBytes(StandardCharsets.US_ASCII));
        Path mbox = dir.resolve("inbox.mbox");
        Files.writeString(mbox, String.join("\n",
                "From sam@example.com Fri Mar 01 21:15:00 +0000 2024",
                "From: Sam <sam@example.com>",
                "To: me@example.com",
                "Subject: I saw you",
                "Date: Fri, 1 Mar 2024 21:15:00 +0000",
                "Message-ID: <1@example.com>",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "I saw you at the station.",
                "--b",
                "Content-Type: application/pdf; name=\"photo.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                pdf,
                "--b--",
                "",
                "From me@example.com Sat Mar 02 08:00:00 +0000 2024",
                "From: Me <me@example.com>",
                "Subject: Re: I saw you",
                "Date: Sat, 2 Mar 2024 08:00:00 +0000",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>Please stop contacting me.</p>",
                ""), StandardCharsets.UTF_8);

        ImportSummary s = run(mbox);
        assertEquals(ImportFormat.EMAIL, s.format());
        assertEquals(2, s.messages());
        assertEquals(2, s.senders());
        assertEquals(4, s.attachments()); // two message-N.eml, the PDF, the HTML of the second
        assertEquals(0, s.missingAttachments());
        assertEquals(2, s.added());
        assertEquals("2024-03-01T21:15", s.first());
        assertEquals("2024-03-02T08:00", s.last());
        assertEquals(List.of(), s.warnings());

        ImportSummary again = run(mbox);
        assertEquals(0, again.added());
        assertEquals(2, again.duplicates());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void everyMailFixtureImports() {
        for (String name : List.of("nobody.mbox", "plain.mbox", "simple.mbox")) {
            ImportSummary s = run(EmailTestSupport.fixture("mbox", name));
            assertEquals(ImportFormat.EMAIL, s.format(), name);
            assertEquals(1, s.messages(), name);
        }
        ImportSummary pdf = run(EmailTestSupport.fixture("eml", "attachment_pdf.eml"));
        assertEquals(1, pdf.added());
        assertEquals(2, pdf.attachments());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void aTruncatedMboxImportsNothing() throws IOException {
        Path cut = dir.resolve("cut.mbox");
        Files.writeString(cut, "From a@example.com Mon Mar  4 10:00:00 2024\nFrom: a@example.com\nSubject: ok\n"
                + "Date: Mon, 4 Mar 2024 10:00:00 +0000\n\nfine\n\n"
                + "From b@example.com Mon Mar  4 11:00:00 2024\nFrom: b@example.com\nSubject: cut\n"
                + "Date: Mon, 4 Mar 2024 11:00:00 +0000\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n"
                + "Content-Type: text/plain\n\npart", StandardCharsets.UTF_8);
        ImportException e = assertThrows(ImportException.class, () -> run(cut));
        assertTrue(e.getMessage().startsWith("cut.mbox, message 2 (offset "), e.getMessage());
        assertEquals(0L, (long) vault.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM blob")) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
