package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casebook.testsupport.CaptureSite;
import org.casebook.testsupport.TestProxies;
import org.casebook.testsupport.TestWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCommandTest {
    @TempDir
    Path dir;
    String vault;
    String caseId;
    TestWebServer server;

    @BeforeEach
    void setUp() {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        CliTestSupport.Result added = cli("case", "add", "--vault", vault, "--title", "Web case", "--initials", "WC");
        assertEquals(0, added.exit(), added.toString());
        caseId = added.out().strip();
        server = CaptureSite.threePageSite(CaptureSite.richPage(TestWebServer.http()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void theFirstCaptureWarnsThatVisitingCanBeSeenAndJsonSaysWhatWasKept() {
        CliTestSupport.Result first = cli("capture", "--vault", vault, "--case", caseId, "--json",
                "--note", "his site", server.url("/site/"));
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.err().contains("can tell its owner that someone looked"), first.err());
        assertTrue(first.err().contains("--proxy"), first.err());
        JsonNode page = first.json().get(0);
        assertEquals(server.url("/site/"), page.get("url").asText());
        assertEquals(server.url("/site/"), page.get("final_url").asText());
        assertEquals(200, page.get("status").asInt());
        assertEquals("Home", page.get("title").asText());
        assertEquals(64, page.get("sha256").asText().length());
        assertTrue(page.get("verdict").isNull());
        assertEquals(0, page.get("resources").asInt());
        assertTrue(page.get("missing").isArray());
        assertTrue(page.get("warnings").isArray());

        CliTestSupport.Result again = cli("capture", "--vault", vault, "--case", caseId, server.url("/site/"));
        assertEquals(0, again.exit(), again.toString());
        assertFalse(again.err().contains("can tell its owner"), "the warning comes before the first capture only");
        assertTrue(again.out().contains("re-capture of " + page.get("id").asText() + ": unchanged"), again.out());

        CliTestSupport.Result timeline = cli("timeline", "--vault", vault, "--case", caseId, "--json");
        JsonNode item = timeline.json().get(0);
        assertEquals("capture", item.get("kind").asText());
        assertEquals(page.get("sha256").asText(), item.get("sha256").asText());
        assertEquals(server.url("/site/"), item.get("source").asText());

        CliTestSupport.Result search = cli("search", "--vault", vault, "--case", caseId, "Home", "--json");
        assertEquals(2, search.json().size(), search.toString());
        assertEquals(0, cli("verify", "--vault", vault).exit());
    }

    @Test
    void aSiteCaptureWithDepthPrintsOnePagePerLine() {
        CliTestSupport.Result r = cli("capture", "--vault", vault, "--case", caseId, "--json", "--depth", "1",
                "--max-pages", "3", server.url("/site/"));
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("Home", "A", "B"), r.json().stream().map(n -> n.get("title").asText()).toList());
    }

    @Test
    void aBadAddressOrAnUnreachableHostIsBadInputOnOneLine() {
        for (String bad : List.of("not a url", "example.org/page", "ftp://example.org/")) {
            CliTestSupport.Result r = cli("capture", "--vault", vault, "--case", caseId, bad);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("is not a web address"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        String url = server.url("/site/");
        server.close();
        CliTestSupport.Result refused = cli("capture", "--vault", vault, "--case", caseId, url);
        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("connection refused"), refused.err());
        CliTestSupport.Result proxy = cli("capture", "--vault", vault, "--case", caseId, "--proxy", "tor", url);
        assertEquals(2, proxy.exit(), proxy.toString());
        assertTrue(cli("timeline", "--vault", vault, "--case", caseId, "--json").out().isBlank());
    }

    @Test
    void withAProxyEveryRequestGoesThroughIt() {
        try (TestProxies proxy = TestProxies.http()) {
            CliTestSupport.Result r = cli("capture", "--vault", vault, "--case", caseId, "--proxy", proxy.url(),
                    server.url(CaptureSite.PAGE));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(server.requestCount(), proxy.seen().size(), proxy.seen() + "\n" + server.requests());
            assertTrue(server.requestCount() > 10);
        }
    }

    /** The command line on a machine with no display: a child JVM with no DISPLAY and no JavaFX settings. */
    @Test
    void theScreenshotIsRenderedWithNoDisplay() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.casebook.Launcher",
                "capture", "--vault", vault, "--case", caseId, "--json", server.url(CaptureSite.PAGE));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("CASEBOOK_PASSPHRASE", CliTestSupport.PASSPHRASE);
        pb.redirectErrorStream(false);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        JsonNode page = CliTestSupport.JSON.readTree(out.strip());
        assertEquals(64, page.get("png_sha256").asText().length(), out + err);
        assertTrue(page.get("warnings").isEmpty(), out);
        // stderr holds only Casebook's own words: no toolkit start-up lines from JavaFX (or any other library)
        assertFalse(err.contains("javafx") || err.contains("JavaFX") || err.contains("com.sun.")
                || err.contains("WARNING:") || err.contains("INFO:"), err);
    }
}
