package org.casebook.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.casebook.evidence.CaptureRecord.CertificateFacts;
import org.casebook.vault.Sha256;

/**
 * Fetches with the JDK's HTTP client, one request at a time as a browser would send it, and keeps what was sent
 * and served. Redirects are followed here, not by the client, so every hop is recorded (and a loop refused).
 * Every request goes through the proxy when one is set; without one, the server's address is the one the JVM
 * resolved the host to (the client connects to that same cached address).
 */
final class Fetcher implements AutoCloseable {
    /**
     * A common browser's: a page may serve something else to a tool it does not know, and a name like
     * "Casebook" in the site owner's logs would say who looked and why.
     */
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient client;
    private final CaptureLimits limits;
    private final boolean proxied;
    private final ProxyRoute route;

    Fetcher(CaptureOptions options) {
        this.limits = options.limits();
        this.proxied = options.proxy() != null;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout())
                // HTTP/1.1: the exchange the WARC records is the one a plain browser request makes.
                .version(HttpClient.Version.HTTP_1_1);
        if (options.sslContext() != null) {
            builder.sslContext(options.sslContext());
        }
        if (options.cookies() != null) {
            builder.cookieHandler(options.cookies());
        }
        if (options.proxy() != null) {
            route = ProxyRoute.to(options.proxy());
            builder.proxy(ProxySelector.of(route.httpProxy()));
        } else {
            route = null;
            builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        this.client = builder.build();
    }

    /** The hops of one address: every redirect, then the response that ended them. */
    record Followed(List<Exchange> hops) {
        Exchange last() {
            return hops.get(hops.size() - 1);
        }

        List<Exchange> redirects() {
            return hops.subList(0, hops.size() - 1);
        }
    }

    /**
     * Fetches {@code uri} and follows its redirects; {@code maxBytes} bounds each body, and every byte received is
     * also taken from {@code budget} (what is left of the whole capture's size limit, shared by fetches running
     * side by side).
     */
    Followed follow(URI uri, long maxBytes, AtomicLong budget) throws FetchFailure {
        List<Exchange> hops = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        URI current = uri;
        while (true) {
            if (!seen.add(current)) {
                throw new FetchFailure(FetchFailure.Reason.REDIRECTS, "Redirect loop: " + chain(seen, current)
                        + "; the page was not captured.");
            }
            Exchange e = fetch(current, maxBytes, budget);
            hops.add(e);
            if (!e.redirect()) {
                return new Followed(hops);
            }
            if (hops.size() > limits.maxRedirects()) {
                throw new FetchFailure(FetchFailure.Reason.REDIRECTS, uri + " redirects more than "
                        + limits.maxRedirects() + " times; the page was not captured.");
            }
            try {
                current = current.resolve(e.header("Location").strip());
            } catch (IllegalArgumentException bad) {
                throw new FetchFailure(FetchFailure.Reason.OTHER, current + " redirects to an address that is not "
                        + "one: " + e.header("Location"));
            }
        }
    }

    private static String chain(Set<URI> seen, URI again) {
        StringBuilder s = new StringBuilder();
        for (URI u : seen) {
            s.append(u).append(" → ");
        }
        return s.append(again).toString();
    }

