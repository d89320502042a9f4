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
 * token and the SHA-256 as 64 lower-case hex digits; the audit chain head is printed as
 * "Audit chain head: <64 hex>". Text is read sorted by position, so columns drawn separately still make one
 * line.
 *
 * <p>A redacted copy says "This is a redacted copy." in its appendix; in one, a row whose Kind reads
 * "withheld" names an original deliberately left out, and a line starting "copy" followed by a hash, under an
 * exhibit's row, gives the hash of the copy embedded instead (a photo without its location and device details).
 */
final class IntegrityAppendix {
    static final String BOOKMARK = "Integrity appendix";
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
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.computeIfAbsent(row.group(1), k -> new LinkedHashSet<>()).add(row.group(2));
                lastReference = row.group(1);
                if (WITHHELD.matcher(line.substring(row.end())).find()) {
                    withheld.add(row.group(1));
                }
                continue;
            }
            Matcher copy = COPY_ROW.matcher(line);
            if (copy.find() && lastReference != null) {
                copies.computeIfAbsent(lastReference, k -> new LinkedHashSet<>()).add(copy.group(1));
                continue;
            }
            Matcher head = CHAIN_HEAD.matcher(line);
            if (head.find() && chainHead == null) {
                chainHead = head.group(1).toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    /** The page of the top-level "Integrity appendix" bookmark, or 0. */
    private static int bookmarkedPage(PDDocument document, PageTargets targets) throws IOException {
        PDDocumentOutline outline = document.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            return 0;
        }
        int seen = 0;
        for (PDOutlineItem item = outline.getFirstChild(); item != null && seen++ < 10_000;
             item = item.getNextSibling()) {
            if (item.getTitle() != null && item.getTitle().strip().equalsIgnoreCase(BOOKMARK)) {
                PDDestination destination = item.getDestination();
                if (destination == null) {
                    destination = PageTargets.internalDestination(item.getAction());
                }
                return destination == null ? 0 : targets.pageOf(destination);
            }
        }
        return 0;
    }
}
