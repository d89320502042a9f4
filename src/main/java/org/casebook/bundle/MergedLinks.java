package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;

/**
 * A merged PDF's own internal links (a contents page linking to its sections) made to work in the bundle.
 * Importing a page copies its dictionary but not what its links point at: a link to a page still names the
 * source document's page, and a link by name names a destination only the source document's catalogue holds.
 * Each is pointed at the merged copy of its page, explicitly. A link that points to no page of its own document
 * is taken off (the count is returned for a warning), since left alone it would send a reader nowhere and fail
 * the bundle's link rule. Links to web addresses and other files are left as they are.
 */
final class MergedLinks {
    private MergedLinks() {
    }

    /**
     * @param copies each source page's (by dictionary) merged copy
     * @return how many links were taken off because they pointed to no page of the document
     */
    static int retarget(PDDocument source, Map<COSDictionary, PDPage> copies) {
        int removed = 0;
        for (PDPage copy : copies.values()) {
            List<PDAnnotation> annotations;
            try {
                annotations = copy.getAnnotations();
            } catch (IOException | RuntimeException unreadable) {
                continue; // the page's annotations cannot be read: a reader will not show them either
            }
            List<PDAnnotation> kept = new ArrayList<>(annotations.size());
            for (PDAnnotation annotation : annotations) {
                if (annotation instanceof PDAnnotationLink link && !retarget(link, source, copies)) {
                    removed++;
                } else {
                    kept.add(annotation);
                }
            }
            if (kept.size() != annotations.size()) {
                copy.setAnnotations(kept);
            }
        }
        return removed;
    }

    /** Points an internal link at the merged page; false when it is internal but shows no page of its document. */
    private static boolean retarget(PDAnnotationLink link, PDDocument source, Map<COSDictionary, PDPage> copies) {
        try {
            PDDestination destination = link.getDestination();
            PDActionGoTo goTo = null;
            if (destination == null && link.getAction() instanceof PDActionGoTo action) {
                goTo = action;
                destination = action.getDestination();
            }
            if (destination == null) {
                return true; // a web address, another file, or no target at all: not this document's link
            }
            PDPageDestination merged = mergedDestination(destination, source, copies);
            if (merged == null) {
                return false;
            }
            if (goTo != null) {
                goTo.setDestination(merged);
            } else {
                link.setDestination(merged);
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false; // a destination that cannot be read sends a reader nowhere
        }
    }

    private static PDPageDestination mergedDestination(PDDestination destination, PDDocument source,
                                                       Map<COSDictionary, PDPage> copies) throws IOException {
        PDDestination target = destination;
        if (target instanceof PDNamedDestination named) {
            target = source.getDocumentCatalog().findNamedDestinationPage(named);
        }
        if (!(target instanceof PDPageDestination pageDestination)) {
            return null;
        }
        PDPage page = pageDestination.getPage();
        if (page == null) {
            int index = pageDestination.getPageNumber(); // a page index: the remote form, which readers accept
            page = index >= 0 && index < source.getNumberOfPages() ? source.getPage(index) : null;
        }
        PDPage copy = page == null ? null : copies.get(page.getCOSObject());
        if (copy == null) {
            return null;
        }
        // The same view ([page /XYZ left top zoom], [page /Fit] …) on the merged page.
        COSArray view = new COSArray();
        view.add(copy.getCOSObject());
        COSArray original = pageDestination.getCOSObject();
        for (int i = 1; i < original.size(); i++) {
            view.add(original.get(i));
        }
        return (PDPageDestination) PDDestination.create(view);
    }
}
