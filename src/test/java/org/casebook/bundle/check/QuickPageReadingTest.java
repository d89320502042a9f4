package org.casebook.bundle.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page rules read quickly where they may (a page settled by one text operator drawing its own "Page N of M")
 * and on two threads from two copies of the file find exactly what a full reading of every page on one thread
 * finds: the same pages without text, the same number problems listed first, the same labels and images. The PDF
 * mixes pages the quick reading settles with every kind it must hand to a full reading, across many shares.
 */
class QuickPageReadingTest {
    private static final int PAGES = 150;

    @TempDir
    static Path dir;
    private static Path pdf;
    private static Path replaced;

    @BeforeAll
    static void write() throws IOException {
        pdf = dir.resolve("mixed.pdf");
        try (PDDocument d = new PDDocument()) {
            PDFont dejaVu;
            try (InputStream in = QuickPageReadingTest.class.getResourceAsStream(
                    "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
                dejaVu = PDType0Font.load(d, in);
            }
            PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDImageXObject photo = LosslessFactory.createFromImage(d, new BufferedImage(300, 150,
                    BufferedImage.TYPE_INT_RGB));
            for (int n = 1; n <= PAGES; n++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                PDFont font = n % 2 == 0 ? dejaVu : helvetica;
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    if (n % 29 == 0) {
                        cs.drawImage(photo, 100, 400, 36, 18); // 600 dpi, and no text at all
                        continue;
                    }
                    for (int line = 0; line < 6; line++) {
                        show(cs, font, 11, 72, 760 - 15 * line, "Line " + (line + 1) + " of a page of letters, "
                                + "page " + n + " of " + (PAGES + 1) + " in the writer's own count");
                    }
                    if (n % 37 == 0) {
                        cs.drawImage(photo, 100, 300, 144, 72); // 150 dpi beside text
                    }
                    if (n % 17 == 0) {
                        continue; // no page number
                    }
                    if (n % 23 == 0) {
                        show(cs, font, 9, 440, 30, "Page " + (n + 1) + " of " + PAGES);
                    } else if (n % 19 == 0) {
                        // one number drawn by two operators: only a full reading joins them
                        cs.beginText();
                        cs.setFont(font, 9);
                        cs.newLineAtOffset(440, 30);
                        cs.showText("Page " + n);
                        cs.showText(" of " + PAGES);
                        cs.endText();
                    } else if (n >= 120 && n <= 125) {
                        show(cs, font, 12, 500, 800, "B" + (n - 100)); // only its page label
                    } else if (n % 41 == 0) {
                        // the number drawn in the font set before a q ... Q that used another one
                        cs.beginText();
                        cs.setFont(font, 9);
                        cs.endText();
                        cs.saveGraphicsState();
                        show(cs, font == dejaVu ? helvetica : dejaVu, 10, 72, 60, "A note in another font");
                        cs.restoreGraphicsState();
                        cs.beginText();
                        cs.newLineAtOffset(440, 30);
                        cs.showText("Page " + n + " of " + PAGES);
                        cs.endText();
                    } else if (n == 77) {
                        show(cs, font, 9, 440, 30, "xPage 77 of " + PAGES); // not a number of its own
                    } else {
                        show(cs, font, 9, 440, 30, "Page " + n + " of " + PAGES);
                    }
                }
            }
            PDPageLabels labels = new PDPageLabels(d);
            PDPageLabelRange a = new PDPageLabelRange();
            a.setStyle(PDPageLabelRange.STYLE_DECIMAL);
            a.setPrefix("A");
            labels.setLabelItem(0, a);
            PDPageLabelRange b = new PDPageLabelRange();
            b.setStyle(PDPageLabelRange.STYLE_DECIMAL);
            b.setPrefix("B");
            labels.setLabelItem(100, b);
            d.getDocumentCatalog().setPageLabels(labels);
            d.save(pdf.toFile());
        }
        // the same pages with every page number taken out: a file replaced between the checker's two openings
        replaced = dir.resolve("replaced.pdf");
        try (PDDocument d = new PDDocument()) {
            for (int n = 1; n <= PAGES; n++) {
                d.addPage(new PDPage(PDRectangle.A4));
            }
            d.save(replaced.toFile());
        }
    }

