package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.casebook.evidence.AttachmentService;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** A merged PDF's own bookmarks stay in the bundle, nested under its exhibit's, opening the merged pages. */
class MergedBookmarksTest extends OneCaseVaultTest {
    @Test
    void aMergedPdfsBookmarksAreNestedUnderItsExhibit() throws IOException {
        Path report = dir.resolve("2023-02-01 Report.pdf");
        try (PDDocument d = new PDDocument()) {
            PDType0Font font;
            try (var in = getClass().getClassLoader().getResourceAsStream(
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
                font = PDType0Font.load(d, in);
            }
            for (String text : new String[] {"Summary page", "Findings page one", "Findings page two"}) {
                PDPage page = new PDPage();
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, 600);
                    cs.showText(text);
                    cs.endText();
                }
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            PDOutlineItem summary = item("1. Summary", d.getPage(0));
            PDOutlineItem findings = item("2. Findings", d.getPage(1));
            findings.addLast(item("2.1 The second page", d.getPage(2)));
            outline.addLast(summary);
            outline.addLast(findings);
            d.getDocumentCatalog().setDocumentOutline(outline);
            d.save(report.toFile());
        }
        new AttachmentService(vault).attach(aCase.id(), List.of(report), null, Progress.NONE);
        build(BundleOptions.all().withProfile(BundleProfile.CIVIL), "merged.pdf");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("merged.pdf").toFile())) {
            BundleReader.Bookmark exhibit = BundleReader.section(pdf, "Exhibits").children().get(0);
            assertTrue(exhibit.title().startsWith("JS/1 — Report (PDF document), 1 Feb 2023, p. "), exhibit.title());
            assertTrue(exhibit.title().endsWith(", p. " + exhibit.page()), "the bookmark carries its page: "
                    + exhibit.title());
            assertEquals(List.of("1. Summary", "2. Findings"), exhibit.children().stream()
                    .map(BundleReader.Bookmark::title).toList());
            assertEquals("2.1 The second page", exhibit.children().get(1).children().get(0).title());
            int first = exhibit.children().get(0).page();
            assertTrue(BundleReader.text(pdf, first, first).contains("Summary page"));
            int nested = exhibit.children().get(1).children().get(0).page();
            assertEquals(first + 2, nested);
            assertTrue(BundleReader.text(pdf, nested, nested).contains("Findings page two"));
        }
    }

    private static PDOutlineItem item(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        PDPageFitDestination d = new PDPageFitDestination();
        d.setPage(page);
        item.setDestination(d);
        return item;
    }
}
