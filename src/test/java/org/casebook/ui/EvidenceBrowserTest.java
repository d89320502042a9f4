package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import org.casebook.ui.detail.ItemDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evidence browser against a real web server on 127.0.0.1 that needs a login (a cookie): the person logs in,
 * sees the page, presses Capture this page and the capture is selected on the timeline; after the browser closes
 * no cookie, local storage or folder of it is left anywhere (the JVM's cookie handler is the one from before, the
 * browser's folder beside the vault is gone, and no file under the home or temporary folders holds what the page
 * stored); quick exit and auto-lock close it.
 */
class EvidenceBrowserTest extends UiTestBase {
    private static final String MARKER = "casebook-browser-marker-" + System.nanoTime();
    /** Shown only with the login cookie; a script adds a line a moment after the page has loaded. */
    private static final String ACCOUNT_PAGE = "<html><head><title>Account of Sam</title></head><body>"
            + "<p id=who>Welcome Sam</p><script>localStorage.setItem('k', '" + MARKER + "');"
            + "window.addEventListener('load', () => setTimeout(() => document.body.insertAdjacentHTML('beforeend',"
            + " '<p id=added>Threat posted at 22:14</p>'), 200));</script></body></html>";
    /** A feed that loads its older posts (text and a picture) only when the person scrolls to its end. */
    private static final String FEED_PAGE = "<html><head><title>Feed</title></head><body style='margin:0'>"
            + "<p id=first>Newest post</p><div style='height:3000px'></div><div id=end></div><script>"
            + "window.addEventListener('scroll', () => { if (!document.getElementById('older')"
            + " && window.scrollY + window.innerHeight >= document.body.scrollHeight - 50) {"
            + " document.getElementById('end').insertAdjacentHTML('beforeend', '<p id=older>Older post: I followed"
            + " you home</p><img id=late src=/late.png width=30 height=20>'); } });</script></body></html>";
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    /** Stands for a site's WebSocket endpoint: it only counts the connections made to it. */
    private java.net.ServerSocket webSockets;
    private final java.util.concurrent.atomic.AtomicInteger webSocketConnections =
            new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        server.createContext("/", this::handle);
        server.start();
        webSockets = new java.net.ServerSocket(0, 20, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!webSockets.isClosed()) {
                try {
                    java.net.Socket s = webSockets.accept();
                    webSocketConnections.incrementAndGet();
                    s.close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-websocket-endpoint");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        org.testfx.util.WaitForAsyncUtils.clearExceptions();
        org.testfx.util.WaitForAsyncUtils.autoCheckException = true;
        server.stop(0);
        webSockets.close();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String cookie = x.getRequestHeaders().getFirst("Cookie");
        requests.add(path + " cookie=" + cookie);
        String body;
        if (path.equals("/login")) {
            x.getResponseHeaders().add("Set-Cookie", "session=s3cret; Path=/");
            x.getResponseHeaders().add("Location", "/account");
            x.sendResponseHeaders(302, -1);
            x.close();
            return;
        }
        if (path.equals("/late.png")) {
            byte[] png = org.casebook.testsupport.TestWebServer.png(30, 20, java.awt.Color.GREEN);
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, png.length);
            x.getResponseBody().write(png);
            x.close();
            return;
        }
        if (path.equals("/feed")) {
            body = FEED_PAGE;
        } else if (path.equals("/live")) {
            body = "<html><body><p id=state>connecting</p><script>var ws = new WebSocket('ws://127.0.0.1:"
                    + webSockets.getLocalPort() + "/chat'); ws.onopen = () => state.textContent = 'open';"
                    + " ws.onerror = ws.onclose = () => state.textContent = 'closed';</script></body></html>";
        } else if (path.equals("/account") && cookie != null && cookie.contains("session=s3cret")) {
            body = ACCOUNT_PAGE;
        } else {
            body = "<html><head><title>Log in</title></head><body><p id=who>Please log in</p></body></html>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void browsesWithALoginCapturesAndLeavesNothingBehind() throws Exception {
        Path vault = openSeededVaultDirectly();
        WebView view = openBrowser(url("/login"));
        waitUntil("the logged-in page", () -> text(view, "who").equals("Welcome Sam"));
        assertTrue(CookieHandler.getDefault() instanceof java.net.CookieManager m
                && !m.getCookieStore().getCookies().isEmpty(), "the browser's own cookie store holds the login");
        waitUntil("the line the script adds", () -> text(view, "added").equals("Threat posted at 22:14"));
        Path folder = onlyBrowserFolder(vault.getParent());

        interact(() -> ((Button) view.getScene().lookup("#browser-capture")).fire());
        waitUntil("the capture", () -> ((Label) view.getScene().lookup("#browser-status")).getText()
                .startsWith("Captured:"));
        waitUntil("the capture selected", () -> mainView().viewModel().detail().detailProperty().get()
                instanceof ItemDetail.OfCapture c && c.capture().requestedUrl().equals(url("/account")));

        // The copy is the page as shown (logged in, with what the script added); the WARC what the site sent.
        var shown = ((ItemDetail.OfCapture) mainView().viewModel().detail().detailProperty().get()).capture();
        var store = new org.casebook.evidence.CaptureStore(shell.session().vault());
        String copy = new String(store.file(shown.htmlSha256()), StandardCharsets.UTF_8);
        assertTrue(copy.contains("Welcome Sam") && copy.contains("Threat posted at 22:14"), copy);
        assertFalse(copy.toLowerCase(java.util.Locale.ROOT).contains("<script"), "no script in the copy");
        long caseId = mainView().viewModel().selectedCaseProperty().get().id();
        String searchable = store.latest(caseId, url("/account")).orElseThrow().text();
        assertTrue(searchable.contains("Welcome Sam") && searchable.contains("Threat posted at 22:14"), searchable);
        byte[] warc = store.file(shown.warcSha256());
        java.util.List<String> notes = new ArrayList<>();
        byte[] servedPage = null;
        try (var reader = new org.netpreserve.jwarc.WarcReader(new java.io.ByteArrayInputStream(warc))) {
            for (org.netpreserve.jwarc.WarcRecord r : reader) {
                if (r instanceof org.netpreserve.jwarc.WarcResponse resp
                        && resp.target().equals(url("/account"))) {
                    servedPage = resp.http().body().stream().readAllBytes();
                } else if (r instanceof org.netpreserve.jwarc.WarcMetadata m) {
                    notes.add(new String(m.body().stream().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(ACCOUNT_PAGE, servedPage == null ? null : new String(servedPage, StandardCharsets.UTF_8),
                "the WARC holds the bytes the site sent to the logged-in browser");
        assertTrue(notes.stream().anyMatch(n -> n.contains("casebook-rendered-dom")
                && n.contains("rendered DOM")), String.join("\n", notes));

        interact(() -> view.getScene().getWindow().hide());
        CookieHandler after = CookieHandler.getDefault();
        assertFalse(after instanceof java.net.CookieManager, "the browser's own cookie store is no longer installed");
        if (after != null) {
            assertEquals(List.of(), after.get(java.net.URI.create(url("/account")), java.util.Map.of())
                    .getOrDefault("Cookie", List.of()), "the login cookie is in no cookie handler left behind");
        }
        // WebKit may write its local storage once more after the window is gone (recreating the folder); the browser
        // deletes its folder again after that, within ten seconds of closing
        long gone = System.nanoTime() + 12_000_000_000L;
        while (Files.exists(folder) && System.nanoTime() < gone) {
            sleep(250);
        }
        assertFalse(Files.exists(folder), "the browser's folder is deleted");
        try (Stream<Path> left = Files.list(vault.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".casebook-browser-"))
                    .toList());
        }
        for (Path root : List.of(Path.of(System.getProperty("user.home")), Path.of(System.getProperty("java.io.tmpdir")))) {
            long until = System.nanoTime() + 12_000_000_000L;
            while (!filesHolding(root, MARKER).isEmpty() && System.nanoTime() < until) {
                sleep(250);
            }
            assertEquals(List.of(), filesHolding(root, MARKER), "nothing the page stored is left under " + root);
        }

        // A new browser starts logged out: no cookie survived.
        WebView again = openBrowser(url("/account"));
        waitUntil("the page", () -> !text(again, "who").isEmpty());
        assertEquals("Please log in", text(again, "who"));
        Node quickExit = onFx(() -> again.getScene().getRoot().lookup("#quick-exit"));
        assertNotNull(quickExit, "the browser has its own Quick exit button");
        clickOn(quickExit);
        waitUntil("the app to hide", () -> !stage.isShowing());
        assertFalse(onFx(() -> again.getScene().getWindow().isShowing()), "quick exit closed the browser");
        assertFalse(CookieHandler.getDefault() instanceof java.net.CookieManager);
        interact(stage::show);
    }

    /** What appears only after the person scrolls is in the capture: the copy, the text searched and the WARC. */
    @Test
    void whatAppearsOnlyAfterScrollingIsCaptured() throws Exception {
        openSeededVaultDirectly();
        WebView view = openBrowser(url("/feed"));
        waitUntil("the feed", () -> text(view, "first").equals("Newest post"));
        assertEquals("", text(view, "older"), "nothing older before scrolling");
        clickOn(view); // into the page, as a person does before scrolling it with the keyboard
        for (int i = 0; i < 20 && text(view, "older").isEmpty(); i++) {
            type(javafx.scene.input.KeyCode.PAGE_DOWN);
            sleep(100);
        }
        waitUntil("the older post, loaded by scrolling", () -> text(view, "older").startsWith("Older post"));
        waitUntil("its picture", () -> onFx(() -> Boolean.TRUE.equals(view.getEngine().executeScript(
                "document.getElementById('late').complete"))));

        interact(() -> ((Button) view.getScene().lookup("#browser-capture")).fire());
        waitUntil("the capture", () -> ((Label) view.getScene().lookup("#browser-status")).getText()
                .startsWith("Captured:"));
        waitUntil("the capture selected", () -> mainView().viewModel().detail().detailProperty().get()
                instanceof ItemDetail.OfCapture c && c.capture().requestedUrl().equals(url("/feed")));
        var shown = ((ItemDetail.OfCapture) mainView().viewModel().detail().detailProperty().get()).capture();
        var store = new org.casebook.evidence.CaptureStore(shell.session().vault());
        String copy = new String(store.file(shown.htmlSha256()), StandardCharsets.UTF_8);
        assertTrue(copy.contains("Older post: I followed you home"), copy);
        assertTrue(copy.contains("data:image/png"), "the picture loaded by scrolling is in the copy");
        long caseId = mainView().viewModel().selectedCaseProperty().get().id();
        assertTrue(store.latest(caseId, url("/feed")).orElseThrow().text().contains("I followed you home"));
        assertTrue(shown.keptResources().stream().anyMatch(r -> url("/late.png").equals(r.get("url"))),
                shown.resources().toString());
        interact(() -> view.getScene().getWindow().hide());
    }

    @Test
    void autoLockClosesTheBrowser() {
        Path vault = openSeededVaultDirectly();
        WebView view = openBrowser(url("/account"));
        waitUntil("the page", () -> !text(view, "who").isEmpty());
        settings.setAutoLockSecondsOverride(1);
        waitUntil("the auto-lock", this::startShown);
        assertFalse(onFx(() -> view.getScene().getWindow().isShowing()), "auto-lock closed the browser");
        try (Stream<Path> left = Files.list(vault.getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".casebook-browser-"))
                    .toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void escapeTwiceInTheBrowserIsQuickExit() {
        openSeededVaultDirectly();
        WebView view = openBrowser(url("/account"));
        waitUntil("the page", () -> !text(view, "who").isEmpty());
        interact(() -> view.getScene().getWindow().requestFocus());
        interact(() -> ((TextField) view.getScene().lookup("#browser-address")).requestFocus());
        type(javafx.scene.input.KeyCode.ESCAPE, javafx.scene.input.KeyCode.ESCAPE);
        waitUntil("the app to hide", () -> !stage.isShowing());
        assertFalse(onFx(() -> view.getScene().getWindow().isShowing()), "Esc twice closed the browser");
        interact(stage::show);
    }

    @Test
    void withAnHttpProxySetEveryRequestOfTheBrowserGoesThroughIt() {
        openSeededVaultDirectly();
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        try (org.casebook.testsupport.TestProxies proxy = org.casebook.testsupport.TestProxies.http()) {
            settings.captureProxyProperty().set(proxy.url());
            WebView view = openBrowser(url("/login"));
            waitUntil("the logged-in page", () -> text(view, "who").equals("Welcome Sam"));
            List<String> served = served();
            assertTrue(served.size() >= 2, "the login redirect and the account page: " + served);
            assertEquals(served.size(), proxy.seen().size(), "each request the site served came through the proxy: "
                    + proxy.seen() + " / " + served);
            assertTrue(proxy.seen().contains("GET " + url("/account")), proxy.seen().toString());
            interact(() -> view.getScene().getWindow().hide());
        }
        assertEquals(before, java.net.ProxySelector.getDefault(), "the JVM's proxy selector is the one from before");
    }

    /**
     * With a proxy set, a page's WebSocket is not opened at all: WebView would look its host's name up on this
     * computer first (no proxy sees that) and, were the proxy to refuse it, connect directly. Neither the proxy nor
     * the site's endpoint is asked; the page itself still comes through the proxy.
     */
    @Test
    void withAProxySetAWebSocketIsNotOpened() {
        org.testfx.util.WaitForAsyncUtils.autoCheckException = false;
        openSeededVaultDirectly();
        try (org.casebook.testsupport.TestProxies proxy = org.casebook.testsupport.TestProxies.http()) {
            settings.captureProxyProperty().set(proxy.url());
            WebView view = openBrowser(url("/live"));
            waitUntil("the page, through the proxy", () -> text(view, "state").length() > 0);
            sleep(2000);
            assertTrue(proxy.seen().contains("GET " + url("/live")), proxy.seen().toString());
            assertFalse(proxy.seen().contains("CONNECT 127.0.0.1:" + webSockets.getLocalPort()), proxy.seen().toString());
            assertEquals(0, webSocketConnections.get(), "the WebSocket's endpoint was reached");
            interact(() -> view.getScene().getWindow().hide());
        }
    }

    /**
     * A proxy that will not tunnel a WebSocket: WebView's own WebSocket code would then connect directly, around the
     * proxy. It must not: the WebSocket fails and the site's endpoint is never reached.
     */
    @Test
    void whenTheProxyRefusesAWebSocketItIsNotMadeDirectly() {
        // WebView 21 makes the connection, then fails to tell the page (its native side lacks twkDidOpen): the
        // error lands on the FX thread and is not this test's concern, the connection is
        org.testfx.util.WaitForAsyncUtils.autoCheckException = false;
        openSeededVaultDirectly();
        try (org.casebook.testsupport.TestProxies proxy = org.casebook.testsupport.TestProxies.httpRefusingTunnels()) {
            settings.captureProxyProperty().set(proxy.url());
            WebView view = openBrowser(url("/live"));
            waitUntil("the page, through the proxy", () -> text(view, "state").length() > 0);
            sleep(2000);
            org.testfx.util.WaitForAsyncUtils.clearExceptions();
            assertEquals(0, webSocketConnections.get(), "the endpoint was reached around the proxy");
            interact(() -> view.getScene().getWindow().hide());
        }
    }

    @Test
    void withASocksProxySetTheBrowserGoesThroughItAndTheProxyLooksNamesUp() {
        openSeededVaultDirectly();
        java.net.ProxySelector before = java.net.ProxySelector.getDefault();
        try (org.casebook.testsupport.TestProxies proxy = org.casebook.testsupport.TestProxies.socks()) {
            settings.captureProxyProperty().set(proxy.url());
            String byName = "http://localhost:" + server.getAddress().getPort();
            WebView view = openBrowser(byName + "/login");
            waitUntil("the logged-in page", () -> text(view, "who").equals("Welcome Sam"));
            assertTrue(served().size() >= 2, served().toString());
            assertFalse(proxy.seen().isEmpty(), "the browser's connections went through the SOCKS proxy");
            // The SOCKS proxy was given the name, not an address: the name was not looked up on this computer.
            assertEquals(List.of("localhost:" + server.getAddress().getPort()),
                    proxy.seen().stream().distinct().toList());
            interact(() -> view.getScene().getWindow().hide());
        }
        assertEquals(before, java.net.ProxySelector.getDefault(), "the JVM's proxy selector is the one from before");
    }

    @Test
    void withoutAProxyTheBrowserGoesDirect() {
        openSeededVaultDirectly();
        try (org.casebook.testsupport.TestProxies proxy = org.casebook.testsupport.TestProxies.http()) {
            settings.captureProxyProperty().set("");
            WebView view = openBrowser(url("/login"));
            waitUntil("the logged-in page", () -> text(view, "who").equals("Welcome Sam"));
            assertTrue(served().size() >= 2, served().toString());
            assertEquals(List.of(), proxy.seen());
            interact(() -> view.getScene().getWindow().hide());
        }
    }

    private synchronized List<String> served() {
        return List.copyOf(requests);
    }

    /** Through Capture web page's link, as a person opens it. */
    private WebView openBrowser(String address) {
        clickOn("#capture-web-page");
        Window dialog = dialogWith("#capture-url");
        interact(() -> ((TextField) dialog.getScene().lookup("#capture-url")).setText(address));
        interact(() -> ((Hyperlink) dialog.getScene().lookup("#capture-open-browser")).fire());
        waitUntil("the browser", () -> browser() != null);
        return browser();
    }

    private WebView browser() {
        for (Window w : onFx(() -> List.copyOf(Window.getWindows()))) {
            Node n = onFx(() -> w.isShowing() && w.getScene() != null ? w.getScene().lookup("#browser-page") : null);
            if (n instanceof WebView v) {
                return v;
            }
        }
        return null;
    }

    private String text(WebView view, String id) {
        return onFx(() -> {
            var doc = view.getEngine().getDocument();
            var e = doc == null ? null : doc.getElementById(id);
            return e == null ? "" : e.getTextContent();
        });
    }

    private Path onlyBrowserFolder(Path vaultFolder) throws IOException {
        try (Stream<Path> s = Files.list(vaultFolder)) {
            List<Path> folders = s.filter(p -> p.getFileName().toString().startsWith(".casebook-browser-")).toList();
            assertEquals(1, folders.size(), "one browser folder beside the vault while it is open: " + folders);
            return folders.get(0);
        }
    }

    /** Files under {@code root} (not too deep, small files only) whose bytes hold {@code marker} in UTF-8 or UTF-16. */
    private static List<Path> filesHolding(Path root, String marker) throws IOException {
        byte[] utf8 = marker.getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = marker.getBytes(StandardCharsets.UTF_16LE);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 6)) {
            files.filter(p -> !p.toString().contains("/.m2/") && !p.toString().contains("/.rustup/")
                    && !p.toString().contains("/.pyenv/") && !p.toString().contains("/.cargo/")
                    && !p.toString().contains("/.npm/"))
                    .filter(Files::isRegularFile).forEach(p -> {
                        try {
                            if (Files.size(p) < 8_000_000) {
                                byte[] b = Files.readAllBytes(p);
                                if (indexOf(b, utf8) >= 0 || indexOf(b, utf16) >= 0) {
                                    out.add(p);
                                }
                            }
                        } catch (IOException | SecurityException e) {
                            // a file another process removed or locked meanwhile
                        }
                    });
        } catch (java.io.UncheckedIOException e) {
            // a folder removed while walking (other tests use the temporary folder too)
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
