package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The who-is-who page: two numbers and a vehicle attributed to one person (one number through a merge), each
 * with the basis the witness gives from {@code person attribute}, marked as her belief unless the export shows
 * it; the witness's own address is never printed; the page is in the index and the outline.
 */
class WhoIsWhoPageTest {
    @TempDir
    Path dir;

    @Test
    void eachAttributionShowsItsBasisAndWhetherItIsTheWitnesssBelief() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional who case", "--initials", "JS",
                "--timezone", "Europe/London"));
        String sam = ok(cli("person", "add", "--vault", v, "--case", caseId, "--name", "Sam Example", "--role",
                "perpetrator", "--phone", "+44 7700 900123"));
        ok(cli("person", "add", "--vault", v, "--case", caseId, "--name", "Jo Witness", "--role", "witness",
                "--address", "1 Secret Lane, Anytown"));
        Path texts = dir.resolve("texts.csv");
        Files.writeString(texts, """
                time,sender,number,text
                2024-03-07 21:15,Sam Example,+44 7700 900123,You can't hide
                2024-03-08 21:15,Withheld,+44 7700 900456,New number same me
                """);
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "csv", texts.toString()));
        String second = null;
        for (var p : new Result(0, ok(cli("person", "list", "--vault", v, "--case", caseId, "--json")), "").json()) {
            if (p.get("name").asText().equals("Withheld")) {
                second = p.get("id").asText();
            }
        }
        ok(cli("person", "merge", "--vault", v, "--into", sam, second));
        ok(cli("person", "attribute", "--vault", v, "--person", sam, "--phone", "07700 900123",
                "--basis", "His number since 2019; he called me from it"));
        ok(cli("person", "attribute", "--vault", v, "--person", sam, "--phone", "+44 7700 900456",
                "--basis", "The message says it is him and signs off as he always does"));
        assertTrue(ok(cli("person", "attribute", "--vault", v, "--person", sam, "--vehicle", "ab12 cde",
                "--basis", "I saw him drive it past my house", "--shown-in-export"))
                .contains("(shown in the export)"));
        Result merged = cli("person", "attribute", "--vault", v, "--person", second, "--phone", "+44 7700 900456",
                "--basis", "x");
        assertEquals(2, merged.exit(), merged::toString);
        assertTrue(merged.err().contains("was merged into person " + sam), merged.err());
        Result none = cli("person", "attribute", "--vault", v, "--person", sam, "--basis", "x");
        assertEquals(1, none.exit(), "one identifier is required: " + none);

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int page = -1;
            for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().replaceFirst(", p\\. \\S+$", "").equals("Who is who")) {
                    page = d.getPages().indexOf(item.findDestinationPage(d)) + 1;
                }
            }
            assertTrue(page > 0, "a bookmark for the page");
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            String text = s.getText(d).replaceAll("\\s+", " ");
            assertTrue(text.startsWith("Who is who") || text.contains(" Who is who "), text);
            assertTrue(text.contains("Sam Example — the person complained of"), text);
            String sams = text.substring(text.indexOf("Sam Example — the person complained of"));
            assertTrue(sams.contains("Phone +44 7700 900123 His number since 2019; he called me from"),
                    "the basis on the number recorded, written the other way: " + sams);
            assertFalse(sams.contains("07700 900123"), "the same number, not a second one: " + sams);
            assertFalse(sams.contains("No basis recorded"), sams);
            assertTrue(sams.contains("Phone +44 7700 900456 The message says it is him"), "the merged number: " + sams);
            assertTrue(sams.contains("Vehicle ab12 cde I saw him drive it past my house Shown in the export"), sams);
            assertEquals(2, sams.split("Witness's", -1).length - 1, "both numbers are her belief: " + sams);
            assertFalse(text.contains("Secret Lane"), "the witness's address is never printed: " + text);
            s.setStartPage(1);
            s.setEndPage(3);
            assertTrue(s.getText(d).contains("Who is who"), "listed in the index");
        }
    }
}