    /** One GET, its body bounded by {@code maxBytes} and {@code budget}, the whole response by the fetch time-out. */
    Exchange fetch(URI uri, long maxBytes, AtomicLong budget) throws FetchFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchFailure(FetchFailure.Reason.OTHER, uri + " is not a web address (http or https).");
        }
        String serverIp = null;
        if (!proxied) {
            try {
                serverIp = InetAddress.getByName(uri.getHost()).getHostAddress();
            } catch (UnknownHostException e) {
                throw new FetchFailure(FetchFailure.Reason.UNREACHABLE, "The address " + uri.getHost()
                        + " does not resolve (no such domain, or no network).");
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .timeout(limits.fetchTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT)
                .header("Accept-Language", "en")
                .build();
        Instant at = Instant.now();
        LimitedBody body = new LimitedBody(maxBytes, budget);
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> body);
        HttpResponse<byte[]> response;
        try {
            response = future.get(limits.fetchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            body.abandon();
            throw new FetchFailure(FetchFailure.Reason.TIMEOUT, body.started()
                    ? uri + " was still sending after " + seconds() + " (an endless response?); stopped there."
                    : uri + " did not answer within " + seconds() + ".");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailure.Reason.OTHER, "Stopped while fetching " + uri + ".");
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause(), maxBytes);
        }
        List<String[]> sent = new ArrayList<>();
        sent.add(new String[] {"Host", hostHeader(uri)});
        for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
            for (String v : h.getValue()) {
                sent.add(new String[] {h.getKey(), v});
            }
        }
        List<String[]> served = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue; // HTTP/2 pseudo-headers
            }
            for (String v : h.getValue()) {
                served.add(new String[] {h.getKey(), v});
            }
        }
        String version = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1";
        return new Exchange(uri, at, sent, version, response.statusCode(), served, response.body(), serverIp,
                certificate(response.sslSession().orElse(null)));
    }

    private String seconds() {
        return limits.fetchTimeout().toSeconds() + " s";
    }

    private FetchFailure failure(URI uri, Throwable cause, long maxBytes) {
        if (cause instanceof TooLarge) {
            return new FetchFailure(FetchFailure.Reason.TOO_LARGE, uri + " is larger than "
                    + CaptureLimits.size(maxBytes) + "; not kept.");
        }
        if (cause instanceof OverBudget) {
            return new FetchFailure(FetchFailure.Reason.TOO_LARGE, "not kept: the capture reached its size limit of "
                    + CaptureLimits.size(limits.maxPageBytes()));
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchFailure(FetchFailure.Reason.UNREACHABLE, "Could not connect to " + uri.getHost()
                    + " within " + limits.connectTimeout().toSeconds() + " s.");
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchFailure(FetchFailure.Reason.TIMEOUT, uri + " did not answer within " + seconds() + ".");
        }
        if (cause instanceof ConnectException) {
            return new FetchFailure(FetchFailure.Reason.UNREACHABLE, proxied
                    ? "Could not reach " + uri.getHost() + " through the proxy (is the proxy running?)."
                    : "Could not connect to " + uri.getHost() + " (connection refused).");
        }
        if (cause instanceof SSLException) {
            return new FetchFailure(FetchFailure.Reason.OTHER, "The secure connection to " + uri.getHost()
                    + " failed: " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return new FetchFailure(FetchFailure.Reason.OTHER, "Fetching " + uri + " failed: " + cause.getMessage());
        }
        return new FetchFailure(FetchFailure.Reason.OTHER, "Fetching " + uri + " failed: " + cause);
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static CertificateFacts certificate(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate x)) {
                return null;
            }
            return new CertificateFacts(x.getSubjectX500Principal().getName(), x.getIssuerX500Principal().getName(),
                    x.getNotBefore().toInstant(), x.getNotAfter().toInstant(), Sha256.of(x.getEncoded()));
        } catch (SSLPeerUnverifiedException | java.security.cert.CertificateEncodingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (route != null) {
            route.close();
        }
    }

    /** A body over the limit fails the response. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** The whole capture's size limit was reached while this body came in. */
    private static final class OverBudget extends IOException {
        OverBudget() {
            super("over the capture's size limit");
        }
    }

    /** Collects a body, refusing it past {@code max} bytes (an endless response stops at the limit or time-out). */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final AtomicLong budget;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile boolean started;
        private long count;

        LimitedBody(long max, AtomicLong budget) {
            this.max = max;
            this.budget = budget;
        }

        boolean started() {
            return started;
        }

        void abandon() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            started = true;
            for (ByteBuffer b : items) {
                count += b.remaining();
                if (count > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                if (budget.addAndGet(-b.remaining()) < 0) {
                    subscription.cancel();
                    result.completeExceptionally(new OverBudget());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
