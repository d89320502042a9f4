package org.casebook.ui.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casebook.capture.ProxyRoute;
import org.casebook.vault.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the evidence browser keeps while it is open, and nothing after: its own in-memory cookie store, installed as
 * the JVM's cookie handler only while the browser is open (WebView asks that handler for every request), and the
 * folder WebView keeps its local storage and databases in, made beside the vault and deleted with everything in it
 * when the browser closes. Leftover folders of a browser that never closed (the computer lost power) are deleted the
 * next time one opens.
 *
 * <p>With a proxy set, every web request of the browser goes through it while the browser is open: its route is
 * installed as the JVM's proxy selector (WebView asks it for every request, see {@link WebKitNetwork}) and the one
 * from before is put back when the browser closes.
 */
final class BrowserSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);
    static final String FOLDER_PREFIX = ".casebook-browser-";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler before;
    private final URI proxy;
    private final ProxyRoute route;
    private final ProxySelector proxySelector;
    private final ProxySelector selectorBefore;
    private final Path dataFolder;
    private boolean closed;

    /**
     * @param besideVault the folder the vault file is in
     * @param proxy       the proxy set in the settings, or null for a direct connection
     */
    BrowserSession(Path besideVault, URI proxy) {
        sweep(besideVault);
        try {
            dataFolder = Files.createTempDirectory(besideVault, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("The browser's temporary folder could not be made beside the vault", e);
        }
        before = CookieHandler.getDefault();
        CookieHandler.setDefault(cookies);
        this.proxy = proxy;
        selectorBefore = ProxySelector.getDefault();
        if (proxy != null) {
            route = ProxyRoute.to(proxy);
            proxySelector = route.selector(selectorBefore);
            ProxySelector.setDefault(proxySelector);
        } else {
            route = null;
            proxySelector = null;
        }
    }

    CookieManager cookies() {
        return cookies;
    }

    /** The proxy as the person may see it: its kind, host and port (never a password written into it). */
    String proxyShown() {
        return proxy == null ? "" : proxy.getScheme() + "://" + proxy.getHost() + ":" + proxy.getPort();
    }

    Path dataFolder() {
        return dataFolder;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cookies.getCookieStore().removeAll();
        if (CookieHandler.getDefault() == cookies) {
            CookieHandler.setDefault(before);
        }
        if (route != null) {
            if (ProxySelector.getDefault() == proxySelector) {
                ProxySelector.setDefault(selectorBefore);
            }
            route.close();
        }
        delete(dataFolder);
        deleteAgainAfterWebKitFlushes(dataFolder);
    }

    /**
     * WebKit writes local storage on a timer of its own (about once a second), and a page closed right after it
     * stored something is written once more after the window is gone, making the folder again: so it is deleted
     * again after that.
     */
    private static void deleteAgainAfterWebKitFlushes(Path folder) {
        Thread later = new Thread(() -> {
            for (long wait : new long[] {1_500, 3_500, 5_000}) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (Files.exists(folder)) {
                    delete(folder);
                }
            }
        }, "casebook-browser-cleanup");
        later.setDaemon(true);
        later.start();
    }

    /** Folders of earlier browser sessions that did not close. */
    private static void sweep(Path folder) {
        try (var stale = Files.newDirectoryStream(folder, FOLDER_PREFIX + "*")) {
            for (Path p : stale) {
                delete(p);
            }
        } catch (IOException e) {
            LOG.warn("could not look for leftover browser folders: {}", e.getClass().getSimpleName());
        }
    }

    static void delete(Path root) {
        try {
            PrivateFiles.deleteTree(root);
        } catch (IOException e) {
            LOG.warn("could not delete the browser's folder: {}", e.getClass().getSimpleName());
        }
    }
}
