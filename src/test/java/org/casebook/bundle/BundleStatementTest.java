package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.demo.DemoCaseBuilder;
import org.casebook.model.Case;
import org.casebook.statement.Declarations;
import org.casebook.statement.StatementDetails;
import org.casebook.statement.StatementProfile;
import org.casebook.statement.StatementService;
import org.casebook.statement.StatementText;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo case's bundle in each profile, read back: its witness statement produces every exhibit and the diary by
 * its mark, in the profile's form; every exhibit and the diary open with a front sheet naming the statement; a
 * multi-document exhibit's front sheet lists what it holds.
 */
class BundleStatementTest {
    @TempDir
    static Path dir;
    static Vault vault;
    static Case demo;

    @BeforeAll
    static void build() {
        vault = TestVaults.create(dir, "statement.casebook");
        demo = new DemoCaseBuilder(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC))
                .build(vault, Progress.NONE);
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    @ParameterizedTest
    @EnumSource(BundleProfile.class)
    void theStatementProducesEveryExhibitAndEachHasItsFrontSheet(BundleProfile profile) throws IOException {
        Path out = dir.resolve(profile.code() + ".pdf");
        BundleResult r = new BundleService(vault).build(demo.id(), BundleOptions.all().withProfile(profile), out,
                Progress.NONE, () -> false);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            int first = BundleReader.section(pdf, "Witness statement").page();
            int diary = BundleReader.section(pdf, "Diary entries").page();
            String statement = BundleReader.text(pdf, first, diary - 2).replaceAll("\\s+", " ");
            String prefix = r.exhibits().get(0).reference().split("/")[0];
            Set<String> named = StatementText.marksNamed(statement, prefix);
            for (BundleResult.Exhibit e : r.exhibits()) {
                assertTrue(named.contains(e.reference()), e.reference() + " is not produced by the statement");
                String sheet = BundleReader.text(pdf, e.page() - 1, e.page() - 1).replaceAll("\\s+", " ");
                assertTrue(sheet.contains("This is the exhibit marked \u2018" + e.reference() + "\u2019 referred to in"
                        + " the witness statement of"), "no front sheet before " + e.reference() + ": " + sheet);
                if (!e.files().isEmpty()) {
                    assertTrue(sheet.contains("This exhibit holds " + (e.files().size() + 1) + " documents"), sheet);
                    e.files().forEach(f -> assertTrue(sheet.contains(f.reference()), f.reference() + " in " + sheet));
                }
            }
            String diaryMark = prefix + "/" + (r.exhibits().size() + 1);
            assertTrue(named.contains(diaryMark), "the diary is produced as " + diaryMark);
            String diarySheet = BundleReader.text(pdf, diary - 1, diary - 1).replaceAll("\\s+", " ");
            assertTrue(diarySheet.contains("This is the exhibit marked \u2018" + diaryMark + "\u2019"), diarySheet);
            if (profile == BundleProfile.POLICE) {
                int pages = diary - 1 - first;
                assertTrue(statement.contains(Declarations.police(pages)), statement);
                assertTrue(statement.contains("Statement page " + pages + " of " + pages), statement);
            } else {
                assertTrue(statement.contains(Declarations.TRUTH + " " + Declarations.CONTEMPT), statement);
                assertTrue(statement.contains("1. I am "), statement);
                assertTrue(statement.contains(profile == BundleProfile.FAMILY ? "IN THE FAMILY COURT" : "IN THE COUNTY COURT"));
            }
        }
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("does not produce")), r.warnings().toString());
    }

    @Test
    void theWitnessesWordingIsBundledAndAMarkThatNowMeansAnotherExhibitIsFlagged() throws IOException {
        Statements statements = new Statements(vault);
        var prepared = statements.prepare(demo.id(), StatementProfile.CIVIL);
        String mark = prepared.exhibits().get(0).mark();
        StatementService service = new StatementService(vault);
        service.setDetails(demo.id(), StatementProfile.CIVIL, new StatementDetails("Alex Example", "Teacher", null,
                null, "Claimant", 2, LocalDate.of(2024, 6, 3)));
        service.edit(demo.id(), StatementProfile.CIVIL, "I am Alex Example.\n\nI produce the first exhibit as " + mark
                + ".");
        // a bundle of a later period numbers its exhibits afresh: the witness's mark now means another exhibit
        LocalDate later = prepared.exhibits().get(prepared.exhibits().size() / 2).at().toLocalDate();
        Path out = dir.resolve("later.pdf");
        BundleResult r = new BundleService(vault).build(demo.id(), BundleOptions.all().withProfile(BundleProfile.CIVIL)
                .withPeriod(later, null), out, Progress.NONE, () -> false);
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("Exhibit " + mark + " is now a different exhibit")),
                r.warnings().toString());
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = BundleReader.text(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("2. I produce the first exhibit as " + mark + "."), text);
            assertTrue(text.contains("Witness: A Example"), text);
            assertTrue(text.contains("Second statement"), text);
            assertTrue(text.contains("referred to in the witness statement of Alex Example dated 3 June 2024"), text);
        }
        // the whole case's statement is unchanged by building a bundle
        var stored = service.find(demo.id(), StatementProfile.CIVIL).orElseThrow();
        assertEquals(prepared.statement().draft(), stored.draft());
        assertNotNull(stored.ownText());
        assertFalse(stored.ownText().contains("Casebook"));
        assertEquals(List.of(), new StatementService(vault).versions(demo.id(), StatementProfile.FAMILY));
    }
}
