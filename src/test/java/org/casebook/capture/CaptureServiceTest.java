package org.casebook.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.casebook.evidence.CaptureStore;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.CaptureSite;
import org.casebook.testsupport.TestProxies;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.TestWebServer;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;

class CaptureServiceTest {
    /** Small limits, so the slow and the oversized resource hit them quickly. */
    static final CaptureOptions OPTIONS = CaptureOptions.defaults().withLimits(CaptureLimits.DEFAULT
            .withFetchTimeout(Duration.ofMillis(1500)).withMaxResourceBytes(200 * 1024));

    @TempDir
    Path dir;
    Vault vault;
    Case aCase;
    TestWebServer server;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Capture case", "AB", TestVaults.LONDON);
        server = TestWebServer.http();
    }

    @AfterEach
    void tearDown() {
        server.close();
        vault.close();
    }

    private CaptureService service() {
        return new CaptureService(vault);
    }

    private CaptureService.Summary captureOne(String url, CaptureOptions options) {
        List<CaptureService.Summary> s = service().capture(aCase.id(), url, options, CaptureListener.NONE);
        assertEquals(1, s.size());
        return s.get(0);
    }

    private byte[] file(String sha) {
        return new CaptureStore(vault).file(sha);
    }

    @Test
    void aPageIsKeptAsWarcWithTheExactBytesServedAndEveryResource() throws Exception {
        CaptureSite.richPage(server);
        CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE), OPTIONS.withNote("the first site"));

        assertEquals("page", s.kind());
        assertEquals(200, s.status());
        assertEquals("Posts about J", s.title());
        Map<String, byte[]> responses = new HashMap<>();
        Map<String, Boolean> requested = new HashMap<>();
        String software = null;
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(file(s.warcSha256())))) {
            for (WarcRecord r : reader) {
                if (r instanceof Warcinfo info) {
                    software = info.fields().first("software").orElse(null);
                    assertEquals("WARC/1.1", info.version().toString());
                } else if (r instanceof WarcResponse resp) {
                    responses.put(URI.create(resp.target()).getRawPath(),
                            resp.http().body().stream().readAllBytes());
                    assertTrue(resp.ipAddress().isPresent(), "the server's address is recorded");
                } else if (r instanceof WarcRequest req) {
                    requested.put(URI.create(req.target()).getRawPath(), true);
                }
            }
        }
        assertNotNull(software);
        assertTrue(software.startsWith("Casebook "), software);
        for (String path : List.of(CaptureSite.PAGE, "/style.css", "/more.css", "/font.woff2", "/bg.png", "/logo.png",
                "/small.png", "/big.png", "/lazy.png", "/app.js", "/inline-bg.png", "/favicon.png", "/pixel.gif")) {
            assertArrayEquals(server.body(path), responses.get(path), "exact bytes of " + path);
            assertTrue(requested.containsKey(path), "request record for " + path);
        }
        assertArrayEquals(CaptureSite.FONT_BYTES.getBytes(StandardCharsets.US_ASCII), responses.get("/font.woff2"));
        // The 404 is archived as served, and reported missing; the slow and the huge one are missing with reasons.
        assertTrue(responses.containsKey("/missing.png"));
        assertTrue(s.missing().stream().anyMatch(m -> m.contains("/missing.png") && m.contains("HTTP 404")), s.missing().toString());
        assertTrue(s.missing().stream().anyMatch(m -> m.contains("/slow.png") && m.contains("did not answer within")),
                s.missing().toString());
        assertTrue(s.missing().stream().anyMatch(m -> m.contains("/huge.png") && m.contains("larger than 200 KiB")),
                s.missing().toString());
        assertEquals(3, s.missing().size(), s.missing().toString());
    }

    @Test
    void theResourceCountAndTotalSizeLimitsEachSaySo() {
        CaptureSite.richPage(server);
        CaptureService.Summary few = captureOne(server.url(CaptureSite.PAGE),
                OPTIONS.withLimits(OPTIONS.limits().withMaxResources(5)));
        assertTrue(few.warnings().contains("The page refers to more than 5 resources; the rest were not fetched."),
                few.warnings().toString());
        assertTrue(few.missing().stream().anyMatch(m -> m.contains("the limit of 5 resources per page was reached")));

        CaptureService.Summary small = captureOne(server.url(CaptureSite.PAGE),
                OPTIONS.withLimits(OPTIONS.limits().withMaxPageBytes(12 * 1024)));
        assertTrue(small.warnings().contains("The capture reached its size limit of 12 KiB; resources past it were "
                + "not kept."), small.warnings().toString());
        assertTrue(small.missing().stream().anyMatch(m -> m.contains("the capture reached its size limit of 12 KiB")),
                small.missing().toString());
    }

    @Test
    void deletingACaptureRemovesItsCopyAndScreenshotToo() {
        CaptureSite.richPage(server);
        CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE), OPTIONS);
        new org.casebook.evidence.ItemService(vault).delete(s.itemId(), "posted by mistake");
        long left = vault.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM blob"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(0, left);
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void theSingleFileCopyRunsNothingAndRefersToNothingOutside() throws Exception {
        CaptureSite.richPage(server);
        CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE), OPTIONS);
        String html = new String(file(s.htmlSha256()), StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script, iframe, frame, object, embed, base, meta[http-equiv=refresh]").isEmpty(), html);
        assertTrue(doc.select("link:not([rel~=(?i)(stylesheet|icon)])").isEmpty());
        assertFalse(html.contains("replaced by a script"));
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase();
                String value = a.getValue().strip().toLowerCase();
                assertFalse(name.startsWith("on"), "handler " + a + " on " + e.tagName());
                assertFalse(value.startsWith("javascript:"), a.toString());
                if (Set.of("src", "href", "srcset", "action", "poster", "background", "data", "formaction")
                        .contains(name)) {
                    assertTrue(value.startsWith("data:") || value.startsWith("#"), "remote reference " + a);
                }
            }
        }
        assertFalse(html.matches("(?s).*url\\(\\s*['\"]?(https?:|//).*"), "a remote url() in CSS");
        assertFalse(html.contains("@import"));
        // Inlined: the images, the lazy-loaded one from data-src, the font from the stylesheet.
        assertTrue(doc.selectFirst("#logo").attr("src").startsWith("data:image/png;base64,"));
        assertTrue(doc.selectFirst("#lazy").attr("src").startsWith("data:image/png;base64,"));
        assertTrue(doc.selectFirst("#responsive").attr("src").startsWith("data:image/png;base64,"));
        assertTrue(html.contains("data:font/woff2;base64,"));
        assertTrue(html.contains("#c00"), "the imported stylesheet is inlined");
        assertEquals("Scripts are off.", doc.select("p").stream().map(Element::text)
                .filter(t -> t.startsWith("Scripts")).findFirst().orElse(null));
        assertTrue(doc.selectFirst("#out").hasAttr("data-casebook-href"));
    }

    @Test
    void theScreenshotIsDrawnFromTheCopyAndViewingItMakesNoRequest() throws Exception {
        CaptureSite.richPage(server);
        CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE), OPTIONS);
        byte[] png = file(s.pngSha256());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(PageRenderer.DEFAULT_WIDTH, image.getWidth());
        assertTrue(image.getHeight() >= 400, "height " + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 5) {
            for (int x = 0; x < 400; x += 5) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 5, "not blank: " + colours.size() + " colours");
        assertTrue(colours.contains(0xFFCC0000), "the red logo is in the screenshot");

        int before = server.requestCount();
        byte[] again = PageRenderer.installed().orElseThrow()
                .render(new String(file(s.htmlSha256()), StandardCharsets.UTF_8), 1024);
        assertTrue(again.length > 1000);
        Thread.sleep(300);
        assertEquals(before, server.requestCount(), "viewing the copy made requests: " + server.requests());
    }

    @Test
    void storedOnTheTimelineSearchedAuditedAndTheVaultStillVerifies() {
        CaptureSite.richPage(server);
        CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE), OPTIONS.withNote("posted by him"));
        TimelineItem item = new TimelineService(vault).timeline(aCase.id()).stream()
                .filter(i -> i.kind() == ItemKind.CAPTURE).findFirst().orElseThrow();
        assertEquals(s.itemId(), item.id());
        assertEquals(s.warcSha256(), item.sha256());
        assertEquals(server.url(CaptureSite.PAGE), item.source());
        assertEquals(1, new TimelineService(vault).search(aCase.id(), "flat", false, 10).size());
        assertEquals(1, new TimelineService(vault).search(aCase.id(), "posted", false, 10).size());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void aPageInAnotherCharsetIsReadInIt() throws Exception {
        CaptureSite.latin1Page(server);
        CaptureService.Summary s = captureOne(server.url("/latin1.html"), OPTIONS);
        assertEquals("Café crème", s.title());
        String html = new String(file(s.htmlSha256()), StandardCharsets.UTF_8);
        assertTrue(html.contains("« je sais où tu habites » – 25 €"), html);
        assertEquals(1, new TimelineService(vault).search(aCase.id(), "habites", false, 10).size());
    }

    @Test
    void redirectsAreFollowedAndRecordedAndALoopIsRefused() {
        CaptureSite.richPage(server);
        server.redirect("/r1", 302, "/r2").redirect("/r2", 301, server.url(CaptureSite.PAGE));
        CaptureService.Summary s = captureOne(server.url("/r1"), OPTIONS);
        assertEquals(server.url("/r1"), s.url());
        assertEquals(server.url(CaptureSite.PAGE), s.finalUrl());

        server.redirect("/loop1", 302, "/loop2").redirect("/loop2", 302, "/loop1");
        VaultException e = assertThrows(VaultException.class, () -> captureOne(server.url("/loop1"), OPTIONS));
        assertTrue(e.getMessage().startsWith("Redirect loop: "), e.getMessage());
        assertEquals(1, new TimelineService(vault).timeline(aCase.id()).size(), "the loop stored nothing");
    }

    @Test
    void anEndlessPageStopsAtTheTimeOutWithAClearMessage() {
        server.endless("/endless");
        VaultException e = assertThrows(VaultException.class, () -> captureOne(server.url("/endless"), OPTIONS));
        assertTrue(e.getMessage().contains("still sending after 1 s") || e.getMessage().contains("larger than"),
                e.getMessage());
        assertTrue(new TimelineService(vault).timeline(aCase.id()).isEmpty());
    }

    @Test
    void aPdfAddressIsStoredAsAFileCapture() {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        server.serve("/statement.pdf", "application/pdf", pdf);
        CaptureService.Summary s = captureOne(server.url("/statement.pdf"), OPTIONS);
        assertEquals("file", s.kind());
        assertNull(s.htmlSha256());
        assertEquals(org.casebook.vault.Sha256.of(pdf), vault.read(c -> {
            try (var ps = c.prepareStatement("SELECT b.sha256 FROM capture p JOIN blob b ON b.id = p.file_blob_id")) {
                var rs = ps.executeQuery();
                rs.next();
                return rs.getString(1);
            }
        }));
    }

    @Test
    void aRecaptureSaysUnchangedChangedOrGone() {
        server.serve("/post.html", "text/html", "<title>Post</title><p>line one</p><p>line two</p>");
        CaptureService.Summary first = captureOne(server.url("/post.html"), OPTIONS);
        assertNull(first.verdict());

        CaptureService.Summary same = captureOne(server.url("/post.html"), OPTIONS);
        assertEquals("unchanged", same.verdict());
        assertEquals(first.itemId(), same.recaptureOf());

        server.serve("/post.html", "text/html", "<title>Post</title><p>line one</p><p>line three</p>");
        CaptureService.Summary changed = captureOne(server.url("/post.html"), OPTIONS);
        assertEquals("changed", changed.verdict());
        assertEquals(same.itemId(), changed.recaptureOf());
        assertEquals(List.of("- line two", "+ line three"), changed.diff());

        server.status("/post.html", 404);
        CaptureService.Summary gone = captureOne(server.url("/post.html"), OPTIONS);
        assertEquals("gone", gone.verdict());
        assertEquals(404, gone.status());

        String url = server.url("/post.html");
        server.close(); // connection refused from now on
        CaptureService.Summary unreachable = captureOne(url, OPTIONS);
        assertEquals("gone", unreachable.verdict());
        assertEquals("unreachable", unreachable.kind());
        assertTrue(unreachable.warnings().get(0).contains("connection refused"), unreachable.warnings().toString());
        assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
    }

    @Test
    void anUnreachableHostOnAFirstCaptureIsBadInputAndStoresNothing() {
        String url = server.url("/x.html");
        server.close();
        VaultException e = assertThrows(VaultException.class, () -> captureOne(url, OPTIONS));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertThrows(VaultException.class, () -> captureOne("http://no-such-host.invalid/", OPTIONS));
        assertThrows(VaultException.class, () -> captureOne("ftp://example.org/", OPTIONS));
        assertTrue(new TimelineService(vault).timeline(aCase.id()).isEmpty());
    }

    @Test
    void aSiteCaptureFollowsSameHostLinksAndGroupsThePages() {
        CaptureSite.threePageSite(server);
        List<CaptureService.Summary> pages = service().capture(aCase.id(), server.url("/site/"),
                OPTIONS.withSite(2, 50), CaptureListener.NONE);
        assertEquals(List.of("Home", "A", "B"), pages.stream().map(CaptureService.Summary::title).toList());
        assertFalse(server.requests().stream().anyMatch(r -> r.contains("localhost")));
        List<Long> sites = vault.read(c -> {
            List<Long> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT site_id FROM capture ORDER BY item_id"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        assertEquals(List.of(pages.get(0).itemId(), pages.get(0).itemId(), pages.get(0).itemId()), sites);

        List<CaptureService.Summary> limited = service().capture(aCase.id(), server.url("/site/"),
                OPTIONS.withSite(2, 2), CaptureListener.NONE);
        assertEquals(2, limited.size());
    }

    @Test
    void everyRequestGoesThroughAnHttpProxy() {
        CaptureSite.richPage(server);
        try (TestProxies proxy = TestProxies.http()) {
            CaptureService.Summary s = captureOne(server.url(CaptureSite.PAGE),
                    OPTIONS.withProxy(CaptureOptions.parseProxy(proxy.url())));
            assertEquals(200, s.status());
            List<String> direct = server.requests();
            assertEquals(direct.size(), proxy.seen().size(), "proxy " + proxy.seen() + "\nserver " + direct);
            for (String path : direct) {
                assertTrue(proxy.seen().contains("GET " + server.url(path)), path + " not through the proxy");
            }
        }
    }

    @Test
    void everyConnectionGoesThroughASocksProxy() {
        CaptureSite.threePageSite(server);
        try (TestProxies proxy = TestProxies.socks()) {
            List<CaptureService.Summary> pages = service().capture(aCase.id(), server.url("/site/"),
                    OPTIONS.withSite(1, 50).withProxy(CaptureOptions.parseProxy(proxy.url())), CaptureListener.NONE);
            assertEquals(3, pages.size());
            assertEquals(server.requestCount(), proxy.seen().size(), proxy.seen().toString());
            assertTrue(proxy.seen().stream().allMatch(h -> h.equals("127.0.0.1:" + server.port())), proxy.seen().toString());
        }
    }

    @Test
    void httpsRecordsTheCertificateWithATrustStoreGivenOnlyByTheTest() throws Exception {
        try (TestWebServer https = TestWebServer.https(dir)) {
            https.serve("/secure.html", "text/html", "<title>Secure</title><p>over TLS</p>");
            VaultException untrusted = assertThrows(VaultException.class,
                    () -> captureOne(https.url("/secure.html"), OPTIONS));
            assertTrue(untrusted.getMessage().contains("secure connection"), untrusted.getMessage());

            CaptureService.Summary s = captureOne(https.url("/secure.html"), OPTIONS.withSslContext(https.clientContext()));
            assertEquals("Secure", s.title());
            Map<String, Object> cert = vault.read(c -> {
                try (var ps = c.prepareStatement("SELECT cert_subject, cert_issuer, cert_sha256, cert_not_after"
                        + " FROM capture WHERE item_id = ?")) {
                    ps.setLong(1, s.itemId());
                    var rs = ps.executeQuery();
                    rs.next();
                    return Map.of("subject", rs.getString(1), "issuer", rs.getString(2), "sha", rs.getString(3),
                            "after", rs.getLong(4));
                }
            });
            assertTrue(cert.get("subject").toString().contains("CN=127.0.0.1"), cert.toString());
            assertEquals(cert.get("subject"), cert.get("issuer"), "self-signed");
            assertEquals(64, cert.get("sha").toString().length());
        }
    }

    @Test
    void aCancelledCaptureLeavesNothing() {
        CaptureSite.richPage(server);
        CaptureListener cancelAfterThree = new CaptureListener() {
            int resources;

            @Override
            public void resource(URI uri, String missing) {
                resources++;
            }

            @Override
            public boolean isCancelled() {
                return resources >= 3;
            }
        };
        assertThrows(Progress.CancelledException.class,
                () -> service().capture(aCase.id(), server.url(CaptureSite.PAGE), OPTIONS, cancelAfterThree));
        assertTrue(new TimelineService(vault).timeline(aCase.id()).isEmpty());
        assertTrue(new CaptureStore(vault).noneYet());
    }
}
