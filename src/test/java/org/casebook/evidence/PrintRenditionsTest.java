package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Print renditions made when photos are attached or imported, on a real encrypted vault. */
class PrintRenditionsTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;
    private AttachmentService attachments;
    private PrintRenditions renditions;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "renditions.casebook");
        aCase = new CaseService(vault).add("Renditions", "RN", TestVaults.LONDON);
        attachments = new AttachmentService(vault);
        renditions = new PrintRenditions(vault);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    @Test
    void aTwelveMegapixelPhotoTakenSidewaysGetsAnUprightRenditionOfAtMost2000Pixels() throws IOException {
        // Stored landscape with "turn a quarter clockwise to view" (EXIF orientation 6), red in its top-left.
        Path photo = write("IMG_0001.jpg", Images.photoJpeg(4000, 3000, 1, 0.9f, "2024:03:01 21:15:00", 6));
        assertTrue(Files.size(photo) > 2_000_000, "a realistic photo, not a flat colour: " + Files.size(photo));
        Attachment a = attachments.attach(aCase.id(), List.of(photo), null, Progress.NONE).get(0);

        PrintImage print = renditions.find(blobOf(a)).orElseThrow();
        assertEquals(1500, print.width());
        assertEquals(2000, print.height());
        BufferedImage decoded = ImageIO.read(print.open());
        assertEquals(1500, decoded.getWidth());
        assertEquals(2000, decoded.getHeight());
        // After a clockwise quarter turn the stored top-left corner is at the top right.
        assertTrue(isRed(decoded.getRGB(1500 - 20, 20)), "the red corner is at the top right");
        assertFalse(isRed(decoded.getRGB(20, 20)), "and not where it was stored");
        assertTrue(print.jpeg().length < Files.size(photo) / 2, "much smaller than the original: " + print.jpeg().length);
        assertEquals(Optional.empty(), renditions.note(blobOf(a)));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void aSmallTransparentPngKeepsItsSizeOnWhitePaper() throws IOException {
        BufferedImage argb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB); // fully transparent
        argb.setRGB(0, 0, Color.BLUE.getRGB());
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(argb, "png", png);
        Attachment a = attachments.attach(aCase.id(), List.of(write("drawing.png", png.toByteArray())), null,
                Progress.NONE).get(0);
        PrintImage print = renditions.find(blobOf(a)).orElseThrow();
        assertEquals(40, print.width());
        assertEquals(30, print.height());
        BufferedImage decoded = ImageIO.read(print.open());
        int paper = decoded.getRGB(20, 15);
        assertTrue(((paper >> 16) & 0xff) > 245 && ((paper >> 8) & 0xff) > 245 && (paper & 0xff) > 245,
                "transparent areas print white: " + Integer.toHexString(paper));
    }

    @Test
    void aPictureThatCannotBeDecodedIsStillAttachedAndGetsANoteInstead() throws IOException {
        byte[] broken = new byte[4000];
        new java.util.Random(3).nextBytes(broken);
        broken[0] = (byte) 0xFF;
        broken[1] = (byte) 0xD8;
        broken[2] = (byte) 0xFF;
        broken[3] = (byte) 0xDB;
        byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
        List<Attachment> attached = attachments.attach(aCase.id(),
                List.of(write("broken.jpg", broken), write("IMG_2001.heic", heic)), null, Progress.NONE);
        assertEquals(2, attached.size());
        for (Attachment a : attached) {
            assertEquals(Optional.empty(), renditions.find(blobOf(a)), a.fileName());
            String note = renditions.note(blobOf(a)).orElseThrow();
            assertTrue(note.startsWith("no print rendition:"), note);
        }
        assertTrue(renditions.note(blobOf(attached.get(1))).orElseThrow().contains("image/heic"));
        // Nothing tries again for an older-vault sweep.
        assertEquals(0, renditions.ensureAll(aCase.id(), Progress.NONE));
    }

    @Test
    void aRenditionGoesWithTheLastItemThatUsesItsOriginalAndIsNeverExported() throws IOException {
        Path photo = write("IMG_0002.jpg", Images.photoJpeg(1200, 900, 2, 0.9f, "2024:03:02 08:00:00", 0));
        Attachment first = attachments.attach(aCase.id(), List.of(photo), null, Progress.NONE).get(0);
        Attachment second = attachments.attach(aCase.id(), List.of(photo), null, Progress.NONE).get(0);
        long blob = blobOf(first);
        assertEquals(blob, blobOf(second), "identical content is stored once");
        assertEquals(2, count("SELECT count(*) FROM blob"), "the original and its rendition");
        assertEquals(1, count("SELECT count(*) FROM rendition"));

        ExportResult exported = new ExportService(vault).export(aCase.id(), dir.resolve("out"), List.of(), Progress.NONE);
        assertEquals(2, exported.files(), "one file per item, no rendition");
        List<Path> files = TestVaults.files(dir.resolve("out")).stream()
                .filter(f -> !List.of("SHA256SUMS", "manifest.json").contains(f.getFileName().toString())).toList();
        assertEquals(2, files.size(), files.toString());
        for (Path f : files) {
            assertEquals(first.sha256(), TestVaults.sha256(f), "only originals are exported: " + f);
        }

        ItemService items = new ItemService(vault);
        items.delete(first.id(), "entered twice");
        assertTrue(renditions.find(blob).isPresent(), "the other item still shows the photo");
        items.delete(second.id(), "private photo");
        assertEquals(0, count("SELECT count(*) FROM rendition"));
        assertEquals(0, count("SELECT count(*) FROM blob"), "original and rendition are both gone");
        assertEquals(0, count("SELECT count(*) FROM blob_chunk"));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void ensureAllMakesWhatAnOlderVaultLacksOnceAndKeepsAnAuditNote() throws IOException {
        Path photo = write("IMG_0003.jpg", Images.photoJpeg(2600, 1950, 3, 0.9f, "2024:03:03 08:00:00", 3));
        Attachment a = attachments.attach(aCase.id(), List.of(photo), null, Progress.NONE).get(0);
        PrintImage made = renditions.find(blobOf(a)).orElseThrow();
        // As a vault from before renditions: the picture has none.
        vault.write(c -> {
            long renditionBlob;
            try (var rs = c.createStatement().executeQuery("SELECT blob_id FROM rendition")) {
                rs.next();
                renditionBlob = rs.getLong(1);
            }
            c.createStatement().execute("DELETE FROM rendition");
            return vault.blobs().deleteIfUnreferenced(c, renditionBlob);
        });
        assertEquals(Optional.empty(), renditions.find(blobOf(a)));

        long[] progress = new long[2];
        int n = renditions.ensureAll(aCase.id(), new Progress() {
            @Override
            public void update(long done, long total) {
                progress[0] = done;
                progress[1] = total;
            }
        });
        assertEquals(1, n);
        assertArrayEquals(new long[] {1, 1}, progress);
        PrintImage again = renditions.find(blobOf(a)).orElseThrow();
        // 2600 px is decoded whole and scaled (halving would leave 1300 px, too coarse); upside down is undone.
        assertEquals(2000, again.width());
        assertEquals(1500, again.height());
        assertArrayEquals(made.jpeg(), again.jpeg(), "the same rendition from the stored original as from the file");
        assertTrue(isRed(ImageIO.read(again.open()).getRGB(2000 - 20, 1500 - 20)), "the red corner is bottom right");
        assertEquals(0, renditions.ensureAll(aCase.id(), Progress.NONE));
        assertEquals(1, count("SELECT count(*) FROM audit WHERE action = 'print-renditions-made'"));
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void photosImportedFromAChatExportGetRenditionsToo() throws IOException {
        Path zip = dir.resolve("WhatsApp Chat with Bob.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("WhatsApp Chat with Bob.txt"));
            z.write("13/01/2023, 10:00 - Bob: IMG-20230113-WA0001.jpg (file attached)\n13/01/2023, 10:01 - Bob: see\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("IMG-20230113-WA0001.jpg"));
            z.write(Images.photoJpeg(3000, 4000, 4, 0.85f, "2023:01:13 09:58:00", 0));
        }
        new ImportService(vault, Importers.standard()).importFile(aCase.id(), zip,
                new ImportOptions(null, null, DateOrder.DMY, List.of(), false), Progress.NONE);
        long blob = count("SELECT blob_id FROM item WHERE kind = 'attachment'");
        PrintImage print = renditions.find(blob).orElseThrow();
        assertEquals(1500, print.width());
        assertEquals(2000, print.height());
    }

    @Test
    void verifyRehashesRenditionsAndNamesADamagedOne() throws Exception {
        Path photo = write("IMG_0004.jpg", Images.photoJpeg(800, 600, 5, 0.9f, "2024:03:04 08:00:00", 0));
        Attachment a = attachments.attach(aCase.id(), List.of(photo), null, Progress.NONE).get(0);
        long original = blobOf(a);
        long rendition = count("SELECT blob_id FROM rendition");
        vault.close();
        TestVaults.rawExecute(vault.file(), "UPDATE blob_chunk SET data = X'00' WHERE blob_id = " + rendition);
        vault = TestVaults.open(vault.file());
        List<String> problems = new VerifyService(vault).verify(Progress.NONE).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("print rendition of stored original #" + original), problems.get(0));
    }

    @Test
    void subsamplingKeepsEnoughPixels() {
        assertEquals(1, PrintImageEncoder.subsampling(2400));
        assertEquals(2, PrintImageEncoder.subsampling(4000));
        assertEquals(2, PrintImageEncoder.subsampling(4032));
        assertEquals(1, PrintImageEncoder.subsampling(3000), "halving 3000 px would leave 1500");
        assertEquals(3, PrintImageEncoder.subsampling(6000));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private long blobOf(Attachment a) {
        return vault.read(c -> vault.blobs().findId(c, a.sha256())).orElseThrow();
    }

    private long count(String sql) {
        return vault.read(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 150 && g < 90 && b < 90;
    }
}
