package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merged PDF's own internal links (a contents page linking to its sections, by page or by name) still work in
 * the bundle: each lands on the merged copy of the page it pointed at, so {@code check-bundle} passes. A link
 * the document itself left pointing nowhere is taken off (and said), not left to fail the bundle's check.
 */
class MergedPdfLinksTest {
    @TempDir
    Path dir;

    @Test
    void aMergedPdfsLinksByPageAndByNameLandOnTheMergedCopiesAndCheckBundlePasses() throws IOException {
        Path letter = dir.resolve("2021-01-31 Report with contents.pdf");
        writeReportWithContents(letter);
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional links", "--initials", "JS"));
        ok(cli("attach", "--vault", v, "--case", caseId, letter.toString()));
        Path bundle = dir.resolve("bundle.pdf");
        CliTestSupport.Result made = cli("bundle", "--vault", v, "--case", caseId, "--out", bundle.toString(), "--json");
        assertEquals(0, made.exit(), made::toString);
        assertTrue(made.err().contains("a link in the document pointed to no page of it and was taken off")
                || made.out().contains("a link in the document pointed to no page of it and was taken off"),
                "the dangling link is said: " + made);

        CliTestSupport.Result check = cli("check-bundle", bundle.toString(), "--json");
        JsonNode rules = check.json().get(0).get("rules");
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals("index-links")) {
                assertTrue(rule.get("passed").asBoolean(), rule::toString);
            }
        }
        assertEquals(0, check.exit(), check::toString);

        try (PDDocument d = Loader.loadPDF(bundle.toFile())) {
            int contents = pageWithText(d, "Contents of the fictional report");
            assertTrue(contents > 0, "the merged contents page");
            List<Integer> landed = new ArrayList<>();
            for (PDAnnotation a : d.getPage(contents - 1).getAnnotations()) {
                if (a instanceof PDAnnotationLink link && (link.getDestination() != null
                        || link.getAction() instanceof PDActionGoTo)) {
                    PDPageDestination dest = (PDPageDestination) (link.getDestination() != null ? link.getDestination()
                            : ((PDActionGoTo) link.getAction()).getDestination());
                    assertNotNull(dest.getPage(), "an explicit page of the bundle");
                    landed.add(d.getPages().indexOf(dest.getPage()) + 1);
                }
            }
            landed.removeIf(p -> p <= 0);
            assertEquals(List.of(pageWithText(d, "Section two of the report"), pageWithText(d, "Section three of the"
                    + " report")), landed.stream().filter(p -> p != contents).sorted().toList(),
                    "the page link and the named link land on the merged sections");
        }
    }

    private static int pageWithText(PDDocument d, String text) throws IOException {
        org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper();
        for (int i = 1; i <= d.getNumberOfPages(); i++) {
            s.setStartPage(i);
            s.setEndPage(i);
            if (s.getText(d).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Three pages: a contents page linking to page 2 directly, to page 3 by a named destination, and nowhere. */
    static void writeReportWithContents(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            org.apache.pdfbox.pdmodel.font.PDType0Font font;
            try (var in = MergedPdfLinksTest.class.getClassLoader().getResourceAsStream(
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
                font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, in);
            }
            String[] texts = {"Contents of the fictional report", "Section two of the report",
                "Section three of the report"};
            for (String t : texts) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.beginText();
                    s.setFont(font, 14);
                    s.newLineAtOffset(72, 760);
                    s.showText(t);
                    s.endText();
                }
            }
            PDPage contents = doc.getPage(0);
            PDPageFitDestination toTwo = new PDPageFitDestination();
            toTwo.setPage(doc.getPage(1));
            contents.getAnnotations().add(link(700, toTwo, null));
            PDActionGoTo byName = new PDActionGoTo();
            byName.setDestination(new PDNamedDestination("section-three"));
            contents.getAnnotations().add(link(680, null, byName));
            PDActionGoTo nowhere = new PDActionGoTo();
            nowhere.setDestination(new PDNamedDestination("no-such-place"));
            contents.getAnnotations().add(link(660, null, nowhere));
            PDActionURI web = new PDActionURI();
            web.setURI("https://example.org/");
            contents.getAnnotations().add(link(640, null, web));
            PDPageXYZDestination three = new PDPageXYZDestination();
            three.setPage(doc.getPage(2));
            three.setTop(800);
            org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode tree = new org.apache.pdfbox.pdmodel.PDDestinationNameTreeNode();
            tree.setNames(Map.of("section-three", three));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setDests(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(file.toFile());
        }
    }

    private static PDAnnotationLink link(float y, PDPageDestination dest,
                                         org.apache.pdfbox.pdmodel.interactive.action.PDAction action) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, y, 200, 14));
        if (dest != null) {
            link.setDestination(dest);
        } else {
            link.setAction(action);
        }
        return link;
    }
}
