package org.casebook.bundle.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;

/**
 * Checks any PDF against the rules courts publish for electronic bundles, plus our PDF/A aim: (a) a real
 * text layer on every page, (b) page numbers that equal the PDF's own (or its page labels), (c) a
 * hyperlinked index, (d) bookmarks, (e) images at no more than 300 dpi, (f) opening at 100% zoom, (g)
 * embedded fonts, (h) PDF/A-3b identification, (i) a title, and when asked (j) no text below a minimum size. Each rule passes or fails with what was found;
 * a rule that cannot be evaluated on a damaged file fails with the reason, it never stops the others.
 */
public final class BundleChecker {
    /** Opens {@code pdf} and checks it; an unreadable file is an exception naming it, never a report. */
    public CheckReport check(Path pdf) throws UnreadablePdfException {
        return check(pdf, null);
    }

    /** Also checks that no text is smaller than {@code textSize} says (null: not checked). */
    public CheckReport check(Path pdf, TextSizeRule textSize) throws UnreadablePdfException {
        try (PDDocument document = PdfFiles.open(pdf)) {
            return check(document, textSize, () -> PdfFiles.open(pdf));
        } catch (UnreadablePdfException e) {
            throw e;
        } catch (IOException e) {
            // Only closing can fail here, after the report was made; nothing was written.
            throw new UnreadablePdfException(pdf + ": " + PdfFiles.reason(e));
        }
    }

    /**
     * Whether every font the pages use is embedded: a PDF/A file must embed them all, so a bundle whose merged PDFs
     * use fonts they do not carry may not claim PDF/A.
     */
    public static RuleResult fontsEmbedded(PDDocument document,
                                           java.util.function.Predicate<org.apache.pdfbox.cos.COSDictionary> embedsOnSave) {
        return guarded("fonts-embedded", "Every font is embedded", () -> new FontRule(embedsOnSave).check(document));
    }

    public CheckReport check(PDDocument document) {
        return check(document, null);
    }

    /** The rules, and (when {@code textSize} is given) the smallest text size allowed. */
    public CheckReport check(PDDocument document, TextSizeRule textSize) {
        return check(document, textSize, null);
    }

    /** Opens another copy of the file being checked, for a second thread to read pages from. */
    public interface SecondCopy {
        PDDocument open() throws IOException;
    }

    /**
     * Checks {@code document}, reading its pages on two threads when {@code secondCopy} (not null) opens the same
     * file again. The report is the same either way.
     */
    public CheckReport check(PDDocument document, TextSizeRule textSize, SecondCopy secondCopy) {
        List<RuleResult> results = new ArrayList<>();
        PageTargets targets = new PageTargets(document);
        PageFacts facts = new PageFacts(targets.pageCount(), labels(document));
        PageReading.read(document, secondCopy, targets.pageCount(), quickReading(facts, textSize), facts);
        facts.finish();
        NavigationRules navigation = new NavigationRules(document, targets);
        MetadataRules metadata = new MetadataRules(document);

        results.add(textLayer(facts, targets.pageCount()));
        results.add(pageNumbers(facts, targets.pageCount()));
        results.add(guarded("index-links", "Hyperlinked index: internal links exist and each points to a page of "
                + "this document", navigation::links));
        results.add(guarded("bookmarks", "Bookmarks exist and each points to a page of this document",
                navigation::bookmarks));
        results.add(imageResolution(facts));
        results.add(guarded("open-zoom", "Opens at 100% zoom (OpenAction /XYZ with zoom 1)",
                navigation::openAtFullSize));
        results.add(guarded("fonts-embedded", "Every font is embedded", () -> new FontRule().check(document)));
        results.add(guarded("pdfa-3b", "PDF/A-3b identification (XMP pdfaid part 3, conformance B) with an "
                + "output intent", metadata::pdfa3b));
        results.add(guarded("title", "Document title set", metadata::title));
        if (textSize != null) {
            results.add(textSize.check(facts.smallestText));
        }
        return new CheckReport(results);
    }

