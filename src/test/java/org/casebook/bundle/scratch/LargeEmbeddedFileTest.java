package org.casebook.bundle.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB original embedded in a PDF built on the encrypted scratch cache, saved and read back in a child
 * JVM limited to 256 MB of heap; the scratch file, scanned while the document is open, holds none of it in
 * plain text and is gone once the document is closed.
 */
class LargeEmbeddedFileTest {
    private static final long SIZE = 200L << 20;

    @TempDir
    Path dir;

    @Test
    void twoHundredMegabytesEmbedSaveAndReadBackIn256MegabytesOfHeap() throws Exception {
        Path source = dir.resolve("video.bin");
        String marker = "CASEBOOK-EVIDENCE-" + Long.toHexString(System.nanoTime());
        String sha = writeSource(source, marker);
        Path pdf = dir.resolve("bundle.pdf");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ScratchPdfChild.class.getName(),
                source.toString(), pdf.toString(), marker).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        Map<String, String> result = EncryptedScratchCacheTest.keyValues(output);
        System.out.println("encrypted scratch cache, 200 MB embedded file: " + result);

        assertTrue(Long.parseLong(result.get("scratch_bytes")) >= SIZE - (9 << 20),
                "the data went to the file (all but 8 MB of heap pages and the page being written)");
        assertEquals("false", result.get("plaintext_in_scratch"), output);
        assertEquals("true", result.get("scratch_deleted"), output);
        assertEquals(sha, result.get("sha256"), "the embedded file reads back byte for byte");
        assertTrue(Long.parseLong(result.get("peak_heap_mb")) <= 256, output);
        assertTrue(Files.size(pdf) > SIZE);
        assertTrue(ScratchPdfChild.fileContains(pdf, marker.getBytes(StandardCharsets.US_ASCII)),
                "the saved PDF (which the user asked for) holds the original as it was");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith("casebook-scratch-")).count());
        }
    }

    /** Random bytes with the marker at the start of every 64 KiB, streamed to disk; returns the SHA-256. */
    private static String writeSource(Path file, String marker) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] mark = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[1 << 16];
        SplittableRandom random = new SplittableRandom(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < SIZE; done += block.length) {
                random.nextBytes(block);
                System.arraycopy(mark, 0, block, 0, mark.length);
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
