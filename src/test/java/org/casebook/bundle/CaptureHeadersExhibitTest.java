package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.CaptureStore;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A captured page's HTTP response headers in its exhibit, read back with PDFBox: every header after the capture's
 * facts, a long value wrapped between words and never past the margin, no cookie's value printed, and in the
 * redacted copy neither the cookie nor the visitor's address the server repeated, in the pages or in an embedded
 * file.
 */
class CaptureHeadersExhibitTest extends OneCaseVaultTest {
    private static final String COOKIE = "s3ssionT0kenOfHerAccount";
    private static final String TRACKER = "visitor8812abc";
    private static final String VISITOR_IP = "198.51.100.23";
    private static final String POLICY = "default-src 'self'; img-src 'self' data: https://images.harass.example"
            + " https://cdn.tracking.example; style-src 'self' 'unsafe-inline' https://fonts.example.net; font-src"
            + " https://fonts.example.net; script-src 'self' https://analytics.example.com 'nonce-QmFzZTY0Tm9uY2U';"
            + " frame-ancestors 'none'; report-uri https://harass.example/csp-report-endpoint";
    private static final List<List<String>> HEADERS = List.of(
            List.of("Date", "Fri, 01 Mar 2024 21:15:00 GMT"),
            List.of("Content-Type", "text/html; charset=utf-8"),
            List.of("Server", "nginx/1.24.0 (Ubuntu)"),
            List.of("Last-Modified", "Thu, 29 Feb 2024 23:02:11 GMT"),
            List.of("Content-Security-Policy", POLICY),
            List.of("Set-Cookie", "session_id=" + COOKIE + "; Path=/; Domain=harass.example; Expires=Sat, 01 Mar"
                    + " 2025 21:15:00 GMT; HttpOnly; Secure; SameSite=Lax"),
            List.of("Set-Cookie", "tracker=" + TRACKER + "; Max-Age=31536000"),
            List.of("X-Forwarded-For", VISITOR_IP),
            List.of("X-Powered-By", "PHP/8.2.7"));

    @BeforeEach
    void storeCapture() throws IOException {
        StringBuilder warc = new StringBuilder("WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n");
        HEADERS.forEach(h -> warc.append(h.get(0)).append(": ").append(h.get(1)).append("\r\n"));
        CaptureRecord record = new CaptureRecord(CaptureRecord.PAGE, "https://harass.example/about-her",
                "https://harass.example/about-her", List.of(), 200, HEADERS, "203.0.113.7", null,
                Instant.parse("2024-03-01T21:15:00Z"), "About her", "text", null, "text/html",
                warc.toString().getBytes(StandardCharsets.US_ASCII), "<p>x</p>".getBytes(StandardCharsets.UTF_8),
                screenshot(), null, null, List.of(), List.of(), null, null, null, null);
        new CaptureStore(vault).store(aCase.id(), List.of(record), false, Progress.NONE);
    }

