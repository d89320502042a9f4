package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * The bookmarks a merged PDF brought with it (a solicitor's letter's sections, a report's chapters), kept for
 * the bundle's outline under their exhibit, pointing at the merged copies of their pages. A bookmark that points
 * nowhere in the document (or outside it) keeps its place in the tree and points at its exhibit's first page.
 */
final class MergedOutlines {
    /** One bookmark: its title, the merged page it opens (or null), and the bookmarks under it. */
    record Mark(String title, PDPage page, List<Mark> children) {
    }

    private static final int MAX_DEPTH = 16;
    private static final int MAX_MARKS = 2000;

    private final Map<String, List<Mark>> byExhibit = new HashMap<>();
    private int count;

    /** Reads {@code source}'s outline; {@code merged} gives each source page's (by dictionary) merged copy. */
    void read(String exhibitKey, PDDocument source, Map<COSDictionary, PDPage> merged) {
        PDDocumentOutline outline = source.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return;
        }
        List<Mark> marks = children(outline, source, merged, 0);
        if (!marks.isEmpty()) {
            byExhibit.put(exhibitKey, marks);
        }
    }

    List<Mark> of(String exhibitKey) {
        return byExhibit.getOrDefault(exhibitKey, List.of());
    }

    private List<Mark> children(PDOutlineNode node, PDDocument source, Map<COSDictionary, PDPage> merged, int depth) {
        List<Mark> out = new ArrayList<>();
        if (depth >= MAX_DEPTH) {
            return out;
        }
        // a hostile file may link its items in a loop: each item is read once
        Map<COSDictionary, Boolean> seen = new IdentityHashMap<>();
        for (PDOutlineItem item : node.children()) {
            if (count >= MAX_MARKS || seen.put(item.getCOSObject(), Boolean.TRUE) != null) {
                break;
            }
            count++;
            PDPage page = null;
            try {
                PDPage target = item.findDestinationPage(source);
                page = target == null ? null : merged.get(target.getCOSObject());
            } catch (IOException | RuntimeException unreadable) {
                page = null; // a broken destination: the bookmark opens its exhibit instead
            }
            String title = item.getTitle() == null || item.getTitle().isBlank() ? "(untitled)" : item.getTitle().strip();
            out.add(new Mark(title, page, children(item, source, merged, depth + 1)));
        }
        return out;
    }
}
