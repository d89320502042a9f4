package org.casebook.ui.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casebook.vault.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the evidence browser keeps while it is open, and nothing after: its own in-memory cookie store, installed as
 * the JVM's cookie handler only while the browser is open (WebView asks that handler for every request), and the
 * folder WebView keeps its local storage and databases in, made beside the vault and deleted with everything in it
 * when the browser closes. Leftover folders of a browser that never closed (the computer lost power) are deleted the
 * next time one opens.
 */
final class BrowserSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);
    static final String FOLDER_PREFIX = ".casebook-browser-";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final CookieHandler before;
    private final Path dataFolder;
    private boolean closed;

    /** @param besideVault the folder the vault file is in */
    BrowserSession(Path besideVault) {
        sweep(besideVault);
        try {
            dataFolder = Files.createTempDirectory(besideVault, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("The browser's temporary folder could not be made beside the vault", e);
        }
        before = CookieHandler.getDefault();
        CookieHandler.setDefault(cookies);
    }

    CookieManager cookies() {
        return cookies;
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
        delete(dataFolder);
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