    @Test
    void theHeadersFollowTheFactsWrappedBetweenWordsWithinTheMarginAndNoCookieValue() throws IOException {
        BundleResult r = build(BundleOptions.all(), "b.pdf");

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("b.pdf").toFile())) {
            String text = BundleReader.text(pdf);
            String flat = text.replaceAll("\\s+", " ");
            assertTrue(flat.contains("HTTP response headers, as the server sent them (9 headers"), flat);
            assertTrue(flat.indexOf("HTTP response headers") > flat.indexOf("Server IP address 203.0.113.7"),
                    "after the capture's facts");
            assertTrue(flat.contains("Server nginx/1.24.0 (Ubuntu)"), flat);
            assertTrue(flat.contains("X-Powered-By PHP/8.2.7"), flat);
            assertTrue(flat.contains("X-Forwarded-For " + VISITOR_IP), "the unredacted copy keeps it: " + flat);
            assertTrue(flat.contains("Set-Cookie session_id=[value not shown; kept in the WARC]; Path=/;"
                    + " Domain=harass.example"), flat);
            assertTrue(flat.contains("tracker=[value not shown; kept in the WARC]; Max-Age=31536000"), flat);
            assertFalse(flat.contains(COOKIE) || flat.contains(TRACKER), "a cookie's value printed");

            List<String> policyLines = valueLines(text, "Content-Security-Policy ", POLICY);
            assertTrue(policyLines.size() >= 3, "the long value wraps: " + policyLines);
            assertMarginsHeld(pdf);
        }
    }

    @Test
    void theRedactedCopyPrintsNeitherTheCookieNorTheVisitorsAddressAndEmbedsNeither() throws IOException {
        BundleResult r = build(BundleOptions.all().withRedactions(List.of("Jane")), "redacted.pdf");

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("redacted.pdf").toFile())) {
            String flat = BundleReader.text(pdf).replaceAll("\\s+", " ");
            assertTrue(flat.contains("Content-Type text/html; charset=utf-8"), flat);
            assertTrue(flat.contains("X-Forwarded-For [withheld in this redacted copy"), flat);
            for (String secret : List.of(COOKIE, TRACKER, VISITOR_IP)) {
                assertFalse(flat.contains(secret), secret + " printed in the redacted copy");
            }
            for (Map.Entry<String, PDComplexFileSpecification> e : BundleReader.attachments(pdf).entrySet()) {
                String bytes;
                try (InputStream in = e.getValue().getEmbeddedFile().createInputStream()) {
                    bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                assertFalse(bytes.contains(COOKIE) || bytes.contains(VISITOR_IP), e.getKey() + " holds them");
            }
            assertMarginsHeld(pdf);
        }
    }

    /**
     * The lines {@code value} was printed on, found after the line starting with {@code name}; asserts each break
     * falls between words (never between two letters or digits) and that the lines give the whole value.
     */
    private static List<String> valueLines(String text, String name, String value) {
        String[] lines = text.split("\\R");
        int at = 0;
        while (at < lines.length && !lines[at].startsWith(name)) {
            at++;
        }
        assertTrue(at < lines.length, "no line starts with " + name + " in\n" + text);
        List<String> out = new ArrayList<>();
        String rest = value;
        String line = lines[at].substring(name.length()).strip();
        while (true) {
            assertTrue(rest.startsWith(line), "\"" + line + "\" is not the next part of the value; left: " + rest);
            out.add(line);
            int end = line.length();
            if (end == rest.length()) {
                return out;
            }
            assertFalse(Character.isLetterOrDigit(rest.charAt(end - 1)) && Character.isLetterOrDigit(rest.charAt(end)),
                    "cut mid-word after \"" + line + "\"");
            rest = rest.substring(end).stripLeading();
            line = lines[++at].strip();
        }
    }

    /**
     * Every glyph of the body (between the running header and footer) of each page showing the headers lies between
     * the left and right margins.
     */
    private static void assertMarginsHeld(PDDocument pdf) throws IOException {
        List<String> outside = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            if (BundleReader.text(pdf, i, i).contains("HTTP response headers")) {
                pages.add(i);
            }
        }
        assertFalse(pages.isEmpty(), "no page shows the headers");
        float height = PageWriter.SIZE.getHeight();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    boolean body = p.getYDirAdj() > height - PageWriter.TOP && p.getYDirAdj() < height - PageWriter.BOTTOM;
                    if (body && pages.contains(getCurrentPageNo()) && (p.getXDirAdj() < PageWriter.LEFT - 0.5f
                            || p.getXDirAdj() + p.getWidthDirAdj() > PageWriter.RIGHT + 0.5f)) {
                        outside.add("page " + getCurrentPageNo() + ": \"" + string + "\" at " + p.getXDirAdj());
                        return;
                    }
                }
            }
        };
        stripper.getText(pdf);
        assertEquals(List.of(), outside, "text beyond the margins");
    }

    private static byte[] screenshot() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.BLUE);
        g.fillRect(40, 40, 300, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
