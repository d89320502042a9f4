package org.casebook.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fetches one page and every resource it refers to, within the limits. A resource that cannot be had is recorded
 * as missing with its reason; only the page itself failing fails the capture.
 */
final class PageFetch {
    /** One resource: its final response (after redirects) or why it is missing; its redirects, if any. */
    record Resource(URI uri, Exchange response, List<Exchange> redirects, String missing) {
        boolean ok() {
            return response != null && response.status() >= 200 && response.status() < 300;
        }
    }

    /**
     * A fetched page. {@code doc} is null when the address served something other than HTML (a file capture).
     * {@code exchanges} are all requests made, in order, for the WARC.
     */
    record Result(URI requested, Fetcher.Followed main, Document doc, Map<URI, Resource> resources,
                  List<Exchange> exchanges, List<String> warnings) {
        Exchange page() {
            return main.last();
        }

        List<Resource> missing() {
            return resources.values().stream().filter(r -> !r.ok()).toList();
        }
    }

    private PageFetch() {
    }

    static Result run(Fetcher fetcher, URI uri, CaptureLimits limits, CaptureListener listener) throws FetchFailure {
        Fetcher.Followed main = fetcher.follow(uri, limits.maxResourceBytes());
        List<Exchange> exchanges = new ArrayList<>(main.hops());
        Exchange page = main.last();
        long used = page.body().length;
        List<String> warnings = new ArrayList<>();
        Map<URI, Resource> resources = new LinkedHashMap<>();
        if (!isHtml(page)) {
            return new Result(uri, main, null, resources, exchanges, warnings);
        }
        Document doc = parse(page);
        Deque<URI> queue = new ArrayDeque<>(Resources.of(doc, Resources.base(doc, page.uri())));
        boolean countWarned = false;
        boolean sizeWarned = false;
        while (!queue.isEmpty()) {
            listener.checkCancelled();
            URI r = Resources.withoutFragment(queue.poll());
            if (resources.containsKey(r)) {
                continue;
            }
            if (resources.size() >= limits.maxResources()) {
                resources.put(r, new Resource(r, null, List.of(), "not fetched: the limit of "
                        + limits.maxResources() + " resources per page was reached"));
                if (!countWarned) {
                    warnings.add("The page refers to more than " + limits.maxResources() + " resources; the rest "
                            + "were not fetched.");
                    countWarned = true;
                }
                continue;
            }
            long left = limits.maxPageBytes() - used;
            if (left <= 0) {
                resources.put(r, new Resource(r, null, List.of(), "not fetched: the capture reached its size limit of "
                        + CaptureLimits.size(limits.maxPageBytes())));
                if (!sizeWarned) {
                    warnings.add("The capture reached its size limit of " + CaptureLimits.size(limits.maxPageBytes())
                            + "; later resources were not fetched.");
                    sizeWarned = true;
                }
                continue;
            }
            Resource res;
            try {
                Fetcher.Followed f = fetcher.follow(r, Math.min(limits.maxResourceBytes(), left));
                exchanges.addAll(f.hops());
                Exchange last = f.last();
                used += f.hops().stream().mapToLong(e -> e.body().length).sum();
                String missing = last.status() >= 200 && last.status() < 300 ? null : "HTTP " + last.status();
                res = new Resource(r, last, f.redirects(), missing);
                if (missing == null && isCss(last, r)) {
                    queue.addAll(CssUrls.find(text(last), last.uri()));
                }
            } catch (FetchFailure e) {
                res = new Resource(r, null, List.of(), e.getMessage());
                if (e.reason() == FetchFailure.Reason.TOO_LARGE && left < limits.maxResourceBytes()) {
                    res = new Resource(r, null, List.of(), "not kept: the capture reached its size limit of "
                            + CaptureLimits.size(limits.maxPageBytes()));
                }
            }
            resources.put(r, res);
            listener.resource(r, res.missing());
        }
        return new Result(uri, main, doc, resources, exchanges, warnings);
    }

    static boolean isHtml(Exchange e) {
        String type = e.mediaType();
        if (type == null) {
            String start = new String(e.body(), 0, Math.min(e.body().length, 512), StandardCharsets.ISO_8859_1)
                    .stripLeading().toLowerCase(Locale.ROOT);
            return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                    || start.startsWith("<body");
        }
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    static boolean isCss(Exchange e, URI uri) {
        String type = e.mediaType();
        return "text/css".equals(type) || (type == null && uri.getPath() != null && uri.getPath().endsWith(".css"));
    }

    /** The page parsed in the charset its server named, else its own meta charset or BOM, else UTF-8. */
    static Document parse(Exchange page) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), validCharset(page.charset()),
                    page.uri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text resource (a stylesheet) decoded by its declared charset, else UTF-8. */
    static String text(Exchange e) {
        String cs = validCharset(e.charset());
        return new String(e.body(), cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs));
    }

    private static String validCharset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return java.nio.charset.Charset.isSupported(name) ? name : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
