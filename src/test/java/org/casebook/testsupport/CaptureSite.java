package org.casebook.testsupport;

import java.awt.Color;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The pages the capture tests serve: one with every kind of resource and trap, a charset page, a small site. */
public final class CaptureSite {
    public static final String PAGE = "/page.html";
    public static final String FONT_BYTES = "wOF2 not a real font but served byte for byte";

    private CaptureSite() {
    }

    /** A page with CSS (an import, a background, a web font), images (srcset, lazy), scripts and traps. */
    public static TestWebServer richPage(TestWebServer s) {
        s.serve(PAGE, "text/html; charset=utf-8", """
                <!doctype html>
                <html><head><title>Posts about J</title>
                <meta http-equiv="refresh" content="5; url=https://elsewhere.example/">
                <link rel="stylesheet" href="/style.css">
                <link rel="icon" href="/favicon.png">
                <link rel="preconnect" href="https://tracker.example/">
                <script src="/app.js"></script>
                <script>fetch('/beacon?inline=1')</script>
                <base href="/">
                </head>
                <body onload="alert(1)">
                <h1>Everything about her</h1>
                <p>She moved to a new flat last month.</p>
                <p style="background-image:url('/inline-bg.png')">Photos below.</p>
                <img id="logo" src="/logo.png" alt="logo" onerror="steal()">
                <img id="responsive" src="/small.png" srcset="/small.png 1x, /big.png 2x" alt="r">
                <img id="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lazy.png" alt="lazy">
                <img id="pixel" src="/pixel.gif?u=victim" width="1" height="1" alt="">
                <img id="gone" src="/missing.png" alt="missing">
                <img id="slow" src="/slow.png" alt="slow">
                <img id="huge" src="/huge.png" alt="huge">
                <a id="js" href="javascript:steal()">click</a>
                <a id="out" href="/other.html" onclick="steal()">another page</a>
                <form action="https://collect.example/post"><input name="q"></form>
                <iframe src="https://ads.example/frame"></iframe>
                <noscript><p>Scripts are off.</p></noscript>
                </body></html>
                """);
        s.serve("/style.css", "text/css", """
                @import "/more.css";
                @font-face { font-family: Hand; src: url("/font.woff2") format("woff2"); }
                body { background: #fff url(/bg.png) repeat-x; font-family: Hand, sans-serif; }
                """);
        s.serve("/more.css", "text/css", "h1 { color: #c00; border-bottom: 8px solid #00c; }");
        s.serve("/font.woff2", "font/woff2", FONT_BYTES.getBytes(StandardCharsets.US_ASCII));
        s.serve("/bg.png", "image/png", TestWebServer.png(8, 8, new Color(0xEE, 0xEE, 0xFF)));
        s.serve("/inline-bg.png", "image/png", TestWebServer.png(8, 8, new Color(0xFF, 0xEE, 0xCC)));
        s.serve("/favicon.png", "image/png", TestWebServer.png(16, 16, Color.ORANGE));
        s.serve("/logo.png", "image/png", TestWebServer.png(300, 120, new Color(0xCC, 0x00, 0x00)));
        s.serve("/small.png", "image/png", TestWebServer.png(200, 100, new Color(0x00, 0x88, 0x00)));
        s.serve("/big.png", "image/png", TestWebServer.png(400, 200, new Color(0x00, 0x88, 0x00)));
        s.serve("/lazy.png", "image/png", TestWebServer.png(250, 150, new Color(0x00, 0x00, 0xCC)));
        s.serve("/pixel.gif", "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'});
        s.serve("/app.js", "application/javascript", "document.body.innerHTML = 'replaced by a script';");
        s.slow("/slow.png", "image/png", TestWebServer.png(10, 10, Color.GRAY), 4000);
        s.serve("/huge.png", "image/png", new byte[300 * 1024]);
        s.serve("/other.html", "text/html", "<p>other</p>");
        return s;
    }

    /** A page in windows-1252, said so only by its server. */
    public static TestWebServer latin1Page(TestWebServer s) {
        s.serve("/latin1.html", "text/html; charset=windows-1252", ("<html><head><title>Café crème</title></head>"
                + "<body><p>Il a écrit « je sais où tu habites » – 25 €</p></body></html>")
                .getBytes(Charset.forName("windows-1252")));
        return s;
    }

    /** Three pages linking to each other (and one link to another host, not followed). */
    public static TestWebServer threePageSite(TestWebServer s) {
        s.serve("/site/", "text/html", "<title>Home</title><h1>Home</h1><a href='a.html'>A</a> <a href='b.html#x'>B</a>"
                + " <a href='http://localhost:" + s.port() + "/site/'>same server, other host name</a>");
        s.serve("/site/a.html", "text/html", "<title>A</title><h1>Page A</h1><a href='/site/'>home</a>"
                + " <a href='b.html'>B</a>");
        s.serve("/site/b.html", "text/html", "<title>B</title><h1>Page B</h1><a href='a.html'>A</a>");
        return s;
    }
}
