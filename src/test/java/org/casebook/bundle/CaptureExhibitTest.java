package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.CaptureStore;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/**
 * A capture whose screenshot is far wider than 300 dpi allows across a page and very tall, served over HTTPS:
 * stored as the capture code stores one, then bundled.
 */
class CaptureExhibitTest extends OneCaseVaultTest {
    @Test
    void aWideTallScreenshotIsScaledToPrintResolutionAndSplitAndTheCertificateIsStated() throws IOException {
        byte[] png = screenshot(3000, 9000);
        CaptureRecord.CertificateFacts cert = new CaptureRecord.CertificateFacts("CN=harass.example",
                "CN=Test CA, O=Example", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                "ab".repeat(32));
        CaptureRecord record = new CaptureRecord(CaptureRecord.PAGE, "https://harass.example/about-her",
                "https://harass.example/about-her/", List.of(Map.of("url", "https://harass.example/about-her",
                "status", 301, "location", "https://harass.example/about-her/")), 200,
                List.of(List.of("Content-Type", "text/html")), "203.0.113.7", cert,
                Instant.parse("2024-03-01T21:15:00Z"), "About her", "text", "sent to me by a friend", "text/html",
                "WARC/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "<p>x</p>".getBytes(StandardCharsets.UTF_8),
                png, null, null, List.of(), List.of(), null, null, null, null);
        new CaptureStore(vault).store(aCase.id(), List.of(record), false, Progress.NONE);

        BundleResult r = build(BundleOptions.all().withProfile(BundleProfile.CIVIL), "b.pdf");

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        assertEquals(List.of(), org.casebook.testsupport.PdfaValidation.failedRules(dir.resolve("b.pdf")));
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            String text = BundleReader.text(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Certificate subject CN=harass.example"), text);
            assertTrue(text.contains("Certificate issuer CN=Test CA, O=Example"), text);
            assertTrue(text.contains("Certificate valid 2024-01-01T00:00:00Z to 2025-01-01T00:00:00Z"), text);
            assertTrue(text.contains("Certificate SHA-256 " + "ab".repeat(32)), text);
            assertTrue(text.contains("https://harass.example/about-her answered 301, to https://harass.example/"), text);
            assertTrue(text.contains("Server IP address 203.0.113.7"), text);
            assertTrue(text.contains("Captured (case's zone) Fri 1 Mar 2024, 21:15 GMT (Europe/London)"), text);
            assertTrue(text.contains("(3000 x 9000 pixels)") && text.contains("printed at 200 dpi"), text);

            // 3000 x 9000 px drawn 483 pt wide is 1450 pt tall: three strips, each scaled to 200 dpi
            float drawnHeight = 0;
            for (PDImageXObject image : images(pdf)) {
                assertEquals(1342, image.getWidth(), "scaled to 200 dpi across the text width");
                drawnHeight += image.getHeight() * (PageWriter.WIDTH / image.getWidth());
            }
            assertEquals(3, images(pdf).size());
            assertEquals(9000f * PageWriter.WIDTH / 3000, drawnHeight, 2f, "the whole height, in proportion");
        }
    }

    @Test
    void anUnchangedRecaptureIsNotPrintedAgainAndAFileCaptureNamesItsFile() throws IOException {
        CaptureStore store = new CaptureStore(vault);
        byte[] png = screenshot(1280, 1400);
        long first = store.store(aCase.id(), List.of(page(png, Instant.parse("2024-03-01T21:15:00Z"), null, null)),
                false, Progress.NONE).get(0).itemId();
        store.store(aCase.id(), List.of(page(png, Instant.parse("2024-03-08T09:00:00Z"), first, "unchanged")), false,
                Progress.NONE);
        byte[] served = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        store.store(aCase.id(), List.of(new CaptureRecord(CaptureRecord.FILE, "https://harass.example/flyer.pdf",
                "https://harass.example/flyer.pdf", List.of(), 200, List.of(), "203.0.113.7", null,
                Instant.parse("2024-03-09T10:00:00Z"), null, "", null, "application/pdf",
                "WARC/1.1 flyer\r\n".getBytes(StandardCharsets.US_ASCII), null, null, served, "flyer.pdf", List.of(),
                List.of(), null, null, null, null)), false, Progress.NONE);

        BundleResult r = build(BundleOptions.all(), "b.pdf");

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        assertEquals(2, r.exhibits().size());
        assertEquals(1, r.exhibits().get(0).files().size(), "the re-capture is under the first capture");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            String text = BundleReader.text(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("JS/1.1 — re-captured Fri 8 Mar 2024, 09:00 GMT: unchanged"), text);
            assertTrue(text.contains("The page's text was unchanged since the capture of Fri 1 Mar 2024, 21:15 GMT."),
                    text);
            assertTrue(text.contains("The screenshot is not printed again"), text);
            assertTrue(text.contains("The address served a file (application/pdf), not a page"), text);
            assertTrue(text.contains("SHA-256 of the file " + org.casebook.vault.Sha256.of(served)), text);
            assertEquals(1400, images(pdf).stream().mapToInt(PDImageXObject::getHeight).sum(),
                    "the first capture's screenshot, once");
        }
    }

    private static CaptureRecord page(byte[] png, Instant at, Long recaptureOf, String verdict) {
        return new CaptureRecord(CaptureRecord.PAGE, "https://harass.example/", "https://harass.example/", List.of(),
                200, List.of(), "203.0.113.7", null, at, "Home", "the same text", null, "text/html",
                ("WARC/1.1 " + at + "\r\n").getBytes(StandardCharsets.US_ASCII),
                ("<p>" + at + "</p>").getBytes(StandardCharsets.UTF_8), png, null, null, List.of(), List.of(), null,
                recaptureOf, verdict, null);
    }

    private static List<PDImageXObject> images(PDDocument pdf) throws IOException {
        List<PDImageXObject> out = new java.util.ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    out.add(image);
                }
            }
        }
        return out;
    }

    /** A picture with a band of colour every 500 px, so a strip is not blank. */
    private static byte[] screenshot(int width, int height) throws IOException {
        // indexed colour: a quarter of the memory of RGB, for a picture this tall built inside the shared test JVM
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int y = 0; y < height; y += 500) {
            g.setColor(new Color((y * 7) % 255, 80, 160));
            g.fillRect(0, y, width, 120);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
