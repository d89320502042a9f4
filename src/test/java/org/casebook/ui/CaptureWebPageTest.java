package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.web.WebView;
import javafx.stage.Window;
import org.casebook.evidence.CaptureStore;
import org.casebook.testsupport.TestWebServer;
import org.casebook.ui.common.Session;
import org.casebook.ui.detail.ItemDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capture web page in the app, against a real web server on 127.0.0.1: the warning before the first capture, each
 * resource listed as it is fetched, the new capture selected with its details, the archived page opened offline
 * (the server counts no request while it is viewed, even when a link in it is clicked), Cancel storing nothing,
 * Capture again saying "unchanged", and quick exit closing the viewer.
 */
class CaptureWebPageTest extends UiTestBase {
    private TestWebServer server;

    @BeforeEach
    void startServer() {
        server = TestWebServer.http();
        server.serve("/page.html", "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Posts about Alex</title>
                <meta http-equiv="refresh" content="1; url=/elsewhere.html">
                <link rel="stylesheet" href="/style.css">
                <script>document.title = 'changed by script';</script>
                <script src="/tracker.js"></script></head>
                <body><a id="big" href="/elsewhere.html" style="display:block;height:300px;background:#eef">
                I know where you live</a>
                <img src="/pixel.png" width="40" height="40"><iframe src="/frame.html"></iframe>
                <p>More lies about her.</p></body></html>""");
        server.serve("/style.css", "text/css", "@font-face{font-family:F;src:url(/font.woff)}"
                + " body{font-family:F,sans-serif;background:url(/bg.png)}");
        server.serve("/font.woff", "font/woff", new byte[] {0x77, 0x4f, 0x46, 0x46, 0, 1, 0, 0});
        server.serve("/bg.png", "image/png", TestWebServer.png(4, 4, Color.YELLOW));
        server.serve("/pixel.png", "image/png", TestWebServer.png(40, 40, Color.RED));
        server.serve("/tracker.js", "text/javascript", "new Image().src='/beacon';");
        server.serve("/frame.html", "text/html", "<p>framed</p>");
        server.serve("/elsewhere.html", "text/html", "<p>elsewhere</p>");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void capturesAPageAndShowsItOfflineWithoutOneRequest() {
        openSeededVaultDirectly();
        Session session = shell.session();
        Window dialog = openCaptureDialog();
        assertTrue(onFx(() -> dialog.getScene().lookup("#capture-first-warning") instanceof Label l
                && l.getText().contains("can tell its owner")), "the warning before the first capture");
        capture(dialog, server.url("/page.html"));
        waitUntil("the result", () -> dialog.getScene().lookup("#capture-result") != null);
        String result = onFx(() -> ((Label) dialog.getScene().lookup("#capture-result .capture-summary")).getText());
        assertTrue(result.contains("Posts about Alex") && result.contains("First capture"), result);
        waitUntil("the new capture selected in the detail pane", () -> capture() != null);
        ItemDetail.OfCapture shown = capture();
        assertEquals(server.url("/page.html"), shown.capture().requestedUrl());
        assertNotNull(shown.screenshot(), "the screenshot is shown");
        assertNotNull(shown.capture().htmlSha256());
        interact(() -> dialog.hide());
        shoot(stage.getScene(), "capture-detail.png");

        int before = server.requestCount();
        fireLater("#capture-open-archived");
        waitUntil("the archived page", () -> archivedView() != null);
        WebView view = archivedView();
        waitUntil("the page to load", () -> view.getEngine().getDocument() != null
                && view.getEngine().getDocument().getElementById("big") != null);
        sleep(1500); // long enough for the meta refresh (1 s) and any image or font to be asked for
        shoot(view.getScene(), "capture-archived.png");
        Bounds box = onFx(() -> view.localToScreen(view.getBoundsInLocal()));
        clickOn(box.getMinX() + 100, box.getMinY() + 60); // on the big link
        waitUntil("the link shown as text", () -> ((TextField) view.getScene().lookup("#archived-link"))
                .getText().endsWith("/elsewhere.html"));
        sleep(500);
        assertEquals(before, server.requestCount(), "no request while the archived page is viewed: "
                + server.requests().subList(before, server.requestCount()));
        assertTrue(onFx(() -> view.getEngine().getDocument().getElementById("big") != null),
                "still the archived copy, not the linked page");

        press(view.getScene().getWindow());
        waitUntil("the app to hide", () -> !stage.isShowing());
        assertFalse(onFx(() -> view.getScene().getWindow().isShowing()), "quick exit closed the viewer");
        assertFalse(session.vault().isOpen());
        interact(stage::show);
    }

    @Test
    void cancelStoresNothingAndCaptureAgainSaysUnchanged() {
        server.slow("/slow.png", "image/png", TestWebServer.png(4, 4, Color.BLUE), 4000);
        server.serve("/slowpage.html", "text/html", "<html><head><title>Slow</title></head><body>"
                + "<img src='/pixel.png'><img src='/slow.png'><p>Text</p></body></html>");
        openSeededVaultDirectly();
        Session session = shell.session();
        Window dialog = openCaptureDialog();
        capture(dialog, server.url("/slowpage.html"));
        waitUntil("a fetched resource listed", () -> !((ListView<?>) dialog.getScene().lookup("#capture-fetched"))
                .getItems().isEmpty());
        interact(() -> ((Button) dialog.getScene().lookup("#capture-cancel")).fire());
        waitUntil("the cancel said", () -> dialog.getScene().lookup("#capture-error") instanceof Label l
                && l.getText().startsWith("Cancelled"));
        assertTrue(new CaptureStore(session.vault()).noneYet(), "nothing stored");
        interact(() -> dialog.hide());

        Window first = openCaptureDialog();
        capture(first, server.url("/page.html"));
        waitUntil("the result", () -> first.getScene().lookup("#capture-result") != null);
        interact(first::hide);
        waitUntil("the capture in the detail pane", () -> capture() != null);
        long firstId = capture().item().id();
        fireLater("#capture-again");
        Window again = dialogWith("#capture-url");
        assertEquals(server.url("/page.html"), onFx(() -> ((TextField) again.getScene().lookup("#capture-url")).getText()));
        assertNull(onFx(() -> again.getScene().lookup("#capture-first-warning")), "warned only before the first");
        interact(() -> ((Button) again.getScene().lookup("#capture-start")).fire());
        waitUntil("the re-capture", () -> again.getScene().lookup("#capture-result") != null);
        String result = onFx(() -> ((Label) again.getScene().lookup("#capture-result .capture-summary")).getText());
        assertTrue(result.contains("unchanged"), result);
        interact(again::hide);
        waitUntil("the re-capture selected", () -> capture() != null && capture().item().id() != firstId);
        assertEquals("unchanged", capture().capture().verdict());
        assertEquals(2, capture().capture().captures().size(), "both captures of the address listed");
        Node siblings = onFx(() -> stage.getScene().lookup("#capture-siblings"));
        assertNotNull(siblings);
    }

    /**
     * The viewer's own guard, beside the stripping of the single-file copy: even a page with every remote
     * reference still in it (a copy from an older Casebook, a stripping that missed something) fetches nothing.
     */
    @Test
    void theViewerFetchesNothingEvenForAnUnstrippedPage() throws Exception {
        openSeededVaultDirectly();
        String raw = new String(server.body("/page.html"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"/", "\"" + server.url("/"));
        interact(() -> org.casebook.ui.capture.ArchivedPageWindow.open(shell, "Raw", server.url("/page.html"), raw));
        waitUntil("the archived page", () -> archivedView() != null);
        WebView view = archivedView();
        waitUntil("the page to load", () -> view.getEngine().getDocument() != null
                && view.getEngine().getDocument().getElementById("big") != null);
        sleep(2000);
        assertEquals(List.of(), server.requests(), "no request at all");
        Bounds box = onFx(() -> view.localToScreen(view.getBoundsInLocal()));
        clickOn(box.getMinX() + 100, box.getMinY() + 60);
        waitUntil("the link shown as text", () -> ((TextField) view.getScene().lookup("#archived-link"))
                .getText().endsWith("/elsewhere.html"));
        sleep(500);
        assertEquals(List.of(), server.requests(), "the link was not followed");
        settings.setAutoLockSecondsOverride(1);
        waitUntil("the auto-lock", this::startShown);
        assertFalse(onFx(() -> view.getScene().getWindow().isShowing()), "auto-lock closed the viewer");
    }

    /** With {@code -Dcasebook.capture.shots=DIR}, writes the window to DIR (the README's screenshots). */
    private void shoot(javafx.scene.Scene scene, String name) {
        String dir = System.getProperty("casebook.capture.shots");
        if (dir == null) {
            return;
        }
        javafx.scene.image.Image image = onFx(() -> scene.snapshot(null));
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage((int) image.getWidth(),
                (int) image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            javax.imageio.ImageIO.write(out, "png", folder.resolve(name).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Window openCaptureDialog() {
        clickOn("#capture-web-page");
        return dialogWith("#capture-url");
    }

    private void capture(Window dialog, String url) {
        interact(() -> ((TextField) dialog.getScene().lookup("#capture-url")).setText(url));
        interact(() -> ((Button) dialog.getScene().lookup("#capture-start")).fire());
    }

    private ItemDetail.OfCapture capture() {
        return onFx(() -> mainView().viewModel().detail().detailProperty().get() instanceof ItemDetail.OfCapture c
                ? c : null);
    }

    private WebView archivedView() {
        List<Window> windows = onFx(() -> List.copyOf(Window.getWindows()));
        for (Window w : windows) {
            Node n = onFx(() -> w.getScene() == null ? null : w.getScene().lookup("#archived-page"));
            if (n instanceof WebView v && onFx(w::isShowing)) {
                return v;
            }
        }
        return null;
    }

    private void press(Window window) {
        Node button = onFx(() -> window.getScene().getRoot().lookup("#quick-exit"));
        assertNotNull(button, "the viewer has its own Quick exit button");
        clickOn(button);
    }
}
