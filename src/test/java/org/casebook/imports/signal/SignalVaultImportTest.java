package org.casebook.imports.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.VerifyService;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.ImportSummary;
import org.casebook.imports.Importers;
import org.casebook.imports.email.EmailImporter;
import org.casebook.model.Case;
import org.casebook.testsupport.Fixtures;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Signal fixture imported into a real encrypted vault, detected among other importers. */
class SignalVaultImportTest {
    @TempDir
    Path dir;

    @Test
    void theFixtureImportsWithLocalTimes() {
        Path file = Fixtures.file("signal", "chat-miner_test_export.txt");
        assertTrue(Files.isRegularFile(file), "fixture missing: " + file.toAbsolutePath().normalize());
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            Case aCase = new CaseService(vault).add("Signal case", "SC", ZoneId.of("Europe/London"));
            ImportService service = new ImportService(vault,
                    new Importers(List.of(new EmailImporter(), new SignalImporter())));
            ImportSummary s = service.importFile(aCase.id(), file, ImportOptions.defaults(), Progress.NONE);
            assertEquals(ImportFormat.SIGNAL, s.format());
            assertEquals(2, s.messages());
            assertEquals(2, s.senders());
            assertEquals("2019-12-24T12:23", s.first());
            assertEquals("2020-01-17T21:49", s.last());
            assertEquals(2, s.added());
            assertEquals(0, service.importFile(aCase.id(), file, ImportOptions.defaults(), Progress.NONE).added());
            assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
        }
    }
}
