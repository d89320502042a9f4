package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.PrintImage;
import org.casebook.evidence.PrintRenditions;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** Photos print from their stored print renditions, never above 300 dpi; the cover is dated by the clock given. */
class BundlePhotosTest extends OneCaseVaultTest {
    @Test
    void aPhotoIsDrawnFromItsRenditionBytesUnchangedAndTheCoverIsDatedByTheClock() throws IOException {
        Path photo = write("IMG_1.jpg", Images.photoJpeg(3000, 2000, 1, 0.9f, "2024:03:01 21:20:00", 1));
        new AttachmentService(vault).attach(aCase.id(), List.of(photo), null, Progress.NONE);
        PrintImage rendition = rendition(TestVaults.sha256(photo));

        Clock clock = Clock.fixed(Instant.parse("2023-11-05T23:30:00Z"), ZoneOffset.UTC); // 5 Nov in London
        BundleResult r = new BundleService(vault, clock).build(aCase.id(), BundleOptions.all(), dir.resolve("b.pdf"),
                Progress.NONE, () -> false);

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            List<PDImageXObject> images = images(pdf);
            assertEquals(1, images.size());
            try (InputStream raw = images.get(0).getCOSObject().createRawInputStream()) {
                assertArrayEquals(rendition.jpeg(), raw.readAllBytes(), "the rendition's JPEG, not re-encoded");
            }
            assertTrue(BundleReader.text(pdf, 1, 1).contains("Date prepared 5 Nov 2023"), BundleReader.text(pdf, 1, 1));
        }
    }

    @Test
    void aPhotoStoredWithoutARenditionGetsOneWhenTheBundleIsBuilt() throws IOException {
        Path photo = write("IMG_2.jpg", Images.photoJpeg(1600, 1200, 2, 0.9f, "2024:03:02 10:00:00", 6));
        new AttachmentService(vault).attach(aCase.id(), List.of(photo), null, Progress.NONE);
        vault.write(c -> c.createStatement().executeUpdate("DELETE FROM rendition")); // as in an older vault

        BundleResult r = new BundleService(vault).build(aCase.id(), BundleOptions.all(), dir.resolve("b.pdf"),
                Progress.NONE, () -> false);

        PrintImage made = rendition(TestVaults.sha256(photo));
        assertEquals(1200, made.width(), "turned upright by its EXIF orientation");
        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            assertEquals(1, images(pdf).size());
        }
    }

    @Test
    void aRenditionTooDenseForThePageIsScaledToStayUnder300Dpi() throws IOException {
        Path photo = write("IMG_3.jpg", Images.photoJpeg(3000, 2000, 3, 0.9f, "2024:03:03 10:00:00", 1));
        new AttachmentService(vault).attach(aCase.id(), List.of(photo), null, Progress.NONE);
        // A rendition as the first version made them, 2400 px wide: A4's printable width is 6.7 in, so 358 dpi.
        byte[] older = Images.encodeJpeg(Images.photo(2400, 1600, 3), 0.85f);
        vault.write(c -> {
            var blob = vault.blobs().put(c, new java.io.ByteArrayInputStream(older), older.length, Progress.NONE);
            return c.createStatement().executeUpdate("UPDATE rendition SET blob_id = " + blob.id()
                    + ", width = 2400, height = 1600");
        });

        BundleResult r = new BundleService(vault).build(aCase.id(), BundleOptions.all(), dir.resolve("b.pdf"),
                Progress.NONE, () -> false);

        assertTrue(r.check().result("image-resolution").orElseThrow().passed(),
                () -> r.check().result("image-resolution").toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            int width = images(pdf).get(0).getWidth();
            float dpi = width / (PageWriter.WIDTH / 72f);
            assertTrue(dpi <= 300 && dpi > 150, "drawn at " + dpi + " dpi");
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private PrintImage rendition(String sha256) {
        long blobId = vault.read(c -> vault.blobs().findId(c, sha256).orElseThrow());
        return new PrintRenditions(vault).find(blobId).orElseThrow();
    }

    private static List<PDImageXObject> images(PDDocument pdf) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    out.add(image);
                }
            }
        }
        return out;
    }
}
