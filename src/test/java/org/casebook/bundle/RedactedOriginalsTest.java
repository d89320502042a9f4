package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.casebook.evidence.AttachmentService;
import org.casebook.testsupport.Exif;
import org.casebook.testsupport.Images;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The originals a redacted copy would carry: pictures cleaned without harming them, and documents searched as a
 * reader sees them (decoded, not as stored).
 */
class RedactedOriginalsTest {
    private static final String ADDRESS = "12 Elm Street";
    private final OriginalScan scan = new OriginalScan(new Redactor(List.of(ADDRESS)));

    @TempDir
    Path dir;

    @Test
    void aProgressiveJpegWithRestartMarkersIsTheSamePictureWithoutItsDetails() throws Exception {
        BufferedImage picture = Images.photo(320, 240, 5);
        byte[] progressive = withDetails(progressive(picture));
        assertTrue(ImageMetadataReader.readMetadata(new ByteArrayInputStream(progressive))
                .containsDirectoryOfType(GpsDirectory.class));
        byte[] cleaned = clean("image/jpeg", progressive);
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(cleaned));
        assertFalse(m.containsDirectoryOfType(GpsDirectory.class));
        assertNull(m.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MAKE));
        // every pixel as before: only metadata was dropped
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(progressive)),
                ImageIO.read(new ByteArrayInputStream(cleaned)));

        byte[] restarts = withDetails(Files.readAllBytes(restartIntervalJpeg()));
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(restarts)),
                ImageIO.read(new ByteArrayInputStream(clean("image/jpeg", restarts))));
    }

    @Test
    void theOrientationIsKeptSoThePictureStaysTheRightWayUp() throws Exception {
        byte[] rotated = Images.withExif(Images.jpeg(), "Acme", "Phone", "2024:03:01 21:20:00", "+00:00", 6);
        Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(clean("image/jpeg", rotated)));
        ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertEquals(6, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertNull(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
    }

    @Test
    void aPngAndAWebpKeepTheirPicture() throws Exception {
        byte[] png = clean("image/png", Exif.phonePng(51.5, -0.14, ADDRESS, "2024:03:01 21:20:00"));
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(Images.png())), ImageIO.read(new ByteArrayInputStream(png)));
        assertFalse(new String(png, StandardCharsets.ISO_8859_1).contains("Elm"));
        byte[] webp = clean("image/webp", Exif.phoneWebp(51.5, -0.14, ADDRESS, "2024:03:01 21:20:00"));
        byte[] smallest = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        String riff = new String(webp, StandardCharsets.ISO_8859_1);
        assertTrue(riff.contains("VP8L") && !riff.contains("EXIF") && !riff.contains("XMP "), riff);
        assertEquals(webp.length - 8, java.nio.ByteBuffer.wrap(webp, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt(), "the RIFF length is the new one");
        assertTrue(riff.contains(new String(smallest, 20, 13, StandardCharsets.ISO_8859_1)), "the image data as it was");
        assertThrows(PictureCleaner.NotCleanable.class, () -> clean("image/jpeg", "not a picture".getBytes()));
    }

    @Test
    void documentsAreSearchedAsAReaderSeesThem() throws Exception {
        assertEquals(Withheld.REDACTED_TEXT, check("application/xml",
                "<sms body=\"I moved to 12&#160;Elm&#10;Street\"/>"));
        assertEquals(Withheld.REDACTED_TEXT, check("text/html", "<p>12 <b>Elm</b>&nbsp;Street</p>"));
        assertEquals(Withheld.REDACTED_TEXT, check("application/json", "{\"text\": \"12\\u00a0Elm Street\"}"));
        OriginalScan accents = new OriginalScan(new Redactor(List.of("Caf\u00E9 Rouge")));
        assertEquals(Withheld.REDACTED_TEXT, accents.check("application/json", new ByteArrayInputStream(
                "{\"content\": \"at Caf\\u00c3\\u00a9 Rouge\"}".getBytes(StandardCharsets.UTF_8))),
                "a Facebook export's escaped UTF-8 bytes");
        assertEquals(Withheld.REDACTED_TEXT, check("text/plain", "\uFEFF12 ELM STREET"));
        assertNull(check("text/plain", "Nothing to hide here."));
        byte[] utf16 = "at 12 Elm Street".getBytes(StandardCharsets.UTF_16); // with its byte-order mark
        assertEquals(Withheld.REDACTED_TEXT, scan.check("text/plain", new ByteArrayInputStream(utf16)));
        assertEquals(Withheld.UNCHECKABLE, check("application/zip", "PK\3\4"));
        assertEquals(Withheld.LOCATION, check("video/mp4", "...."));
    }

    @Test
    void aMailboxIsTakenApartMessageByMessage() throws Exception {
        String base64 = Base64.getMimeEncoder().encodeToString("Our new home: 12 Elm Street.".getBytes(
                StandardCharsets.UTF_8));
        String mbox = "From a@example.org Thu Mar 14 09:00:00 2024\n"
                + "From: a@example.org\nSubject: hello\n\nNothing here.\n\n"
                + "From b@example.org Thu Mar 14 10:00:00 2024\n"
                + "From: b@example.org\nSubject: news\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: base64\n\n" + base64 + "\n";
        assertFalse(mbox.contains("Elm"), "the address is only in the encoded body");
        assertEquals(Withheld.REDACTED_TEXT, check("message/rfc822", mbox));
        assertNull(check("message/rfc822", mbox.substring(0, mbox.indexOf("From b@"))));
        String withPhoto = "From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
                + "--b\nContent-Type: text/plain\n\nSee the photo.\n--b\nContent-Type: image/jpeg\n"
                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(Images.jpeg())
                + "\n--b--\n";
        assertEquals(Withheld.ATTACHMENTS, check("message/rfc822", withPhoto));
    }

    /**
     * A PDF made from a phone photo stores the JPEG as it is, EXIF and all: the original is withheld, and the
     * pages merged into the redacted copy carry the picture without its details.
     */
    @Test
    void photosInsideAPdfExhibitLoseTheirDetailsToo() throws Exception {
        Path scanned = dir.resolve("scan.pdf");
        byte[] phone = Exif.phoneJpeg(51.50142, -0.14193, "the corner shop", "2024:03:14 21:05:00");
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage();
            d.addPage(page);
            PDImageXObject image = JPEGFactory.createFromByteArray(d, phone);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.drawImage(image, 72, 300, 320, 240);
            }
            d.save(scanned.toFile());
        }
        assertTrue(new String(Files.readAllBytes(scanned), StandardCharsets.ISO_8859_1).contains(Exif.SERIAL),
                "the PDF carries the photo's EXIF as it was");
        assertEquals(Withheld.PHOTO_DETAILS, scan.check("application/pdf", Files.newInputStream(scanned)));

        try (OneCase one = new OneCase(dir)) {
            new AttachmentService(one.vault).attach(one.aCase.id(), List.of(scanned), null, Progress.NONE);
            one.build(BundleOptions.all().withRedactions(List.of(ADDRESS)), "r.pdf");
            byte[] raw = Files.readAllBytes(dir.resolve("r.pdf"));
            String latin = new String(raw, StandardCharsets.ISO_8859_1);
            assertFalse(latin.contains(Exif.SERIAL) || latin.contains("corner shop"), "no trace in the file");
            try (PDDocument pdf = Loader.loadPDF(raw)) {
                assertTrue(BundleReader.attachments(pdf).isEmpty(), "the original is withheld");
            }
        }
    }

    private Withheld check(String type, String content) throws IOException {
        return scan.check(type, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] clean(String type, byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PictureCleaner.clean(type, new ByteArrayInputStream(in), out);
        return out.toByteArray();
    }

    /** {@code jpeg} with a phone's EXIF (GPS, make, serial) put in after its SOI. */
    private static byte[] withDetails(byte[] jpeg) {
        byte[] tiff = Exif.tiff(51.5, -0.14, "2024:03:01 21:20:00");
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + header.length + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] progressive(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A baseline JPEG whose scan has restart markers (a DRI segment, then RST0..RST7 every 4 blocks). */
    private Path restartIntervalJpeg() throws IOException {
        BufferedImage image = Images.photo(96, 64, 9);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata meta = writer.getDefaultImageMetadata(
                    new javax.imageio.ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode) meta.getAsTree(format);
            javax.imageio.metadata.IIOMetadataNode sequence = (javax.imageio.metadata.IIOMetadataNode)
                    root.getElementsByTagName("markerSequence").item(0);
            javax.imageio.metadata.IIOMetadataNode dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", "4");
            sequence.insertBefore(dri, root.getElementsByTagName("sos").item(0));
            meta.setFromTree(format, root);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        boolean restart = false;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            restart |= (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD3;
        }
        assertTrue(restart, "the scan holds restart markers");
        Path p = dir.resolve("restarts.jpg");
        Files.write(p, jpeg);
        return p;
    }

    private static void assertPixelsEqual(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertArrayEquals(pa, pb);
    }

    /** A vault with one case, for the bundle-level check. */
    private static final class OneCase implements AutoCloseable {
        final org.casebook.vault.Vault vault;
        final org.casebook.model.Case aCase;
        final Path dir;

        OneCase(Path dir) {
            this.dir = dir;
            vault = org.casebook.testsupport.TestVaults.create(dir, "v.casebook");
            aCase = new org.casebook.evidence.CaseService(vault).add("Jane", "JS",
                    org.casebook.testsupport.TestVaults.LONDON);
        }

        void build(BundleOptions options, String name) {
            new BundleService(vault).build(aCase.id(), options, dir.resolve(name), Progress.NONE, () -> false);
        }

        @Override
        public void close() {
            vault.close();
        }
    }
}
