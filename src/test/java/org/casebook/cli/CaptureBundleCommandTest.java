package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.casebook.testsupport.PdfaValidation;
import org.casebook.testsupport.TestWebServer;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tall web page served on 127.0.0.1, captured, re-captured after it changed and again after it was taken down,
 * all with {@code casebook capture} into a real vault; then bundled in each profile and read back with PDFBox,
 * checked and verified; and exported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureBundleCommandTest {
    private static final String PAGE = "/posts.html";
    private static final String ADDRESS = "12 Elm Street";

    @TempDir
    static Path dir;
    String vault;
    TestWebServer server;
    final List<JsonNode> captures = new ArrayList<>();

    @BeforeAll
    void captureThreeTimes() {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        assertEquals(0, cli("case", "add", "--vault", vault, "--title", "Jane Smith", "--initials", "JS",
                "--timezone", "Europe/London").exit());
        server = TestWebServer.http();
        server.serve("/a.png", "image/png", TestWebServer.png(600, 900, new Color(0xCC, 0x22, 0x22)));
        server.serve("/b.png", "image/png", TestWebServer.png(600, 900, new Color(0x22, 0x66, 0xCC)));
        server.serve(PAGE, "text/html; charset=utf-8", page("She moved to a new flat last month."));
        capture("found by her sister; says she lives at " + ADDRESS);
        server.serve(PAGE, "text/html; charset=utf-8", page("She lives at " + ADDRESS + " now."));
        capture(null);
        server.status(PAGE, 404);
        capture(null);
    }

    /** A page far taller than a sheet of A4: text, two tall pictures, more text. */
    private static String page(String changing) {
        StringBuilder body = new StringBuilder("<!doctype html><html><head><title>Posts about J</title></head>"
                + "<body style=\"margin:20px;font:18px sans-serif\"><h1>Everything about her</h1><p>"
                + changing + "</p>");
        for (int i = 1; i <= 30; i++) {
            body.append("<p>Post number ").append(i).append(": what she did that day.</p>");
        }
        body.append("<img src=\"/a.png\" width=\"600\" height=\"900\" alt=\"a\"><br>");
        body.append("<img src=\"/b.png\" width=\"600\" height=\"900\" alt=\"b\">");
        body.append("<p>The end of the page.</p></body></html>");
        return body.toString();
    }

    private void capture(String note) {
        List<String> args = new ArrayList<>(List.of("capture", "--vault", vault, "--case", "Jane Smith", "--json"));
        if (note != null) {
            args.addAll(List.of("--note", note));
        }
        args.add(server.url(PAGE));
        CliTestSupport.Result r = cli(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        captures.add(r.json().get(0));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theCapturesAreOneExhibitWithTheScreenshotSplitAcrossPagesTheFactsTheVerdictsAndTheWarc() throws IOException {
        JsonNode first = captures.get(0);
        assertEquals("changed", captures.get(1).get("verdict").asText(), captures.toString());
        assertEquals("gone", captures.get(2).get("verdict").asText(), captures.toString());
        for (String profile : List.of("police", "family", "civil")) {
            Path out = dir.resolve(profile + ".pdf");
            CliTestSupport.Result built = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                    out.toString(), "--profile", profile, "--json");
            assertEquals(0, built.exit(), built.toString());
            checkedAndVerified(out);
            try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
                String text = text(pdf);
                assertTrue(text.contains("Exhibit JS/1"), text);
                assertTrue(text.contains("JS/1.1") && text.contains("JS/1.2"), text);
                assertTrue(text.contains(server.url(PAGE)), text);
                assertTrue(text.contains("127.0.0.1"), "the server's address");
                assertTrue(text.contains(first.get("sha256").asText()), "the WARC's hash");
                assertTrue(text.contains(first.get("html_sha256").asText()), "the HTML's hash");
                assertTrue(text.contains(first.get("png_sha256").asText()), "the screenshot's hash");
                assertTrue(text.contains(ADDRESS), "the note, unredacted in a plain copy");
                assertTrue(text.contains("re-captured") && text.contains(": changed") && text.contains(": gone"),
                        text);
                assertTrue(text.contains("1 line added, 1 line removed"), text);
                assertTrue(text.contains("+ She lives at " + ADDRESS + " now."), text);
                assertTrue(text.contains("\u2212 She moved to a new flat last month."), text);
                assertTrue(text.contains("server answered with status 404"), text);
                assertTrue(text.contains("Captured (UTC)") && text.contains("Captured (case's") // at 12 pt the label wraps
                        && text.contains("GMT (Europe/London)"), text);
                assertTrue(text.contains("SHA-256 of the PNG " + first.get("png_sha256").asText()), text);
                assertTrue(text.contains("Certificate none (the page was not served over HTTPS)"), text);

                // the screenshot: the first capture's and the changed one's, each split across pages
                List<Drawn> images = images(pdf);
                for (Drawn d : images) {
                    assertTrue(d.dpi() <= 300.5, "drawn at " + d.dpi() + " dpi");
                }
                List<Integer> shotPages = images.stream().map(Drawn::page).distinct().toList();
                assertTrue(shotPages.size() >= 4, "two tall screenshots over at least four pages: " + shotPages);
                assertTrue(text.contains("Screenshot: the top"), text);
                assertTrue(text.contains("to its end."), text);

                // the chronology has a row per capture, each with its own reference
                String chronology = chronology(pdf);
                for (String ref : List.of("JS/1 ", "JS/1.1 ", "JS/1.2 ")) {
                    assertTrue(chronology.contains(ref), chronology);
                }
                assertEquals(3, count(chronology, "127.0.0.1"), chronology);

                // each capture's WARC travels, with the SHA-256 the appendix prints
                Map<String, byte[]> files = attachments(pdf);
                assertEquals(3, files.size(), files.keySet().toString());
                String appendix = appendix(pdf);
                for (JsonNode c : captures) {
                    String sha = c.get("sha256").asText();
                    assertTrue(files.values().stream().anyMatch(b -> Sha256.of(b).equals(sha)), sha);
                    assertTrue(appendix.contains(sha), appendix);
                }
            }
        }
    }

    @Test
    void aRedactedCopyRedactsTheFactsAndWithholdsTheScreenshotAndTheWarcSayingSo() throws IOException {
        Path out = dir.resolve("redacted.pdf");
        CliTestSupport.Result built = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                out.toString(), "--redact", ADDRESS);
        assertEquals(0, built.exit(), built.toString());
        checkedAndVerified(out);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = text(pdf);
            assertFalse(text.contains(ADDRESS), "redacted everywhere, the note and the diff too");
            assertFalse(text.contains("Elm"), text);
            assertTrue(text.contains("The screenshot is not shown in this redacted copy"), text);
            assertEquals(List.of(), images(pdf), "no screenshot drawn");
            assertEquals(Map.of(), attachments(pdf), "no WARC embedded");
            String cover = new PDFTextStripperRange(1, 1).text(pdf);
            assertTrue(cover.contains("captured web page, whose archived copy and screenshot cannot be redacted"),
                    cover);
        }
    }

    @Test
    void onlyCapturedPagesCanBeChosenAsTheBundleDialogsKindDoes() throws IOException {
        Path out = dir.resolve("kinds.pdf");
        // the dialog's "Captured web pages" choice is the item kind "capture"
        try (var opened = org.casebook.vault.Vault.open(Path.of(vault),
                org.casebook.vault.Passphrase.of(CliTestSupport.PASSPHRASE))) {
            var caseId = new org.casebook.evidence.CaseService(opened).list().get(0).id();
            var chosen = new org.casebook.bundle.BundleOptions(org.casebook.bundle.BundleProfile.POLICE, null, null,
                    java.util.Set.of(org.casebook.model.ItemKind.CAPTURE), java.util.Set.of(), List.of(), null,
                    List.of(), null);
            var result = new org.casebook.bundle.BundleService(opened).build(caseId, chosen, out,
                    org.casebook.vault.Progress.NONE, () -> false);
            assertEquals(1, result.exhibits().size());
            assertEquals(2, result.exhibits().get(0).files().size());
        }
    }

    @Test
    void anExportHoldsEachCapturesWarcWaczHtmlAndPngListedInSha256sumsAndTheManifest() throws Exception {
        Path out = dir.resolve("export");
        CliTestSupport.Result r = cli("export", "--vault", vault, "--case", "Jane Smith", "--to", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Exported 12 files"), r.out());

        Process sums = new ProcessBuilder("sha256sum", "-c", "--strict", "SHA256SUMS").directory(out.toFile())
                .redirectErrorStream(true).start();
        String checked = new String(sums.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, sums.waitFor(), checked);
        assertEquals(12, checked.lines().filter(l -> l.endsWith(": OK")).count(), checked);

        JsonNode manifest = CliTestSupport.JSON.readTree(out.resolve("manifest.json").toFile());
        Map<String, Integer> roles = new HashMap<>();
        for (JsonNode f : manifest.get("files")) {
            roles.merge(f.get("role").asText(), 1, Integer::sum);
            assertEquals(f.get("sha256").asText(), Sha256.of(Files.readAllBytes(out.resolve(f.get("file").asText()))));
            assertEquals(f.get("size").asLong(), Files.size(out.resolve(f.get("file").asText())));
        }
        assertEquals(Map.of("WARC", 3, "single-file HTML", 3, "screenshot", 3, "WACZ package", 3), roles);
        // each capture's files, named after its WARC, hold the bytes the capture recorded
        Map<String, JsonNode> byWarc = new HashMap<>();
        for (JsonNode f : manifest.get("files")) {
            if (f.get("role").asText().equals("WARC")) {
                JsonNode c = captures.stream().filter(x -> x.get("sha256").asText().equals(f.get("sha256").asText()))
                        .findFirst().orElseThrow();
                byWarc.put(f.get("file").asText(), c);
                // named after host and time; two captures in the same second are told apart by a number in front
                assertTrue(f.get("file").asText().matches("(\\d+-)?127\\.0\\.0\\.1_.*"), f.toString());
                assertEquals(c.get("verdict").isNull() ? null : c.get("verdict").asText(),
                        f.get("capture").get("verdict").isNull() ? null : f.get("capture").get("verdict").asText());
            }
        }
        assertEquals(3, byWarc.size());
        for (JsonNode f : manifest.get("files")) {
            JsonNode c = byWarc.get(f.has("of_file") ? f.get("of_file").asText() : f.get("file").asText());
            Path file = out.resolve(f.get("file").asText());
            switch (f.get("role").asText()) {
                case "single-file HTML" -> assertEquals(c.get("html_sha256").asText(), f.get("sha256").asText());
                case "screenshot" -> assertEquals(c.get("png_sha256").asText(), f.get("sha256").asText());
                case "WACZ package" -> {
                    var wacz = org.casebook.capture.archive.WaczValidator.validate(file);
                    assertTrue(wacz.valid(), wacz.problems().toString());
                    assertTrue(wacz.indexLinesChecked() >= 1, wacz.toString());
                }
                default -> assertEquals(c.get("sha256").asText(), f.get("sha256").asText());
            }
        }
    }

    /** The vault's item, the bundle's embedded file, the export's file and the WARC's own warcinfo: one name. */
    @Test
    void eachWarcHasOneNameInTheVaultTheBundleTheExportAndItsOwnWarcinfo() throws Exception {
        Path pdfFile = dir.resolve("names.pdf");
        assertEquals(0, cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", pdfFile.toString()).exit());
        Set<String> embedded = new java.util.HashSet<>();
        try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
            for (PDComplexFileSpecification spec : pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames()
                    .values()) {
                embedded.add(spec.getFileUnicode());
                embedded.add(spec.getFile());
            }
        }
        Path out = dir.resolve("names-export");
        assertEquals(0, cli("export", "--vault", vault, "--case", "Jane Smith", "--to", out.toString()).exit());
        JsonNode manifest = CliTestSupport.JSON.readTree(out.resolve("manifest.json").toFile());
        Set<String> names = new java.util.HashSet<>();
        for (JsonNode f : manifest.get("files")) {
            if (!f.get("role").asText().equals("WARC")) {
                continue;
            }
            String name = f.get("original_name").asText();
            names.add(name);
            assertTrue(name.matches("127\\.0\\.0\\.1_\\d{4}-\\d\\d-\\d\\d_\\d{6}Z\\.warc"), name);
            assertTrue(f.get("file").asText().matches("(\\d+-)?" + java.util.regex.Pattern.quote(name)), f.toString());
            try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(
                    out.resolve(f.get("file").asText()))) {
                org.netpreserve.jwarc.WarcRecord first = reader.next().orElseThrow();
                assertEquals(java.util.Optional.of(name), ((org.netpreserve.jwarc.Warcinfo) first).filename());
            }
        }
        assertFalse(names.isEmpty());
        for (String name : names) {
            // the bundle puts the exhibit's reference in front of every original it embeds
            assertTrue(embedded.stream().anyMatch(e -> e.matches("JS-[\\d.]+ " + java.util.regex.Pattern.quote(name))),
                    name + " among " + embedded);
        }
    }

    private static void checkedAndVerified(Path out) throws IOException {
        CliTestSupport.Result check = cli("check-bundle", out.toString());
        assertEquals(0, check.exit(), check.toString());
        CliTestSupport.Result verify = cli("verify-bundle", out.toString());
        assertEquals(0, verify.exit(), verify.toString());
        assertEquals(List.of(), PdfaValidation.failedRules(out));
    }

    private static String text(PDDocument pdf) throws IOException {
        // lines as wrapped on the page read as one
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static String chronology(PDDocument pdf) throws IOException {
        String all = text(pdf);
        int start = all.indexOf("Chronology Everything in this bundle");
        int end = all.length();
        // the continuity page or the witness statement (police form, or a court statement's corner box) follows
        // the chronology, then the diary
        for (String next : List.of("Continuity of the exhibits Where each", "RESTRICTED (when complete)",
                "On behalf of the", "Diary entries")) {
            int at = all.indexOf(next, start);
            end = at < 0 ? end : Math.min(end, at);
        }
        return all.substring(start, end);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String appendix(PDDocument pdf) throws IOException {
        String all = text(pdf);
        return all.substring(all.lastIndexOf("Integrity appendix"));
    }

    private static Map<String, byte[]> attachments(PDDocument pdf) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        var names = pdf.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return out;
        }
        PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> files = tree.getNames();
        assertNotNull(files);
        for (var e : files.entrySet()) {
            try (InputStream in = e.getValue().getEmbeddedFile().createInputStream()) {
                out.put(e.getKey(), in.readAllBytes());
            }
        }
        return out;
    }

    /** One image as drawn: the page it is on and its resolution there. */
    record Drawn(int page, double dpi) {
    }

    private static List<Drawn> images(PDDocument pdf) throws IOException {
        List<Drawn> out = new ArrayList<>();
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            int pageNumber = ++n;
            new PDFStreamEngine() {
                {
                    addOperator(new Concatenate(this));
                    addOperator(new Save(this));
                    addOperator(new Restore(this));
                    addOperator(new SetMatrix(this));
                    addOperator(new SetGraphicsStateParameters(this));
                }

                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (operator.getName().equals("Do")) {
                        PDXObject x = getResources().getXObject((COSName) operands.get(0));
                        if (x instanceof PDImageXObject image) {
                            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                            double dpiX = image.getWidth() / (ctm.getScalingFactorX() / 72.0);
                            double dpiY = image.getHeight() / (ctm.getScalingFactorY() / 72.0);
                            out.add(new Drawn(pageNumber, Math.max(dpiX, dpiY)));
                        }
                        return;
                    }
                    super.processOperator(operator, operands);
                }
            }.processPage(page);
        }
        return out;
    }

    /** The text of some pages. */
    private record PDFTextStripperRange(int from, int to) {
        String text(PDDocument pdf) throws IOException {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(from);
            s.setEndPage(to);
            return s.getText(pdf);
        }
    }
}