    private static void show(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    @Test
    void quickAndTwoThreadedReadingsFindWhatAFullReadingFinds() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PageScanner.QuickReading never = new PageScanner.QuickReading() {
                @Override
                public boolean allowed(int pageNumber) {
                    return false;
                }

                @Override
                public boolean settles(int pageNumber, CharSequence drawn) {
                    return false;
                }
            };
            String full = read(document, null, facts -> never);
            // what the full reading found, so that the comparison below compares something
            assertTrue(full.startsWith("textless=[29, 58, 87, 116, 145] unreadable=[] problems=20 [page 17 shows"
                    + " 'page 17 of 151', not 'Page 17 of 150' or its label 'A17', page 23 shows"), full);
            assertTrue(full.contains("byLabel=6 [B20, B21] images=9 (highest 600 dpi) [page 29: a 300×150 px"), full);

            assertEquals(full, read(document, null, QuickPageReadingTest::checkersOwn), "quick, one thread");
            AtomicInteger opened = new AtomicInteger();
            assertEquals(full, read(document, () -> {
                opened.incrementAndGet();
                return Loader.loadPDF(pdf.toFile());
            }, QuickPageReadingTest::checkersOwn), "quick, two threads");
            assertEquals(1, opened.get(), "the second thread read from its own copy");
            assertEquals(full, read(document, () -> {
                throw new IOException("gone");
            }, QuickPageReadingTest::checkersOwn), "quick, the second copy not opening");
            assertEquals(full, read(document, () -> Loader.loadPDF(replaced.toFile()), QuickPageReadingTest::checkersOwn),
                    "quick, the file replaced before its second opening");
        }
    }

    @Test
    void pagesWhoseTextSizeIsAskedForAreReadInFull() throws IOException {
        Set<Integer> merged = IntStream.rangeClosed(1, PAGES).filter(n -> n % 2 == 0).boxed().collect(Collectors.toSet());
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            CheckReport oneThread = new BundleChecker().check(document, new TextSizeRule(12, merged));
            CheckReport twoThreads = new BundleChecker().check(document, new TextSizeRule(12, merged),
                    () -> Loader.loadPDF(pdf.toFile()));
            assertEquals(oneThread.results(), twoThreads.results());
            RuleResult size = oneThread.result(TextSizeRule.ID).orElseThrow();
            assertTrue(size.detail().startsWith("text below 12 pt on page 1 (9 pt); page 3 (9 pt)"), size::toString);
            assertTrue(size.detail().endsWith("75 pages of merged documents, shown as supplied, not checked"),
                    size::toString);
        }
    }

    /** What the page reading found, as one comparable text. */
    private static String read(PDDocument document, BundleChecker.SecondCopy copy,
                               java.util.function.Function<PageFacts, PageScanner.QuickReading> quick) {
        PageFacts facts = new PageFacts(PAGES, labels(document));
        PageReading.read(document, copy, PAGES, quick.apply(facts), facts);
        facts.finish();
        return "textless=" + facts.textless + " unreadable=" + facts.unreadable
                + " problems=" + facts.numberProblemCount + " " + facts.numberProblems
                + " byLabel=" + facts.pagesNumberedByLabel + " " + facts.firstLabels
                + " images=" + facts.imageCount + " (highest " + Math.round(facts.highestDpi) + " dpi) "
                + facts.imageProblems;
    }

    private static String[] labels(PDDocument document) {
        try {
            return document.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The quick reading the checker uses when no text size is asked for. */
    private static PageScanner.QuickReading checkersOwn(PageFacts facts) {
        return BundleChecker.quickReading(facts, null);
    }
}
