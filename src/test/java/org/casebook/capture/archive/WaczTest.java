package org.casebook.capture.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.casebook.imports.ImportException;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcTargetRecord;

class WaczTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<WaczPage> PAGES = List.of(new WaczPage(TestWarcs.PAGE_URL, "Posts about Ann – café",
            TestWarcs.DATE, "I know where you live Seen at the café again."));

    @TempDir
    Path dir;

    private Path wacz(boolean gzip) throws IOException {
        byte[] warc = TestWarcs.write(dir.resolve(gzip ? "c.warc.gz" : "c.warc"), gzip);
        Path out = dir.resolve("capture.wacz");
        try (OutputStream o = Files.newOutputStream(out)) {
            WaczWriter.write(() -> new java.io.ByteArrayInputStream(warc), PAGES, Instant.parse("2026-03-02T09:00:00Z"), o);
        }
        return out;
    }

    @Test
    void theWrittenPackageValidatesAndReadsBackToTheSamePageAndResourceBytes() throws Exception {
        Path wacz = wacz(false);

        WaczValidation v = WaczValidator.validate(wacz);
        assertEquals(List.of(), v.problems());
        assertEquals(3, v.filesChecked());
        assertEquals(5, v.indexLinesChecked(), "four responses and a revisit");

        assertEquals(Optional.of(SavedPageFormat.WACZ), SavedPages.detect(wacz));
        SavedPage page = SavedPages.read(wacz);
        assertEquals(SavedPageFormat.WACZ, page.format());
        assertEquals(TestWarcs.PAGE_URL, page.url());
        assertArrayEquals(TestWarcs.PAGE, page.document());
        assertEquals("Posts about Ann – café", page.title());
        assertArrayEquals(TestWarcs.CSS, page.resource(TestWarcs.CSS_URL).bytes());
        assertArrayEquals(TestWarcs.PNG, page.resource(TestWarcs.PNG_URL).bytes());
        assertArrayEquals(TestWarcs.JS, page.resource(TestWarcs.JS_URL).bytes());
        assertArrayEquals(TestWarcs.PNG, page.resource(TestWarcs.REVISIT_URL).bytes());
        assertEquals(List.of(), page.warnings());
    }

    @Test
    void thePackageHoldsTheSpecifiedFilesWithDigestsAndACdxjIndexOfSurtSortedLines() throws Exception {
        Path wacz = wacz(false);
        byte[] warc = Files.readAllBytes(dir.resolve("c.warc"));
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            assertEquals(ZipEntry.STORED, zip.getEntry("archive/data.warc").getMethod(), "offsets hold inside the zip");
            assertArrayEquals(warc, zip.getInputStream(zip.getEntry("archive/data.warc")).readAllBytes());

            JsonNode pkg = JSON.readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
            assertEquals("data-package", pkg.get("profile").asText());
            assertEquals("1.1.1", pkg.get("wacz_version").asText());
            assertEquals("2026-03-02T09:00:00Z", pkg.get("created").asText());
            assertTrue(pkg.get("software").asText().startsWith("Casebook "));
            Map<String, JsonNode> resources = new LinkedHashMap<>();
            pkg.get("resources").forEach(r -> resources.put(r.get("path").asText(), r));
            assertEquals(List.of("archive/data.warc", "indexes/index.cdxj", "pages/pages.jsonl"),
                    List.copyOf(resources.keySet()));
            JsonNode w = resources.get("archive/data.warc");
            assertEquals("data.warc", w.get("name").asText());
            assertEquals("sha256:" + sha256(warc), w.get("hash").asText());
            assertEquals(warc.length, w.get("bytes").asLong());

            String[] pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8).split("\n");
            assertEquals("json-pages-1.0", JSON.readTree(pages[0]).get("format").asText());
            JsonNode p = JSON.readTree(pages[1]);
            assertEquals(TestWarcs.PAGE_URL, p.get("url").asText());
            assertEquals("2026-03-01T21:15:30Z", p.get("ts").asText());
            assertEquals("Posts about Ann – café", p.get("title").asText());
            assertEquals(2, pages.length);

            List<String> lines = List.of(new String(zip.getInputStream(zip.getEntry("indexes/index.cdxj")).readAllBytes(),
                    StandardCharsets.UTF_8).split("\n"));
            assertEquals(lines.stream().sorted().toList(), lines, "sorted");
            for (String line : lines) {
                String[] f = line.split(" ", 3);
                JsonNode j = JSON.readTree(f[2]);
                assertEquals(URIs.toNormalizedSurt(j.get("url").asText()), f[0]);
                assertTrue(f[1].matches("\\d{14}"), f[1]);
                for (String field : List.of("url", "mime", "status", "digest", "length", "offset", "filename")) {
                    assertTrue(j.has(field), field + " in " + line);
                }
                assertEquals("data.warc", j.get("filename").asText());
                // the offset is the start of a record of that URL in the WARC as stored
                try (WarcReader r = new WarcReader(new java.io.ByteArrayInputStream(warc, j.get("offset").asInt(),
                        warc.length))) {
                    assertEquals(j.get("url").asText(), ((WarcTargetRecord) r.next().orElseThrow()).target());
                }
            }
            assertTrue(lines.get(0).startsWith("example,harasser)/app.js 20260301211530 {\"url\": "), lines.get(0));
            assertTrue(lines.get(4).startsWith("example,harasser,cdn)/photo.png 20260301211530 "), lines.get(4));
        }
    }

    @Test
    void aGzippedWarcIsStoredAsDataWarcGzAndItsIndexPointsIntoTheCompressedFile() throws Exception {
        Path wacz = wacz(true);
        assertEquals(List.of(), WaczValidator.validate(wacz).problems());
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            assertTrue(zip.getEntry("archive/data.warc.gz") != null);
        }
        assertArrayEquals(TestWarcs.PNG, SavedPages.read(wacz).resource(TestWarcs.PNG_URL).bytes());
    }

    @Test
    void aChangedWarcIsFoundByTheValidatorAndRefusedByTheReaderNamingTheFile() throws Exception {
        Path wacz = wacz(false);
        Path tampered = dir.resolve("tampered.wacz");
        rewrite(wacz, tampered, "archive/data.warc", bytes -> {
            String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("I know where you live", "I love where you live");
            return s.getBytes(StandardCharsets.ISO_8859_1);
        });

        WaczValidation v = WaczValidator.validate(tampered);
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).startsWith("tampered.wacz, archive/data.warc: its SHA-256 is "), v.problems().get(0));

        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(tampered));
        assertTrue(e.getMessage().startsWith("tampered.wacz, archive/data.warc: its SHA-256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Refusing the package."), e.getMessage());
    }

    @Test
    void anIndexLinePointingAtTheWrongRecordIsFoundNamingItsLine() throws Exception {
        Path wacz = wacz(false);
        Path moved = dir.resolve("moved.wacz");
        rewrite(wacz, moved, "indexes/index.cdxj", bytes -> {
            String s = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = s.split("\n");
            lines[1] = lines[1].replaceFirst("\"offset\": ?\"?(\\d+)\"?", "\"offset\": \"7\"");
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        });
        // the manifest is rewritten too, so only the index is wrong
        WaczValidation v = WaczValidator.validate(moved);
        assertEquals(1, v.problems().size(), v.problems().toString());
        assertTrue(v.problems().get(0).startsWith("moved.wacz, indexes/index.cdxj, line 2: offset 7 in archive/data.warc"),
                v.problems().get(0));
        SavedPage page = SavedPages.read(moved);
        assertEquals(v.problems(), page.warnings(), "an index problem is a warning when reading");
    }

    @Test
    void aWarcThatCannotBeIndexedWhollyIsNotPackaged() throws Exception {
        byte[] whole = TestWarcs.write(dir.resolve("c.warc"), false);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        int third = text.indexOf("WARC/1.1", text.indexOf("WARC/1.1", text.indexOf("WARC/1.1", 10) + 1) + 1);
        byte[] damaged = (text.substring(0, third) + "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n"
                + text.substring(third)).getBytes(StandardCharsets.ISO_8859_1);

        IOException e = assertThrows(IOException.class,
                () -> WaczWriter.write(damaged, PAGES, java.io.OutputStream.nullOutputStream()));
        assertTrue(e.getMessage().startsWith("the WARC cannot be indexed: "), e.getMessage());
    }

    @Test
    void aPackageWithAPathClimbingOutIsRefused() throws Exception {
        Path evil = dir.resolve("evil.wacz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            put(z, "datapackage.json", "{\"profile\":\"data-package\",\"resources\":[]}".getBytes(StandardCharsets.UTF_8));
            put(z, "archive/" + ".." + "/" + ".." + "/evil.warc", "WARC/1.1\r\n".getBytes(StandardCharsets.UTF_8));
        }
        ImportException e = assertThrows(ImportException.class, () -> SavedPages.read(evil));
        assertTrue(e.getMessage().startsWith("evil.wacz, entry archive/../../evil.warc: climbs out"), e.getMessage());
    }

    @Test
    void aZipBombEntryIsRefused() throws Exception {
        Path bomb = dir.resolve("bomb.wacz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            put(z, "datapackage.json", "{\"profile\":\"data-package\",\"resources\":[]}".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("archive/data.warc"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        ImportException e = assertThrows(ImportException.class, () -> SavedPages.read(bomb));
        assertTrue(e.getMessage().startsWith("bomb.wacz, entry archive/data.warc: compressed more than 200 to 1"),
                e.getMessage());
    }

    @Test
    void pywaczsValidPackagesValidateAndReadAsTheirPage() {
        for (String name : List.of("pywacz_valid_example_2.wacz", "pywacz_valid_signed_example_1.wacz")) {
            Path wacz = Fixtures.file("web", name);
            WaczValidation v = WaczValidator.validate(wacz);
            assertEquals(List.of(), v.problems(), name);
            assertTrue(v.indexLinesChecked() > 0, name + " has its gzipped CDXJ index checked");
            SavedPage page = SavedPages.read(wacz);
            assertEquals("Example Domain", page.title(), name);
            assertTrue(page.url().matches("https?://(www\\.)?example\\.com/"), page.url());
        }
    }

    @Test
    void pywaczsInvalidPackageIsRefusedNamingTheMissingFile() {
        Path wacz = Fixtures.file("web", "pywacz_invalid_example_1.wacz");
        ArchiveReadException e = assertThrows(ArchiveReadException.class, () -> SavedPages.read(wacz));
        assertEquals("pywacz_invalid_example_1.wacz, data/indexes/index.cdx.gz: listed in datapackage.json but "
                + "not in the package. Refusing the package.", e.getMessage());
    }

    private interface Edit {
        byte[] apply(byte[] bytes);
    }

    /**
     * Copies a package changing one entry; for an index, the manifest is brought up to date so that only the
     * index is wrong; for the WARC, the manifest is kept (that is the tampering to find).
     */
    private static void rewrite(Path from, Path to, String entry, Edit edit) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(from.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                files.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        files.put(entry, edit.apply(files.get(entry)));
        if (entry.startsWith("indexes/")) {
            JsonNode pkg = JSON.readTree(files.get("datapackage.json"));
            for (JsonNode r : pkg.get("resources")) {
                if (r.get("path").asText().equals(entry)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("hash", "sha256:" + sha256(files.get(entry)));
                    ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("bytes", files.get(entry).length);
                }
            }
            files.put("datapackage.json", JSON.writeValueAsBytes(pkg));
            files.remove("datapackage-digest.json");
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().startsWith("archive/")) {
                    ZipEntry e = new ZipEntry(f.getKey());
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(f.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(f.getValue());
                    e.setCrc(crc.getValue());
                    z.putNextEntry(e);
                    z.write(f.getValue());
                    z.closeEntry();
                } else {
                    put(z, f.getKey(), f.getValue());
                }
            }
        }
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
