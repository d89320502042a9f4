package org.casebook.bundle.check;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The integrity appendix as printed in a bundle's text layer: from the page the "Integrity appendix" bookmark
 * points to, to the end. Each exhibit row's first line holds, on one baseline, the reference as its first
 * token and the SHA-256 as 64 lower-case hex digits, or (where the text is too large for both on one line) the
 * reference first on its line and the SHA-256 alone at the start of a later line before the next row; the audit chain head is printed as
 * "Audit chain head: <64 hex>". Text is read sorted by position, so columns drawn separately still make one
 * line.
 *
 * <p>A redacted copy says "This is a redacted copy." in its appendix; in one, a row whose Kind reads
 * "withheld" names an original deliberately left out, and a line starting "copy" followed by a hash, under an
 * exhibit's row, gives the hash of the copy embedded instead (a photo without its location and device details).
 */
final class IntegrityAppendix {
    static final String BOOKMARK = "Integrity appendix";
    private static final Pattern PAGED_BOOKMARK = Pattern.compile("(?i)Integrity appendix, p\\. \\S{1,20}");
    /** A line holding only a hash: in a layout too large for a hash beside its reference, the line below it. */
    private static final Pattern HASH_LINE = Pattern.compile("^\\s*([0-9a-f]{64})(?![0-9A-Fa-f])");
    private static final Pattern REFERENCE_LINE = Pattern.compile(
            // followed by a space: a wrapped file name ending "(embedded once, with JS/1)" is not a row
            "^\\s*(" + EmbeddedOriginals.REFERENCE.pattern() + ")(?=\\s)");
    private static final Pattern COPY_LINE = Pattern.compile("^\\s*copy\\b");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(" + EmbeddedOriginals.REFERENCE.pattern() + ")(?![\\w/]).*?(?<![0-9A-Fa-f])([0-9a-f]{64})(?![0-9A-Fa-f])");
    private static final Pattern WITHHELD = Pattern.compile("^\\s+withheld\\b");
    private static final Pattern COPY_ROW = Pattern.compile(
            "^\\s*copy\\s+(?<![0-9A-Fa-f])([0-9a-f]{64})(?![0-9A-Fa-f])");
    private static final String REDACTED_COPY = "This is a redacted copy.";
    private static final Pattern CHAIN_HEAD =
            Pattern.compile("Audit chain head:\\s*([0-9a-f]{64})(?![0-9A-Fa-f])", Pattern.CASE_INSENSITIVE);

    /** Hashes printed per reference, in the order the rows appear (more than one only in a bad bundle). */
    final Map<String, Set<String>> rows = new LinkedHashMap<>();
    /** Hashes printed for the copies embedded instead of the originals, per reference (a redacted copy's photos). */
    final Map<String, Set<String>> copies = new LinkedHashMap<>();
    /** References whose row says the original is withheld. */
    final Set<String> withheld = new LinkedHashSet<>();
    /** Whether the appendix says it belongs to a redacted copy: only then do "withheld" and "copy" rows count. */
    boolean redactedCopy;
    /** The reference of the last row read, which a "copy" line belongs to. */
    private String lastReference;
    /** A reference (or {@link #COPY_PENDING}) whose hash is on the next line, or null. */
    private String pending;
    /** "Audit chain head:" ended its line: the head is on the next. */
    private boolean headOnNextLine;
    private static final String COPY_PENDING = "\u0000copy";
    /** 1-based first page of the appendix, 0 when the bookmark is missing (then all pages were read). */
    final int firstPage;
    String chainHead;

    private IntegrityAppendix(int firstPage) {
        this.firstPage = firstPage;
    }

    static IntegrityAppendix read(PDDocument document, PageTargets targets) throws IOException {
        IntegrityAppendix appendix = new IntegrityAppendix(bookmarkedPage(document, targets));
        PageScanner.scan(document, Math.max(1, appendix.firstPage), targets.pageCount(), true,
                new PageScanner.Listener() {
                    @Override
                    public void page(int pageNumber, String text, List<ImagePlacement> images) {
                        appendix.readLines(text);
                    }

                    @Override
                    public void unreadable(int pageNumber, String reason) {
                        // Rows on a page that cannot be read are missing: their exhibits show as unlisted.
                    }
                });
        return appendix;
    }

