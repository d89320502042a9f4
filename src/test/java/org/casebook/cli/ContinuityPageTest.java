package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuity per exhibit: recorded with {@code casebook continuity} against any item from an original (a message
 * stands for its export file), printed on the bundle's continuity page beside when the original entered the
 * vault; an original with nothing recorded says so.
 */
class ContinuityPageTest {
    @TempDir
    Path dir;

    @Test
    void eachOriginalShowsWhoExportedItFromWhatAndHowOrThatNothingIsRecorded() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional continuity case", "--initials", "JS",
                "--timezone", "Europe/London"));
        Path texts = dir.resolve("texts.csv");
        Files.writeString(texts, """
                time,sender,number,text
                2024-03-07 21:15,Sam,+44 7700 900123,Where are you
                2024-03-08 21:15,Sam,+44 7700 900123,Answer me
                """);
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "csv", texts.toString()));
        Path note = dir.resolve("2024-03-09 note.txt");
        Files.writeString(note, "A note left on the car (fictional)");
        ok(cli("attach", "--vault", v, "--case", caseId, note.toString()));
        String message = new Result(0, ok(cli("timeline", "--vault", v, "--case", caseId, "--json")), "").json()
                .get(1).get("id").asText();

        ok(cli("continuity", "--vault", v, "--item", message, "--exported-by", "Alex Example", "--device",
                "her iPhone 12", "--app", "Messages", "--exported-on", "2024-04-02"));
        assertTrue(ok(cli("continuity", "--vault", v, "--item", message, "--method",
                "Exported to CSV with a phone backup tool and copied over USB"))
                .contains("exported by Alex Example"), "a later call keeps what it does not change");
        Result bad = cli("continuity", "--vault", v, "--item", message, "--exported-on", "2 April");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--exported-on"), bad.err());
        String diary = ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-10T08:00",
                "--type", "other", "--description", "Written in my diary"));
        Result noOriginal = cli("continuity", "--vault", v, "--item", diary, "--device", "x");
        assertEquals(2, noOriginal.exit(), noOriginal::toString);

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--profile", "police"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int page = -1;
            for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().replaceFirst(", p\\. \\S+$", "").equals("Continuity of the exhibits")) {
                    page = d.getPages().indexOf(item.findDestinationPage(d)) + 1;
                }
            }
            assertTrue(page > 0, "a bookmark for the page");
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            String text = s.getText(d).replaceAll("\\s+", " ");
            assertTrue(text.matches(".*JS/1 texts\\.csv .*\\w{3} \\d{1,2} \\w{3} 20\\d\\d, .*"), "when it entered the vault: " + text);
            // the "entered the vault" cell wraps beside the record: read the record without it
            text = text.replaceAll("\\w{3} \\d{1,2} \\w{3} 20\\d\\d, ", "").replaceAll("\\d\\d:\\d\\d (GMT|BST) ", "");
            assertTrue(text.contains("By Alex Example, from her iPhone 12, with Messages, on 2 Apr 2024. Method:"
                    + " Exported to CSV with a phone backup tool and copied over USB."), text);
            assertTrue(text.contains("texts.csv"), text);
            assertTrue(text.contains("2024-03-09 note.txt Not recorded."), text);
            assertEquals(2, text.split("JS/", -1).length - 1, "one row per original: " + text);
        }
    }
}
