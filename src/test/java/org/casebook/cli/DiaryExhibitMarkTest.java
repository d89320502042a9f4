package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diary is an exhibit under the mark after the others: {@code bundle --json} gives its mark, page and entries,
 * and the police exhibit list has its row, linked to the diary's first page.
 */
class DiaryExhibitMarkTest {
    @TempDir
    Path dir;

    @Test
    void theDiarysMarkIsInTheJsonAndInThePoliceExhibitListLinkedToTheDiary() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional diary", "--initials", "JS"));
        ok(cli("attach", "--vault", v, "--case", caseId,
                Files.writeString(dir.resolve("2024-03-09 note.txt"), "A note (fictional)").toString()));
        ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-10T08:00", "--type", "following",
                "--description", "He followed me to the station (fictional)"));
        ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-12T18:30", "--type", "loitering",
                "--description", "He waited outside my work (fictional)"));
        Path pdf = dir.resolve("b.pdf");
        CliTestSupport.Result r = cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--profile",
                "police", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode diary = r.json().get(0).get("diary");
        assertEquals("JS/2", diary.get("reference").asText(), diary::toString);
        assertEquals(2, diary.get("entries").asInt());
        int diaryPage = diary.get("page").asInt();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(diaryPage);
            s.setEndPage(diaryPage);
            assertTrue(s.getText(d).contains("He followed me to the station"), "the page the JSON names is the diary's");
            int list = -1;
            for (int p = 1; p <= d.getNumberOfPages() && list < 0; p++) {
                s.setStartPage(p);
                s.setEndPage(p);
                if (s.getText(d).startsWith("Exhibit list") || s.getText(d).contains("\nExhibit list\n")) {
                    list = p;
                }
            }
            assertTrue(list > 0, "the police exhibit list");
            s.setStartPage(list);
            s.setEndPage(list);
            String text = s.getText(d).replaceAll("\\s+", " ");
            assertTrue(text.contains("JS/2 Diary (2 entries)"), text);
            boolean linked = false;
            for (PDAnnotation a : d.getPage(list - 1).getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo goTo
                        && goTo.getDestination() instanceof PDPageDestination dest
                        && d.getPages().indexOf(dest.getPage()) + 1 == diaryPage) {
                    linked = true;
                }
            }
            assertTrue(linked, "the diary's row links to its first page");
        }
    }
}
