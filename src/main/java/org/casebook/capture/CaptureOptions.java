package org.casebook.capture;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.casebook.vault.VaultException;

/**
 * How to capture: the user's note, how deep to follow a site's links, the proxy every request goes through,
 * the limits, and the TLS trust. {@code sslContext} is null for the JVM's default trust (the system's
 * certificate authorities); a caller may pass its own (the tests trust their own self-signed server this way),
 * never one that trusts everything.
 *
 * @param depth    0 = the page alone; N = also pages linked from it on the same host, up to N links away
 * @param maxPages at most this many pages in a site capture
 * @param proxy    {@code http://host:port} or {@code socks://host:port} (SOCKS5, names resolved by the proxy),
 *                 or null for a direct connection
 * @param cookies  the cookies to send (and keep) with every request, or null for none: the evidence browser's own
 *                 store, so a page behind a login is fetched as the person sees it. They are sent, never written
 *                 into the WARC (a login cookie in an exhibit would let its reader act as the person).
 */
public record CaptureOptions(String note, int depth, int maxPages, URI proxy, CaptureLimits limits,
                             SSLContext sslContext, CookieHandler cookies) {
    public static final int DEFAULT_MAX_PAGES = 50;

    public CaptureOptions {
        if (depth < 0) {
            throw VaultException.badInput("--depth must be 0 or more, not " + depth + ".");
        }
        if (maxPages < 1) {
            throw VaultException.badInput("--max-pages must be 1 or more, not " + maxPages + ".");
        }
        limits = limits == null ? CaptureLimits.DEFAULT : limits;
    }

    public static CaptureOptions defaults() {
        return new CaptureOptions(null, 0, DEFAULT_MAX_PAGES, null, CaptureLimits.DEFAULT, null, null);
    }

    public CaptureOptions withNote(String text) {
        return new CaptureOptions(text, depth, maxPages, proxy, limits, sslContext, cookies);
    }

    public CaptureOptions withSite(int newDepth, int newMaxPages) {
        return new CaptureOptions(note, newDepth, newMaxPages, proxy, limits, sslContext, cookies);
    }

    public CaptureOptions withProxy(URI newProxy) {
        return new CaptureOptions(note, depth, maxPages, newProxy, limits, sslContext, cookies);
    }

    public CaptureOptions withLimits(CaptureLimits newLimits) {
        return new CaptureOptions(note, depth, maxPages, proxy, newLimits, sslContext, cookies);
    }

    public CaptureOptions withSslContext(SSLContext context) {
        return new CaptureOptions(note, depth, maxPages, proxy, limits, context, cookies);
    }

    public CaptureOptions withCookies(CookieHandler handler) {
        return new CaptureOptions(note, depth, maxPages, proxy, limits, sslContext, handler);
    }

    /** Reads a proxy as the user writes it: {@code http://127.0.0.1:8080}, {@code socks5://127.0.0.1:9150}. */
    public static URI parseProxy(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw VaultException.badInput("--proxy " + text + " is not a proxy address; write it as "
                    + "http://HOST:PORT or socks5://HOST:PORT (the Tor Browser's is socks5://127.0.0.1:9150).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.startsWith("socks")) || uri.getHost() == null || uri.getPort() < 1) {
            throw VaultException.badInput("--proxy " + text + " is not a proxy address; write it as "
                    + "http://HOST:PORT or socks5://HOST:PORT (the Tor Browser's is socks5://127.0.0.1:9150).");
        }
        return uri;
    }
}
