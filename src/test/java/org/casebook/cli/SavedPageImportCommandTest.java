package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casebook.capture.archive.SavedPages;
import org.casebook.imports.json.JsonImportTesting;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saved web pages (py-wacz's WARCs and WACZ, Chromium's MHTML test pages, a SingleFile page and a browser's
 * "Webpage, complete" written here) imported with {@code casebook import} into a real vault, each into a case of its
 * own: stored as a capture whose saved file is kept byte for byte, found by search, verified, bundled as an exhibit
 * and checked; imported again, nothing is added; a damaged file is refused with nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedPageImportCommandTest {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    @TempDir
    static Path dir;
    String vault;

    @BeforeAll
    void vault() throws Exception {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
    }

    Stream<String> savedPages() {
        return Stream.of("pywacz_example-collection.warc", "pywacz_example-resource.warc.gz",
                "pywacz_valid_example_2.wacz", "chromium_page_with_css_and_js_ie.mht",
                "chromium_page_with_image_unmht.mht", "singlefile", "browser-saved");
    }

    private Path file(String name) throws Exception {
        return switch (name) {
            case "singlefile" -> singleFilePage();
            case "browser-saved" -> browserSavedPage();
            default -> Fixtures.file("web", name);
        };
    }

    private static String newCase(String vault, String title) {
        CliTestSupport.Result added = cli("case", "add", "--vault", vault, "--title", title, "--initials", "JS",
                "--timezone", "Europe/London");
        assertEquals(0, added.exit(), added.toString());
        return added.out().strip();
    }

    @ParameterizedTest
    @MethodSource("savedPages")
    void aSavedPageIsACaptureKeptByteForByteSearchableVerifiedAndAnExhibit(String name) throws Exception {
        Path file = file(name);
        String caseId = newCase(vault, "Saved " + name);
        String sha256 = Sha256.of(Files.readAllBytes(file));

        CliTestSupport.Result imported = cli("import", "--vault", vault, "--case", caseId, "--json", file.toString());
        assertEquals(0, imported.exit(), imported.toString());
        JsonNode summary = imported.json().get(0);
        assertEquals("web", summary.get("format").asText());
        assertEquals(1, summary.get("captures").asInt());
        assertEquals(1, summary.get("added").asInt());
        assertEquals(0, summary.get("messages").asInt());
        assertEquals(sha256, summary.get("file_sha256").asText());

        CliTestSupport.Result text = cli("import", "--vault", vault, "--case", caseId, "--dry-run", file.toString());
        assertTrue(text.out().contains("(web page)") && text.out().contains("title:")
                && text.out().contains("address:"), text.out());

        List<JsonNode> timeline = cli("timeline", "--vault", vault, "--case", caseId, "--json").json();
        assertEquals(1, timeline.size(), timeline.toString());
        JsonNode item = timeline.get(0);
        assertEquals("capture", item.get("kind").asText());
        assertEquals("page", item.get("type").asText());

        // the saved file itself is exported byte for byte beside the capture's WARC
        Path export = dir.resolve("export-" + name);
        CliTestSupport.Result exported = cli("export", "--vault", vault, "--case", caseId, "--to", export.toString());
        assertEquals(0, exported.exit(), exported.toString());
        try (Stream<Path> files = Files.list(export)) {
            assertTrue(files.anyMatch(f -> {
                try {
                    return Sha256.of(Files.readAllBytes(f)).equals(sha256);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "the saved file, exported unchanged");
        }

        String word = Arrays.stream(SavedPages.read(file).text().split("[^\\p{L}]+")).filter(w -> w.length() >= 5)
                .findFirst().orElseThrow();
        List<JsonNode> found = cli("search", "--vault", vault, "--case", caseId, word, "--json").json();
        assertEquals(1, found.size(), word + ": " + found);
        assertEquals(item.get("id").asLong(), found.get(0).get("id").asLong());

        assertEquals(0, cli("verify", "--vault", vault).exit());

        Path pdf = dir.resolve(name + ".pdf");
        CliTestSupport.Result bundle = cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString(),
                "--json");
        assertEquals(0, bundle.exit(), bundle.toString());
        JsonNode exhibit = bundle.json().get(0).get("exhibits").get(0);
        assertEquals(item.get("sha256").asText(), exhibit.get("sha256").asText(), "the capture is the exhibit");
        assertTrue(exhibit.get("embedded").asBoolean(), exhibit.toString());
        CliTestSupport.Result check = cli("check-bundle", pdf.toString());
        assertEquals(0, check.exit(), check.toString());
        CliTestSupport.Result verify = cli("verify-bundle", pdf.toString());
        assertEquals(0, verify.exit(), verify.toString());

        CliTestSupport.Result again = cli("import", "--vault", vault, "--case", caseId, "--json", file.toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals(0, again.json().get(0).get("added").asInt());
        assertEquals(1, again.json().get(0).get("duplicates").asInt());
        assertTrue(again.json().get(0).get("warnings").toString().contains("already in the case"), again.out());
        assertEquals(1, cli("timeline", "--vault", vault, "--case", caseId, "--json").json().size());
    }

    @Test
    void aSingleFilePageKeepsTheAddressAndTheSavedDateMarkedAsSavedByAnotherTool() throws Exception {
        String caseId = newCase(vault, "SingleFile dates");
        CliTestSupport.Result imported = cli("import", "--vault", vault, "--case", caseId, "--json",
                singleFilePage().toString());
        assertEquals(0, imported.exit(), imported.toString());
        JsonNode summary = imported.json().get(0);
        assertEquals("https://harasser.example/about-ann", summary.get("url").asText());
        assertEquals("About Ann", summary.get("title").asText());
        assertTrue(summary.get("warnings").get(0).asText().startsWith("Saved by another tool (SingleFile page)"),
                summary.toString());
        JsonNode item = cli("timeline", "--vault", vault, "--case", caseId, "--json").json().get(0);
        assertEquals("2024-03-05T14:30:00+00:00", item.get("at").asText(),
                item.toString());
        assertEquals("https://harasser.example/about-ann", item.get("source").asText());
    }

    @Test
    void aDamagedSavedPageExitsTwoNamingTheFileWithNothingWritten() throws Exception {
        String caseId = newCase(vault, "Damaged");
        byte[] whole = Files.readAllBytes(Fixtures.file("web", "pywacz_example-resource.warc.gz"));
        Path truncated = dir.resolve("truncated.warc.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Path wrongDigest = Fixtures.file("web", "pywacz_invalid_example_1.wacz");
        for (Path bad : List.of(truncated, wrongDigest)) {
            CliTestSupport.Result r = cli("import", "--vault", vault, "--case", caseId, bad.toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains(bad.getFileName().toString()), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(cli("timeline", "--vault", vault, "--case", caseId, "--json").out().isBlank());
    }

    @Test
    void messageExportsStayWithTheirImportersAndTheFormatCanBeGiven() throws Exception {
        String caseId = newCase(vault, "Messages");
        CliTestSupport.Result telegram = cli("import", "--vault", vault, "--case", caseId, "--json",
                Fixtures.file("telegram", "chatpack_telegram_simple.json").toString());
        assertEquals(0, telegram.exit(), telegram.toString());
        assertEquals("telegram", telegram.json().get(0).get("format").asText());
        assertEquals(0, telegram.json().get(0).get("captures").asInt());
        // a MIME message with an HTML body is also what an MHTML reader could take: it stays an e-mail
        Path eml = Fixtures.file("eml", "bad_date_header.eml");
        CliTestSupport.Result email = cli("import", "--vault", vault, "--case", caseId, "--json", eml.toString());
        assertEquals(0, email.exit(), email.toString());
        assertEquals("email", email.json().get(0).get("format").asText());

        CliTestSupport.Result web = cli("import", "--vault", vault, "--case", caseId, "--json", "--format", "web",
                Fixtures.file("web", "chromium_page_with_image_unmht.mht").toString());
        assertEquals(0, web.exit(), web.toString());
        assertEquals(1, web.json().get(0).get("captures").asInt());
        CliTestSupport.Result notWeb = cli("import", "--vault", vault, "--case", caseId, "--format", "web",
                Fixtures.file("telegram", "chatpack_telegram_simple.json").toString());
        assertEquals(2, notWeb.exit(), notWeb.toString());
        assertTrue(notWeb.err().contains("chatpack_telegram_simple.json"), notWeb.err());
    }

    @Test
    void aTelegramHtmlExportIsTakenForTelegramAndAsksForTheJsonExportWithNothingWritten() throws Exception {
        String caseId = newCase(vault, "Telegram HTML");
        Path folder = Files.createDirectories(dir.resolve("ChatExport_2024-03-05"));
        Path html = Files.copy(Fixtures.file("telegram", "messages.html"), folder.resolve("messages.html"));
        Path zip = JsonImportTesting.zip(dir.resolve("ChatExport_2024-03-05.zip"), Map.of(
                "ChatExport_2024-03-05/messages.html", Files.readAllBytes(html),
                "ChatExport_2024-03-05/css/style.css", "body{}"));
        for (Path export : List.of(html, zip)) {
            CliTestSupport.Result r = cli("import", "--vault", vault, "--case", caseId, export.toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains(export.getFileName().toString()) && r.err().contains("Telegram")
                    && r.err().contains("JSON"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertTrue(cli("timeline", "--vault", vault, "--case", caseId, "--json").out().isBlank());
    }

    @Test
    void aDiscordChatExporterHtmlExportIsTakenForDiscordAndAsksForJsonWithNothingWritten() throws Exception {
        String caseId = newCase(vault, "Discord HTML");
        Path html = Fixtures.file("discord", "dce-export.html");
        CliTestSupport.Result r = cli("import", "--vault", vault, "--case", caseId, html.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("dce-export.html") && r.err().contains("DiscordChatExporter")
                && r.err().contains("JSON"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(cli("timeline", "--vault", vault, "--case", caseId, "--json").out().isBlank());
    }

    /** A page in the shape SingleFile writes: its comment after the doctype, resources as data: URLs. */
    private Path singleFilePage() throws Exception {
        Path page = dir.resolve("About Ann (05.03.2024 14_30_00).html");
        String html = "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://harasser.example/about-ann"
                + " \n saved date: Tue Mar 05 2024 14:30:00 GMT+0000 (Coordinated Universal Time)\n-->"
                + "<head><meta charset=\"utf-8\"><title>About Ann</title><style>body{background:url(data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PNG) + ")}</style></head><body><h1>Ann's routine</h1>"
                + "<p>Leaves the flat on Thursdays around eight.</p><script>track()</script>"
                + "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(PNG) + "\"></body></html>";
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    /** A browser's "Webpage, complete": the page, its saved-from mark, and its {@code _files} folder. */
    private Path browserSavedPage() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("browser"));
        Path page = folder.resolve("Posts about Ann.html");
        Path files = Files.createDirectories(folder.resolve("Posts about Ann_files"));
        Files.writeString(files.resolve("style.css"), "body { background: url('bg.png') } p { color: #222 }");
        Files.write(files.resolve("bg.png"), PNG);
        Files.write(files.resolve("photo.png"), PNG);
        Files.writeString(page, "<!DOCTYPE html>\n<!-- saved from url=(0032)https://harasser.example/posts/1 -->\n"
                + "<html><head><meta charset=\"utf-8\"><title>Posts about Ann</title>"
                + "<link rel=\"stylesheet\" href=\"./Posts%20about%20Ann_files/style.css\"></head>"
                + "<body><p>Seen outside the pharmacy yesterday.</p>"
                + "<img src=\"Posts about Ann_files/photo.png\"></body></html>", StandardCharsets.UTF_8);
        assertFalse(Files.readString(page).isEmpty());
        return page;
    }
}
