package org.casebook.capture.archive;

/**
 * How much of a saved page is read into memory. A file over {@link #maxFileBytes} is refused whole; a document
 * over {@link #maxDocumentBytes} is refused; a resource over {@link #maxResourceBytes}, or past
 * {@link #maxResources} or {@link #maxTotalBytes}, is left out with a warning naming it (the file itself is kept
 * whole as the original, so nothing is lost, only not shown).
 *
 * @param maxFileBytes the largest saved file read at all
 * @param maxDocumentBytes the largest main document
 * @param maxResourceBytes the largest single resource kept
 * @param maxTotalBytes the document and all resources kept, together
 * @param maxResources how many parts are kept (in MHTML, WARC and WACZ the document is one of the file's parts and
 *     counts too)
 */
public record SavedPageLimits(long maxFileBytes, long maxDocumentBytes, long maxResourceBytes, long maxTotalBytes,
        int maxResources) {
    private static final long MIB = 1024L * 1024;

    /**
     * 4 GiB of file (a WARC or WACZ may hold a whole site; it is streamed, only the page's parts are kept),
     * 32 MiB of document, 64 MiB per resource (a video), 256 MiB in all, 5,000 resources.
     */
    public static final SavedPageLimits DEFAULT = new SavedPageLimits(4096 * MIB, 32 * MIB, 64 * MIB, 256 * MIB, 5_000);

    public SavedPageLimits {
        if (maxFileBytes <= 0 || maxDocumentBytes <= 0 || maxResourceBytes <= 0 || maxTotalBytes <= 0
                || maxResources < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
