package org.casebook.bundle.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.casebook.testsupport.TestBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-bundle rules on real PDFs written with PDFBox: one that follows the contract, and one bad thing each. */
class BundleCheckerTest {
    @TempDir
    Path dir;

    private CheckReport check(Consumer<TestBundle> change) throws IOException {
        TestBundle bundle = new TestBundle();
        change.accept(bundle);
        return new BundleChecker().check(bundle.write(Files.createTempFile(dir, "bundle", ".pdf")));
    }

    private static RuleResult rule(CheckReport report, String id) {
        return report.result(id).orElseThrow(() -> new AssertionError("no rule " + id + " in " + report));
    }

    @Test
    void aBundleFollowingTheContractPassesEveryRule() throws IOException {
        CheckReport report = check(b -> { });
        assertTrue(report.allPassed(), report::toString);
        assertEquals(9, report.results().size());
        assertTrue(rule(report, "image-resolution").detail().contains("150 dpi"), report::toString);
        assertTrue(rule(report, "page-numbers").detail().contains("'Page N of 6'"), report::toString);
        assertTrue(rule(report, "bookmarks").detail().contains("'Integrity appendix'"), report::toString);
        assertTrue(rule(report, "open-zoom").detail().contains("page 1 at 100%"), report::toString);
        assertTrue(rule(report, "pdfa-3b").detail().contains("sRGB"), report::toString);
    }

