package org.casebook.bundle.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDDestinationOrAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.casebook.evidence.Plural;

/** The rules about moving around the document: the hyperlinked index, the bookmarks, the opening view. */
final class NavigationRules {
    /** More bookmarks than this is a hostile outline (or a loop PDFBox did not see). */
    private static final int MAX_BOOKMARKS = 1_000_000;

    private final PDDocument document;
    private final PageTargets targets;

    NavigationRules(PDDocument document, PageTargets targets) {
        this.document = document;
        this.targets = targets;
    }

    /** (c) Internal links exist and each one shows a page of this document. */
    RuleResult links() throws IOException {
        int internal = 0;
        int other = 0;
        List<Integer> pagesWithLinks = new ArrayList<>();
        List<String> dangling = new ArrayList<>();
        int danglingCount = 0;
        int pageNumber = 0;
        for (PDPage page : document.getPages()) {
            pageNumber++;
            boolean linked = false;
            int linkOnPage = 0;
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (!(annotation instanceof PDAnnotationLink link)) {
                    continue;
                }
                linkOnPage++;
                PDDestination destination = link.getDestination();
                if (destination == null) {
                    destination = PageTargets.internalDestination(link.getAction());
                }
                if (destination == null) {
                    other++; // a web address, another file or a script: not part of the index
                    continue;
                }
                internal++;
                linked = true;
                if (targets.pageOf(destination) == 0) {
                    danglingCount++;
                    if (dangling.size() < 5) {
                        dangling.add("link " + linkOnPage + " on page " + pageNumber
                                + " points to no page of this document");
                    }
                }
            }
            if (linked) {
                pagesWithLinks.add(pageNumber);
            }
        }
        String rule = "Hyperlinked index: internal links exist and each points to a page of this document";
        if (internal == 0) {
            return new RuleResult("index-links", rule, false, "no internal links"
                    + (other > 0 ? " (only " + Plural.of(other, "link") + " to outside the document)" : "")
                    + ": the index is not hyperlinked");
        }
        if (danglingCount > 0) {
            return new RuleResult("index-links", rule, false, PageLists.problems(dangling, danglingCount));
        }
        return new RuleResult("index-links", rule, true, internal + " internal link" + (internal == 1 ? "" : "s")
                + " (on page" + (pagesWithLinks.size() == 1 ? " " : "s ") + PageLists.ranges(pagesWithLinks, 6)
                + "), each to a page of this document");
    }

    /** (d) Bookmarks exist and each one shows a page of this document. */
    RuleResult bookmarks() throws IOException {
        String rule = "Bookmarks exist and each points to a page of this document";
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline == null || outline.getFirstChild() == null) {
            return new RuleResult("bookmarks", rule, false, "the document has no bookmarks");
        }
        List<String> topLevel = new ArrayList<>();
        for (PDOutlineItem item : siblings(outline, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            topLevel.add(quoted(item.getTitle()));
        }
        List<String> broken = new ArrayList<>();
        int[] counts = new int[2]; // all, broken
        walk(outline, Collections.newSetFromMap(new IdentityHashMap<>()), broken, counts);
        if (counts[1] > 0) {
            return new RuleResult("bookmarks", rule, false, PageLists.problems(broken, counts[1]));
        }
        return new RuleResult("bookmarks", rule, true, counts[0] + " bookmark" + (counts[0] == 1 ? "" : "s")
                + ", each to a page of this document; top level: " + String.join(", ", topLevel.subList(0,
                Math.min(8, topLevel.size()))) + (topLevel.size() > 8 ? ", …" : ""));
    }

    private void walk(PDOutlineNode node, Set<COSBase> visited, List<String> broken, int[] counts) throws IOException {
        for (PDOutlineItem item : siblings(node, visited)) {
            counts[0]++;
            PDDestination destination = item.getDestination();
            if (destination == null) {
                destination = PageTargets.internalDestination(item.getAction());
            }
            if (destination == null || targets.pageOf(destination) == 0) {
                counts[1]++;
                if (broken.size() < 5) {
                    broken.add("bookmark " + quoted(item.getTitle())
                            + (destination == null ? " points nowhere" : " points to no page of this document"));
                }
            }
            if (counts[0] < MAX_BOOKMARKS) {
                walk(item, visited, broken, counts);
            }
        }
    }

    /** A node's children, stopping at any item seen before (a hostile outline can loop). */
    private static List<PDOutlineItem> siblings(PDOutlineNode node, Set<COSBase> visited) {
        List<PDOutlineItem> items = new ArrayList<>();
        for (PDOutlineItem item = node.getFirstChild(); item != null && visited.add(item.getCOSObject())
                && visited.size() < MAX_BOOKMARKS; item = item.getNextSibling()) {
            items.add(item);
        }
        return items;
    }

    /** (f) The catalog's OpenAction shows a page at zoom 1 (/XYZ with zoom 1.0). */
    RuleResult openAtFullSize() throws IOException {
        String rule = "Opens at 100% zoom (OpenAction /XYZ with zoom 1)";
        PDDestinationOrAction open = document.getDocumentCatalog().getOpenAction();
        PDDestination destination = open instanceof PDAction action ? PageTargets.internalDestination(action)
                : open instanceof PDDestination d ? d : null;
        if (destination instanceof PDNamedDestination named) {
            destination = document.getDocumentCatalog().findNamedDestinationPage(named);
        }
        if (destination == null) {
            return new RuleResult("open-zoom", rule, false, "no opening view is set (no OpenAction destination): "
                    + "the reader's own zoom is used");
        }
        if (!(destination instanceof PDPageXYZDestination xyz)) {
            return new RuleResult("open-zoom", rule, false, "opens with " + viewType(destination)
                    + ", not /XYZ at 100%");
        }
        int page = targets.pageOf(xyz);
        if (page == 0) {
            return new RuleResult("open-zoom", rule, false, "the opening view points to no page of this document");
        }
        float zoom = xyz.getZoom();
        if (Math.abs(zoom - 1f) > 0.001f) {
            return new RuleResult("open-zoom", rule, false, "opens on page " + page + " at "
                    + (zoom <= 0 ? "the reader's current zoom (/XYZ without a zoom)"
                    : String.format(Locale.ROOT, "%.0f%% zoom", zoom * 100)));
        }
        return new RuleResult("open-zoom", rule, true, "opens on page " + page + " at 100% (/XYZ, zoom 1)");
    }

    private static String viewType(PDDestination destination) {
        if (destination instanceof PDPageDestination d && d.getCOSObject().size() > 1 && d.getCOSObject().getObject(1) instanceof COSName name) {
            return "/" + name.getName();
        }
        return "an unknown view";
    }

    static String quoted(String text) {
        if (text == null) {
            return "(untitled)";
        }
        String line = text.strip().replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
        return "'" + (line.length() > 60 ? line.substring(0, 57) + "..." : line) + "'";
    }
}
