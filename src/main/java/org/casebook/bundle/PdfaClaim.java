package org.casebook.bundle;

import org.casebook.bundle.check.RuleResult;

/**
 * Why a bundle does not claim PDF/A-3b. A merged PDF that uses a font without carrying it cannot be made PDF/A
 * without changing how its pages are drawn (the font is not there to embed), and a claim a validator such as
 * veraPDF would refute is worse than none: a reader would doubt the rest.
 */
final class PdfaClaim {
    private PdfaClaim() {
    }

    static String dropped(RuleResult fonts) {
        return "The bundle does not claim PDF/A-3b: merged PDFs use fonts they do not embed (" + fonts.detail()
                + "). Their pages look as their own reader shows them; to get a PDF/A bundle, print those documents"
                + " to PDF again with fonts embedded and attach them again.";
    }
}
