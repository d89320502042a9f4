package org.casebook.capture.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcPagesTest {
    @TempDir
    Path dir;

    @Test
    void aWarcWrittenByJwarcReadsBackToThePageAndTheExactBytesOfEachResource() throws Exception {
        Path warc = dir.resolve("capture.warc");
        TestWarcs.write(warc, false);

        assertEquals(Optional.of(SavedPageFormat.WARC), SavedPages.detect(warc));
        SavedPage page = SavedPages.read(warc);

        assertEquals(SavedPageFormat.WARC, page.format());
        assertEquals(TestWarcs.PAGE_URL, page.url());
        assertEquals(TestWarcs.DATE, page.savedAt());
        assertArrayEquals(TestWarcs.PAGE, page.document());
        assertEquals("windows-1252", page.charset().name());
        assertEquals("Posts about Ann – café", page.title());
        assertEquals("I know where you live Seen at the café again.", page.text().replace("\n", " "), "no script or style text");
        assertArrayEquals(TestWarcs.CSS, page.resource(TestWarcs.CSS_URL).bytes());
        assertEquals("text/css", page.resource(TestWarcs.CSS_URL).mediaType());
        assertArrayEquals(TestWarcs.PNG, page.resource(TestWarcs.PNG_URL).bytes());
        assertArrayEquals(TestWarcs.JS, page.resource(TestWarcs.JS_URL).bytes(), "gzip content encoding undone");
        assertArrayEquals(TestWarcs.PNG, page.resource(TestWarcs.REVISIT_URL).bytes(), "revisit takes its original's bytes");
        assertEquals(4, page.resources().size(), "requests, metadata and warcinfo are not resources");
        assertEquals(java.util.List.of(), page.warnings());
    }

    @Test
    void aGzippedWarcNamedWarcIsRecognisedByItsContentAndReadsTheSame() throws Exception {
        Path warc = dir.resolve("capture.warc");
        TestWarcs.write(warc, true);

        assertEquals(Optional.of(SavedPageFormat.WARC_GZ), SavedPages.detect(warc));
        SavedPage page = SavedPages.read(warc);
        assertEquals(SavedPageFormat.WARC_GZ, page.format());
        assertArrayEquals(TestWarcs.PAGE, page.document());
        assertArrayEquals(TestWarcs.PNG, page.resource(TestWarcs.REVISIT_URL).bytes());
    }

    @Test
    void aTruncatedGzipWarcIsRefusedNamingTheFileAndTheRecord() throws Exception {
        byte[] whole = TestWarcs.write(dir.resolve("whole.warc.gz"), true);
        Path cut = dir.resolve("cut.warc.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));

        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(cut));
        assertTrue(e.getMessage().startsWith("cut.warc.gz, record "), e.getMessage());
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aCorruptRecordHeaderIsRefusedNamingTheRecordAndOffset() throws Exception {
        byte[] whole = TestWarcs.write(dir.resolve("whole.warc"), false);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int second = text.indexOf("WARC/1.1", 10);
        String broken = text.substring(0, second) + "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n"
                + text.substring(second);
        Path bad = dir.resolve("bad.warc");
        Files.writeString(bad, broken, StandardCharsets.ISO_8859_1);

        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(bad));
        assertTrue(e.getMessage().startsWith("bad.warc, record 2 (after offset 0)"), e.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeReading() throws Exception {
        Path warc = dir.resolve("big.warc");
        TestWarcs.write(warc, false);
        SavedPageLimits small = new SavedPageLimits(1000, 1000, 1000, 1000, 10);

        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(warc, small));
        assertTrue(e.getMessage().startsWith("big.warc: is "), e.getMessage());
        assertTrue(e.getMessage().contains("refusing it"), e.getMessage());
    }

    @Test
    void resourcesPastTheLimitsAreLeftOutWithAWarningAndThePageStillReads() throws Exception {
        Path warc = dir.resolve("capture.warc");
        TestWarcs.write(warc, false);
        SavedPageLimits oneResource = new SavedPageLimits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 2);

        SavedPage page = SavedPages.read(warc, oneResource);
        assertArrayEquals(TestWarcs.PAGE, page.document());
        assertEquals(java.util.List.of(TestWarcs.CSS_URL),
                page.resources().stream().map(SavedResource::url).toList(), "the page and one resource make two parts");
        assertEquals(1, page.warnings().size(), page.warnings().toString());
        assertTrue(page.warnings().get(0).startsWith("capture.warc, record 7 (offset "), page.warnings().get(0));
        assertTrue(page.warnings().get(0).contains(TestWarcs.PNG_URL + ") and any later resources: past the limit of 2"),
                page.warnings().get(0));
    }

    @Test
    void pywaczsWebrecorderWarcGzippedUnderAPlainNameReadsAsItsPage() {
        Path warc = Fixtures.file("web", "pywacz_example-collection.warc");
        assertEquals(Optional.of(SavedPageFormat.WARC_GZ), SavedPages.detect(warc));

        SavedPage page = SavedPages.read(warc);
        assertEquals("http://www.example.com/", page.url());
        assertEquals("Example Domain", page.title());
        assertTrue(page.text().replace("\n", " ").startsWith("Example Domain This domain is for use in illustrative examples"), page.text());
        assertEquals(java.time.Instant.parse("2020-10-07T21:22:36Z"), page.savedAt());
    }

    @Test
    void aWarcOfResourceRecordsReadsItsHtmlResourceAsThePage() {
        SavedPage page = SavedPages.read(Fixtures.file("web", "pywacz_example-resource.warc.gz"));
        assertEquals("https://example.com/index.html", page.url());
        assertEquals("Example Domain", page.title());
        assertNotNull(page.document());
    }
}
