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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.casebook.vault.Progress;
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
                  List<Exchange> exchanges, List<String> warnings, boolean rendered) {
        Exchange page() {
            return main.last();
        }

        List<Resource> missing() {
            return resources.values().stream().filter(r -> !r.ok()).toList();
        }
    }

    private PageFetch() {
    }

    /** Resources fetched side by side, as a browser does (a server that answers slowly costs its time once). */
    static final int PARALLEL = 6;

    /**
     * With {@code renderedHtml} (the page as a browser showed it, its DOM after scripts ran and the person logged
     * in), the copy, text and resources are taken from that DOM; the page's own response is still fetched and kept
     * byte for byte. With null, from the HTML the server sent.
     */
    static Result run(Fetcher fetcher, URI uri, String renderedHtml, CaptureLimits limits, CaptureListener listener)
            throws FetchFailure {
        AtomicLong budget = new AtomicLong(limits.maxPageBytes());
        Fetcher.Followed main = fetcher.follow(uri, limits.maxResourceBytes(), budget);
        List<Exchange> exchanges = new ArrayList<>(main.hops());
        Exchange page = main.last();
        List<String> warnings = new ArrayList<>();
        Map<URI, Resource> resources = new LinkedHashMap<>();
        if (!isHtml(page)) {
            return new Result(uri, main, null, resources, exchanges, warnings, false);
        }
        boolean rendered = renderedHtml != null;
        Document doc = rendered ? Jsoup.parse(renderedHtml, page.uri().toString()) : parse(page);
        Deque<URI> queue = new ArrayDeque<>(Resources.of(doc, Resources.base(doc, page.uri())));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "casebook-capture-fetch");
            t.setDaemon(true);
            return t;
        });
        try {
            boolean countWarned = false;
            while (!queue.isEmpty()) {
                listener.checkCancelled();
                // One wave: everything queued now; stylesheets found in it add the next wave (fonts, images).
                Map<URI, Future<Object>> wave = new LinkedHashMap<>();
                while (!queue.isEmpty()) {
                    URI r = Resources.withoutFragment(queue.poll());
                    if (resources.containsKey(r) || wave.containsKey(r)) {
                        continue;
                    }
                    if (resources.size() + wave.size() >= limits.maxResources()) {
                        resources.put(r, new Resource(r, null, List.of(), "not fetched: the limit of "
                                + limits.maxResources() + " resources per page was reached"));
                        if (!countWarned) {
                            warnings.add("The page refers to more than " + limits.maxResources() + " resources; "
                                    + "the rest were not fetched.");
                            countWarned = true;
                        }
                        continue;
                    }
                    wave.put(r, pool.submit(() -> fetchOne(fetcher, r, limits, budget, listener)));
                }
                for (Map.Entry<URI, Future<Object>> w : wave.entrySet()) {
                    Object outcome = await(w.getValue(), listener);
                    Resource res;
                    if (outcome instanceof Fetcher.Followed f) {
                        exchanges.addAll(f.hops());
                        Exchange last = f.last();
                        String missing = last.status() >= 200 && last.status() < 300 ? null : "HTTP " + last.status();
                        res = new Resource(w.getKey(), last, f.redirects(), missing);
                        if (missing == null && isCss(last, w.getKey())) {
                            queue.addAll(CssUrls.find(text(last), last.uri()));
                        }
                    } else {
                        res = new Resource(w.getKey(), null, List.of(), (String) outcome);
                    }
                    resources.put(w.getKey(), res);
                    listener.resource(w.getKey(), res.missing());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (resources.values().stream().anyMatch(r -> r.missing() != null
                && r.missing().startsWith("not kept: the capture reached its size limit"))) {
            warnings.add("The capture reached its size limit of " + CaptureLimits.size(limits.maxPageBytes())
                    + "; resources past it were not kept.");
        }
        return new Result(uri, main, doc, resources, exchanges, warnings, rendered);
    }

    /** The resource's responses, or the reason it is missing. */
    private static Object fetchOne(Fetcher fetcher, URI r, CaptureLimits limits, AtomicLong budget,
                                   CaptureListener listener) {
        if (listener.isCancelled()) {
            return "not fetched: cancelled";
        }
        try {
            return fetcher.follow(r, limits.maxResourceBytes(), budget);
        } catch (FetchFailure e) {
            return e.getMessage();
        }
    }

    private static Object await(Future<Object> f, CaptureListener listener) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Progress.CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            listener.checkCancelled();
        }
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
