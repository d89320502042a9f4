package org.casebook.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.casebook.capture.archive.SavedPage;
import org.casebook.capture.archive.SavedResource;
import org.casebook.evidence.CaptureRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A web page another tool saved, made into a capture as a live one is: the saved file itself kept byte for byte
 * beside a WARC of what it holds (a {@code resource} record per part: no server answered Casebook), the same safe
 * single-file copy (nothing runs, nothing is fetched), a screenshot drawn from that copy, and the page's text for
 * search. Its time is the one the file gives; Casebook never visits the address.
 */
public final class SavedPageCapture {
    private SavedPageCapture() {
    }

    /**
     * The capture of {@code page}, read from the file whose exact bytes are {@code original}; {@code importedAt}
     * stands in as its time only when the file does not say when it was saved (and a warning says so).
     */
    public static CaptureRecord of(SavedPage page, byte[] original, Optional<PageRenderer> renderer,
                                   Instant importedAt) {
        URI pageUri = pageUri(page);
        Document doc = parse(page, pageUri);
        URI base = Resources.base(doc, pageUri);
        Map<URI, SingleFileHtml.Kept> kept = new HashMap<>();
        List<CaptureWarc.Held> held = new ArrayList<>();
        held.add(new CaptureWarc.Held(pageUri, "text/html;charset=" + page.charset().name(), page.document()));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (SavedResource r : page.resources()) {
            URI u = r.url() == null ? null : Resources.resolve(base, r.url());
            if (u == null) {
                continue; // an inlined data: resource: the document holds it already
            }
            URI key = Resources.withoutFragment(u);
            kept.putIfAbsent(key, new SingleFileHtml.Kept(u, r.mediaType(), r.bytes(),
                    () -> new String(r.bytes(), page.charset())));
            held.add(new CaptureWarc.Held(u, r.mediaType(), r.bytes()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("url", u.toString());
            row.put("media_type", r.mediaType());
            row.put("size", r.bytes().length);
            row.put("sha256", org.casebook.vault.Sha256.of(r.bytes()));
            resources.add(row);
        }
        byte[] html = SingleFileHtml.build(doc, pageUri, kept::get);
        List<String> warnings = new ArrayList<>();
        Instant at = page.savedAt() == null ? importedAt : page.savedAt();
        warnings.add("Saved by another tool (" + page.format().label() + ")"
                + (page.savedAt() == null ? "; the file does not say when, so its time is when Casebook imported it"
                : " at " + page.savedAt()) + ". Casebook imported the file " + page.fileName()
                + " and did not visit the address.");
        warnings.addAll(page.warnings());
        byte[] png = null;
        if (renderer.isEmpty()) {
            warnings.add("No screenshot: this copy of Casebook has no page renderer.");
        } else {
            try {
                png = renderer.get().render(new String(html, StandardCharsets.UTF_8), PageRenderer.DEFAULT_WIDTH);
            } catch (PageRenderer.RenderException e) {
                warnings.add("No screenshot: " + e.getMessage());
            }
        }
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        metadata.put("saved-file", List.of(page.fileName()));
        metadata.put("saved-file-sha256", List.of(org.casebook.vault.Sha256.of(original)));
        metadata.put("saved-by", List.of(page.format().label()));
        if (page.savedAt() != null) {
            metadata.put("saved-at", List.of(page.savedAt().toString()));
        }
        byte[] warc = CaptureWarc.ofSaved(pageUri, at, "Web page saved by another tool (" + page.format().label()
                + ") and imported into Casebook from " + page.fileName(), held, metadata);
        String title = page.title().isBlank() ? null : page.title();
        return new CaptureRecord(CaptureRecord.PAGE, pageUri.toString(), null, List.of(), null, null, null, null,
                at, title, page.text(), null, "text/html", warc, html, png, original, page.fileName(), resources,
                warnings, null, null, null, null);
    }

    /** The address the file gives, else one naming the file (the page has no other). */
    private static URI pageUri(SavedPage page) {
        if (page.url() != null) {
            try {
                URI u = new URI(page.url());
                if (u.isAbsolute()) {
                    return u;
                }
            } catch (java.net.URISyntaxException e) {
                // not an address a browser would load: named by the file instead
            }
        }
        return URI.create("file:///" + URLEncoder.encode(page.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private static Document parse(SavedPage page, URI pageUri) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.document()), page.charset().name(), pageUri.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayInputStream does not fail
        }
    }
}
