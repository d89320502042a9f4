package org.casebook.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;

/**
 * Internal links whose target page may not exist yet when the link is drawn (the index is laid out before the
 * pages it points to are placed); {@link #resolve} points each at its page once every page is there.
 */
final class Links {
    private record Pending(PDActionGoTo action, String key) {
    }

    private final List<Pending> pending = new ArrayList<>();

    void add(PDPage page, PDRectangle area, String key) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(area);
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        link.setPrinted(true); // PDF/A wants annotations printable
        // PDFBox checks a GoTo's page when it is set, so the destination is set in resolve()
        PDActionGoTo action = new PDActionGoTo();
        link.setAction(action);
        try {
            page.getAnnotations().add(link);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pending.add(new Pending(action, key));
    }

    void resolve(Map<String, PDPage> targets) {
        for (Pending p : pending) {
            PDPage page = targets.get(p.key());
            if (page == null) {
                throw new IllegalStateException("No page for link target " + p.key());
            }
            p.action().setDestination(to(page));
        }
    }

    /** Top of the page at 100%: what the e-bundle guidance asks links and bookmarks to do. */
    static PDPageXYZDestination to(PDPage page) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        point(d, page);
        return d;
    }

    private static void point(PDPageXYZDestination d, PDPage page) {
        d.setPage(page);
        d.setLeft(0);
        d.setTop((int) page.getMediaBox().getUpperRightY());
        d.setZoom(1);
    }
}
