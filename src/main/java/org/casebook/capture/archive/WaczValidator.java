package org.casebook.capture.archive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.casebook.imports.SafeZip;
import org.netpreserve.jwarc.URIs;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Checks a WACZ package: the zip is safe to open ({@link SafeZip}), every file {@code datapackage.json} lists is
 * there with the size and SHA-256 it states (and {@code datapackage-digest.json} matches the manifest), no file
 * is unlisted, {@code pages/pages.jsonl} starts with its header line, and every line of each CDXJ index
 * ({@code indexes/*.cdxj}, or gzipped {@code *.cdx.gz}) is sorted and points, by filename, offset and length, at
 * a WARC record of the URL it states, under the SURT key of that URL.
 */
public final class WaczValidator {
    /** An index line is a URL key, a timestamp and a JSON block; longer lines are not an index. */
    private static final int MAX_INDEX_LINE = 64 * 1024;
    /** Lines checked in all; a package of a whole site crawl stays well below. */
    private static final int MAX_INDEX_LINES = 1_000_000;
    /** A page line may carry the page's whole text. */
    static final int MAX_PAGE_LINE = 16 * 1024 * 1024;

    private WaczValidator() {
    }

    /**
     * Validates the package. A zip that is unsafe or has no manifest is refused with an
     * {@link org.casebook.imports.ImportException} naming it; everything else found is in the result.
     */
    public static WaczValidation validate(Path wacz) {
        String name = wacz.getFileName().toString();
        List<String> problems = new ArrayList<>();
        try (SafeZip zip = SafeZip.open(wacz)) {
            WaczManifest manifest = WaczManifest.read(zip, name);
            int files = manifest.check(zip, name, problems);
            manifest.unlisted(zip, name, problems);
            if (!manifest.root().path("profile").asText("").equals("data-package")) {
                problems.add(name + ", datapackage.json: its profile is not \"data-package\".");
            }
            int lines = checkContents(zip, name, problems);
            return new WaczValidation(name, problems, files, lines);
        } catch (IOException e) {
            throw new ArchiveReadException(name + ": cannot be read (" + e.getMessage() + ").");
        }
    }

    /** The page list and the indexes (the manifest's digests aside); returns how many index lines were checked. */
    static int checkContents(SafeZip zip, String name, List<String> problems) throws IOException {
        checkPages(zip, name, problems);
        return checkIndexes(zip, name, problems);
    }

    private static void checkPages(SafeZip zip, String name, List<String> problems) throws IOException {
        String pages = "pages/pages.jsonl";
        if (!zip.names().contains(pages)) {
            problems.add(name + ": has no " + pages + ".");
            return;
        }
        try (Lines r = new Lines(zip.open(pages), MAX_PAGE_LINE)) {
            String header = r.next();
            JsonNode h = header == null ? null : parse(header);
            if (h == null || !h.has("format")) {
                problems.add(name + ", " + pages + ", line 1: not the header line ({\"format\": \"json-pages-1.0\", …}).");
                return;
            }
            for (String line = r.next(); line != null; line = r.next()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode page = parse(line);
                if (page == null || !page.hasNonNull("url") || !page.hasNonNull("ts")) {
                    problems.add(name + ", " + pages + ", line " + r.number() + ": not a page (JSON with url and ts).");
                }
            }
        }
    }

    private record IndexLine(String index, int line, String urlKey, String url, String file, long offset,
            long length) {
    }

    private record Record(String url, long length) {
    }

    private static int checkIndexes(SafeZip zip, String name, List<String> problems) throws IOException {
        List<IndexLine> lines = new ArrayList<>();
        for (String entry : zip.names()) {
            if (!entry.startsWith("indexes/")) {
                continue;
            }
            boolean gz = entry.endsWith(".cdx.gz") || entry.endsWith(".cdxj.gz");
            if (!gz && !entry.endsWith(".cdxj") && !entry.endsWith(".cdx")) {
                continue; // a ZipNum .idx points into the compressed index, which is checked itself
            }
            InputStream raw = zip.open(entry);
            try (Lines r = new Lines(gz ? new GZIPInputStream(raw) : raw, MAX_INDEX_LINE)) {
                readIndex(r, name, entry, lines, problems);
            }
        }
        Map<String, List<IndexLine>> byFile = new HashMap<>();
        for (IndexLine l : lines) {
            byFile.computeIfAbsent(l.file, f -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<String, List<IndexLine>> e : byFile.entrySet()) {
            String warc = "archive/" + e.getKey();
            if (!zip.names().contains(warc)) {
                for (IndexLine l : e.getValue()) {
                    problems.add(name + ", " + l.index + ", line " + l.line + ": names " + e.getKey()
                            + ", which is not in archive/.");
                }
                continue;
            }
            Map<Long, Record> records = records(zip, warc, name, problems);
            for (IndexLine l : e.getValue()) {
                String where = name + ", " + l.index + ", line " + l.line;
                Record rec = records.get(l.offset);
                if (rec == null) {
                    problems.add(where + ": offset " + l.offset + " in " + warc + " is not the start of a WARC record.");
                } else if (!rec.url.equals(l.url)) {
                    problems.add(where + ": the record at offset " + l.offset + " in " + warc + " is of " + rec.url
                            + ", not " + l.url + ".");
                } else if (l.length >= 0 && rec.length != l.length) {
                    problems.add(where + ": the record at offset " + l.offset + " in " + warc + " is " + rec.length
                            + " bytes long, not " + l.length + ".");
                }
            }
        }
        return lines.size();
    }

    private static void readIndex(Lines r, String name, String entry, List<IndexLine> out,
            List<String> problems) throws IOException {
        String previous = null;
        for (String line = r.next(); line != null; line = r.next()) {
            int n = r.number();
            String where = name + ", " + entry + ", line " + n;
            if (line.isBlank() || line.startsWith(" CDX") || line.startsWith("!")) {
                continue;
            }
            if (out.size() >= MAX_INDEX_LINES) {
                problems.add(where + ": the indexes hold more than " + MAX_INDEX_LINES + " lines; the rest were not checked.");
                return;
            }
            if (line == Lines.TOO_LONG) {
                problems.add(where + ": longer than an index line can be.");
                continue;
            }
            String[] fields = line.split(" ", 3);
            JsonNode json = fields.length == 3 ? parse(fields[2]) : null;
            if (json == null || !fields[1].matches("\\d{14}") || !json.hasNonNull("url")
                    || !json.hasNonNull("offset") || !json.hasNonNull("filename")) {
                problems.add(where + ": not a CDXJ line (url key, 14-digit timestamp, JSON with url, offset, filename).");
                continue;
            }
            if (previous != null && previous.compareTo(line) > 0) {
                problems.add(where + ": out of order (a CDXJ index is sorted).");
            }
            previous = line;
            String url = json.get("url").asText();
            String key = surt(url);
            if (key != null && !key.equals(fields[0])) {
                problems.add(where + ": its key " + fields[0] + " is not the SURT of " + url + " (" + key + ").");
            }
            long offset = json.get("offset").asLong(-1);
            long length = json.hasNonNull("length") ? json.get("length").asLong(-1) : -1;
            out.add(new IndexLine(entry, n, fields[0], url, json.get("filename").asText(), offset, length));
        }
    }

    /** Offset → target URL and length of every record of a WARC, read in one pass. */
    private static Map<Long, Record> records(SafeZip zip, String warc, String name, List<String> problems)
            throws IOException {
        Map<Long, Record> out = new HashMap<>();
        long size = zip.size(warc);
        try (WarcReader reader = new WarcReader(zip.open(warc))) {
            long offset = -1;
            String url = null;
            while (true) {
                Optional<WarcRecord> next = reader.next();
                if (offset >= 0) {
                    long end = next.isPresent() ? reader.position() : size;
                    out.put(offset, new Record(url, end - offset));
                }
                if (next.isEmpty()) {
                    break;
                }
                offset = reader.position();
                url = next.get() instanceof WarcTargetRecord t && t.target() != null ? t.target() : "";
            }
        } catch (IOException | IllegalArgumentException | NoSuchElementException e) {
            problems.add(name + ", " + warc + ": cannot be read to its end (" + e.getMessage() + ").");
        }
        return out;
    }

    static String surt(String url) {
        try {
            return URIs.toNormalizedSurt(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = WaczManifest.JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

}
