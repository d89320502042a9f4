package org.casebook.ui.capture;

/**
 * Makes WebView load pages through the JDK's URLConnection, which asks the JVM's proxy selector and cookie handler
 * afresh for every request. Its default loader (on the JDK's HTTP client) takes both once, when the first page loads,
 * and keeps them for the life of the JVM: a proxy set later would be ignored and the address revealed, and the
 * cookies of one browser session would land in the first session's store. The property is read once, when WebKit's
 * network layer starts, so every class that makes a WebView calls this first.
 */
final class WebKitNetwork {
    static final String LOADER_PROPERTY = "com.sun.webkit.useHTTP2Loader";

    private WebKitNetwork() {
    }

    static void useUrlConnection() {
        System.setProperty(LOADER_PROPERTY, "false");
    }
}
