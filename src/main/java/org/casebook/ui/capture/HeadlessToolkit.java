package org.casebook.ui.capture;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit for a renderer used outside the desktop app (the command line), headless with
 * Monocle when there is no display, so {@code casebook capture} works on a server or over SSH. In the app (or a
 * test) the toolkit is already running and is used as it is.
 */
final class HeadlessToolkit {
    private static boolean started;

    private HeadlessToolkit() {
    }

    static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        if (System.getProperty("glass.platform") == null && noDisplay()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
            Platform.setImplicitExit(false); // closing the renderer's window must not stop the toolkit
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = true;
    }

    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return false;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display == null || display.isBlank()) && (wayland == null || wayland.isBlank());
    }
}
