package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV export without a conversation column is one conversation with no name: its exhibit is "CSV messages (3
 * messages)", never "CSV messages with  (3 messages)" with an empty name.
 */
class CsvExhibitNameTest {
    @TempDir
    Path dir;

    @Test
    void aConversationWithoutANameIsDescribedWithoutAnEmptyOne() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", v).exit());
        assertEquals(0, cli("case", "add", "--vault", v, "--title", "Sam Morgan", "--initials", "SM").exit());
        Path texts = Files.writeString(dir.resolve("texts.csv"), """
                time,sender,text
                2024-03-07 21:15,Sam,Where are you
                2024-03-12 22:40,Sam,I will be outside your work tomorrow
                2024-03-15 08:00,Sam,Answer me
                """);
        CliTestSupport.Result imported = cli("import", "--vault", v, "--case", "Sam Morgan", "--format", "csv",
                texts.toString());
        assertEquals(0, imported.exit(), imported::toString);
        Path pdf = dir.resolve("bundle.pdf");
        CliTestSupport.Result r = cli("bundle", "--vault", v, "--case", "Sam Morgan", "--out", pdf.toString(),
                "--profile", "police", "--json");
        assertEquals(0, r.exit(), r::toString);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\t]*\\R[ \\t]*", "\n");
            assertTrue(text.contains("CSV messages (3 messages)"), text);
            assertFalse(text.contains(" with  ("), text);
            assertFalse(text.contains("with (3"), text);
        }
        assertFalse(r.out().contains(" with  ("), r::toString);
    }
}
