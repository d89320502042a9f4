package org.casebook.bundle.scratch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted PDFBox stream cache against a plain byte-array model, and with PDFBox itself. */
class EncryptedScratchCacheTest {
    static final byte[] MARKER = "CASEBOOK-PLAINTEXT-MARKER".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** The model: what a buffer must hold, and where it is. */
    private static final class Model {
        byte[] bytes = new byte[0];
        int position;
    }

    @Test
    void randomReadsAndWritesAtRandomOffsetsMatchAPlainArray() throws IOException {
        // Four heap pages for all buffers together: almost everything goes through the encrypted file.
        try (EncryptedScratchCache cache = new EncryptedScratchCache(4 * EncryptedScratchCache.PAGE_SIZE, dir)) {
            SplittableRandom random = new SplittableRandom(2024);
            List<RandomAccess> buffers = new ArrayList<>();
            List<Model> models = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                buffers.add(cache.createBuffer());
                models.add(new Model());
            }
            for (int step = 0; step < 20_000; step++) {
                int which = random.nextInt(buffers.size());
                RandomAccess b = buffers.get(which);
                Model m = models.get(which);
                int op = random.nextInt(100);
                if (op < 30) { // write a run somewhere (possibly extending the end)
                    int at = random.nextInt(m.bytes.length + 1);
                    byte[] data = new byte[random.nextInt(1 + random.nextInt(3 * EncryptedScratchCache.PAGE_SIZE))];
                    random.nextBytes(data);
                    b.seek(at);
                    b.write(data);
                    m.bytes = Arrays.copyOf(m.bytes, Math.max(m.bytes.length, at + data.length));
                    System.arraycopy(data, 0, m.bytes, at, data.length);
                    m.position = at + data.length;
                } else if (op < 55) { // read a run somewhere
                    int at = random.nextInt(m.bytes.length + 1);
                    b.seek(at);
                    byte[] got = new byte[random.nextInt(2 * EncryptedScratchCache.PAGE_SIZE + 1)];
                    int n = b.read(got, 0, got.length);
                    int expected = Math.min(got.length, m.bytes.length - at);
                    if (expected == 0 && got.length > 0) {
                        assertEquals(-1, n, "read at the end");
                        m.position = at;
                    } else {
                        assertEquals(expected, n);
                        assertArrayEquals(Arrays.copyOfRange(m.bytes, at, at + n), Arrays.copyOf(got, n));
                        m.position = at + n;
                    }
                } else if (op < 65) { // single bytes where we are
                    if (random.nextBoolean()) {
                        int v = random.nextInt(256);
                        b.write(v);
                        if (m.position == m.bytes.length) {
                            m.bytes = Arrays.copyOf(m.bytes, m.bytes.length + 1);
                        }
                        m.bytes[m.position++] = (byte) v;
                    } else {
                        int v = b.read();
                        assertEquals(m.position < m.bytes.length ? m.bytes[m.position++] & 0xff : -1, v);
                    }
                } else if (op < 75) { // peek, rewind, skip, isEOF, available keep the position
                    assertEquals(m.position, b.getPosition());
                    assertEquals(m.position >= m.bytes.length, b.isEOF());
                    assertEquals(m.position < m.bytes.length ? m.bytes[m.position] & 0xff : -1, b.peek());
                    assertEquals(m.position, b.getPosition());
                    assertEquals(m.bytes.length - m.position, b.available());
                    int back = random.nextInt(m.position + 1);
                    b.rewind(back);
                    m.position -= back;
                    int forward = random.nextInt(m.bytes.length - m.position + 1);
                    b.skip(forward);
                    m.position += forward;
                    assertEquals(m.position, b.getPosition());
                } else if (op < 85) { // a view onto a slice
                    int start = random.nextInt(m.bytes.length + 1);
                    int length = random.nextInt(m.bytes.length - start + 1);
                    RandomAccessReadView view = b.createView(start, length);
                    byte[] got = new byte[length];
                    int n = length == 0 ? 0 : readFully(view, got);
                    assertEquals(length, n);
                    assertArrayEquals(Arrays.copyOfRange(m.bytes, start, start + length), got);
                    m.position = (int) b.getPosition();
                } else if (op < 86) {
                    b.clear();
                    m.bytes = new byte[0];
                    m.position = 0;
                    assertEquals(0, b.length());
                    assertTrue(b.isEOF());
                } else {
                    assertEquals(m.bytes.length, b.length());
                }
            }
            for (int i = 0; i < buffers.size(); i++) {
                RandomAccess b = buffers.get(i);
                byte[] all = new byte[(int) b.length()];
                b.seek(0);
                readFully(b, all);
                assertArrayEquals(models.get(i).bytes, all, "buffer " + i);
                b.close();
            }
            assertEquals(0, cache.pagesInUse(), "closed buffers give their pages back");
            assertTrue(cache.scratchFile().isPresent(), "the test went through the file");
        }
    }

    @Test
    void followsPdfBoxsContractAtTheEdges() throws IOException {
        EncryptedScratchCache cache = new EncryptedScratchCache(0, dir);
        RandomAccess b = cache.createBuffer();
        assertEquals(-1, b.read());
        assertEquals(-1, b.read(new byte[4], 0, 4));
        assertEquals(-1, b.peek());
        assertTrue(b.isEOF());
        b.write("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, b.getPosition());
        assertThrows(EOFException.class, () -> b.seek(4));
        assertThrows(IOException.class, () -> b.seek(-1));
        b.seek(3); // the end itself is a valid position
        b.seek(0);
        assertEquals(0, b.read(new byte[4], 0, 0));
        assertEquals('a', b.read());
        b.seek(1);
        b.write('B');
        b.seek(0);
        byte[] three = new byte[3];
        b.readFully(three);
        assertEquals("aBc", new String(three, StandardCharsets.US_ASCII));
        assertThrows(EOFException.class, () -> b.readFully(new byte[1]));

        RandomAccess other = cache.createBuffer();
        other.write(new byte[3 * EncryptedScratchCache.PAGE_SIZE]); // spills into the file
        b.close();
        assertTrue(b.isClosed());
        assertThrows(IOException.class, b::read);
        assertThrows(IOException.class, () -> b.write(1));
        assertThrows(IOException.class, b::length);
        b.close(); // twice is harmless

        Path file = cache.scratchFile().orElseThrow();
        cache.close();
        assertFalse(Files.exists(file), "the temp file is deleted on close");
        assertThrows(IOException.class, () -> other.write(1));
        assertThrows(IOException.class, cache::createBuffer);
    }

    @Test
    void theTempFileIsOwnerOnlyAndHoldsNoPlaintext() throws IOException {
        try (EncryptedScratchCache cache = new EncryptedScratchCache(64 * 1024, dir)) {
            RandomAccess b = cache.createBuffer();
            byte[] text = repeatedMarker(3 << 20);
            b.write(text);
            Path file = cache.scratchFile().orElseThrow();
            assertTrue(Files.size(file) >= text.length - 64 * 1024 - EncryptedScratchCache.PAGE_SIZE,
                    "the data went to the file");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertFalse(contains(Files.readAllBytes(file), MARKER), "the file holds only ciphertext");
            // Rewriting the same page gives different ciphertext (a fresh key stream per write).
            byte[] before = Arrays.copyOfRange(Files.readAllBytes(file), 0, EncryptedScratchCache.PAGE_SIZE);
            b.seek(64 * 1024);
            b.write(new byte[EncryptedScratchCache.PAGE_SIZE]);
            b.seek(0);
            b.read(); // moves off the page, so the rewritten one is flushed
            byte[] after = Arrays.copyOfRange(Files.readAllBytes(file), 0, EncryptedScratchCache.PAGE_SIZE);
            assertFalse(Arrays.equals(before, after));
            b.seek(64 * 1024);
            assertEquals(0, b.read());
        }
    }

    @Test
    void aBufferDroppedWithoutClosingGivesItsPagesBack() throws Exception {
        try (EncryptedScratchCache cache = new EncryptedScratchCache(0, dir)) {
            RandomAccess dropped = cache.createBuffer();
            dropped.write(new byte[10 * EncryptedScratchCache.PAGE_SIZE]);
            dropped.seek(0); // flushes the last page
            assertTrue(cache.pagesInUse() >= 10);
            dropped = null;
            for (int i = 0; i < 100 && cache.pagesInUse() > 0; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertEquals(0, cache.pagesInUse());
        }
    }

    @Test
    void aPdfWithAnEmbeddedFileBuiltOnTheCacheReadsBackByteForByte() throws IOException {
        byte[] original = repeatedMarker(5 << 20);
        Path pdf = dir.resolve("small.pdf");
        AtomicReference<EncryptedScratchCache> made = new AtomicReference<>();
        try (PDDocument doc = new PDDocument(() -> {
            made.set(new EncryptedScratchCache(256 * 1024, dir));
            return made.get();
        })) {
            doc.addPage(new PDPage());
            ScratchPdfChild.embed(doc, "JS/1", "evidence.txt", new ByteArrayInputStream(original));
            Path scratch = made.get().scratchFile().orElseThrow();
            assertFalse(contains(Files.readAllBytes(scratch), MARKER));
            doc.save(pdf.toFile());
            doc.close();
            assertFalse(Files.exists(scratch));
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile(), EncryptedScratchCache.factory(1 << 20, dir));
             InputStream in = ScratchPdfChild.embedded(doc, "JS/1")) {
            assertArrayEquals(original, in.readAllBytes());
        }
        assertEquals(List.of("small.pdf"), TestVaults.listing(dir), "no scratch file left behind");
    }

    static byte[] repeatedMarker(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = MARKER[i % MARKER.length];
        }
        return out;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int readFully(org.apache.pdfbox.io.RandomAccessRead in, byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            int n = in.read(into, done, into.length - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    static Map<String, String> keyValues(String output) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return out;
    }
}
