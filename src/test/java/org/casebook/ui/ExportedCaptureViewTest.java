package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.casebook.cli.CasebookCommand;
import org.casebook.testsupport.TestWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The single-file HTML that {@code casebook export} writes for a capture, opened the way its recipient would open
 * it: a plain WebView (JavaScript on, no Casebook viewer around it) loading the file. The page named its server on
 * 127.0.0.1 by full address everywhere it could (stylesheet, import, font, images, srcset, tracking pixel, inline
 * and remote scripts, frame, object, media, form, meta refresh), so anything left pointing at it would reach it:
 * the server counts zero requests while the copy is open, no script runs, and every picture is carried inside. The
 * same holds with the copy's content security policy taken out: the copy is self-contained, not merely guarded.
 */
class ExportedCaptureViewTest extends UiTestBase {
    private static final String CLI_PASSPHRASE = "copper meadow violin 815";
    private TestWebServer server;

    @BeforeEach
    void startServer() {
        server = TestWebServer.http();
        String at = server.url("");
        server.serve("/page.html", "text/html; charset=utf-8", """
                <!doctype html><html><head><title>Posts about her</title>
                <meta http-equiv="refresh" content="1; url=%1$s/refreshed.html">
                <link rel="stylesheet" href="%1$s/style.css">
                <link rel="preload" href="%1$s/preload.png" as="image">
                <link rel="icon" href="%1$s/favicon.png">
                <script>new Image().src = '%1$s/beacon-inline'; document.title = 'changed by a script';</script>
                <script src="%1$s/tracker.js"></script></head>
                <body background="%1$s/body-bg.png">
                <h1 id="heading">Everything about her</h1>
                <p style="background-image:url('%1$s/inline-bg.png')">Photos below.</p>
                <img id="photo" src="%1$s/photo.png" srcset="%1$s/photo.png 1x, %1$s/photo-2x.png 2x" alt="photo">
                <img id="pixel" src="%1$s/pixel.gif?who=victim" width="1" height="1" alt="">
                <noscript><img id="noscript" src="%1$s/noscript.gif" alt=""></noscript>
                <video poster="%1$s/poster.png" src="%1$s/clip.mp4"></video>
                <audio src="%1$s/sound.mp3" autoplay></audio>
                <object data="%1$s/object.swf"></object><embed src="%1$s/embed.swf">
                <svg width="10" height="10"><image href="%1$s/svg-image.png" width="10" height="10"/></svg>
                <input type="image" src="%1$s/button.png" alt="go">
                <iframe src="%1$s/frame.html"></iframe>
                <form action="%1$s/collect"><input name="q" value="x"><input type="submit"></form>
                <a id="out" href="%1$s/other.html" onmouseover="location='%1$s/hover'">another page</a>
                <img src="x" onerror="new Image().src='%1$s/beacon-onerror'">
                </body></html>""".formatted(at.endsWith("/") ? at.substring(0, at.length() - 1) : at));
        server.serve("/style.css", "text/css", "@import url(\"" + server.url("/more.css") + "\");"
                + " @font-face { font-family: Hand; src: url(\"" + server.url("/font.woff2") + "\") format(\"woff2\"); }"
                + " body { font-family: Hand, sans-serif; background: url(" + server.url("/bg.png") + ") repeat-x; }");
        server.serve("/more.css", "text/css", "h1 { color: #c00; background: url(" + server.url("/h1-bg.png") + "); }");
        server.serve("/font.woff2", "font/woff2", "wOF2 not a real font".getBytes(StandardCharsets.US_ASCII));
        for (String png : List.of("/preload.png", "/favicon.png", "/body-bg.png", "/inline-bg.png", "/photo.png",
                "/photo-2x.png", "/poster.png", "/svg-image.png", "/button.png", "/bg.png", "/h1-bg.png")) {
            server.serve(png, "image/png", TestWebServer.png(20, 20, Color.RED));
        }
        server.serve("/pixel.gif", "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'});
        server.serve("/noscript.gif", "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0,
                ';'});
        server.serve("/tracker.js", "application/javascript", "new Image().src = '" + server.url("/beacon-remote")
                + "';");
        server.serve("/frame.html", "text/html", "<p>framed</p>");
        server.serve("/other.html", "text/html", "<p>other</p>");
        server.serve("/refreshed.html", "text/html", "<p>refreshed</p>");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theExportedCopyOpenedInAPlainWebViewMakesNoRequestAndRunsNoScript() throws IOException {
        String vault = temp.resolve("export.casebook").toString();
        cli("init", "--vault", vault);
        String caseId = cli("case", "add", "--vault", vault, "--title", "Web case", "--initials", "WC").strip();
        cli("capture", "--vault", vault, "--case", caseId, server.url("/page.html"));
        assertTrue(server.requests().contains("/photo.png"), "the capture fetched the page's pictures");
        Path out = temp.resolve("exported");
        cli("export", "--vault", vault, "--case", caseId, "--to", out.toString());
        Path html;
        try (Stream<Path> files = Files.walk(out)) {
            html = files.filter(p -> p.getFileName().toString().endsWith(".html")).findFirst()
                    .orElseThrow(() -> new AssertionError("no single-file HTML in the export"));
        }

        assertTrue(server.requests().contains("/h1-bg.png"), "the capture fetched what the imported stylesheet names");

        String copy = Files.readString(html);
        assertTrue(copy.contains("Content-Security-Policy"), "the copy carries its policy");
        assertTrue(!copy.contains("@import"), "an imported stylesheet is written into the copy, rewritten, never"
                + " imported (from a data: URL still naming its own remote pictures)");
        openAndCountRequests(html);
        // Self-contained without its policy too: a reader that ignores the policy must find nothing to fetch either
        Path withoutPolicy = temp.resolve("without-policy.html");
        Files.writeString(withoutPolicy, copy.replaceAll("(?i)<meta http-equiv=\"Content-Security-Policy\"[^>]*>", ""));
        openAndCountRequests(withoutPolicy);
    }

    /** Opens {@code file} in a plain WebView and asserts nothing reached the server and no script ran. */
    private void openAndCountRequests(Path file) {
        int before = server.requestCount();
        WebView view = onFx(() -> {
            WebView v = new WebView(); // JavaScript on, as in the recipient's browser
            Stage window = new Stage();
            window.setScene(new Scene(v, 900, 700));
            window.show();
            v.getEngine().load(file.toUri().toString());
            return v;
        });
        waitUntil("the exported copy to load", () -> view.getEngine().getLoadWorker().getState()
                == Worker.State.SUCCEEDED);
        sleep(2500); // past the meta refresh (1 s), long enough for any picture, font or frame to be asked for
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), server.requests().subList(before, server.requestCount()),
                "requests reached the server while " + file.getFileName() + " was open");
        assertEquals(file.toUri().toString(), onFx(() -> view.getEngine().getLocation()), "still the copy");
        assertEquals("Posts about her", onFx(() -> view.getEngine().getTitle()), "no script ran");
        List<String> pictures = onFx(() -> {
            List<String> sources = new ArrayList<>();
            NodeList images = view.getEngine().getDocument().getElementsByTagName("img");
            for (int i = 0; i < images.getLength(); i++) {
                sources.add(((Element) images.item(i)).getAttribute("src"));
            }
            return sources;
        });
        assertTrue(pictures.stream().anyMatch(s -> s.startsWith("data:image/png")), "the photo is carried inside: "
                + pictures);
        assertTrue(pictures.stream().allMatch(s -> s.isEmpty() || s.startsWith("data:")), "only pictures carried"
                + " inside: " + pictures);
        assertEquals(0, (int) onFx(() -> view.getEngine().getDocument().getElementsByTagName("script").getLength()),
                "no script in the copy");
        interact(() -> view.getScene().getWindow().hide());
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CasebookCommand.run(args, Map.of("CASEBOOK_PASSPHRASE", CLI_PASSPHRASE),
                    new ByteArrayInputStream(new byte[0]), o, e);
        }
        assertEquals(0, exit, () -> String.join(" ", args) + " failed: " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

}
