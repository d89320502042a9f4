package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.casebook.vault.Sha256;

/** Reads a written bundle back with PDFBox the way a recipient's tools would. */
public final class BundleReader {
    private BundleReader() {
    }

    /** Text of pages {@code from}..{@code to} (1-based, inclusive). */
    static String text(PDDocument d, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(d);
    }

    static String text(PDDocument d) throws IOException {
        return text(d, 1, d.getNumberOfPages());
    }

    /** 1-based page a destination points to. */
    static int pageOf(PDDocument d, PDPageDestination dest) {
        PDPage p = dest.getPage();
        return p != null ? d.getPages().indexOf(p) + 1 : dest.getPageNumber() + 1;
    }

    record Bookmark(String title, int page, List<Bookmark> children) {
    }

    static List<Bookmark> outline(PDDocument d) throws IOException {
        List<Bookmark> out = new ArrayList<>();
        for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
            out.add(bookmark(d, item));
        }
        return out;
    }

    /**
     * The first bookmark, at any level, with this title, with or without the page number a bookmark ends with
     * ("Chronology, p. 5").
     */
    static Bookmark section(PDDocument d, String title) throws IOException {
        java.util.Deque<Bookmark> todo = new java.util.ArrayDeque<>(outline(d));
        while (!todo.isEmpty()) {
            Bookmark b = todo.poll();
            if (b.title().equals(title) || b.title().matches(java.util.regex.Pattern.quote(title) + ", p\\. \\S+")) {
                return b;
            }
            for (int i = b.children().size() - 1; i >= 0; i--) {
                todo.addFirst(b.children().get(i));
            }
        }
        throw new AssertionError("No bookmark " + title);
    }

    private static Bookmark bookmark(PDDocument d, PDOutlineItem item) throws IOException {
        List<Bookmark> children = new ArrayList<>();
        for (PDOutlineItem c : item.children()) {
            children.add(bookmark(d, c));
        }
        return new Bookmark(item.getTitle(), pageOf(d, (PDPageDestination) item.getDestination()), children);
    }

    public record Link(String text, int target) {
    }

    /** The links on a page with the text inside each one's rectangle. */
    public static List<Link> links(PDDocument d, int pageNumber) throws IOException {
        PDPage page = d.getPage(pageNumber - 1);
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        List<PDAnnotationLink> links = new ArrayList<>();
        for (PDAnnotation a : page.getAnnotations()) {
            if (a instanceof PDAnnotationLink l) {
                var r = l.getRectangle();
                float h = page.getMediaBox().getHeight();
                area.addRegion("l" + links.size(), new java.awt.geom.Rectangle2D.Float(r.getLowerLeftX(),
                        h - r.getUpperRightY(), r.getWidth(), r.getHeight()));
                links.add(l);
            }
        }
        area.extractRegions(page);
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            PDActionGoTo go = (PDActionGoTo) links.get(i).getAction();
            out.add(new Link(area.getTextForRegion("l" + i).strip(), pageOf(d, (PDPageDestination) go.getDestination())));
        }
        return out;
    }

    /** Embedded files by name-tree key, with their spec. */
    static Map<String, PDComplexFileSpecification> attachments(PDDocument d) throws IOException {
        var names = d.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return Map.of();
        }
        Map<String, PDComplexFileSpecification> out = new LinkedHashMap<>();
        var tree = names.getEmbeddedFiles();
        if (tree.getNames() != null) {
            out.putAll(tree.getNames());
        }
        if (tree.getKids() != null) {
            for (var kid : tree.getKids()) {
                out.putAll(kid.getNames());
            }
        }
        return out;
    }

    static String sha256(PDComplexFileSpecification spec) throws IOException {
        try (InputStream in = spec.getEmbeddedFile().createInputStream()) {
            return Sha256.of(in.readAllBytes());
        }
    }
}
