package org.casebook.bundle.check;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;

/**
 * Resolves link, bookmark and open-action destinations to this document's own page numbers. The pages are
 * looked up once by identity, so checking thousands of links stays linear.
 */
final class PageTargets {
    private final Map<COSDictionary, Integer> numbers = new IdentityHashMap<>();
    private final PDDocumentCatalog catalog;
    private final int pageCount;

    PageTargets(PDDocument document) {
        this.catalog = document.getDocumentCatalog();
        int n = 0;
        for (PDPage page : document.getPages()) {
            numbers.putIfAbsent(page.getCOSObject(), ++n);
        }
        this.pageCount = n;
    }

    int pageCount() {
        return pageCount;
    }

    /** The 1-based page a GoTo action or destination shows; 0 when it shows no page of this document. */
    int pageOf(PDDestination destination) throws IOException {
        PDDestination target = destination;
        if (target instanceof PDNamedDestination named) {
            target = catalog.findNamedDestinationPage(named);
        }
        if (!(target instanceof PDPageDestination pageDestination)) {
            return 0;
        }
        PDPage page = pageDestination.getPage();
        if (page != null) {
            return numbers.getOrDefault(page.getCOSObject(), 0);
        }
        // Strictly a remote-document form, but viewers accept a page index here too.
        int index = pageDestination.getPageNumber();
        return index >= 0 && index < pageCount ? index + 1 : 0;
    }

    /** The destination of an internal (GoTo) action, or null for any other action. */
    static PDDestination internalDestination(PDAction action) throws IOException {
        return action instanceof PDActionGoTo goTo ? goTo.getDestination() : null;
    }
}
