package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.casebook.demo.DemoCaseBuilder;
import org.casebook.model.Case;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo case's bundle, read back with PDFBox: the bundle and checker contract. */
class BundleServiceTest {
    private static final Pattern APPENDIX_ROW = Pattern.compile("(?m)^([A-Z]{1,6}/\\d+)\\s.*?\\b([0-9a-f]{64})\\b");

    @TempDir
    static Path dir;
    static Vault vault;
    static Case demo;
    static BundleResult result;
    static PDDocument pdf;
    /** Set -Dbundle.keep=DIR to keep the demo bundle for looking at. */
    static final String KEEP = System.getProperty("bundle.keep");

    @BeforeAll
    static void build() throws IOException {
        vault = TestVaults.create(dir, "bundle.casebook");
        demo = new DemoCaseBuilder(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC))
                .build(vault, Progress.NONE);
        result = new BundleService(vault).build(demo.id(), BundleOptions.all().withPreparedBy("Alex Example"),
                dir.resolve("demo.pdf"), Progress.NONE, () -> false);
        pdf = Loader.loadPDF(dir.resolve("demo.pdf").toFile());
        if (KEEP != null) {
            Files.copy(dir.resolve("demo.pdf"), Path.of(KEEP).resolve("demo.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void close() throws IOException {
        pdf.close();
        vault.close();
    }

    @Test
    void everyPageSaysPageNOfM() throws IOException {
        int m = pdf.getNumberOfPages();
        assertEquals(result.pageCount(), m);
        assertTrue(m > 10, "pages: " + m);
        for (int n = 1; n <= m; n++) {
            String text = BundleReader.text(pdf, n, n);
            assertTrue(text.contains("Page " + n + " of " + m), "page " + n + ": " + text.lines().limit(3).toList());
            assertTrue(text.contains(DemoCaseBuilder.TITLE.substring(0, 20)), "case title on page " + n);
        }
    }

    @Test
    void indexNumbersAndLinksPointAtTheRealPages() throws IOException {
        int indexPage = BundleReader.section(pdf, "Index").page();
        int listPage = BundleReader.section(pdf, "Exhibit list").page();
        List<BundleReader.Link> links = new ArrayList<>();
        for (int p = indexPage; p < listPage; p++) {
            links.addAll(BundleReader.links(pdf, p));
        }
        int exhibits = result.exhibits().size();
        assertEquals(12 + exhibits, links.size(),
                "one link per section (with statement, warning signs, who is who and continuity) and exhibit");
        for (BundleReader.Link l : links) {
            // the number printed at the end of the entry is the page the link goes to
            Matcher number = Pattern.compile("(\\d+)\\s*$").matcher(l.text().lines().findFirst().orElse(""));
            assertTrue(number.find(), l.text());
            assertEquals(l.target(), Integer.parseInt(number.group(1)), l.text());
        }
        for (BundleResult.Exhibit e : result.exhibits()) {
            assertTrue(BundleReader.text(pdf, e.page(), e.page()).contains("Exhibit " + e.reference()), e.reference());
        }
    }

    @Test
    void thePoliceExhibitListReadsLikeAWitnessStatements() throws IOException {
        int first = BundleReader.section(pdf, "Exhibit list").page();
        int last = BundleReader.section(pdf, "Course-of-conduct summary").page() - 1;
        String list = BundleReader.text(pdf, first, last).replaceAll("\\s+", " ");
        assertTrue(list.contains("Reference Description Where and when found or produced Page"), list);
        List<BundleReader.Link> links = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            links.addAll(BundleReader.links(pdf, p));
        }
        assertEquals(result.exhibits().size() + (result.diary() == null ? 0 : 1), links.size(),
                "one row, and link, per exhibit, the diary's last");
        if (result.diary() != null) {
            BundleReader.Link diary = links.remove(links.size() - 1);
            assertTrue(diary.text().replaceAll("\\s+", " ").strip().startsWith(result.diary().reference() + " Diary ("),
                    diary.text());
            assertEquals(result.diary().page(), diary.target(), "the diary's row opens the diary");
        }
        for (int i = 0; i < links.size(); i++) {
            BundleResult.Exhibit e = result.exhibits().get(i);
            String row = links.get(i).text().replaceAll("\\s+", " ").strip();
            // reference first, the page it starts on last, and the link goes there
            assertTrue(row.startsWith(e.reference() + " "), row);
            assertTrue(row.endsWith(" " + e.page()) || row.contains(" " + e.page() + " "), row);
            assertEquals(e.page(), links.get(i).target(), row);
            // the columns' lines interleave in the text layer, so the words are checked in order
            assertTrue(wordsInOrder(row, "dated Produced by Alex Example; added to Casebook"), row);
        }
        assertTrue(list.contains("Attached file IMG_"), "where a photo was found");
        assertTrue(list.contains("sms-demo-backup.xml line 3 to line"), "where the messages were found");
    }

    private static boolean wordsInOrder(String text, String words) {
        int at = 0;
        for (String word : words.split(" ")) {
            at = text.indexOf(word, at);
            if (at < 0) {
                return false;
            }
            at += word.length();
        }
        return true;
    }

    @Test
    void bookmarksMirrorTheIndex() throws IOException {
        List<BundleReader.Bookmark> outline = BundleReader.outline(pdf);
        // each bookmark ends with the page printed on the page it opens (the e-bundle guidance)
        assertEquals(List.of("Cover", "Index", "Exhibit list", "Course-of-conduct summary",
                "Warning signs (a screening aid)", "Who is who", "Chronology",
                "Continuity of the exhibits", "Witness statement", "Diary entries", "Exhibits", "Integrity appendix"),
                outline.stream().map(b -> b.title().replaceAll(", p\\. \\d+$", "")).toList());
        for (BundleReader.Bookmark b : outline) {
            assertTrue(b.title().endsWith(", p. " + b.page()), b.title() + " opens page " + b.page());
        }
        assertEquals(1, outline.get(0).page());
        List<BundleReader.Bookmark> exhibits = BundleReader.section(pdf, "Exhibits").children();
        assertEquals(result.exhibits().size(), exhibits.size());
        for (int i = 0; i < exhibits.size(); i++) {
            BundleResult.Exhibit e = result.exhibits().get(i);
            assertTrue(exhibits.get(i).title().startsWith(e.reference() + " — "), exhibits.get(i).title());
            assertEquals(e.page(), exhibits.get(i).page());
        }
        // the sections are in order and the appendix runs to the end
        for (int i = 1; i < outline.size(); i++) {
            assertTrue(outline.get(i).page() > outline.get(i - 1).page(), outline.get(i).title());
        }
        int appendix = BundleReader.section(pdf, "Integrity appendix").page();
        assertTrue(BundleReader.text(pdf, appendix, appendix).contains("Integrity appendix"));
    }

    @Test
    void printedHashesEqualTheEmbeddedOriginals() throws IOException {
        Map<String, PDComplexFileSpecification> files = BundleReader.attachments(pdf);
        assertEquals(result.exhibits().size(), files.size());
        int appendix = BundleReader.section(pdf, "Integrity appendix").page();
        String text = BundleReader.text(pdf, appendix, pdf.getNumberOfPages());
        Matcher rows = APPENDIX_ROW.matcher(text);
        int found = 0;
        while (rows.find()) {
            PDComplexFileSpecification spec = files.get(rows.group(1));
            assertNotNull(spec, rows.group(1));
            assertEquals(rows.group(2), BundleReader.sha256(spec), rows.group(1));
            assertTrue(spec.getFileUnicode().startsWith(rows.group(1).replace('/', '-') + " "), spec.getFileUnicode());
            assertEquals("Exhibit " + rows.group(1) + ": " + spec.getFileUnicode().substring(
                    spec.getFileUnicode().indexOf(' ') + 1), spec.getFileDescription());
            assertEquals("Source", spec.getCOSObject().getNameAsString("AFRelationship"));
            assertNotNull(spec.getEmbeddedFile().getSubtype());
            try (var in = spec.getEmbeddedFile().createInputStream()) {
                assertEquals(spec.getEmbeddedFile().getSize(), in.readAllBytes().length, "/Params /Size");
            }
            found++;
        }
        assertEquals(result.exhibits().size(), found);
        assertTrue(text.matches("(?s).*Audit chain head: [0-9a-f]{64}.*"));
        assertEquals(files.size(), pdf.getDocumentCatalog().getCOSObject().getCOSArray(
                org.apache.pdfbox.cos.COSName.getPDFName("AF")).size());
    }

    @Test
    void metadataOpensAtFullSizeAndClaimsPdfA3b() throws IOException {
        var info = pdf.getDocumentInformation();
        assertTrue(info.getTitle().startsWith(DemoCaseBuilder.TITLE));
        assertEquals("Alex Example", info.getAuthor());
        assertNotNull(info.getCreationDate());
        assertNotNull(info.getModificationDate());
        assertTrue(info.getProducer().startsWith("Casebook"));
        String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xmp.contains("pdfaid:part") && xmp.contains(">3<") || xmp.contains("pdfaid:part=\"3\""), xmp);
        assertTrue(xmp.contains("B"), xmp);
        assertEquals(1, pdf.getDocumentCatalog().getOutputIntents().size());
        PDPageXYZDestination open = (PDPageXYZDestination) pdf.getDocumentCatalog().getOpenAction();
        assertEquals(1, BundleReader.pageOf(pdf, open));
        assertEquals(1f, open.getZoom());
        assertEquals(org.apache.pdfbox.pdmodel.PageLayout.ONE_COLUMN, pdf.getDocumentCatalog().getPageLayout());
    }

