package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook bundle} end to end: a real vault, the real command line, the PDF read back. */
class BundleCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheBundleAndReportsItsExhibits() throws IOException {
        String vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        assertEquals(0, cli("case", "add", "--vault", vault, "--title", "Jane Smith", "--initials", "JS").exit());
        assertEquals(0, cli("incident", "add", "--vault", vault, "--case", "Jane Smith", "--at", "2024-03-01T21:15",
                "--type", "threat", "--description", "Said I would regret it. I live at 9 Elm Road.").exit());
        Path file = dir.resolve("note.txt");
        Files.writeString(file, "A note.");
        assertEquals(0, cli("attach", "--vault", vault, "--case", "Jane Smith", file.toString()).exit());

        Path out = dir.resolve("bundle.pdf");
        CliTestSupport.Result r = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", out.toString(),
                "--profile", "civil", "--redact", "9 Elm Road", "--prepared-by", "J. Smith", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode json = r.json().get(0);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertEquals(pdf.getNumberOfPages(), json.get("pages").asInt());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertFalse(text.contains("Elm Road"));
            assertTrue(text.contains("REDACTED COPY"));
        }
        assertEquals("JS/1", json.get("exhibits").get(0).get("reference").asText());
        assertEquals(64, json.get("exhibits").get(0).get("sha256").asText().length());
        // the bundle check ran on the finished file, as check-bundle would
        assertTrue(json.get("check_passed").asBoolean(), json::toString);
        assertTrue(json.get("rules").size() >= 9);
        assertEquals("image-resolution", json.get("rules").get(4).get("id").asText());

        CliTestSupport.Result plain = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("plain.pdf").toString());
        assertEquals(0, plain.exit(), plain::toString);
        assertTrue(plain.out().contains("JS/1  page "), plain.out());
        assertTrue(plain.out().contains("PASS  Bookmarks exist"), plain.out());
        assertFalse(plain.out().contains("FAIL  "), plain.out());

        for (String option : new String[] {"--from", "--to"}) {
            CliTestSupport.Result date = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                    dir.resolve("d.pdf").toString(), option, "2024-13-45");
            assertEquals(ExitCodes.BAD_INPUT, date.exit(), date::toString);
            assertTrue(date.err().contains(option + ": '2024-13-45' is not a date"), date.err());
            assertFalse(Files.exists(dir.resolve("d.pdf")));
        }
        CliTestSupport.Result backwards = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("d.pdf").toString(), "--from", "2024-03-02", "--to", "2024-03-01");
        assertEquals(ExitCodes.BAD_INPUT, backwards.exit(), backwards::toString);
        assertTrue(backwards.err().contains("--from"), backwards.err());

        CliTestSupport.Result bad = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("x.pdf").toString(), "--profile", "criminal");
        assertEquals(ExitCodes.BAD_INPUT, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("criminal"));
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }
}
