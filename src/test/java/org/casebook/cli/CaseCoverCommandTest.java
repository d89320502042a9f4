package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook case edit}'s cover options (DESIGN's contract): stored in the vault, audited, and printed on the
 * bundle's cover with the parties named as each profile names them; the period covers every item included.
 */
class CaseCoverCommandTest {
    @TempDir
    Path dir;

    @Test
    void coverDetailsReachTheBundlesCoverAndTheHistory() throws IOException {
        String vault = janeSmithsVault();
        CliTestSupport.Result edit = cli("case", "edit", "--vault", vault, "--case", "Jane Smith",
                "--court", "Family Court at Leeds", "--case-number", "LS24F00123", "--hearing", "2024-07-15",
                "--judge", "District Judge Patel", "--applicant", "Jane Smith", "--respondent", "John Doe",
                "--witness", "Jane Smith", "--prepared-by", "Jane Smith, the applicant in person",
                "--prepared-for", "the court");
        assertEquals(0, edit.exit(), edit::toString);
        // files from two years ago, one with only a date in its name: the period covers them all
        Path old = dir.resolve("2021-01-31 Letter from his solicitor.txt");
        Files.writeString(old, "Dear Ms Smith");
        Path newer = dir.resolve("note.txt");
        Files.writeString(newer, "A note.");
        Files.setLastModifiedTime(newer, java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse("2023-05-02T10:00:00Z")));
        assertEquals(0, cli("attach", "--vault", vault, "--case", "Jane Smith", old.toString(), newer.toString())
                .exit());