    @Test
    void theSummaryAndChronologyShowThePattern() throws IOException {
        int chronologyPage = BundleReader.section(pdf, "Chronology").page();
        String summary = BundleReader.text(pdf, BundleReader.section(pdf, "Course-of-conduct summary").page(),
                chronologyPage - 1);
        assertTrue(summary.contains("Key figures") && summary.contains("per week"), summary);
        String chronology = BundleReader.text(pdf, chronologyPage,
                BundleReader.section(pdf, "Diary entries").page() - 1);
        assertTrue(chronology.contains("Date and time") && chronology.contains(result.exhibits().get(0).reference()));
    }

    @Test
    void exhibitsAreNumberedInDateOrder() {
        String prefix = demo.initials() + "/";
        for (int i = 0; i < result.exhibits().size(); i++) {
            assertEquals(prefix + (i + 1), result.exhibits().get(i).reference());
            assertTrue(result.exhibits().get(i).embedded());
        }
        assertFalse(Files.exists(dir.resolve("demo.pdf.part")));
    }

    @Test
    void cancellingLeavesNoFile() throws IOException {
        Path out = dir.resolve("cancelled.pdf");
        assertThrows(Progress.CancelledException.class, () -> new BundleService(vault).build(demo.id(),
                BundleOptions.all(), out, Progress.NONE, () -> true));
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }
}
