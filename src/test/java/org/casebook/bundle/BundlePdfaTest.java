package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.casebook.demo.DemoCaseBuilder;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.Case;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.testsupport.PdfaValidation;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real bundles against veraPDF (PDF/A-3b) and the built-in e-bundle check: the demo case with its photos plus a
 * merged PDF and a diary entry in many scripts. Set -Dbundle.keep=DIR to keep the PDF for looking at.
 */
class BundlePdfaTest {
    private static final String MIXED = "Он снова ждал у двери. Ήταν εκεί ξανά. كان هناك مرة أخرى. הוא היה שם שוב."
            + " 他又在门外等着。 Café façade, naïve — 😡📱";

    @TempDir
    Path dir;
    Vault vault;
    Case demo;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "pdfa.casebook");
        demo = new DemoCaseBuilder(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC))
                .build(vault, Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    @Test
    void theDemoBundleWithPhotosAMergedPdfAndMixedScriptsConformsToPdfA3b() throws IOException {
        var incident = new IncidentService(vault).add(demo.id(), new IncidentDraft(IncidentType.MESSAGE,
                When.exactly(ZonedDateTime.of(2024, 4, 2, 22, 5, 0, 0, demo.zone())), MIXED, "Home", List.of(),
                "Could not sleep.", null));
        Path letter = dir.resolve("solicitor-letter.pdf");
        writePdf(letter, true, "Letter from the landlord's solicitor", "Page two: the notice to quit");
        new AttachmentService(vault).attach(demo.id(), List.of(letter), incident.id(), Progress.NONE);

        Path pdf = dir.resolve("demo-pdfa.pdf");
        BundleResult r = new BundleService(vault).build(demo.id(), BundleOptions.all().withPreparedBy("Alex Example"),
                pdf, Progress.NONE, () -> false);
        keep(pdf);

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        assertTrue(r.exhibits().stream().anyMatch(e -> e.embedded() && e.reference() != null));
        List<String> failed = PdfaValidation.failedRules(pdf);
        assertTrue(failed.isEmpty(), () -> String.join("\n", failed));
    }

    /**
     * A third-party PDF drawn with a font it does not embed (common: Helvetica from a word processor) is merged
     * unchanged, so the bundle breaks exactly one PDF/A rule, 6.2.11.4.1 (font programs embedded); the bundle
     * check reports the same as its fonts-embedded rule. Re-drawing someone else's document would be altering
     * evidence, so this is documented rather than "fixed".
     */
    @Test
    void aMergedPdfWithoutEmbeddedFontsBreaksOnlyTheFontRule() throws IOException {
        Path letter = dir.resolve("helvetica-letter.pdf");
        writePdf(letter, false, "A letter typed in Helvetica, not embedded");
        new AttachmentService(vault).attach(demo.id(), List.of(letter), null, Progress.NONE);

        Path pdf = dir.resolve("demo-helvetica.pdf");
        BundleResult r = new BundleService(vault).build(demo.id(), BundleOptions.all(), pdf, Progress.NONE,
                () -> false);

        // veraPDF finds the missing font and nothing else but the PDF/A identification, which the bundle no longer
        // claims: it does not claim what a validator refutes, and says why
        List<String> failed = PdfaValidation.failedRules(pdf);
        assertEquals(List.of("6.2.11.4.1", "6.6.4"), failed.stream().map(f -> f.substring(0, f.indexOf('-')))
                .distinct().toList(), () -> String.join("\n", failed));
        assertEquals(List.of("fonts-embedded", "pdfa-3b"), r.check().failures().stream().map(f -> f.id()).toList());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("The bundle does not claim PDF/A-3b")
                && w.contains("Helvetica")), r.warnings().toString());
    }

    private static void writePdf(Path file, boolean embedFont, String... pages) throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDFont font;
            if (embedFont) {
                try (InputStream in = BundlePdfaTest.class.getClassLoader()
                        .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf")) {
                    font = PDType0Font.load(d, in);
                }
            } else {
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            }
            for (String text : pages) {
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
            d.save(file.toFile());
        }
    }

    private static void keep(Path pdf) throws IOException {
        String keep = System.getProperty("bundle.keep");
        if (keep != null) {
            Files.copy(pdf, Path.of(keep).resolve(pdf.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
