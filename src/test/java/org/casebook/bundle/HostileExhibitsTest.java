package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.casebook.evidence.AttachmentService;
import org.casebook.testsupport.Images;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/**
 * Files a victim may really hold — broken, locked, empty, absurd — each get an exhibit page saying why they are not
 * shown, and a warning; never an exception. The original still travels embedded and its printed hash matches.
 */
class HostileExhibitsTest extends OneCaseVaultTest {
    @Test
    void everyHostileFileGetsAnExplainedPageAWarningAndItsEmbeddedOriginal() throws IOException {
        byte[] jpeg = Images.jpeg();
        List<Path> files = List.of(
                write("corrupt.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nbroken".getBytes()),
                write("locked.pdf", lockedPdf()),
                write("truncated.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)),
                write("empty.jpg", new byte[0]),
                write("zero.png", png(0, 0)),
                write("huge.png", png(30_000, 30_000)),
                write("name.txt", "a note".getBytes()));
        new AttachmentService(vault).attach(aCase.id(), files, null, Progress.NONE);
        // a file name no file system here would allow, as an export from elsewhere might carry
        String hostileName = ("Ünïcödé Привет שלום مرحبا 日本語 \u0000\u0007\n\t\u202E" + "x".repeat(20)).repeat(10)
                .substring(0, 500);
        vault.write(c -> {
            try (var ps = c.prepareStatement("UPDATE item SET file_name = ? WHERE file_name = 'name.txt'")) {
                ps.setString(1, hostileName);
                return ps.executeUpdate();
            }
        });

        BundleResult r = new BundleService(vault).build(aCase.id(), BundleOptions.all(), dir.resolve("b.pdf"),
                Progress.NONE, () -> false);

        assertEquals(files.size(), r.exhibits().size());
        String warnings = String.join("\n", r.warnings());
        List<String> unshown = List.of("corrupt.pdf", "locked.pdf", "truncated.jpg", "empty.jpg", "zero.png",
                "huge.png");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            var attachments = BundleReader.attachments(pdf);
            for (BundleResult.Exhibit e : r.exhibits()) {
                assertEquals(e.sha256(), BundleReader.sha256(attachments.get(e.reference())), e.reference());
                String page = BundleReader.text(pdf, e.page(), e.page()).replaceAll("\\s+", " ");
                assertTrue(page.contains("SHA-256 " + e.sha256()), page);
            }
            for (String name : unshown) {
                BundleResult.Exhibit e = r.exhibits().stream()
                        .filter(x -> attachments.get(x.reference()).getFileUnicode().endsWith(" " + name)).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " is not embedded"));
                assertTrue(warnings.contains("Exhibit " + e.reference()), name + " has no warning in:\n" + warnings);
                String page = BundleReader.text(pdf, e.page(), e.page()).replaceAll("\\s+", " ");
                assertTrue(page.contains("could not") || page.contains("cannot") || page.contains("password"),
                        name + " says why it is not shown:\n" + page);
            }
            String text = BundleReader.text(pdf);
            assertTrue(text.contains("Ünïcödé Привет"), "the long name is printed, cleaned");
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] lockedPdf() throws IOException {
        try (PDDocument d = new PDDocument()) {
            d.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            d.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    /** A PNG that declares any size, with one byte of image data: what a decoder sees first is the header. */
    private static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
