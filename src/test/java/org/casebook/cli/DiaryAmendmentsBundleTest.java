package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diary entry edited after it was written shows in the bundle that it was amended, when, and its earlier
 * wording; an entry never edited says nothing of the kind.
 */
class DiaryAmendmentsBundleTest {
    @TempDir
    Path dir;

    @Test
    void anAmendedEntryShowsWhenItWasAmendedAndItsEarlierWording() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional diary case", "--initials", "JS",
                "--timezone", "Europe/London"));
        String edited = ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-12T22:00",
                "--type", "loitering", "--description", "He stood at the gate for an hour", "--location", "Home"));
        ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-14T08:00",
                "--type", "following", "--description", "Followed me to the bus stop"));
        ok(cli("incident", "edit", "--vault", v, "--item", edited, "--description",
                "He stood at the front gate for about an hour, watching the house"));
        ok(cli("incident", "edit", "--vault", v, "--item", edited, "--location", "Front gate, home"));
        List<Instant> edits = new ArrayList<>();
        for (JsonNode e : new Result(0, ok(cli("history", "--vault", v, "--item", edited, "--json")), "").json()) {
            if ("incident-edited".equals(e.get("action").asText())) {
                edits.add(Instant.parse(e.get("at").asText()));
            }
        }
        assertEquals(2, edits.size());

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String diary = diaryText(d);
            String entry = diary.substring(diary.indexOf("1. "), diary.indexOf("2. "));
            String flat = entry.replaceAll("\\s+", " ");
            assertTrue(flat.contains("This entry was amended after it was first written (2 times). The earlier"
                    + " wording is kept:"), flat);
            DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
            String when = day.format(edits.get(0).atZone(ZoneId.of("Europe/London")));
            assertTrue(flat.contains("Amended on " + when), flat);
            assertTrue(flat.contains("Wording before: \u201CHe stood at the gate for an hour\u201D; after: \u201CHe stood"
                    + " at the front gate for about an hour, watching the house\u201D"), flat);
            assertTrue(flat.contains("Where before: \u201CHome\u201D; after: \u201CFront gate, home\u201D"), flat);
            assertTrue(flat.indexOf("Wording before") < flat.indexOf("Where before"), "oldest edit first");
            String other = diary.substring(diary.indexOf("2. ")).replaceAll("\\s+", " ");
            assertFalse(other.contains("amended"), "an entry never edited: " + other);
        }
    }

    private static String diaryText(PDDocument d) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        for (int p = 1; p <= d.getNumberOfPages(); p++) {
            s.setStartPage(p);
            s.setEndPage(p);
            String text = s.getText(d);
            if (text.contains("Diary entries") && text.contains("Written down")) {
                return text;
            }
        }
        throw new AssertionError("no diary page");
    }
}
