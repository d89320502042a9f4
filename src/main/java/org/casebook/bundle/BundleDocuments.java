package org.casebook.bundle;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The one place bundle documents are created, so their scratch storage can be chosen in one place. Memory only
 * for now: PDFBox's own temp-file cache would put decrypted evidence on disk. An encrypted scratch-file cache
 * (being written separately) plugs in here to keep the heap bounded for cases with large originals.
 */
final class BundleDocuments {
    private BundleDocuments() {
    }

    static PDDocument create() {
        return new PDDocument(IOUtils.createMemoryOnlyStreamCache());
    }
}
