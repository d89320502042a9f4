package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports real files into a real encrypted vault (CSV is the importer here; every format shares this path). */
class ImportServiceTest {
    private static final String FIRST_EXPORT = """
            time,sender,number,text
            2024-03-01 21:15,Sam,+44 7700 900123,I saw you at the station
            2024-03-01 21:16,Sam,+44 7700 900123,ok
            2024-03-01 21:16,Sam,+44 7700 900123,ok
            2024-03-02 08:00,Me,,Please stop contacting me
            """;

    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private ImportService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Import case", "IC", ZoneId.of("Europe/London"));
        service = new ImportService(vault, Importers.standard());
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private ImportSummary run(Path file, ImportOptions options) {
        return service.importFile(aCase.id(), file, options, Progress.NONE);
    }

    private long auditSize() {
        return vault.read(c -> vault.audit().size(c));
    }

    private List<TimelineItem> messages() {
        return new TimelineService(vault).timeline(aCase.id()).stream()
                .filter(t -> t.kind() == ItemKind.MESSAGE).toList();
    }

    @Test
    void importsMessagesWithSendersMatchedAndSummarised() throws IOException {
        ImportSummary s = run(file("texts.csv", FIRST_EXPORT), new ImportOptions(null, null, null,
                List.of("+447700900123"), false));
        assertEquals(ImportFormat.CSV, s.format());
        assertEquals(4, s.messages());
        assertEquals(4, s.added());
        assertEquals(2, s.senders());
        assertEquals("2024-03-01T21:15", s.first());
        assertEquals("2024-03-02T08:00", s.last());
        assertEquals(4, messages().size(), "identical messages in the same minute are both kept");
        List<Person> people = new PersonService(vault).list(aCase.id());
        Person sam = people.stream().filter(p -> p.name().equals("Sam")).findFirst().orElseThrow();
        assertEquals(PersonRole.PERPETRATOR, sam.role());
        assertEquals("+447700900123", sam.identifiers().get(0).normalized());
        assertEquals("Sam", messages().get(0).sender());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void reimportingTheSameFileAddsNothing() throws IOException {
        Path f = file("texts.csv", FIRST_EXPORT);
        run(f, ImportOptions.defaults());
        ImportSummary again = run(f, ImportOptions.defaults());
        assertEquals(0, again.added());
        assertEquals(4, again.duplicates());
        assertEquals(4, messages().size());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void aNewerOverlappingExportAddsOnlyTheNewMessages() throws IOException {
        run(file("march.csv", FIRST_EXPORT), ImportOptions.defaults());
        ImportSummary newer = run(file("march-later.csv", FIRST_EXPORT
                + "2024-03-03 19:00,Sam,+44 7700 900123,You can't hide\n"), ImportOptions.defaults());
        assertEquals(1, newer.added());
        assertEquals(4, newer.duplicates());
        assertEquals(5, messages().size());
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        long auditBefore = auditSize();
        ImportSummary s = run(file("texts.csv", FIRST_EXPORT), new ImportOptions(null, null, null, List.of(), true));
        assertTrue(s.dryRun());
        assertEquals(4, s.messages());
        assertEquals(0, messages().size());
        assertEquals(auditBefore, auditSize());
    }

    @Test
    void aBadFileImportsNothingAtAll() throws IOException {
        long auditBefore = auditSize();
        Path bad = file("bad.csv", FIRST_EXPORT + "not a date,Sam,,broken\n");
        ImportException e = assertThrows(ImportException.class, () -> run(bad, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("bad.csv, line 6"), e.getMessage());
        assertEquals(0, messages().size());
        assertEquals(auditBefore, auditSize());
        assertEquals(0L, (long) vault.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM blob")) {
                rs.next();
                return rs.getLong(1);
            }
        }), "the export file itself was not kept either");
        assertTrue(new PersonService(vault).list(aCase.id()).isEmpty());
    }

    @Test
    void theExportFileIsKeptAsAnOriginal() throws IOException {
        Path f = file("texts.csv", FIRST_EXPORT);
        run(f, ImportOptions.defaults());
        String sha = org.casebook.vault.Sha256.of(Files.readAllBytes(f));
        assertTrue(vault.read(c -> vault.blobs().findId(c, sha)).isPresent());
    }

    @Test
    void importedMessagesAreSearchable() throws IOException {
        run(file("texts.csv", FIRST_EXPORT), ImportOptions.defaults());
        assertEquals(1, new TimelineService(vault).search(aCase.id(), "station", false, 10).size());
    }

    @Test
    void localTimesUseTheCaseZoneWhateverTheComputersZone() throws IOException {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            run(file("texts.csv", FIRST_EXPORT), ImportOptions.defaults());
            TimelineItem first = messages().get(0);
            assertEquals("2024-03-01T21:15Z", first.when().at().toOffsetDateTime().toString());
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void theTimezoneOptionOverridesTheCaseZoneAndIsRecorded() throws IOException {
        ImportSummary s = run(file("texts.csv", FIRST_EXPORT),
                new ImportOptions(null, ZoneId.of("America/New_York"), null, List.of(), false));
        assertEquals("America/New_York", s.timezone());
        assertEquals(java.time.Instant.parse("2024-03-02T02:15:00Z"), messages().get(0).when().at().toInstant());
    }

    @Test
    void timesInADaylightSavingGapAreFlagged() throws IOException {
        ImportSummary s = run(file("dst.csv", """
                time,sender,text
                2024-03-31 01:30,Sam,in the missing hour
                """), ImportOptions.defaults());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("daylight-saving")), s.warnings().toString());
    }

    @Test
    void unknownFilesAreRefusedClearly() throws IOException {
        Path f = file("notes.txt", "just some notes\n");
        ImportException e = assertThrows(ImportException.class, () -> run(f, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("not a recognised export"), e.getMessage());
    }

    @Test
    void csvColumnMappingFromOptions() throws IOException {
        ImportSummary s = run(file("odd.csv", """
                When,Who,Said
                2024-03-01 10:00,Sam,hello
                """), new ImportOptions(ImportFormat.CSV, null, null, List.of(), false,
                Map.of("time", "When", "sender", "Who", "text", "Said")));
        assertEquals(1, s.added());
    }
}
