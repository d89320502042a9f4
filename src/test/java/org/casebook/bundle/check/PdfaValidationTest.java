package org.casebook.bundle.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.casebook.testsupport.PdfaValidation;
import org.casebook.testsupport.TestBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF/A-3b helper against veraPDF: it finds real breaches, and our identification rule agrees with it. */
class PdfaValidationTest {
    @TempDir
    Path dir;

    @Test
    void aStandardFontIsABreachVeraPdfReports() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.standardFont = true;
        List<String> failed = PdfaValidation.failedRules(bundle.write(dir.resolve("helvetica.pdf")));
        assertTrue(failed.stream().anyMatch(f -> f.startsWith("6.2.11.4.1")), failed::toString);
    }

    @Test
    void aFileWithoutPdfaIdentificationFailsBothCheckers() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.pdfa = false;
        Path pdf = bundle.write(dir.resolve("plain.pdf"));
        assertFalse(PdfaValidation.failedRules(pdf).isEmpty());
        assertFalse(new BundleChecker().check(pdf).result("pdfa-3b").orElseThrow().passed());
    }

    @Test
    void theContractBundleConformsToPdfA3b() throws IOException {
        Path pdf = new TestBundle().write(dir.resolve("good.pdf"));
        List<String> failed = PdfaValidation.failedRules(pdf);
        assertTrue(failed.isEmpty(), failed::toString);
        assertTrue(new BundleChecker().check(pdf).allPassed());
    }
}
