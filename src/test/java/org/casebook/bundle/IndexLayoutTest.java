package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/**
 * An index and exhibit list long enough to run over several pages, with descriptions too long for one line: every
 * link lies upright over its own row and lands on its exhibit's first page, and no description is cut.
 */
class IndexLayoutTest extends OneCaseVaultTest {
    private static final String LONG = "He stood at the end of the drive outside my parents' house for most of the"
            + " evening and photographed everyone who arrived, then followed my sister's car to the supermarket";
    private static final int COUNT = 20;
    /** An exhibit's row starts with its mark (the exhibit list's with the mark alone in its first column). */
    private static final Pattern REFERENCE = Pattern.compile("^JS/(\\d+)\\b");

    @Test
    void linksOverRowsThatRunAcrossPagesAreUprightAndLandOnTheirExhibit() throws IOException {
        // one bundle after each added exhibit: rows of every height meet the foot of an index page somewhere
        for (int n = 1; n <= 48; n++) {
            addExhibit(n - 1);
            if (n < 36) {
                continue;
            }
            build(BundleOptions.all(), "many.pdf");
            try (PDDocument pdf = Loader.loadPDF(dir.resolve("many.pdf").toFile())) {
                int index = BundleReader.section(pdf, "Index").page();
                int list = BundleReader.section(pdf, "Exhibit list").page();
                int summary = BundleReader.section(pdf, "Course-of-conduct summary").page();
                assertTrue(list - index >= 2, "the index runs over pages " + index + " to " + (list - 1));
                Set<Integer> indexed = checkLinks(pdf, index, list);
                Set<Integer> listed = checkLinks(pdf, list, summary);
                for (int e = 1; e <= n; e++) {
                    assertTrue(indexed.contains(e), "with " + n + " exhibits the index links JS/" + e);
                    assertTrue(listed.contains(e), "with " + n + " exhibits the exhibit list links JS/" + e);
                }
            }
        }
    }

    @Test
    void descriptionsAreWrappedWholeNeverCut() throws IOException {
        try (PDDocument pdf = bundleOfManyExhibits(BundleProfile.POLICE, "whole.pdf")) {
            int index = BundleReader.section(pdf, "Index").page();
            int list = BundleReader.section(pdf, "Exhibit list").page();
            int summary = BundleReader.section(pdf, "Course-of-conduct summary").page();
            assertFalse(BundleReader.text(pdf, index, summary - 1).contains("\u2026"), "nothing is shortened");
            // the index's title column, and the exhibit list's description column
            // the title and day columns (an exhibit's row is mark, title, day, page), without the days
            String indexed = column(pdf, index, list, PageWriter.LEFT, PageWriter.RIGHT - 68)
                    .replaceAll(" \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}", "");
            String listed = column(pdf, list, summary, PageWriter.LEFT + 60, PageWriter.LEFT + 226);
            for (int i = 1; i < COUNT; i++) {
                if (i % 3 != 0) {
                    assertTrue(indexed.contains(description(i)), "index: description " + i + " in full");
                    assertTrue(listed.contains(description(i)), "exhibit list: description " + i + " in full");
                }
            }
        }
    }

    /** Each exhibit's first page, as its bookmark opens it. */
    private static java.util.Map<String, Integer> firstPages(PDDocument pdf) throws IOException {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (BundleReader.Bookmark b : BundleReader.section(pdf, "Exhibits").children()) {
            out.put(b.title().substring(0, b.title().indexOf(' ')), b.page());
        }
        return out;
    }

