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
 * carries: the name-tree key, else "Exhibit JS/12:" in its description, else "JS-12 " in its file name.
 */
final class EmbeddedOriginals {
    static final Pattern REFERENCE = Pattern.compile("[A-Z]{1,6}/\\d+");
    private static final Pattern DESCRIPTION_REFERENCE = Pattern.compile("^\\s*Exhibit\\s+([A-Z]{1,6}/\\d+)\\s*:");
    private static final Pattern FILE_NAME_REFERENCE = Pattern.compile("^([A-Z]{1,6})-(\\d+) ");
    /** Name trees deeper than this are hostile; real ones are a few levels. */
    private static final int MAX_TREE_DEPTH = 32;

    /** One embedded file: its reference (or null), a name for it, and its stream. */
    record Original(String reference, String fileName, PDEmbeddedFile file) {
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
        found.add(new Original(reference(key, spec.getFileDescription(), name), name, file));
    }

    static String reference(String key, String description, String fileName) {
        if (key != null && REFERENCE.matcher(key.strip()).matches()) {
            return key.strip();
        }
        if (description != null) {
            Matcher m = DESCRIPTION_REFERENCE.matcher(description);
            if (m.find()) {
                return m.group(1);
            }
        }
        if (fileName != null) {
            Matcher m = FILE_NAME_REFERENCE.matcher(fileName);
            if (m.find()) {
                return m.group(1) + "/" + m.group(2);
            }
        }
        return null;
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
