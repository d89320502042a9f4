package org.casebook.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.bundle.scratch.EncryptedScratchCache;

/**
 * The one place bundle documents are created and PDF exhibits opened, so their scratch storage is chosen in one
 * place: {@link EncryptedScratchCache}, which keeps the first pages on the heap and the rest in an AES-encrypted
 * temp file. PDFBox's own temp-file cache would put decrypted evidence on disk; a memory-only cache would hold
 * every embedded original on the heap.
 */
final class BundleDocuments {
    /** Heap for a bundle document's streams before they spill into its encrypted file. */
    private static final long DOCUMENT_MEMORY = EncryptedScratchCache.DEFAULT_MEMORY_BYTES;
    /** A merged PDF exhibit needs little heap of its own: its pages are copied into the bundle. */
    private static final long EXHIBIT_MEMORY = 1L << 20;

    private BundleDocuments() {
    }

    static PDDocument create() {
        return new PDDocument(factory(DOCUMENT_MEMORY));
    }

    /**
     * Opens a PDF exhibit streamed from the vault: the bytes go into an encrypted scratch buffer (PDF parsing
     * needs random access) and are parsed from there. Close the returned value, not the document, when done.
     */
    static Opened open(InputStream original) throws IOException {
        EncryptedScratchCache cache = new EncryptedScratchCache(EXHIBIT_MEMORY, scratchDirectory());
        try {
            RandomAccess buffer = cache.createBuffer();
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = original.read(chunk)) > 0; ) {
                buffer.write(chunk, 0, n);
            }
            buffer.seek(0);
            // PDDocument.close() closes the buffer; Opened.close() then deletes the cache's file.
            return new Opened(Loader.loadPDF(buffer, "", null, null, factory(EXHIBIT_MEMORY)), cache);
        } catch (IOException | RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** A PDF exhibit and the encrypted scratch holding its bytes. */
    record Opened(PDDocument document, EncryptedScratchCache source) implements Closeable {
        @Override
        public void close() throws IOException {
            try {
                document.close();
            } finally {
                source.close();
            }
        }
    }

    /** For reading a finished bundle back: its embedded originals are decrypted evidence too. */
    static StreamCacheCreateFunction readCache() {
        return factory(DOCUMENT_MEMORY);
    }

    private static StreamCacheCreateFunction factory(long memory) {
        return EncryptedScratchCache.factory(memory, scratchDirectory());
    }

    private static Path scratchDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