    @Test
    void checksAnOpenDocumentToo() throws IOException {
        Path pdf = new TestBundle().write(dir.resolve("open.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new BundleChecker().check(document).allPassed());
        }
    }

    @Test
    void missingPageNumbersFail() throws IOException {
        CheckReport report = check(b -> b.pageNumbers = false);
        RuleResult numbers = rule(report, "page-numbers");
        assertFalse(numbers.passed());
        assertTrue(numbers.detail().startsWith("page 1 shows no 'Page 1 of 6'"), numbers::toString);
        assertTrue(numbers.detail().endsWith("and 1 more"), numbers::toString);
        assertEquals(1, report.failures().size(), report::toString);
    }

    @Test
    void aWrongPageNumberIsNamed() throws IOException {
        RuleResult numbers = rule(check(b -> b.wrongNumberOnPage = 5), "page-numbers");
        assertFalse(numbers.passed());
        assertEquals("page 5 shows 'Page 4 of 6', not 'Page 5 of 6'", numbers.detail());
    }

    @Test
    void sectionPageLabelsShownOnThePageCount() throws IOException {
        CheckReport report = check(b -> {
            b.pageNumbers = false;
            b.sectionLabels = true;
        });
        RuleResult numbers = rule(report, "page-numbers");
        assertTrue(numbers.passed(), numbers::toString);
        assertTrue(numbers.detail().contains("6 by their page label (A1, A2, …)"), numbers::toString);
    }

    @Test
    void aDanglingIndexLinkFails() throws IOException {
        RuleResult links = rule(check(b -> b.danglingLink = true), "index-links");
        assertFalse(links.passed());
        assertEquals("link 6 on page 2 points to no page of this document", links.detail());
    }

    @Test
    void noIndexLinksFail() throws IOException {
        RuleResult links = rule(check(b -> b.links = false), "index-links");
        assertFalse(links.passed());
        assertTrue(links.detail().startsWith("no internal links"), links::toString);
    }

    @Test
    void anImageAt600DpiFails() throws IOException {
        RuleResult images = rule(check(b -> b.imageDpi = 600), "image-resolution");
        assertFalse(images.passed());
        assertEquals("page 4: a 300×150 px image drawn at 0.50×0.25 in = 600 dpi", images.detail());
    }

    @Test
    void anImageJustOver300DpiIsWithinTheTolerance() throws IOException {
        assertTrue(rule(check(b -> b.imageDpi = 305), "image-resolution").passed());
        assertFalse(rule(check(b -> b.imageDpi = 310), "image-resolution").passed());
    }

    @Test
    void noBookmarksFail() throws IOException {
        RuleResult bookmarks = rule(check(b -> b.bookmarks = false), "bookmarks");
        assertFalse(bookmarks.passed());
        assertEquals("the document has no bookmarks", bookmarks.detail());
    }

    @Test
    void anImageOnlyPageIsListed() throws IOException {
        CheckReport report = check(b -> b.imageOnlyPage = true);
        RuleResult text = rule(report, "text-layer");
        assertFalse(text.passed());
        assertEquals("1 page has no text (image-only or blank): page 6", text.detail());
        // The scanned page shows no page number either.
        assertTrue(rule(report, "page-numbers").detail().startsWith("page 6 shows no"), report::toString);
    }

    @Test
    void noOpenActionNoTitleNoPdfaAndAStandardFontFail() throws IOException {
        CheckReport report = check(b -> {
            b.openAt100 = false;
            b.title = false;
            b.pdfa = false;
            b.standardFont = true;
        });
        assertEquals("no opening view is set (no OpenAction destination): the reader's own zoom is used",
                rule(report, "open-zoom").detail());
        assertEquals("the document information has no Title", rule(report, "title").detail());
        assertEquals("the document has no XMP metadata, so no PDF/A identification", rule(report, "pdfa-3b").detail());
        assertEquals("not embedded: Helvetica (first on page 1)", rule(report, "fonts-embedded").detail());
        assertEquals(4, report.failures().size(), report::toString);
    }

    @Test
    void aTwoThousandPageBundleChecksInAFewSeconds() throws IOException {
        TestBundle big = new TestBundle();
        big.fillerPages = 1995;
        Path pdf = big.write(dir.resolve("big.pdf"));
        long start = System.nanoTime();
        CheckReport report = new BundleChecker().check(pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("check-bundle: 2,002 pages checked in " + millis + " ms");
        assertTrue(report.allPassed(), report::toString);
        assertTrue(millis < 20_000, "took " + millis + " ms");
    }

    @Test
    void unreadableFilesAreOneClearException() throws IOException {
        Path good = new TestBundle().write(dir.resolve("good.pdf"));
        byte[] bytes = Files.readAllBytes(good);

        assertUnreadable(dir.resolve("missing.pdf"), "no such file");
        assertUnreadable(Files.write(dir.resolve("empty.pdf"), new byte[0]), "empty");
        byte[] random = new byte[50_000];
        new Random(7).nextBytes(random);
        assertUnreadable(Files.write(dir.resolve("random.pdf"), random), "not a PDF");
        assertUnreadable(Files.write(dir.resolve("header-only.pdf"), "%PDF-1.7\n".getBytes()), "not a readable PDF");

        Path locked = dir.resolve("locked.pdf");
        try (PDDocument doc = Loader.loadPDF(good.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            doc.protect(policy);
            doc.save(locked.toFile());
        }
        assertUnreadable(locked, "password");
    }

    @Test
    void truncatedFilesNeverCrash() throws IOException {
        byte[] bytes = Files.readAllBytes(new TestBundle().write(dir.resolve("good.pdf")));
        for (int percent : new int[] {1, 10, 50, 90, 99}) {
            Path cut = Files.write(dir.resolve("cut-" + percent + ".pdf"),
                    java.util.Arrays.copyOf(bytes, bytes.length * percent / 100));
            try {
                CheckReport report = new BundleChecker().check(cut);
                // PDFBox may repair a cut file enough to read; what was lost must then fail rules.
                assertFalse(report.allPassed(), "a file cut at " + percent + "% passed every rule");
            } catch (UnreadablePdfException e) {
                assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
            }
        }
    }

    private static void assertUnreadable(Path pdf, String reason) {
        UnreadablePdfException e = assertThrows(UnreadablePdfException.class, () -> new BundleChecker().check(pdf));
        assertTrue(e.getMessage().startsWith(pdf.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
