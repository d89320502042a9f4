package org.casebook.bundle.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;

/**
 * Finds every file embedded in a PDF: the EmbeddedFiles name tree (with all its kids) and file attachment
 * annotations on the pages. A file reachable both ways is listed once. Each gets the exhibit reference it
 * carries: the name-tree key, else "Exhibit JS/12:" in its description, else "JS-12 " in its file name. A file
 * sent with a message in exhibit JS/12 has a reference under it: "JS/12.1" ("JS-12.1 " in its file name).
 */
final class EmbeddedOriginals {
    static final Pattern REFERENCE = Pattern.compile("[A-Z]{1,6}/\\d+(?:\\.\\d+)?");
    /** "Exhibit JS/1:", or for bytes embedded once for several exhibits "Exhibits JS/1, JS/4:". */
    private static final Pattern DESCRIPTION_REFERENCES = Pattern.compile("^\\s*Exhibits?\\s+(" + REFERENCE.pattern()
            + "(?:\\s*,\\s*" + REFERENCE.pattern() + ")*)\\s*:");
    private static final Pattern FILE_NAME_REFERENCE = Pattern.compile("^([A-Z]{1,6})-(\\d+(?:\\.\\d+)?) ");
    /** Name trees deeper than this are hostile; real ones are a few levels. */
    private static final int MAX_TREE_DEPTH = 32;

    /**
     * One embedded file: its reference (or null), the other exhibits whose original the same bytes are (identical
     * files are embedded once), a name for it, and its stream.
     */
    record Original(String reference, List<String> sharedWith, String fileName, PDEmbeddedFile file) {
    }

    private final List<Original> found = new ArrayList<>();
    private final Set<COSBase> seenStreams = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenNodes = Collections.newSetFromMap(new IdentityHashMap<>());

    static List<Original> of(PDDocument document) throws IOException {
        EmbeddedOriginals originals = new EmbeddedOriginals();
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names != null && names.getEmbeddedFiles() != null) {
            originals.walk(names.getEmbeddedFiles(), 0);
        }
        int pageNumber = 0;
        for (PDPage page : document.getPages()) {
            pageNumber++;
            for (PDAnnotation annotation : page.getAnnotations()) {
                if (annotation instanceof PDAnnotationFileAttachment attachment) {
                    originals.add(null, attachment.getFile(), "attachment on page " + pageNumber);
                }
            }
        }
        return originals.found;
    }

    private void walk(PDNameTreeNode<PDComplexFileSpecification> node, int depth) throws IOException {
        if (depth > MAX_TREE_DEPTH || !seenNodes.add(node.getCOSObject())) {
            return;
        }
        Map<String, PDComplexFileSpecification> entries = node.getNames();
        if (entries != null) {
            for (Map.Entry<String, PDComplexFileSpecification> entry : entries.entrySet()) {
                add(entry.getKey(), entry.getValue(), entry.getKey());
            }
        }
        List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
        if (kids != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
                walk(kid, depth + 1);
            }
        }
    }

    private void add(String key, PDFileSpecification specification, String fallbackName) {
        if (!(specification instanceof PDComplexFileSpecification spec)) {
            return; // a bare file name refers to a file outside the PDF: nothing embedded
        }
        PDEmbeddedFile file = firstNonNull(spec.getEmbeddedFileUnicode(), spec.getEmbeddedFile(),
                spec.getEmbeddedFileUnix(), spec.getEmbeddedFileMac(), spec.getEmbeddedFileDos());
        if (file == null || !seenStreams.add(file.getCOSObject())) {
            return;
        }
        String name = firstNonNull(spec.getFileUnicode(), spec.getFile(), fallbackName);
        String reference = reference(key, spec.getFileDescription(), name);
        found.add(new Original(reference, sharedWith(reference, spec.getFileDescription()), name, file));
    }

    static String reference(String key, String description, String fileName) {
        if (key != null && REFERENCE.matcher(key.strip()).matches()) {
            return key.strip();
        }
        List<String> described = described(description);
        if (!described.isEmpty()) {
            return described.get(0);
        }
        if (fileName != null) {
            Matcher m = FILE_NAME_REFERENCE.matcher(fileName);
            if (m.find()) {
                return m.group(1) + "/" + m.group(2);
            }
        }
        return null;
    }

    /** The references an embedded file's description names, in order: "Exhibits JS/1, JS/4: …" gives both. */
    private static List<String> described(String description) {
        if (description == null) {
            return List.of();
        }
        Matcher m = DESCRIPTION_REFERENCES.matcher(description);
        return m.find() ? List.of(m.group(1).split("\\s*,\\s*")) : List.of();
    }

    /** The references besides {@code reference} that the description says the same file is the original of. */
    private static List<String> sharedWith(String reference, String description) {
        List<String> described = described(description);
        if (reference == null || described.size() < 2 || !described.get(0).equals(reference)) {
            return List.of();
        }
        return described.subList(1, described.size());
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The stream behind an embedded file, for hashing. */
    static COSStream stream(Original original) {
        return original.file().getCOSObject();
    }
}
