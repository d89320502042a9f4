package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.xmpbox.xml.DomXmpParser;
import org.casebook.evidence.AttachmentService;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/**
 * A bundle claims PDF/A-3b only when nothing in it refutes the claim: a merged PDF whose font is not embedded
 * (which PDF/A forbids, and veraPDF reports) drops the claim, and the bundle says why. No summary page is
 * printed for a case with no conduct to summarise.
 */
class PdfaHonestyTest extends OneCaseVaultTest {
    @Test
    void aMergedPdfWithoutItsFontsDropsThePdfaClaimAndSaysWhy() throws IOException {
        Path letter = dir.resolve("2022-05-01 Letter.pdf");
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage();
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 600);
                cs.showText("A letter in a font it does not carry");
                cs.endText();
            }
            d.save(letter.toFile());
        }
        new AttachmentService(vault).attach(aCase.id(), List.of(letter), null, Progress.NONE);
        BundleResult r = build(BundleOptions.all(), "letter.pdf");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("does not claim PDF/A-3b") && w.contains("Helvetica")),
                r.warnings().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("letter.pdf").toFile())) {
            assertNull(pdfaId(pdf), "no PDF/A identification in the XMP");
            assertFalse(BundleReader.text(pdf).contains("Course-of-conduct summary"),
                    "no summary page: nothing to summarise");
            assertTrue(BundleReader.outline(pdf).stream().noneMatch(b -> b.title().contains("summary")));
        }
    }

    @Test
    void aBundleOfItsOwnFontsClaimsPdfa() throws IOException {
        build(BundleOptions.all(), "own.pdf");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("own.pdf").toFile())) {
            assertNotNull(pdfaId(pdf));
        }
    }

    private static Object pdfaId(PDDocument pdf) throws IOException {
        try (var in = pdf.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
            return new DomXmpParser().parse(in).getPDFAIdentificationSchema();
        } catch (org.apache.xmpbox.xml.XmpParsingException e) {
            throw new IOException(e);
        }
    }
}
