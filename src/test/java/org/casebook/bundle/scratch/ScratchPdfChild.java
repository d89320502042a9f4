package org.casebook.bundle.scratch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.casebook.bench.HeapPeak;

/**
 * Run in a child JVM with a small heap: builds a PDF on an {@link EncryptedScratchCache} with the file
 * {@code args[0]} embedded, scans the scratch file for {@code args[2]} while the document is open, saves to
 * {@code args[1]}, reads the embedded file back and prints {@code key=value} lines.
 */
public final class ScratchPdfChild {
    private ScratchPdfChild() {
    }

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        Path pdf = Path.of(args[1]);
        byte[] marker = args[2].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Path scratchDir = pdf.getParent();
        HeapPeak.reset();
        AtomicReference<EncryptedScratchCache> made = new AtomicReference<>();
        long start = System.nanoTime();
        Path scratch;
        try (PDDocument doc = new PDDocument(() -> {
            made.set(new EncryptedScratchCache(8 << 20, scratchDir));
            return made.get();
        }); InputStream in = Files.newInputStream(source)) {
            doc.addPage(new PDPage());
            embed(doc, "JS/1", source.getFileName().toString(), in);
            scratch = made.get().scratchFile().orElseThrow();
            System.out.println("scratch_bytes=" + Files.size(scratch));
            System.out.println("plaintext_in_scratch=" + fileContains(scratch, marker));
            System.out.println("embed_seconds=" + (System.nanoTime() - start) / 1e9);
            long saveStart = System.nanoTime();
            doc.save(pdf.toFile());
            System.out.println("save_seconds=" + (System.nanoTime() - saveStart) / 1e9);
        }
        System.out.println("scratch_deleted=" + !Files.exists(scratch));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), EncryptedScratchCache.factory(8 << 20, scratchDir));
             InputStream in = embedded(doc, "JS/1")) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        System.out.println("sha256=" + HexFormat.of().formatHex(sha.digest()));
        System.out.println("peak_heap_mb=" + HeapPeak.bytes() / (1024 * 1024));
        System.out.flush();
    }

    /** Embeds {@code content} as a file attachment named {@code name} (as the bundle names exhibits). */
    static void embed(PDDocument doc, String name, String fileName, InputStream content) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(doc, content);
        file.setSubtype("application/octet-stream");
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(fileName);
        spec.setFileUnicode(fileName);
        spec.setEmbeddedFile(file);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(name, spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
    }

    static InputStream embedded(PDDocument doc, String name) throws IOException {
        PDComplexFileSpecification spec = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get(name);
        return spec.getEmbeddedFile().createInputStream();
    }

    /** Streams the file looking for {@code needle}, keeping an overlap so a match across reads is found. */
    static boolean fileContains(Path file, byte[] needle) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] window = new byte[(1 << 20) + needle.length];
            int carried = 0;
            int n;
            while ((n = in.readNBytes(window, carried, window.length - carried)) > 0) {
                int filled = carried + n;
                if (EncryptedScratchCacheTest.contains(java.util.Arrays.copyOf(window, filled), needle)) {
                    return true;
                }
                carried = Math.min(needle.length - 1, filled);
                System.arraycopy(window, filled - carried, window, 0, carried);
            }
        }
        return false;
    }
}
