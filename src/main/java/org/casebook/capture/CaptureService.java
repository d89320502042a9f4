package org.casebook.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casebook.evidence.CaptureRecord;
import org.casebook.evidence.CaptureStore;
import org.casebook.evidence.CaseService;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * Captures a web address into a case: fetches the page and its resources (or, with a depth, the pages of its site),
 * writes the WARC and the single-file copy, renders the screenshot from that copy, compares a re-capture with the
 * latest earlier capture of the address, and stores it all in one transaction. This is the only use of the network
 * in Casebook, and only when a person asks for it.
 *
 * <p>The app's capture dialog runs {@link #capture} in a Task: the {@link CaptureListener} carries progress and
 * the Cancel button (nothing is stored if it is cancelled).
 */
public final class CaptureService {
    private final Vault vault;
    private final CaptureStore store;
    private final PageRenderer renderer;
    private final Clock clock;

    /** With the installed renderer (JavaFX's WebView when Casebook's desktop part is present). */
    public CaptureService(Vault vault) {
        this(vault, PageRenderer.installed().orElse(null), Clock.systemUTC());
    }

    /** {@code renderer} may be null: captures are then stored without a screenshot, and say so. */
    public CaptureService(Vault vault, PageRenderer renderer, Clock clock) {
        this.vault = vault;
        this.store = new CaptureStore(vault, clock);
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * One captured page, as reported to the user.
     *
     * @param verdict  for a re-capture: unchanged, changed or gone; else null
     * @param diff     for a changed page: lines removed ({@code - }) and added ({@code + })
     * @param missing  each resource not kept, with the reason
     */
    public record Summary(long itemId, String kind, String url, String finalUrl, Integer status, String title,
                          String warcSha256, String htmlSha256, String pngSha256, Long recaptureOf, String verdict,
                          List<String> diff, int resources, List<String> missing, List<String> warnings) {
    }

    /** True when no capture was ever made in this vault: the first one comes with a warning. */
    public boolean firstCapture() {
        return store.noneYet();
    }

    /**
     * Captures {@code url} (and, with a depth, the pages it links to on its host) into the case. A page that cannot
     * be fetched at all is bad input (nothing stored), unless the case has captured the address before: then the
     * re-capture records it as gone.
     */
    public List<Summary> capture(long caseId, String url, CaptureOptions options, CaptureListener listener) {
        return capture(caseId, url, null, options, listener);
    }

    /**
     * Captures the page a browser shows at {@code url}: the single-file copy, the page text and the resources come
     * from {@code renderedHtml} (the browser's DOM serialised when the person pressed Capture: what a login or a
     * script put there included), while the WARC keeps the exact bytes the server sends for the page and each
     * resource, fetched again with {@code options}' cookies, and a metadata record that says so. One page only.
     */
    public List<Summary> captureRendered(long caseId, String url, String renderedHtml, CaptureOptions options,
                                         CaptureListener listener) {
        if (renderedHtml == null) {
            throw new IllegalArgumentException("no rendered page");
        }
        return capture(caseId, url, renderedHtml, options.withSite(0, 1), listener);
    }

    private List<Summary> capture(long caseId, String url, String renderedHtml, CaptureOptions options,
                                  CaptureListener listener) {
        URI start = parseUrl(url);
        vault.read(c -> CaseService.get(c, caseId)); // an unknown case is refused before any request is made
        List<CaptureRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Fetcher fetcher = new Fetcher(options)) {
            Deque<Object[]> queue = new ArrayDeque<>();
            queue.add(new Object[] {start, 0});
            Set<URI> seen = new HashSet<>();
            seen.add(start);
            while (!queue.isEmpty() && records.size() < options.maxPages()) {
                listener.checkCancelled();
                Object[] next = queue.poll();
                URI uri = (URI) next[0];
                int depth = (Integer) next[1];
                listener.page(uri, records.size() + 1, options.depth() == 0 ? 1 : options.maxPages());
                listener.message("Capturing " + uri);
                Optional<CaptureStore.Earlier> earlier = store.latest(caseId, uri.toString());
                PageFetch.Result page;
                try {
                    page = PageFetch.run(fetcher, uri, uri.equals(start) ? renderedHtml : null, options.limits(),
                            listener);
                } catch (FetchFailure e) {
                    if (e.reason() == FetchFailure.Reason.UNREACHABLE && earlier.isPresent()) {
                        records.add(unreachable(uri, e.getMessage(), earlier.get(), options));
                        continue;
                    }
                    if (records.isEmpty()) {
                        throw VaultException.badInput(e.getMessage());
                    }
                    skipped.add("Linked page not captured: " + e.getMessage());
                    continue; // a linked page of a site that fails is left out; the site capture goes on
                }
                records.add(record(page, earlier.orElse(null), options));
                if (depth < options.depth() && page.doc() != null) {
                    for (URI link : Resources.sameHostLinks(page.doc(), Resources.base(page.doc(), page.page().uri()))) {
                        if (seen.add(link)) {
                            queue.add(new Object[] {link, depth + 1});
                        }
                    }
                }
            }
        }
        if (!skipped.isEmpty()) {
            records.set(0, records.get(0).withMoreWarnings(skipped));
        }
        listener.checkCancelled();
        listener.message("Storing " + records.size() + (records.size() == 1 ? " capture" : " captures"));
        List<CaptureStore.Stored> stored = store.store(caseId, records, options.depth() > 0, listener);
        List<Summary> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            out.add(summary(records.get(i), stored.get(i)));
        }
        return out;
    }

    /** A web address as the user typed it, or bad input saying what a web address looks like. */
    public static URI parseUrl(String text) {
        String s = text == null ? "" : text.strip();
        String hint = " Give the full address, starting with https:// or http://.";
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw VaultException.badInput(s + " is not a web address." + hint);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw VaultException.badInput(s + " is not a web address." + hint);
        }
        return Resources.withoutFragment(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                ? URI.create(uri.toString().replaceFirst("^([^?#]*)", "$1/")) : uri);
    }

    private CaptureRecord record(PageFetch.Result page, CaptureStore.Earlier earlier, CaptureOptions options) {
        Exchange last = page.page();
        Instant at = page.main().hops().get(0).at();
        List<String> warnings = new ArrayList<>(page.warnings());
        Map<String, List<String>> meta = new LinkedHashMap<>();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (PageFetch.Resource r : page.resources().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", r.uri().toString());
            if (r.response() != null) {
                m.put("status", r.response().status());
                m.put("media_type", r.response().mediaType());
                m.put("size", r.response().body().length);
                m.put("sha256", org.casebook.vault.Sha256.of(r.response().body()));
            }
            if (!r.ok()) {
                m.put("missing", r.missing());
                meta.computeIfAbsent("casebook-missing", k -> new ArrayList<>()).add(r.uri() + " " + r.missing());
            } else {
                meta.computeIfAbsent("outlink", k -> new ArrayList<>()).add(r.uri().toString());
            }
            resources.add(m);
        }
        String title = null;
        String text;
        byte[] html = null;
        byte[] png = null;
        byte[] file = null;
        String fileName = null;
        String kind;
        if (page.doc() != null) {
            kind = CaptureRecord.PAGE;
            title = PageText.title(page.doc());
            text = PageText.of(page.doc());
            html = SingleFileHtml.build(page);
            png = screenshot(html, warnings);
        } else {
            kind = CaptureRecord.FILE;
            file = last.body();
            fileName = fileName(last);
            text = last.uri().toString();
        }
        if (!warnings.isEmpty()) {
            meta.put("casebook-warning", warnings);
        }
        if (page.rendered()) {
            meta.put("casebook-rendered-dom", List.of("The single-file copy, the screenshot and the page text were"
                    + " built from the page as the evidence browser showed it (its rendered DOM, after its scripts"
                    + " ran) at " + at + "; the response records hold the bytes the server sent."));
        }
        byte[] warc = CaptureWarc.write(page.requested(), at, page.exchanges(), meta);
        String verdict = null;
        String diff = null;
        if (earlier != null) {
            if (last.status() == 404 || last.status() == 410) {
                verdict = "gone";
            } else if (PageText.lines(earlier.text()).equals(PageText.lines(text))) {
                verdict = "unchanged";
            } else {
                verdict = "changed";
                diff = String.join("\n", TextDiff.diff(PageText.lines(earlier.text()), PageText.lines(text)));
            }
        }
        List<Map<String, Object>> redirects = new ArrayList<>();
        for (Exchange hop : page.main().redirects()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", hop.uri().toString());
            m.put("status", hop.status());
            m.put("location", hop.header("Location"));
            redirects.add(m);
        }
        List<List<String>> headers = last.responseHeaders().stream().map(h -> List.of(h[0], h[1])).toList();
        return new CaptureRecord(kind, page.requested().toString(), last.uri().toString(), redirects, last.status(),
                headers, last.serverIp(), last.certificate(), at, title, text, options.note(), last.mediaType(), warc,
                html, png, file, fileName, resources, warnings,
                options.proxy() == null ? null : options.proxy().toString(),
                earlier == null ? null : earlier.itemId(), verdict, diff);
    }

    /** A re-capture that reached no server: the page is gone; the WARC records the attempt and why. */
    private CaptureRecord unreachable(URI uri, String reason, CaptureStore.Earlier earlier, CaptureOptions options) {
        Instant at = clock.instant();
        Map<String, List<String>> meta = new LinkedHashMap<>();
        meta.put("casebook-unreachable", List.of(reason));
        byte[] warc = CaptureWarc.write(uri, at, List.of(), meta);
        return new CaptureRecord(CaptureRecord.UNREACHABLE, uri.toString(), null, List.of(), null, null, null, null,
                at, null, "", options.note(), null, warc, null, null, null, null, List.of(),
                List.of(reason), options.proxy() == null ? null : options.proxy().toString(), earlier.itemId(),
                "gone", null);
    }

    private byte[] screenshot(byte[] html, List<String> warnings) {
        if (renderer == null) {
            warnings.add("No screenshot: this Casebook has no page renderer (JavaFX WebView) installed.");
            return null;
        }
        try {
            return renderer.render(new String(html, StandardCharsets.UTF_8), PageRenderer.DEFAULT_WIDTH);
        } catch (PageRenderer.RenderException e) {
            warnings.add("No screenshot: " + e.getMessage());
            return null;
        }
    }

    private static String fileName(Exchange e) {
        String path = e.uri().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "download" : name;
    }

    private static Summary summary(CaptureRecord r, CaptureStore.Stored s) {
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> res : r.resources()) {
            if (res.containsKey("missing")) {
                missing.add(res.get("url") + " (" + res.get("missing") + ")");
            }
        }
        return new Summary(s.itemId(), r.kind(), r.requestedUrl(), r.finalUrl(), r.status(), r.title(),
                s.warcSha256(), s.htmlSha256(), s.pngSha256(), r.recaptureOf(), r.verdict(),
                r.diff() == null ? List.of() : List.of(r.diff().split("\n")), r.resources().size(), missing,
                r.warnings());
    }
}
