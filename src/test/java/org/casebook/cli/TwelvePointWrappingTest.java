package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family bundle sets everything at 12 pt at least: its tables widen a column rather than break a word inside
 * ("Referenc / e"), and a SHA-256 too long for its box is split into two halves of 32 characters, never at a
 * random place.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwelvePointWrappingTest {
    @TempDir
    static Path dir;

    private String text;

    @BeforeAll
    void familyBundle() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        ok(cli("case", "add", "--vault", v, "--title", "Sam Morgan", "--initials", "SM"));
        ok(cli("import", "--vault", v, "--case", "Sam Morgan", "--format", "whatsapp",
                Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip").toString()));
        ok(cli("report", "add", "--vault", v, "--case", "Sam Morgan", "--at", "2019-06-20T18:00", "--to", "police",
                "--recipient", "West Yorkshire Police", "--reference", "13/55555/24", "--contact", "PC Ahmed",
                "--collar", "1234"));
        Path pdf = dir.resolve("family.pdf");
        ok(cli("bundle", "--vault", v, "--case", "Sam Morgan", "--out", pdf.toString(), "--profile", "family"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theReportsTableKeepsItsHeaderAndItsReferenceWhole() {
        String words = text.replaceAll("\\s+", " ");
        assertTrue(words.contains("Date To Reference Officer Outcome"), words);
        assertTrue(words.contains("13/55555/24"), words);
    }

    @Test
    void aSha256IsWholeOnALineOrSplitInTwoHalves() {
        Matcher hex = Pattern.compile("(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])").matcher(text);
        List<String> runs = new ArrayList<>();
        while (hex.find()) {
            runs.add(hex.group());
        }
        assertFalse(runs.isEmpty(), text);
        for (int i = 0; i < runs.size(); i++) {
            String run = runs.get(i);
            if (run.length() == 32) {
                assertTrue(i + 1 < runs.size() && runs.get(i + 1).length() == 32, "half of a SHA-256 alone: " + runs);
                i++;
            } else {
                assertEquals(64, run.length(), "a SHA-256 broken at a random place: " + runs);
            }
        }
    }

    private static void ok(CliTestSupport.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }
}
