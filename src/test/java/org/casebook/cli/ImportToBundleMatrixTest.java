package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.testsupport.Fixtures;
import org.casebook.testsupport.PdfaValidation;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample export kept in {@code src/test/resources/fixtures}, taken the whole way a user takes it, through the
 * real command line (in-process): import, then a bundle, then {@code check-bundle}, {@code verify-bundle} and
 * PDF/A-3b validation (veraPDF) of the written file. Each export is alone in a case of its own, bundled in one of
 * the three profiles (police, family, civil in turn); all of them are together in one more case, bundled in each
 * profile, so every format meets every profile. Every file an export carries (a photo in a WhatsApp zip, an
 * MMS picture, an e-mail's attachment) must be shown in its conversation's transcript at the message it came
 * with (a photo printed there, any other file described by name, type, size and SHA-256) and travel embedded under
 * a reference of its own; the export file itself is the transcript's original, embedded once. New fixtures join the
 * matrix by being added to the folder.
 *
 * <p>One vault holds all the cases (a case's bundle reads only that case, so sharing the file weakens nothing and
 * saves a key derivation per case).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportToBundleMatrixTest {
    private static final List<String> PROFILES = List.of("police", "family", "civil");
    private static final String TOGETHER = "everything together";
    private static final Pattern EXPORT_NAMES = Pattern.compile(".*\\.(txt|zip|xml|json|eml|mbox)$");
    private static final Set<String> PRINTABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");
    private static final Pattern APPENDIX_REFERENCE = Pattern.compile("^\\s*([A-Z]{1,6}/\\d+(?:\\.\\d+)?)\\s");
    private static final Pattern APPENDIX_HASH = Pattern.compile("^\\s*([0-9a-f]{64})\\b");
    private static final Pattern APPENDIX_ROW = Pattern.compile("^\\s*([A-Z]{1,6}/\\d+(?:\\.\\d+)?)\\s+([0-9a-f]{64})\\b");

    /**
     * Files sent with a message, where the fixture's own meaning is plain: the file, and the text of the message it
     * came with (the transcript shows the file after that text and before the next message's).
     */
    private static final Map<String, List<Sent>> SENT = Map.of(
            "whatsapp/whatsapp-chat-parser-example.zip", List.of(
                    new Sent("00000001-PHOTO-2019-06-20-16-00-15.jpg", true,
                            "<attached: 00000001-PHOTO-2019-06-20-16-00-15.jpg>", "Cool"),
                    new Sent("00000002-VIDEO-2019-06-20-16-01-42.mp4", false,
                            "<attached: 00000002-VIDEO-2019-06-20-16-01-42.mp4>", "So that's it?"),
                    new Sent("00000003-AUDIO-2019-06-20-16-03-55.mp3", false,
                            "<attached: 00000003-AUDIO-2019-06-20-16-03-55.mp3>", "😍"),
                    new Sent("00000004-whatsapp-chat-parser-example.zip", false,
                            "<attached: 00000004-whatsapp-chat-parser-example.zip>", "(That's the old chat example")),
            "sms-backup-restore/minimal_mms.xml", List.of(new Sent("image.jpg", true, "Hello from MMS!", null)),
            "eml/attachment_pdf.eml", List.of(new Sent("broken.pdf", false, "Just attaching another PDF", null)),
            "eml/attachment_nonascii_filename.eml", List.of(new Sent("ciële.txt", false, null, null)));

    private record Sent(String name, boolean printed, String messageText, String nextText) {
    }

    /** One imported export: its case title (the fixture's path), file and SHA-256. */
    private record Export(String label, Path file, String sha256) {
    }

    /** A file the vault holds for a case, as {@code timeline --json} lists it. */
    private record Held(long id, String name, String mediaType, String sha256) {
    }

    @TempDir
    static Path dir;
    private String vault;
    private final List<Export> exports = new ArrayList<>();
    private final Map<String, List<Held>> held = new HashMap<>();
    /** Exports whose every item the together case already held from an earlier file (a re-sent backup). */
    private final Set<String> addedNothingTogether = new java.util.HashSet<>();

    @BeforeAll
    void importEveryFixture() throws IOException {
        vault = dir.resolve("matrix.casebook").toString();
        ok(cli("init", "--vault", vault));
        ok(cli("case", "add", "--vault", vault, "--title", TOGETHER, "--initials", "ET", "--timezone",
                "Europe/London"));
        try (Stream<Path> files = Files.walk(Fixtures.ROOT)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!EXPORT_NAMES.matcher(name).matches() || name.startsWith("README") || name.endsWith("target.json")
                        || name.startsWith("malformed")) {
                    continue;
                }
                String label = Fixtures.ROOT.relativize(f).toString().replace('\\', '/');
                exports.add(new Export(label, f, TestVaults.sha256(f)));
            }
        }
        assertTrue(exports.size() >= 20, "the fixtures folder holds every format: " + exports);
        Map<Boolean, List<String>> byDateOrder = new HashMap<>(Map.of(true, new ArrayList<>(), false, new ArrayList<>()));
        for (Export e : exports) {
            ok(cli("case", "add", "--vault", vault, "--title", e.label(), "--initials", "ET", "--timezone",
                    "Europe/London"));
            byDateOrder.get(importAlone(e)).add(e.file().toString());
            held.put(e.label(), heldFiles(e.label()));
        }
        // Together: one import run for the files that needed the day-first answer, one for the rest.
        for (Map.Entry<Boolean, List<String>> group : byDateOrder.entrySet()) {
            List<String> args = new ArrayList<>(List.of("import", "--vault", vault, "--case", TOGETHER, "--json"));
            if (group.getKey()) {
                args.addAll(List.of("--date-order", "dmy"));
            }
            args.addAll(group.getValue());
            if (!group.getValue().isEmpty()) {
                CliTestSupport.Result imported = cli(args.toArray(String[]::new));
                ok(imported);
                for (JsonNode summary : imported.json()) {
                    if (summary.get("added").asLong() == 0) {
                        assertTrue(summary.get("duplicates").asLong() > 0, summary::toString);
                        addedNothingTogether.add(summary.get("file").asText()); // the file's name
                    }
                }
            }
        }
        held.put(TOGETHER, heldFiles(TOGETHER));
    }

    /**
     * Each export alone in one profile, taking the profiles in turn through the sorted fixtures (so every format
     * with three samples or more meets all three), and everything together in each profile.
     */
    Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < exports.size(); i++) {
            out.add(Arguments.of(exports.get(i).label(), PROFILES.get(i % PROFILES.size())));
        }
        for (String profile : PROFILES) {
            out.add(Arguments.of(TOGETHER, profile));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void anImportedExportBundlesWithItsFilesAtTheirMessagesAndChecksVerifiesAndConforms(String caseTitle,
                                                                                        String profile)
            throws IOException {
        Path pdf = dir.resolve(caseTitle.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + profile + ".pdf");
        CliTestSupport.Result built = cli("bundle", "--vault", vault, "--case", caseTitle, "--out", pdf.toString(),
                "--profile", profile, "--json");
        ok(built);
        JsonNode bundle = built.json().get(0);
        assertTrue(bundle.get("check_passed").asBoolean(), () -> "bundle rules: " + bundle.get("rules"));

        CliTestSupport.Result check = cli("check-bundle", pdf.toString(), "--json");
        ok(check);
        assertTrue(check.json().get(0).get("passed").asBoolean(), check::toString);

        CliTestSupport.Result verify = cli("verify-bundle", pdf.toString(), "--json");
        ok(verify);
        JsonNode verified = verify.json().get(0);
        assertTrue(verified.get("verified").asBoolean(), verify::toString);
        Map<String, String> matched = new LinkedHashMap<>();
        for (JsonNode x : verified.get("exhibits")) {
            assertEquals("match", x.get("status").asText(), x::toString);
            matched.put(x.get("reference").asText(), x.get("embedded_sha256").asText());
        }

        List<String> failed = PdfaValidation.failedRules(pdf);
        assertTrue(failed.isEmpty(), () -> caseTitle + " (" + profile + ") is not PDF/A-3b:\n" + String.join("\n", failed));

        List<Export> inCase = caseTitle.equals(TOGETHER) ? exports
                : exports.stream().filter(e -> e.label().equals(caseTitle)).toList();
        Set<String> exportHashes = new java.util.HashSet<>();
        inCase.forEach(e -> exportHashes.add(e.sha256()));
        // A transcript's original is the export file; no file sent with a message becomes an exhibit of its own.
        Map<String, String> exhibitHashes = new LinkedHashMap<>();
        Map<Long, String> sentFiles = new HashMap<>();
        for (JsonNode x : bundle.get("exhibits")) {
            x.get("files").forEach(f -> sentFiles.put(f.get("item_id").asLong(), f.get("reference").asText()));
            String reference = x.get("reference").asText();
            exhibitHashes.put(reference, x.get("sha256").asText());
            assertTrue(exportHashes.contains(x.get("sha256").asText()),
                    () -> reference + " is not a transcript of an imported export: " + x);
            assertTrue(x.get("embedded").asBoolean(), x::toString);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // Re-hash every embedded file here too: each is what verify-bundle says, and identical bytes travel once.
            Map<String, String> embedded = new LinkedHashMap<>();
            for (Map.Entry<String, PDComplexFileSpecification> f : embeddedFiles(document).entrySet()) {
                try (InputStream in = f.getValue().getEmbeddedFile().createInputStream()) {
                    embedded.put(f.getKey(), Sha256.of(in.readAllBytes()));
                }
                assertEquals(matched.get(f.getKey()), embedded.get(f.getKey()), f.getKey());
            }
            assertEquals(embedded.size(), Set.copyOf(embedded.values()).size(), () -> "identical files embedded twice: "
                    + embedded);
            // ... and what the integrity appendix prints, read here from the page text: every exhibit and every file
            // sent in one has its row, and each embedded file's bytes hash to its reference's row.
            Map<String, String> appendix = appendixRows(document);
            for (JsonNode x : bundle.get("exhibits")) {
                for (JsonNode shown : concat(x, x.get("files"))) {
                    assertEquals(shown.get("sha256").asText(), appendix.get(shown.get("reference").asText()),
                            () -> "appendix row for " + shown);
                }
            }
            embedded.forEach((reference, sha) -> assertEquals(sha, appendix.get(reference), reference));
            assertTrue(matched.keySet().containsAll(embedded.keySet()));
            for (Export e : inCase) {
                if (caseTitle.equals(TOGETHER) && addedNothingTogether.contains(e.file().getFileName().toString())) {
                    continue; // nothing of it is in the case: each item came first from another file
                }
                assertTrue(embedded.containsValue(e.sha256()), () -> e.label() + ": the export file is embedded, as its"
                        + " transcript's original; embedded are " + embedded.keySet());
            }
            for (Held file : held.get(caseTitle)) {
                if (isEmailOriginal(file)) {
                    assertFalse(matched.containsValue(file.sha256()) && !exportHashes.contains(file.sha256()),
                            () -> file + " is an e-mail's own original, embedded within its export, not again");
                    continue;
                }
                shownAtItsMessage(document, file, null, sentFiles, matched, exhibitHashes, caseTitle);
            }
            for (Export e : inCase) {
                for (Sent sent : SENT.getOrDefault(e.label(), List.of())) {
                    Held file = held.get(caseTitle).stream().filter(h -> h.name().equals(sent.name())).findFirst()
                            .orElseThrow(() -> new AssertionError(e.label() + ": " + sent.name() + " was not imported"));
                    assertEquals(sent.printed(), PRINTABLE.contains(file.mediaType()), file::toString);
                    shownAtItsMessage(document, file, sent, sentFiles, matched, exhibitHashes, caseTitle);
                }
            }
        }
    }

    /** The WhatsApp zip's files are stored byte for byte: their hashes are the zip entries' own. */
    @org.junit.jupiter.api.Test
    void theZipsMediaAreHeldAsTheZipHasThem() throws IOException {
        Path zip = Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Sent sent : SENT.get("whatsapp/whatsapp-chat-parser-example.zip")) {
                ZipEntry entry = z.getEntry(sent.name());
                assertNotNull(entry, sent.name());
                String sha;
                try (InputStream in = z.getInputStream(entry)) {
                    sha = Sha256.of(in.readAllBytes());
                }
                assertTrue(held.get("whatsapp/whatsapp-chat-parser-example.zip").stream()
                        .anyMatch(h -> h.name().equals(sent.name()) && h.sha256().equals(sha)), sent::toString);
            }
        }
    }

    /**
     * The file is described in its conversation's exhibit under a sub-reference of it ("ET/3.2"), with its name and
     * SHA-256, after the text of the message it came with; a printable picture is drawn on that page; and it is
     * embedded under that reference with matching bytes.
     */
    private static void shownAtItsMessage(PDDocument document, Held file, Sent sent, Map<Long, String> sentFiles,
                                          Map<String, String> matched, Map<String, String> exhibitHashes,
                                          String caseTitle) throws IOException {
        String reference = sentFiles.get(file.id());
        assertTrue(reference != null && reference.contains("."), () -> caseTitle + ": " + file + " is not shown under"
                + " a reference of its own: " + sentFiles);
        assertEquals(file.sha256(), matched.get(reference), () -> caseTitle + ": " + reference + " is verified against"
                + " its embedded bytes: " + matched);
        String exhibit = reference.substring(0, reference.indexOf('.'));
        assertTrue(exhibitHashes.containsKey(exhibit), () -> reference + " belongs to no exhibit: " + exhibitHashes);
        int[] pages = exhibitPages(document, exhibit);
        String label = (PRINTABLE.contains(file.mediaType()) ? "Attached photo " : "Attached file ") + reference;
        int page = -1;
        for (int p = pages[0]; p <= pages[1]; p++) {
            if (text(document, p, p).contains(label)) {
                page = p;
                break;
            }
        }
        assertTrue(page > 0, () -> caseTitle + ": no line \"" + label + "\" in exhibit " + exhibit + " (pages "
                + pages[0] + "-" + pages[1] + ")");
        String here = text(document, page, Math.min(page + 1, pages[1]));
        int at = here.indexOf(label);
        String block = here.substring(at, Math.min(here.length(), at + 400));
        assertTrue(block.contains(file.name()) || block.replaceAll("\\s+", "").contains(file.name().replaceAll("\\s+", "")),
                () -> "the file's name follows " + label + ": " + block);
        assertTrue(block.contains(file.sha256()), () -> "its SHA-256 follows " + label + ": " + block);
        assertTrue(block.contains(file.mediaType()), () -> "its type follows " + label + ": " + block);
        if (PRINTABLE.contains(file.mediaType())) {
            assertTrue(imagesOn(document.getPage(page - 1)) > 0, () -> label + ": no picture drawn on its page");
        }
        if (sent != null) {
            String exhibitText = text(document, pages[0], pages[1]);
            int fileAt = exhibitText.indexOf(label);
            if (sent.messageText() != null) {
                int messageAt = exhibitText.lastIndexOf(sent.messageText(), fileAt);
                assertTrue(messageAt >= 0, () -> label + " comes after its message \"" + sent.messageText() + "\"");
            }
            if (sent.nextText() != null) {
                int nextAt = exhibitText.indexOf(sent.nextText(), fileAt);
                assertTrue(nextAt > fileAt, () -> label + " comes before the next message \"" + sent.nextText() + "\"");
            }
        }
    }

    /** An e-mail's own original (an .eml of the message as received), which travels inside its export file. */
    private static boolean isEmailOriginal(Held file) {
        return file.mediaType().equals("message/rfc822") && file.name().matches("message-\\d+\\.eml");
    }

    private static List<JsonNode> concat(JsonNode exhibit, JsonNode files) {
        List<JsonNode> out = new ArrayList<>(List.of(exhibit));
        files.forEach(out::add);
        return out;
    }

    /** Every bookmark at every level (a family bundle nests its parts in PD27A's sections), in order. */
    private static List<PDOutlineItem> bookmarks(PDDocument document) {
        List<PDOutlineItem> out = new ArrayList<>();
        addAll(document.getDocumentCatalog().getDocumentOutline().children(), out);
        return out;
    }

    private static void addAll(Iterable<PDOutlineItem> items, List<PDOutlineItem> out) {
        for (PDOutlineItem i : items) {
            out.add(i);
            addAll(i.children(), out);
        }
    }

    /** A bookmark's title without the page number it ends with (", p. 12"). */
    private static String unpaged(String title) {
        return title.replaceFirst(", p\\. \\S+$", "");
    }

    /** The integrity appendix's rows as printed: reference first on a line, then the SHA-256. */
    private static Map<String, String> appendixRows(PDDocument document) throws IOException {
        int from = -1;
        for (PDOutlineItem top : bookmarks(document)) {
            if (unpaged(top.getTitle()).equals("Integrity appendix")) {
                from = pageOf(document, top);
            }
        }
        assertTrue(from > 0, "an Integrity appendix bookmark");
        Map<String, String> rows = new LinkedHashMap<>();
        String pending = null;
        for (String line : text(document, from, document.getNumberOfPages()).split("\\R")) {
            java.util.regex.Matcher m = APPENDIX_ROW.matcher(line);
            if (m.find()) {
                assertEquals(null, rows.put(m.group(1), m.group(2)), () -> "one row for " + m.group(1));
                pending = null;
                continue;
            }
            // at 12 pt (a family bundle) the hash has the line under its reference to itself
            java.util.regex.Matcher ref = APPENDIX_REFERENCE.matcher(line);
            java.util.regex.Matcher hash = APPENDIX_HASH.matcher(line);
            if (ref.find()) {
                pending = ref.group(1);
            } else if (pending != null && hash.find()) {
                String reference = pending;
                assertEquals(null, rows.put(reference, hash.group(1)), () -> "one row for " + reference);
                pending = null;
            }
        }
        return rows;
    }

    /** 1-based first and last page of an exhibit, from the outline. */
    private static int[] exhibitPages(PDDocument document, String reference) throws IOException {
        List<int[]> starts = new ArrayList<>();
        int wanted = -1;
        int appendix = document.getNumberOfPages() + 1;
        for (PDOutlineItem top : bookmarks(document)) {
            if (unpaged(top.getTitle()).equals("Integrity appendix")) {
                appendix = pageOf(document, top);
            }
            if (unpaged(top.getTitle()).equals("Exhibits")) {
                for (PDOutlineItem x : top.children()) {
                    int p = pageOf(document, x);
                    if (x.getTitle().startsWith(reference + " ")) {
                        wanted = p;
                    }
                    starts.add(new int[] {p});
                }
            }
        }
        if (wanted < 0) {
            fail("no bookmark for exhibit " + reference);
        }
        int end = appendix - 1;
        for (int[] s : starts) {
            if (s[0] > wanted && s[0] - 1 < end) {
                end = s[0] - 1;
            }
        }
        return new int[] {wanted, end};
    }

    private static int pageOf(PDDocument document, PDOutlineItem item) throws IOException {
        PDPageDestination d = (PDPageDestination) item.getDestination();
        return document.getPages().indexOf(d.getPage()) + 1;
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(from);
        s.setEndPage(to);
        return s.getText(document);
    }

    private static int imagesOn(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        int n = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, PDComplexFileSpecification> embeddedFiles(PDDocument d) {
        var names = d.getDocumentCatalog().getNames();
        Map<String, PDComplexFileSpecification> out = new LinkedHashMap<>();
        if (names == null || names.getEmbeddedFiles() == null) {
            return out;
        }
        try {
            var tree = names.getEmbeddedFiles();
            if (tree.getNames() != null) {
                out.putAll(tree.getNames());
            }
            if (tree.getKids() != null) {
                for (var kid : tree.getKids()) {
                    out.putAll(kid.getNames());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Imports an export into its own case, answering the date-order question (day first) only when the file leaves
     * it open, as a user would; returns whether it was asked.
     */
    private boolean importAlone(Export e) {
        CliTestSupport.Result r = cli("import", "--vault", vault, "--case", e.label(), e.file().toString());
        boolean asked = r.exit() == ExitCodes.BAD_INPUT && r.err().contains("--date-order");
        if (asked) {
            r = cli("import", "--vault", vault, "--case", e.label(), "--date-order", "dmy", e.file().toString());
        }
        CliTestSupport.Result result = r;
        assertEquals(0, result.exit(), () -> "import " + e.label() + ": " + result);
        return asked;
    }

    /** The stored files of a case (originals with a hash that are not messages), from {@code timeline --json}. */
    private List<Held> heldFiles(String caseTitle) {
        CliTestSupport.Result r = cli("timeline", "--vault", vault, "--case", caseTitle, "--json");
        ok(r);
        List<Held> out = new ArrayList<>();
        for (JsonNode line : r.json()) {
            if (line.get("kind").asText().equals("attachment")) {
                out.add(new Held(line.get("id").asLong(), line.get("text").asText(),
                        line.get("type").asText().toLowerCase(Locale.ROOT), line.get("sha256").asText()));
            }
        }
        return out;
    }

    private static void ok(CliTestSupport.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }
}
