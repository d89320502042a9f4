package org.casebook.capture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The way to the proxy the user set, as an HTTP proxy every Java HTTP stack can use: the proxy itself when it is an
 * HTTP one, else a {@link SocksBridge} on loopback to the SOCKS one. Neither the JDK's HTTP client (it skips SOCKS
 * proxies) nor its URLConnection (it looks the site's name up on this computer before asking a SOCKS proxy) can be
 * trusted with a SOCKS proxy directly; through the bridge, host names go to the SOCKS proxy unresolved, so no DNS
 * lookup leaves this computer either. Open while a capture or the evidence browser runs; close it after.
 */
public final class ProxyRoute implements AutoCloseable {
    private final InetSocketAddress httpProxy;
    private final SocksBridge bridge;

    private ProxyRoute(InetSocketAddress httpProxy, SocksBridge bridge) {
        this.httpProxy = httpProxy;
        this.bridge = bridge;
    }

    /** @param proxy as {@link CaptureOptions#parseProxy} reads it: {@code http://…} or {@code socks…://…} */
    public static ProxyRoute to(URI proxy) {
        if (proxy.getScheme().toLowerCase(Locale.ROOT).startsWith("socks")) {
            SocksBridge bridge = SocksBridge.start(new InetSocketAddress(proxy.getHost(), proxy.getPort()));
            return new ProxyRoute(bridge.address(), bridge);
        }
        return new ProxyRoute(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort()), null);
    }

    /** The HTTP proxy to send every request to. */
    public InetSocketAddress httpProxy() {
        return httpProxy;
    }

    /**
     * A selector that sends every http and https request through this route, whatever the host (loopback and local
     * names included: a site may be reached by any name), and leaves anything else (plain sockets, such as the one
     * to the proxy itself) to {@code others}.
     *
     * <p>WebView's WebSocket code is refused outright: it asks for the bare "http://host" (no path; page loads ask
     * with theirs), then looks the name up on this computer before handing it to the proxy, and connects directly
     * when the proxy will not carry it. (WebView 21 cannot deliver a WebSocket's messages to the page anyway.)
     */
    public ProxySelector selector(ProxySelector others) {
        Proxy viaRoute = new Proxy(Proxy.Type.HTTP, httpProxy);
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("http") || scheme.equals("https")) {
                    if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                        throw new ProxyRefusedException("A WebSocket to " + uri.getHost() + " is not opened while"
                                + " captures go through a proxy.", null);
                    }
                    return List.of(viaRoute);
                }
                return others == null ? List.of(Proxy.NO_PROXY) : others.select(uri);
            }

            /**
             * Where a caller would go around the proxy after it failed (WebView's WebSocket code does, and it tells
             * this selector first), failing here stops it; page loads, which ask with a path, fail on their own.
             */
            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                    return;
                }
                throw new ProxyRefusedException("The proxy did not carry a connection to " + uri.getHost()
                        + "; it is not made without the proxy.", e);
            }
        };
    }

    /** Thrown where a caller would otherwise go around the proxy. */
    public static final class ProxyRefusedException extends java.io.UncheckedIOException {
        ProxyRefusedException(String message, IOException cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        if (bridge != null) {
            bridge.close();
        }
    }
}
