package org.casebook.capture.archive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.imports.SafeZip;

/**
 * A WACZ package read as a saved page. The zip is opened by {@link SafeZip} (no {@code ..}, no links, no bombs);
 * every file {@code datapackage.json} lists must have the size and SHA-256 it states, else the package is refused
 * naming the file. {@code pages/pages.jsonl} names the page; the WARC files under {@code archive/} hold it and its
 * resources. Index problems (an offset that points nowhere) do not stop the reading: they become warnings.
 */
final class WaczPageReader {
    /** Page addresses kept from pages.jsonl, in order: the page shown is the first one the WARCs hold. */
    private static final int MAX_PAGES = 1_000;

    private WaczPageReader() {
    }

    static SavedPage read(Path file, SavedPageLimits limits) throws IOException {
        String name = file.getFileName().toString();
        Budget budget = new Budget(limits);
        try (SafeZip zip = SafeZip.open(file)) {
            WaczManifest manifest = WaczManifest.read(zip, name);
            List<String> refusals = new ArrayList<>();
            manifest.check(zip, name, refusals);
            if (!refusals.isEmpty()) {
                throw new ArchiveReadException(refusals.get(0) + (refusals.size() > 1 ? " (and "
                        + (refusals.size() - 1) + " more " + (refusals.size() == 2 ? "problem" : "problems") + ")" : "")
                        + " Refusing the package.");
            }
            List<String> indexProblems = new ArrayList<>();
            manifest.unlisted(zip, name, indexProblems);
            WaczValidator.checkContents(zip, name, indexProblems);
            indexProblems.forEach(budget::warn);
            List<String> pageUrls = new ArrayList<>();
            String firstTitle = pages(zip, name, pageUrls);
            WarcCollector collector = new WarcCollector(name, budget);
            int warcs = 0;
            for (WaczManifest.Entry e : manifest.entries()) {
                String path = e.path();
                if (path.startsWith("archive/") && (path.endsWith(".warc") || path.endsWith(".warc.gz"))) {
                    warcs++;
                    try (InputStream in = zip.open(path)) {
                        collector.read(in, name + ", " + path);
                    }
                }
            }
            if (warcs == 0) {
                throw new ArchiveReadException(name + ": lists no WARC file under archive/; nothing to show.");
            }
            return collector.build(SavedPageFormat.WACZ, pageUrls, firstTitle);
        }
    }

    /** Adds the page list's URLs in order; returns the first page's title, or null. */
    private static String pages(SafeZip zip, String name, List<String> urls) throws IOException {
        String entry = "pages/pages.jsonl";
        if (!zip.names().contains(entry)) {
            return null;
        }
        String title = null;
        try (Lines lines = new Lines(zip.open(entry), WaczValidator.MAX_PAGE_LINE)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                JsonNode page;
                try {
                    page = WaczManifest.JSON.readTree(line);
                } catch (JacksonException e) {
                    continue; // reported by the validator
                }
                if (urls.size() >= MAX_PAGES) {
                    break; // the first pages are the ones looked for; a long list adds nothing but memory
                }
                if (page != null && page.hasNonNull("url")) {
                    urls.add(page.get("url").asText());
                    if (title == null && page.hasNonNull("title")) {
                        title = page.get("title").asText();
                    }
                }
            }
        }
        return title;
    }
}