        Path family = dir.resolve("family.pdf");
        assertEquals(0, cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", family.toString(),
                "--profile", "family").exit());
        String cover = firstPage(family);
        for (String s : new String[] {"Court Family Court at Leeds", "Case number LS24F00123",
            "Hearing Monday 15 July 2024", "Judge District Judge Patel", "Applicant Jane Smith",
            "Respondent John Doe", "Witness Jane Smith", "Prepared by Jane Smith, the applicant in person",
            "Prepared for the court", "Period covered 31 Jan 2021 to 2 May 2023"}) {
            assertTrue(cover.contains(s), s + " on the cover:\n" + cover);
        }
        // the exhibits go by their titles: the file's name without its date, or the one given; a day without a time
        assertTrue(cover.contains("Exhibits 2 (references JS/1 to JS/2)"), cover);
        String index = page(family, 2);
        // one row: mark, title, the day alone (no invented time), page
        assertTrue(index.contains("JS/1 Letter from his solicitor (document) 31 Jan 2021 B"), index);
        CliTestSupport.Result timeline = cli("timeline", "--vault", vault, "--case", "Jane Smith", "--json");
        String letterId = timeline.json().stream()
                .filter(j -> j.toString().contains("Letter from his solicitor")).findFirst().orElseThrow().get("id").asText();
        CliTestSupport.Result retitled = cli("title", "--vault", vault, letterId, "--set", "Solicitor's letter of 31 January 2021");
        assertEquals(0, retitled.exit(), retitled::toString);

        Path police = dir.resolve("police.pdf");
        assertEquals(0, cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", police.toString()).exit());
        String policeCover = firstPage(police);
        assertTrue(policeCover.contains("Complainant Jane Smith") && policeCover.contains("Suspect John Doe"),
                policeCover);
        assertTrue(page(police, 2).contains("JS/1 Solicitor's letter of 31 January 2021 (document)"), page(police, 2));
        assertEquals("Letter from his solicitor", cli("title", "--vault", vault, letterId, "--set", "").out().strip(),
                "an empty title returns the default");

        // an option given empty clears its field; the others stay
        assertEquals(0, cli("case", "edit", "--vault", vault, "--case", "Jane Smith", "--judge", "").exit());
        assertEquals(0, cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", family.toString(),
                "--profile", "family").exit());
        String after = firstPage(family);
        assertFalse(after.contains("District Judge Patel"), after);
        assertTrue(after.contains("Case number LS24F00123"), after);

        assertEquals(0, cli("verify", "--vault", vault).exit());

        CliTestSupport.Result bad = cli("case", "edit", "--vault", vault, "--case", "Jane Smith",
                "--court", "Another court", "--hearing", "15/07/2024");
        assertEquals(ExitCodes.BAD_INPUT, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--hearing: '15/07/2024' is not a date"), bad.err());
        assertEquals(0, cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", family.toString(),
                "--profile", "family").exit());
        assertTrue(firstPage(family).contains("Family Court at Leeds"), "nothing was written by the bad edit");
    }

    @Test
    void theCoverPeriodTakesInTheReportsAndOrdersTheBundleShows() throws IOException {
        String vault = janeSmithsVault();
        assertEquals(0, cli("incident", "add", "--vault", vault, "--case", "1", "--at", "2024-03-01T21:15",
                "--type", "threat", "--description", "He waited outside the house").exit());
        // the order and the report come before the one incident, the report's follow-up after it
        CliTestSupport.Result order = cli("order", "add", "--vault", vault, "--case", "1",
                "--kind", "non-molestation-order", "--made", "2023-10-01", "--served", "2023-10-05",
                "--issuer", "Family Court at Leeds", "--condition", "No contact directly or indirectly");
        assertEquals(0, order.exit(), order::toString);
        CliTestSupport.Result report = cli("report", "add", "--vault", vault, "--case", "1", "--at", "2023-11-02",
                "--to", "police", "--reference", "WY-2023-1102");
        assertEquals(0, report.exit(), report::toString);
        assertEquals(0, cli("report", "add", "--vault", vault, "--case", "1", "--at", "2024-06-20",
                "--to", "police", "--reference", "WY-2024-0620").exit());
        // the summary lists the reports made before the first contact and after the last, as the statement does
        CliTestSupport.Result summary = cli("summary", "--vault", vault, "--case", "1", "--json");
        assertEquals(0, summary.exit(), summary::toString);
        assertEquals(2, summary.json().get(0).get("reports").asInt(), summary.out());
        CliTestSupport.Result march = cli("summary", "--vault", vault, "--case", "1", "--json", "--from", "2024-01-01",
                "--to", "2024-03-31");
        assertEquals(0, march.json().get(0).get("reports").asInt(), "a period asked for bounds the reports too");
        for (String profile : new String[] {"family", "police", "civil"}) {
            Path pdf = dir.resolve(profile + ".pdf");
            CliTestSupport.Result bundle = cli("bundle", "--vault", vault, "--case", "1", "--out", pdf.toString(),
                    "--profile", profile);
            assertEquals(0, bundle.exit(), bundle::toString);
            String cover = firstPage(pdf);
            assertTrue(cover.contains("Period covered 1 Oct 2023 to 20 Jun 2024"), profile + ":\n" + cover);
            if (profile.equals("police")) {
                String all = text(pdf);
                int table = all.indexOf("Date To Reference");
                assertTrue(table >= 0 && all.indexOf("WY-2023-1102", table) > 0 && all.indexOf("WY-2024-0620", table) > 0,
                        "both reports in the summary's table:\n" + all);
            }
        }
    }

    @Test
    void checkBundleHelpPrintsItsPercentSign() {
        CliTestSupport.Result help = cli("check-bundle", "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().replaceAll("\\s+", " ").contains("opening at 100% zoom"), help.out());
        assertFalse(help.err().contains("%"), help.err());
    }

    /** A new vault with Jane Smith's case (initials JS, in Europe/London), case 1. */
    private String janeSmithsVault() {
        String vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        assertEquals(0, cli("case", "add", "--vault", vault, "--title", "Jane Smith", "--initials", "JS",
                "--timezone", "Europe/London").exit());
        return vault;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d).replaceAll("[ \\t]+", " ");
        }
    }

    private static String firstPage(Path pdf) throws IOException {
        return page(pdf, 1);
    }

    private static String page(Path pdf, int n) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(n);
            s.setEndPage(n);
            return s.getText(d).replaceAll("[ \\t]+", " ");
        }
    }
}