    /**
     * A page whose text sizes are not asked for is settled when one text operator draws its own "Page N of M": it
     * then has text and shows its number, whatever else it holds. Any other page is read in full.
     */
    static PageScanner.QuickReading quickReading(PageFacts facts, TextSizeRule textSize) {
        return new PageScanner.QuickReading() {
            @Override
            public boolean allowed(int pageNumber) {
                return textSize == null || textSize.skippedPages().contains(pageNumber);
            }

            @Override
            public boolean settles(int pageNumber, CharSequence drawn) {
                return facts.showsOwnNumber(pageNumber, drawn);
            }
        };
    }

    private static RuleResult textLayer(PageFacts facts, int pageCount) {
        String rule = "Real text layer on every page";
        if (pageCount == 0) {
            return new RuleResult("text-layer", rule, false, "the document has no pages");
        }
        if (!facts.unreadable.isEmpty()) {
            return new RuleResult("text-layer", rule, false, "could not read "
                    + PageLists.problems(facts.unreadable.subList(0, Math.min(5, facts.unreadable.size())),
                    facts.unreadable.size()));
        }
        if (!facts.textless.isEmpty()) {
            int n = facts.textless.size();
            return new RuleResult("text-layer", rule, false, n + (n == 1 ? " page has" : " pages have")
                    + " no text (image-only or blank): page" + (n == 1 ? " " : "s ") + PageLists.ranges(facts.textless, 20));
        }
        return new RuleResult("text-layer", rule, true, pageCount == 1 ? "the 1 page has extractable text" : "all " + pageCount + " pages have extractable text");
    }

    private static RuleResult pageNumbers(PageFacts facts, int pageCount) {
        String rule = "Page numbers computer-generated and equal to the PDF's own page numbers";
        if (pageCount == 0) {
            return new RuleResult("page-numbers", rule, false, "the document has no pages");
        }
        if (facts.numberProblemCount > 0) {
            return new RuleResult("page-numbers", rule, false,
                    PageLists.problems(facts.numberProblems, facts.numberProblemCount));
        }
        int byLabel = facts.pagesNumberedByLabel;
        String how = byLabel == 0 ? "'Page N of " + pageCount + "'"
                : (pageCount - byLabel) + " as 'Page N of " + pageCount + "', " + byLabel
                + " by their page label (" + String.join(", ", facts.firstLabels) + ", …)";
        return new RuleResult("page-numbers", rule, true, "every page shows its own number: " + how);
    }

    private static RuleResult imageResolution(PageFacts facts) {
        String rule = "Images at no more than 300 dpi";
        if (facts.imageProblemCount() > 0) {
            return new RuleResult("image-resolution", rule, false,
                    PageLists.problems(facts.imageProblems, facts.imageProblemCount()));
        }
        if (facts.imageCount == 0) {
            return new RuleResult("image-resolution", rule, true, "no images");
        }
        return new RuleResult("image-resolution", rule, true, String.format(Locale.ROOT,
                "%d image%s, the densest at %.0f dpi", facts.imageCount, facts.imageCount == 1 ? "" : "s",
                facts.highestDpi));
    }

    /** The page labels by page index, or null when the PDF defines none (or they cannot be read). */
    private static String[] labels(PDDocument document) {
        try {
            PDPageLabels labels = document.getDocumentCatalog().getPageLabels();
            return labels == null ? null : labels.getLabelsByPageIndices();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private interface Rule {
        RuleResult check() throws IOException;
    }

    /** A damaged file can break one rule's reading; that rule fails with the reason and the others go on. */
    private static RuleResult guarded(String id, String rule, Rule check) {
        try {
            return check.check();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new RuleResult(id, rule, false, "could not be checked: " + PdfFiles.reason(e));
        }
    }
}
