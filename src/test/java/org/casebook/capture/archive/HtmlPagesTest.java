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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPagesTest {
    @TempDir
    Path dir;

    /** A page saved by a browser as "Webpage, complete": the document and its {@code _files} folder. */
    private Path savedWithFolder() throws Exception {
        Path page = dir.resolve("Posts about Ann.html");
        Path files = Files.createDirectories(dir.resolve("Posts about Ann_files"));
        Files.write(files.resolve("style.css"), "@import \"print.css\"; body { background: url('bg%20one.png') }"
                .getBytes(StandardCharsets.UTF_8));
        Files.write(files.resolve("print.css"), "p { color: black }".getBytes(StandardCharsets.UTF_8));
        Files.write(files.resolve("bg one.png"), TestWarcs.PNG);
        Files.write(files.resolve("photo.png"), TestWarcs.PNG);
        Files.write(files.resolve("unreferenced.js"), "alert(1)".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("secret.txt"), "the victim's new address");
        Files.createSymbolicLink(files.resolve("link.png"), dir.resolve("secret.txt"));
        String html = "<!DOCTYPE html>\n<!-- saved from url=(0032)https://harasser.example/posts/1 -->\n"
                + "<html><head><meta charset=\"utf-8\"><title>Posts about Ann</title>"
                + "<link rel=\"stylesheet\" href=\"./Posts%20about%20Ann_files/style.css\"></head>"
                + "<body><p>Ann was at the gym at 7.</p>"
                + "<img src=\"Posts about Ann_files/photo.png\" srcset=\"Posts about Ann_files/photo.png 2x\">"
                + "<img src=\"Posts about Ann_files/../secret.txt\"><img src=\"/etc/passwd\">"
                + "<img src=\"Posts about Ann_files/link.png\"><img src=\"Posts about Ann_files/missing.png\">"
                + "<img src=\"https://cdn.harasser.example/remote.png\"><a href=\"../secret.txt\">a link</a>"
                + "</body></html>";
        Files.writeString(page, html);
        return page;
    }

    @Test
    void aPageSavedWithItsFolderReadsTheFilesItRefersToInsideTheFolderOnly() throws Exception {
        Path file = savedWithFolder();
        assertEquals(Optional.of(SavedPageFormat.HTML), SavedPages.detect(file));

        SavedPage page = SavedPages.read(file);
        assertEquals(SavedPageFormat.HTML, page.format());
        assertEquals("https://harasser.example/posts/1", page.url(), "the browser's saved-from mark");
        assertEquals("Posts about Ann", page.title());
        assertEquals("Ann was at the gym at 7. a link", page.text().replace("\n", " "), "one line per block, as a live capture");
        assertEquals(List.of("Posts about Ann_files/style.css", "Posts about Ann_files/photo.png",
                "Posts about Ann_files/print.css", "Posts about Ann_files/bg one.png"),
                page.resources().stream().map(SavedResource::url).toList());
        assertEquals("text/css", page.resource("Posts about Ann_files/style.css").mediaType());
        assertEquals("image/png", page.resource("Posts about Ann_files/bg one.png").mediaType());
        assertArrayEquals(TestWarcs.PNG, page.resource("Posts about Ann_files/photo.png").bytes());
        for (SavedResource r : page.resources()) {
            assertTrue(!new String(r.bytes(), StandardCharsets.UTF_8).contains("new address"), r.url());
        }
        assertEquals(List.of(
                "Posts about Ann.html: refers to Posts about Ann_files/../secret.txt, outside the page's folder; not read.",
                "Posts about Ann.html: refers to /etc/passwd, outside the page's folder; not read.",
                "Posts about Ann.html, Posts about Ann_files/link.png: not a plain file inside the page's folder "
                        + "(a link or a folder); not read.",
                "Posts about Ann.html, Posts about Ann_files/missing.png: referred to by the page but not in its folder."),
                page.warnings());
    }

    @Test
    void aPageSavedAsHtmlOnlyReadsAloneAndFollowsNothing() throws Exception {
        Path file = dir.resolve("page.htm");
        Files.writeString(file, "<html><head><title>T</title></head><body><img src=\"../secret.txt\">Hi</body></html>");
        SavedPage page = SavedPages.read(file);
        assertEquals("T", page.title());
        assertEquals(List.of(), page.resources());
        assertEquals(List.of(), page.warnings());
        assertNull(page.url());
    }

    /** The shape SingleFile writes: doctype, html, the comment, then the page with data: URLs. */
    private static String singleFile(String savedDate) {
        String png = Base64.getEncoder().encodeToString(TestWarcs.PNG);
        return "<!DOCTYPE html> <html lang=\"en\"><!--\n Page saved with SingleFile \n"
                + " url: https://harasser.example/ann \n saved date: " + savedDate + "\n-->"
                + "<meta charset=\"utf-8\"><title>Ann, every day</title>"
                + "<style>body{background:url(data:image/png;base64," + png + ")}</style>"
                + "<link rel=icon href=\"data:image/png;base64," + png + "\">"
                + "<body><p>She left at 8:05 today.</p><img src=\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\">"
                + "<img src=\"data:image/png;base64," + png + "\"></body></html>";
    }

    @Test
    void aSingleFilePageGivesItsUrlAndSavedDateAndItsInlinedResources() throws Exception {
        Path file = dir.resolve("Ann, every day (01_03_2026 21_15_30).txt");
        Files.writeString(file, singleFile("Sun Mar 01 2026 22:15:30 GMT+0100 (Central European Standard Time)"));
        assertEquals(Optional.of(SavedPageFormat.SINGLE_FILE), SavedPages.detect(file), "by content, whatever the name");

        SavedPage page = SavedPages.read(file);
        assertEquals(SavedPageFormat.SINGLE_FILE, page.format());
        assertEquals("https://harasser.example/ann", page.url());
        assertEquals(Instant.parse("2026-03-01T21:15:30Z"), page.savedAt());
        assertEquals("Ann, every day", page.title());
        assertEquals("She left at 8:05 today.", page.text());
        assertEquals(2, page.resources().size(), "the PNG once, however often it is inlined, and the SVG");
        assertArrayEquals(TestWarcs.PNG, page.resources().stream().filter(r -> r.mediaType().equals("image/png"))
                .findFirst().orElseThrow().bytes());
        assertEquals("<svg></svg>", new String(page.resources().stream().filter(r -> r.mediaType().equals("image/svg+xml"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8));
        assertNull(page.resources().get(0).url(), "SingleFile keeps no address for what it inlined");
        assertEquals(List.of(), page.warnings());
    }

    @Test
    void aSingleFileDateItDoesNotWriteIsLeftOutWithAWarning() throws Exception {
        Path file = dir.resolve("s.html");
        Files.writeString(file, singleFile("yesterday"));
        SavedPage page = SavedPages.read(file);
        assertNull(page.savedAt());
        assertEquals(List.of("s.html: SingleFile's saved date \"yesterday\" is not a date it writes; left out."),
                page.warnings());
    }

    @Test
    void aDocumentOverTheLimitIsRefusedAndNotAPageIsSaidPlainly() throws Exception {
        Path big = dir.resolve("big.html");
        Files.writeString(big, "<html><body>" + "x".repeat(5000) + "</body></html>");
        ArchiveReadException e = assertThrows(ArchiveReadException.class,
                () -> SavedPages.read(big, new SavedPageLimits(1 << 20, 1000, 1000, 1 << 20, 10)));
        assertEquals("big.html: the page is larger than 1 KB; refusing it.", e.getMessage());

        Path text = dir.resolve("notes.html");
        Files.writeString(text, "just some notes, no markup");
        assertEquals(Optional.empty(), SavedPages.detect(text));
        e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(text));
        assertEquals("notes.html: not a saved web page (HTML, SingleFile, MHTML, WARC or WACZ).", e.getMessage());

        e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(dir.resolve("gone.html")));
        assertEquals("gone.html: not found, or not a file.", e.getMessage());
    }
}