    private void readLines(String text) {
        if (text.replaceAll("\\s+", " ").contains(REDACTED_COPY)) {
            redactedCopy = true;
        }
        for (String line : text.split("\n")) {
            if (headOnNextLine) {
                headOnNextLine = false;
                Matcher hash = HASH_LINE.matcher(line);
                if (hash.find() && chainHead == null) {
                    chainHead = hash.group(1);
                    continue;
                }
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.computeIfAbsent(row.group(1), k -> new LinkedHashSet<>()).add(row.group(2));
                lastReference = row.group(1);
                pending = null;
                if (WITHHELD.matcher(line.substring(row.end())).find()) {
                    withheld.add(row.group(1));
                }
                continue;
            }
            Matcher copy = COPY_ROW.matcher(line);
            if (copy.find() && lastReference != null) {
                copies.computeIfAbsent(lastReference, k -> new LinkedHashSet<>()).add(copy.group(1));
                pending = null;
                continue;
            }
            // text at 12 pt (a family bundle): the hash has the line below its reference (or "copy") to itself
            Matcher hashOnly = HASH_LINE.matcher(line);
            if (hashOnly.find() && pending != null) {
                if (pending.equals(COPY_PENDING)) {
                    if (lastReference != null) {
                        copies.computeIfAbsent(lastReference, k -> new LinkedHashSet<>()).add(hashOnly.group(1));
                    }
                } else {
                    rows.computeIfAbsent(pending, k -> new LinkedHashSet<>()).add(hashOnly.group(1));
                }
                pending = null;
                continue;
            }
            Matcher reference = REFERENCE_LINE.matcher(line);
            if (reference.find()) {
                pending = reference.group(1);
                lastReference = pending;
                if (WITHHELD.matcher(line.substring(reference.end())).find()) {
                    withheld.add(pending);
                }
                continue;
            }
            if (COPY_LINE.matcher(line).find() && lastReference != null) {
                pending = COPY_PENDING;
                continue;
            }
            Matcher head = CHAIN_HEAD.matcher(line);
            if (head.find() && chainHead == null) {
                chainHead = head.group(1).toLowerCase(java.util.Locale.ROOT);
            } else if (chainHead == null && line.strip().equalsIgnoreCase("Audit chain head:")) {
                headOnNextLine = true;
            }
        }
    }

    /**
     * The page of the "Integrity appendix" bookmark, or 0: at any level (a family bundle nests it in its last
     * section), and with or without the page number a bookmark may end with (", p. D1").
     */
    private static int bookmarkedPage(PDDocument document, PageTargets targets) throws IOException {
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return 0;
        }
        java.util.Deque<PDOutlineItem> todo = new java.util.ArrayDeque<>();
        for (PDOutlineItem item = outline.getFirstChild(); item != null && todo.size() < 10_000;
             item = item.getNextSibling()) {
            todo.add(item);
        }
        int seen = 0;
        java.util.Set<PDOutlineItem> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty() && seen++ < 100_000) {
            PDOutlineItem item = todo.poll();
            if (!visited.add(item)) {
                continue;
            }
            if (isAppendix(item.getTitle())) {
                PDDestination destination = item.getDestination();
                if (destination == null) {
                    destination = PageTargets.internalDestination(item.getAction());
                }
                return destination == null ? 0 : targets.pageOf(destination);
            }
            int children = 0;
            for (PDOutlineItem c = item.getFirstChild(); c != null && children++ < 10_000; c = c.getNextSibling()) {
                todo.add(c);
            }
        }
        return 0;
    }

    private static boolean isAppendix(String title) {
        if (title == null) {
            return false;
        }
        String t = title.strip();
        return t.equalsIgnoreCase(BOOKMARK) || PAGED_BOOKMARK.matcher(t).matches();
    }
}