    /** The text between x0 and x1 on pages [from, to), on one line. */
    private static String column(PDDocument pdf, int from, int to, float x0, float x1) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int p = from; p < to; p++) {
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.addRegion("c", new java.awt.geom.Rectangle2D.Float(x0, 0, x1 - x0, 842));
            area.extractRegions(pdf.getPage(p - 1));
            out.append(area.getTextForRegion("c")).append(' ');
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    /**
     * Every link on pages [from, to): upright, inside the page's text area, over text naming one exhibit, and
     * pointing at that exhibit's first page. Returns the exhibit numbers linked.
     */
    private static Set<Integer> checkLinks(PDDocument pdf, int from, int to) throws IOException {
        Set<Integer> linked = new HashSet<>();
        for (int p = from; p < to; p++) {
            PDPage page = pdf.getPage(p - 1);
            List<PDAnnotationLink> links = new ArrayList<>();
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            float height = page.getMediaBox().getHeight();
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink l) {
                    PDRectangle r = l.getRectangle();
                    assertTrue(r.getUpperRightY() > r.getLowerLeftY() && r.getUpperRightX() > r.getLowerLeftX(),
                            "upright link rectangle on page " + p + ": " + r);
                    assertTrue(r.getLowerLeftY() >= PageWriter.BOTTOM - 4 && r.getUpperRightY() <= PageWriter.TOP + 4,
                            "link inside the text area on page " + p + ": " + r);
                    assertTrue(r.getHeight() < 100, "a link covers one row, not the page: " + r + " on page " + p);
                    area.addRegion("l" + links.size(), new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX(),
                            height - r.getUpperRightY(), r.getWidth(), r.getHeight()));
                    links.add(l);
                }
            }
            area.extractRegions(page);
            for (int i = 0; i < links.size(); i++) {
                String text = area.getTextForRegion("l" + i).strip();
                PDPageDestination d = (PDPageDestination) ((PDActionGoTo) links.get(i).getAction()).getDestination();
                int target = BundleReader.pageOf(pdf, d);
                Matcher m = REFERENCE.matcher(text);
                if (!m.find()) {
                    continue; // a section's row (the diary, now an exhibit too, is linked to its section)
                }
                int number = Integer.parseInt(m.group(1));
                String ref = "JS/" + number;
                assertFalse(Pattern.compile("\\bJS/\\d+ \u2014").matcher(text.substring(m.end())).find(),
                        "one link covers one row: '" + text + "' on page " + p);
                String landing = BundleReader.text(pdf, target, target);
                if (text.substring(m.end()).strip().startsWith("Diary (")) {
                    // the police exhibit list's diary row: the diary is the exhibit after the others
                    assertEquals(BundleReader.section(pdf, "Diary entries").page(), target, "the diary's row on page "
                            + p + " lands on the diary");
                    continue;
                }
                // the page the exhibit's bookmark opens: its first (its front sheet, where it has one)
                assertEquals(firstPages(pdf).get(ref), target, "the link over " + ref + " on page " + p
                        + " lands on its exhibit's first page");
                linked.add(number);
            }
        }
        return linked;
    }

    /** Descriptions of two to 46 words, so that rows of every height meet the foot of a page. */
    private static String description(int i) {
        String[] words = (LONG + " " + LONG).split(" ");
        return String.join(" ", java.util.Arrays.copyOf(words, 2 + 11 * (i % 5)));
    }

    /** 20 documents, each (but every third) attached to its own diary entry, then their bundle. */
    private PDDocument bundleOfManyExhibits(BundleProfile profile, String name) throws IOException {
        for (int i = 0; i < COUNT; i++) {
            addExhibit(i);
        }
        build(BundleOptions.all().withProfile(profile), name);
        return Loader.loadPDF(dir.resolve(name).toFile());
    }

    /** A document, attached to a diary entry of its own, except every third, which stands alone as a merged PDF does. */
    private void addExhibit(int i) throws IOException {
        var incident = new IncidentService(vault).add(aCase.id(), new IncidentDraft(IncidentType.LOITERING,
                When.exactly(ZonedDateTime.of(2024, 1, 1, 20, 0, 0, 0, TestVaults.LONDON).plusDays(i)),
                description(i), null, List.of(), null, null));
        Path note = dir.resolve("note-" + i + ".txt");
        Files.writeString(note, "Note " + i + " written that evening.\n", StandardCharsets.UTF_8);
        new AttachmentService(vault).attach(aCase.id(), List.of(note), i % 3 == 0 ? null : incident.id(),
                Progress.NONE);
    }
}
