package org.casebook.capture.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MhtmlPagesTest {
    private static final byte[] RED_SQUARE = Base64.getMimeDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAB4AAAAeCAYAAAA7MK6iAAAAAXNSR0IArs4c6QAAAARnQU1BAACx\n"
            + "jwv8YQUAAAAJcEhZcwAADsQAAA7EAZUrDhsAAACESURBVEhL7ZYxDoAwCEXB2LGTo46ewXj/zXgV\n"
            + "PQKgexP/Ai6l889/6Stp4HtZjYKOiRCpEpfSEIYgJqxNMFTkFUjVXiZhT6qGirwCqdrLJOxJ1VCR\n"
            + "V6A/1XxNc9jqQ6JkpjTU2rwQR+5c4769YCM5zn/BX4PY33Dljb0+JtiTqqEir8ADWEIY6dz7d1cA\n"
            + "AAAASUVORK5CYII=");

    @TempDir
    Path dir;

    @Test
    void internetExplorersMhtReadsItsQuotedPrintablePageAndBase64AndSevenBitParts() {
        Path mht = Fixtures.file("web", "chromium_page_with_css_and_js_ie.mht");
        assertEquals(Optional.of(SavedPageFormat.MHTML), SavedPages.detect(mht));

        SavedPage page = SavedPages.read(mht);
        assertEquals("http://localhost/page_with_css_and_js.html", page.url());
        assertEquals(Instant.parse("2011-05-18T23:49:23Z"), page.savedAt());
        assertEquals("windows-1252", page.charset().name());
        assertTrue(page.text().replace("\n", " ").startsWith("This page tests that CSS and JavaScript resources are retrieved correctly "
                + "for MHTML files. There should be only 2 red squares below:"), page.text());
        String html = new String(page.document(), page.charset());
        assertTrue(html.contains("<META content=\"text/html; charset=windows-1252\" http-equiv=Content-Type>"), html);
        assertEquals(List.of("http://localhost/resources/red_square.png", "http://localhost/resources/hide_image.css",
                "http://localhost/resources/remove_image_script.js"),
                page.resources().stream().map(SavedResource::url).toList());
        assertArrayEquals(RED_SQUARE, page.resource("http://localhost/resources/red_square.png").bytes());
        assertEquals("image/png", page.resource("http://localhost/resources/red_square.png").mediaType());
        String css = new String(page.resource("http://localhost/resources/hide_image.css").bytes(), StandardCharsets.ISO_8859_1);
        assertEquals("#secondDiv {\r\n\tDISPLAY: none\r\n}\r\n", css);
        String js = new String(page.resource("http://localhost/resources/remove_image_script.js").bytes(),
                StandardCharsets.ISO_8859_1);
        assertTrue(js.startsWith("function onLoad() {\n    divToRemove = document.getElementById(\"thirdDiv\");\n"), js);
        assertEquals(List.of(), page.warnings());
    }

    @Test
    void unmhtsPageTakesItsEncodedSubjectOnlyWhenTheDocumentHasNoTitle() {
        SavedPage page = SavedPages.read(Fixtures.file("web", "chromium_page_with_image_unmht.mht"));
        assertEquals("Page with square", page.title());
        assertEquals("This is a red square:", page.text());
        assertEquals("ISO-8859-1", page.charset().name());
        assertArrayEquals(RED_SQUARE, page.resource("http://localhost/resources/red_square.png").bytes());
        assertNull(page.savedAt(), "UnMHT's date (\"Wed, May 18 2011 16:38:33 GMT-0700\") is not RFC 5322");
    }

    @Test
    void anMhtmlCutShortWithNoHtmlPartIsRefusedSayingSo() {
        Path mht = Fixtures.file("web", "chromium_malformed_mhtml_no_footer.mht");
        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(mht));
        assertEquals("chromium_malformed_mhtml_no_footer.mht: holds no HTML document (read 1 part); "
                + "not a saved web page.", e.getMessage());
    }

    @Test
    void chromesMhtmlTakesThePageNamedByStartAndSnapshotLocationAndWarnsWhenCutShort() throws Exception {
        String mhtml = "From: <Saved by Blink>\r\n"
                + "Snapshot-Content-Location: https://harasser.example/about-ann\r\n"
                + "Subject: About Ann\r\n"
                + "Date: Sun, 1 Mar 2026 21:15:30 -0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; type=\"text/html\"; start=\"<page@mhtml.blink>\"; boundary=\"B\"\r\n"
                + "\r\n"
                + "--B\r\nContent-Type: text/html\r\nContent-ID: <frame@mhtml.blink>\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n<html><body>a frame</body></html>\r\n"
                + "--B\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <page@mhtml.blink>\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Location: https://harasser.example/about-ann\r\n\r\n"
                + "<html><head><title>About Ann</title></head><body><p>Ann lives at =E2=80=A6</p>"
                + "<img src=3D\"cid:img@mhtml.blink\"></body></html>\r\n"
                + "--B\r\nContent-Type: image/png\r\nContent-ID: <img@mhtml.blink>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(RED_SQUARE) + "\r\n";
        Path file = dir.resolve("about.mhtml");
        Files.writeString(file, mhtml, StandardCharsets.ISO_8859_1);

        SavedPage page = SavedPages.read(file);
        assertEquals("https://harasser.example/about-ann", page.url());
        assertEquals("Ann lives at …", page.text());
        assertEquals(Instant.parse("2026-03-01T21:15:30Z"), page.savedAt());
        assertEquals(List.of("cid:frame@mhtml.blink", "cid:img@mhtml.blink"),
                page.resources().stream().map(SavedResource::url).toList());
        assertArrayEquals(RED_SQUARE, page.resource("cid:img@mhtml.blink").bytes());
        assertEquals(List.of("about.mhtml: has no closing MIME boundary; the file may be cut short (read 3 parts)."),
                page.warnings());
    }

    @Test
    void multipartsNestedBeyondAnyRealPageAreRefused() throws Exception {
        StringBuilder s = new StringBuilder("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b0\"\r\n\r\n");
        for (int i = 1; i <= 30; i++) {
            s.append("--b").append(i - 1).append("\r\nContent-Type: multipart/related; boundary=\"b").append(i)
                    .append("\"\r\n\r\n");
        }
        Path file = dir.resolve("deep.mht");
        Files.writeString(file, s.toString(), StandardCharsets.US_ASCII);
        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(file));
        assertEquals("deep.mht: nests MIME parts more than 20 deep; refusing it.", e.getMessage());
    }
}
