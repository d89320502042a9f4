package org.casebook.capture.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.Version;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

/**
 * Writes a WACZ 1.1.1 package (https://specs.webrecorder.net/wacz/1.1.1/) from one WARC file, the format third
 * parties replay (ReplayWeb.page, pywb): {@code archive/data.warc} (or {@code data.warc.gz} when the WARC is
 * gzipped), {@code indexes/index.cdxj} (one CDXJ line per response, resource and revisit record: SURT key,
 * 14-digit timestamp, JSON with url, mime, status, digest, length, offset and filename, sorted),
 * {@code pages/pages.jsonl} (a header line, then one line per page), {@code datapackage.json} (profile
 * "data-package", wacz_version, created, software, and every file's name, path, SHA-256 and size) and
 * {@code datapackage-digest.json} (the manifest's own SHA-256).
 *
 * <p>Nothing is written to a temporary file (the WARC may be evidence taken out of the encrypted vault): the
 * index is built in memory, and the WARC is read twice, once for the index and the STORED entry's CRC, once to
 * copy it. Archive entries are STORED, as the specification asks, so offsets in the index hold inside the zip.
 */
public final class WaczWriter {
    static final String WACZ_VERSION = "1.1.1";

    /** A WARC that can be opened more than once (a file, bytes in memory, a blob in the vault). */
    @FunctionalInterface
    public interface WarcSource {
        InputStream open() throws IOException;
    }

    private WaczWriter() {
    }

    /** Writes the package for a WARC file. */
    public static void write(Path warc, List<WaczPage> pages, OutputStream out) throws IOException {
        write(() -> Files.newInputStream(warc), pages, Instant.now(), out);
    }

    /** Writes the package for a WARC held in memory. */
    public static void write(byte[] warc, List<WaczPage> pages, OutputStream out) throws IOException {
        write(() -> new ByteArrayInputStream(warc), pages, Instant.now(), out);
    }

    /**
     * Writes the package; {@code created} is the package's creation time in datapackage.json. The stream is
     * finished as a zip but not closed.
     */
    public static void write(WarcSource warc, List<WaczPage> pages, Instant created, OutputStream out)
            throws IOException {
        boolean gzipped;
        long size = 0;
        CRC32 crc = new CRC32();
        try (InputStream in = warc.open()) {
            byte[] buf = new byte[64 * 1024];
            int first = -1;
            for (int n; (n = in.read(buf)) > 0; ) {
                if (first < 0) {
                    first = n >= 2 && (buf[0] & 0xff) == 0x1f && (buf[1] & 0xff) == 0x8b ? 1 : 0;
                }
                crc.update(buf, 0, n);
                size += n;
            }
            gzipped = first == 1;
        }
        if (size == 0) {
            throw new IllegalArgumentException("the WARC is empty");
        }
        String warcName = gzipped ? "data.warc.gz" : "data.warc";
        byte[] index = index(warc, warcName);
        byte[] pagesJsonl = pages(pages);

        ArrayNode resources = WaczManifest.JSON.createArrayNode();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(6);
        ZipEntry archive = new ZipEntry("archive/" + warcName);
        archive.setMethod(ZipEntry.STORED);
        archive.setSize(size);
        archive.setCompressedSize(size);
        archive.setCrc(crc.getValue());
        try (InputStream in = warc.open()) {
            resources.add(entry(zip, archive, in));
        }
        resources.add(entry(zip, new ZipEntry("indexes/index.cdxj"), new ByteArrayInputStream(index)));
        resources.add(entry(zip, new ZipEntry("pages/pages.jsonl"), new ByteArrayInputStream(pagesJsonl)));

        ObjectNode pkg = WaczManifest.JSON.createObjectNode();
        pkg.put("profile", "data-package");
        pkg.put("wacz_version", WACZ_VERSION);
        pkg.put("title", pages.isEmpty() || pages.get(0).title() == null ? "Casebook capture" : pages.get(0).title());
        pkg.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        pkg.put("software", "Casebook " + Version.get());
        if (!pages.isEmpty()) {
            pkg.put("mainPageURL", pages.get(0).url());
            pkg.put("mainPageDate", pages.get(0).timestamp().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        pkg.set("resources", resources);
        byte[] datapackage = WaczManifest.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pkg);
        zip.putNextEntry(new ZipEntry(WaczManifest.DATAPACKAGE));
        zip.write(datapackage);
        zip.closeEntry();

        ObjectNode digest = WaczManifest.JSON.createObjectNode();
        digest.put("path", WaczManifest.DATAPACKAGE);
        digest.put("hash", "sha256:" + HexFormat.of().formatHex(WaczManifest.sha256().digest(datapackage)));
        zip.putNextEntry(new ZipEntry(WaczManifest.DIGEST));
        zip.write(WaczManifest.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest));
        zip.closeEntry();
        zip.finish();
    }

    /** Copies one entry, returning its manifest line (name, path, SHA-256, size). */
    private static ObjectNode entry(ZipOutputStream zip, ZipEntry entry, InputStream in) throws IOException {
        zip.putNextEntry(entry);
        MessageDigest sha = WaczManifest.sha256();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
            zip.write(buf, 0, n);
            sha.update(buf, 0, n);
            size += n;
        }
        zip.closeEntry();
        String path = entry.getName();
        ObjectNode node = WaczManifest.JSON.createObjectNode();
        node.put("name", path.substring(path.lastIndexOf('/') + 1));
        node.put("path", path);
        node.put("hash", "sha256:" + HexFormat.of().formatHex(sha.digest()));
        node.put("bytes", size);
        return node;
    }

    /** The CDXJ index of the WARC, sorted, built by jwarc's indexer in memory. */
    private static byte[] index(WarcSource warc, String warcName) throws IOException {
        StringWriter text = new StringWriter();
        CdxWriter cdx = new CdxWriter(text);
        cdx.setFormat(CdxFormat.CDXJ);
        cdx.setSort(true);
        List<String> damage = new ArrayList<>();
        cdx.onWarning(damage::add);
        try (InputStream in = warc.open(); WarcReader reader = new WarcReader(in)) {
            cdx.process(reader, warcName);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            // jwarc reports a malformed or missing header field this way (Content-Length: banana, no WARC-Date)
            damage.add(e.getMessage());
        }
        cdx.close();
        if (!damage.isEmpty()) {
            // an index that silently skips a record would make the package lie about what it holds
            throw new IOException("the WARC cannot be indexed: " + damage.get(0));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pages(List<WaczPage> pages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            ObjectNode header = WaczManifest.JSON.createObjectNode();
            header.put("format", "json-pages-1.0");
            header.put("id", "pages");
            header.put("title", "All Pages");
            w.write(WaczManifest.JSON.writeValueAsString(header));
            w.write('\n');
            int n = 0;
            for (WaczPage p : pages) {
                ObjectNode page = WaczManifest.JSON.createObjectNode();
                page.put("id", "page-" + ++n);
                page.put("url", p.url());
                page.put("ts", p.timestamp().toString());
                if (p.title() != null && !p.title().isEmpty()) {
                    page.put("title", p.title());
                }
                if (p.text() != null && !p.text().isEmpty()) {
                    page.put("text", p.text());
                }
                w.write(WaczManifest.JSON.writeValueAsString(page));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
