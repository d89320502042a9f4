package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.casebook.bundle.check.BundleVerifier;
import org.casebook.bundle.check.VerifyBundleReport;
import org.casebook.conduct.OrderService;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.Case;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.When;
import org.casebook.testsupport.Exif;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestPdfs;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redacted copy read back the way a recipient (or the person she fears) could: every page's text, the
 * bookmarks, the document info and XMP, the attached files' names, descriptions and bytes, the raw file. No
 * variant of a redacted text survives anywhere, shortened or not; no embedded picture keeps its position or the
 * phone that took it; an original that holds redacted text, or details that cannot be removed, stays out; and
 * the cover and the integrity appendix say exactly which.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedactedBundleTest {
    static final String ADDRESS = "Flat 3, 27 Elm Street";
    static final String PHONE = "07700 900456";
    static final double LAT = 51.50142;
    static final double LON = -0.14193;
    static final String PLACE = "51.50142, -0.14193";
    /** Pieces of the redacted texts, folded as {@link #fold} folds: none may be left anywhere. */
    static final List<String> FRAGMENTS = List.of("flat 3", "27 elm", "elm street", "elm stree", "07700", "900456",
            "900 456", "7700 900", "51.501", "-0.141", "0.1419", "51,30", "acme", "phone 12 pro", "sn-4471");

    /** One case, one redacted bundle, read back by each test. */
    @TempDir
    static Path dir;
    private Vault vault;
    private Case addressed;
    private BundleResult built;
    private final Map<String, Path> files = new LinkedHashMap<>();

    @BeforeAll
    void buildTheRedactedCopy() throws IOException {
        vault = TestVaults.create(dir, "redacted.casebook");
        fillCase();
        built = new BundleService(vault).build(addressed.id(), BundleOptions.all()
                .withRedactions(List.of(ADDRESS, PHONE, PLACE)), dir.resolve("redacted.pdf"), Progress.NONE, () -> false);
    }

    @AfterAll
    void closeVault() {
        vault.close();
    }

    /** The case as a frightened person would have filled it: her address and number all through it. */
    private void fillCase() throws IOException {
        addressed = new CaseService(vault).add("Jane Smith, harassment at Flat 3, 27 Elm Street", "JS",
                TestVaults.LONDON);
        IncidentService incidents = new IncidentService(vault);
        // the address sits where the bundle's 70- and 60-character summaries cut the description
        Incident waited = incidents.add(addressed.id(), new IncidentDraft(IncidentType.LOITERING,
                When.exactly(ZonedDateTime.of(2024, 3, 14, 21, 0, 0, 0, TestVaults.LONDON)),
                "He stood outside the block for an hour tonight at Flat 3, 27 Elm Street, watching my window.",
                "Outside Flat 3,\u00A027 Elm\u00A0Street", List.of(), "I could not sleep.", null));
        var order = new OrderService(vault).add(addressed.id(), new OrderDraft(OrderKind.NON_MOLESTATION_ORDER,
                "Family Court at Leeds", "LS24P00123", LocalDate.of(2024, 3, 1), null, null, null,
                List.of("Not to come within 100 metres of the applicant's home")));
        new OrderService(vault).confirm(waited.id(), order.conditions().get(0).id(), null);

        file("IMG_0001.jpg", Exif.phoneJpeg(LAT, LON, ADDRESS, "2024:03:14 21:05:00"));
        file("Flat 3, 27 Elm Street \u2013 front door.png", Exif.phonePng(LAT, LON, ADDRESS, "2024:03:14 21:06:00"));
        file("IMG_0003.webp", Exif.phoneWebp(LAT, LON, ADDRESS, "2024:03:14 21:07:00"));
        new AttachmentService(vault).attach(addressed.id(), List.of(files.get("IMG_0001.jpg"),
                files.get("Flat 3, 27 Elm Street \u2013 front door.png"), files.get("IMG_0003.webp")), waited.id(),
                Progress.NONE);

        ByteArrayOutputStreamGif gif = new ByteArrayOutputStreamGif();
        file("map.gif", gif.bytes());
        file("VID_0004.mp4", mp4());
        file("note.txt", "My new number is 07700\u00A0900\u00A0456, please do not share it."
                .getBytes(StandardCharsets.UTF_8));
        file("harmless.txt", "Nothing private here.".getBytes(StandardCharsets.UTF_8));
        file("letter.eml", ("From: Housing <housing@example.org>\r\nTo: jane@example.org\r\n"
                + "Subject: =?UTF-8?Q?Your_tenancy_at_Flat_3,_27_Elm_Street?=\r\n"
                + "Date: Thu, 14 Mar 2024 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Dear Ms Smith, your new home is Flat 3,=C2=A027 Elm =\r\nStreet from Monday.\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        file("clean.eml", ("From: Police <police@example.org>\r\nTo: jane@example.org\r\nSubject: Your report\r\n"
                + "Date: Thu, 14 Mar 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nWe have logged your report.\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Path tenancy = dir.resolve("tenancy.pdf");
        TestPdfs.write(tenancy, 14, "Tenancy agreement for Flat 3, 27 Elm Street");
        files.put("tenancy.pdf", tenancy);
        Path order2 = dir.resolve("order.pdf");
        TestPdfs.write(order2, 14, "Non-molestation order LS24P00123");
        files.put("order.pdf", order2);
        new AttachmentService(vault).attach(addressed.id(), List.of(files.get("map.gif"), files.get("VID_0004.mp4"),
                files.get("note.txt"), files.get("harmless.txt"), files.get("letter.eml"), files.get("clean.eml"),
                tenancy, order2), null, Progress.NONE);

        Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "14/03/2024, 21:15 - Sam: I know you live at Flat 3, 27 Elm Street now, I saw you"
                + " go in with the shopping and I will be back\n"
                + "14/03/2024, 21:16 - Sam: location: https://maps.google.com/?q=51.501398,-0.141870\n"
                + "14/03/2024, 21:17 - Sam: ring me on 07700 900 456 you know you want to\n", StandardCharsets.UTF_8);
        files.put("chat", chat);
        new ImportService(vault, Importers.standard()).importFile(addressed.id(), chat, ImportOptions.defaults(),
                Progress.NONE);
    }

    private void file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        files.put(name, p);
    }

    @Test
    void noVariantOfARedactedTextSurvivesAnywhereInTheFile() throws IOException {
        byte[] raw = Files.readAllBytes(dir.resolve("redacted.pdf"));
        Map<String, String> places = new LinkedHashMap<>();
        // Compressed bytes are noise: searched raw, a fold of them spells "acme" now and then. So the raw file is
        // searched outside its streams, and every stream that holds text is searched decoded.
        places.put("the raw file outside its streams", STREAM_BODY.matcher(new String(raw, StandardCharsets.ISO_8859_1))
                .replaceAll("stream endstream"));
        try (PDDocument pdf = Loader.loadPDF(raw)) {
            places.put("the decoded text streams", decodedTextStreams(pdf));
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                places.put("page " + p, BundleReader.text(pdf, p, p));
            }
            places.put("the bookmarks", outline(pdf.getDocumentCatalog().getDocumentOutline()));
            PDDocumentInformation info = pdf.getDocumentInformation();
            places.put("the document info", String.join("\n", String.valueOf(info.getTitle()),
                    String.valueOf(info.getAuthor()), String.valueOf(info.getSubject()),
                    String.valueOf(info.getKeywords()), String.valueOf(info.getCreator())));
            places.put("the XMP metadata", new String(pdf.getDocumentCatalog().getMetadata().toByteArray(),
                    StandardCharsets.UTF_8));
            for (Map.Entry<String, PDComplexFileSpecification> f : BundleReader.attachments(pdf).entrySet()) {
                PDComplexFileSpecification spec = f.getValue();
                places.put("attachment " + f.getKey() + "'s names", f.getKey() + "\n" + spec.getFile() + "\n"
                        + spec.getFileUnicode() + "\n" + spec.getFileDescription());
                byte[] bytes = bytes(spec);
                places.put("attachment " + f.getKey() + "'s bytes (UTF-8)", new String(bytes, StandardCharsets.UTF_8));
                places.put("attachment " + f.getKey() + "'s bytes (Latin-1)",
                        new String(bytes, StandardCharsets.ISO_8859_1));
            }
            assertTrue(places.get("page 1").contains("REDACTED COPY"));
        }
        List<String> leaks = new ArrayList<>();
        places.forEach((where, text) -> {
            String folded = fold(text);
            for (String fragment : FRAGMENTS) {
                if (folded.contains(fragment)) {
                    int at = folded.indexOf(fragment);
                    leaks.add("\"" + fragment + "\" in " + where + ": …"
                            + folded.substring(Math.max(0, at - 40), Math.min(folded.length(), at + 40)) + "…");
                }
            }
        });
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void embeddedPicturesKeepNoPositionOrDeviceAndTheCoverSaysWhatWasDone() throws Exception {
        // the pictures as stored really do carry all of it
        for (String name : List.of("IMG_0001.jpg", "Flat 3, 27 Elm Street \u2013 front door.png", "IMG_0003.webp")) {
            Metadata before = ImageMetadataReader.readMetadata(files.get(name).toFile());
            assertNotNull(before.getFirstDirectoryOfType(GpsDirectory.class), name);
            assertEquals(LAT, before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude(), 1e-4);
        }
        BundleResult r = built;
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("redacted.pdf").toFile())) {
            Map<String, PDComplexFileSpecification> attached = BundleReader.attachments(pdf);
            int pictures = 0;
            for (PDComplexFileSpecification spec : attached.values()) {
                String type = spec.getEmbeddedFile().getSubtype();
                if (type == null || !type.startsWith("image/")) {
                    continue;
                }
                pictures++;
                byte[] bytes = bytes(spec);
                Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
                for (Directory d : m.getDirectories()) {
                    String kind = d.getClass().getSimpleName();
                    assertFalse(kind.contains("Gps") || kind.contains("Thumbnail") || kind.contains("Xmp")
                            || kind.contains("Iptc") || kind.contains("Makernote") || kind.contains("Comment"),
                            spec.getFileUnicode() + " still has " + kind + ": " + d.getTags());
                    assertFalse(d.toString().contains("Acme"), spec.getFileUnicode() + ": " + d.getTags());
                    assertFalse(d.getTags().toString().contains(Exif.SERIAL), spec.getFileUnicode() + ": "
                            + d.getTags());
                    if (kind.equals("PngDirectory")) {
                        assertFalse(d.getTags().toString().contains("Taken at"), d.getTags().toString());
                    }
                }
                ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
                assertTrue(ifd0 == null || ifd0.getString(ExifIFD0Directory.TAG_MAKE) == null
                        && ifd0.getString(ExifIFD0Directory.TAG_MODEL) == null, spec.getFileUnicode());
                ExifSubIFDDirectory sub = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
                assertTrue(sub == null || sub.getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER) == null
                        && sub.getString(ExifSubIFDDirectory.TAG_LENS_MODEL) == null, spec.getFileUnicode());
                String latin = new String(bytes, StandardCharsets.ISO_8859_1);
                assertFalse(latin.contains("MotionPhoto") || latin.contains(Exif.SERIAL) || latin.contains("Elm"),
                        spec.getFileUnicode() + ": data after the picture's end stays behind");
                if (type.equals("image/jpeg")) {
                    // still the same picture, with the time it was taken (evidence, not a location)
                    var image = ImageIO.read(new ByteArrayInputStream(bytes));
                    assertEquals(640, image.getWidth());
                    assertEquals("2024:03:14 21:05:00", sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
                }
            }
            assertEquals(3, pictures, attached.keySet().toString());
            String cover = BundleReader.text(pdf, 1, 2).replaceAll("\\s+", " ");
            assertTrue(cover.contains("Location and device details were removed from 3 photos"), cover);
            for (BundleResult.Exhibit e : r.exhibits()) {
                assertTrue(cover.contains(e.reference()), e.reference() + " not accounted for on the cover: " + cover);
            }
            assertTrue(cover.contains("originals were withheld"), cover);
        }
        assertTrue(new BundleVerifier().verify(dir.resolve("redacted.pdf")).verified(),
                "a redacted copy verifies: its copies match their printed hashes, withheld originals are named");
    }

    @Test
    void theAppendixPrintsBothHashesAndVerifyBundleChecksWhatIsEmbedded() throws Exception {
        BundleResult r = built;
        Path pdfFile = dir.resolve("redacted.pdf");
        Map<String, String> copies = new LinkedHashMap<>();
        try (PDDocument pdf = Loader.loadPDF(pdfFile.toFile())) {
            int from = BundleReader.section(pdf, "Integrity appendix").page();
            String appendix = BundleReader.text(pdf, from, pdf.getNumberOfPages());
            for (Map.Entry<String, PDComplexFileSpecification> f : BundleReader.attachments(pdf).entrySet()) {
                copies.put(f.getKey(), BundleReader.sha256(f.getValue()));
            }
            for (String name : List.of("IMG_0001.jpg", "IMG_0003.webp")) {
                String original = sha256(files.get(name));
                BundleResult.Exhibit e = r.exhibits().stream().filter(x -> x.sha256().equals(original)).findFirst()
                        .orElseThrow();
                String copy = copies.get(e.reference());
                assertNotNull(copy, name + " is embedded (as its copy)");
                assertFalse(copy.equals(original), "the copy is not the original");
                assertEquals(copy, e.embeddedSha256());
                assertTrue(appendix.contains(e.reference() + " " + original), "the original's hash on its row");
                assertTrue(appendix.contains("copy " + copy), "the copy's hash under it:\n" + appendix);
            }
            for (String name : List.of("note.txt", "letter.eml", "tenancy.pdf", "VID_0004.mp4", "map.gif")) {
                String original = sha256(files.get(name));
                BundleResult.Exhibit e = r.exhibits().stream().filter(x -> x.sha256().equals(original)).findFirst()
                        .orElseThrow();
                assertFalse(e.embedded(), name);
                assertNull(copies.get(e.reference()), name + " is not attached");
                assertTrue(appendix.contains(e.reference() + " " + original + " withheld"), name + ":\n" + appendix);
                assertTrue(e.note().startsWith("withheld from this redacted copy: "), e.note());
            }
            // a document that holds no redacted text travels as it is, and its pages are merged
            for (String name : List.of("harmless.txt", "clean.eml", "order.pdf")) {
                String original = sha256(files.get(name));
                BundleResult.Exhibit e = r.exhibits().stream().filter(x -> x.sha256().equals(original)).findFirst()
                        .orElseThrow();
                assertEquals(original, copies.get(e.reference()), name);
            }
            String text = BundleReader.text(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains("Non-molestation order LS24P00123"), "the clean PDF is merged");
            assertTrue(text.contains("are not merged into this redacted copy because it contains redacted text"),
                    "the PDF holding the address is not");
        }

        assertTrue(r.check().allPassed(), () -> r.check().failures().toString());
        List<String> notPdfA = org.casebook.testsupport.PdfaValidation.failedRules(pdfFile);
        assertTrue(notPdfA.isEmpty(), () -> String.join("\n", notPdfA));

        VerifyBundleReport report = new BundleVerifier().verify(pdfFile);
        assertTrue(report.verified(), report.toString());
        Map<String, org.casebook.bundle.check.ExhibitStatus> statuses = new LinkedHashMap<>();
        report.exhibits().forEach(x -> statuses.put(x.reference(), x.status()));
        for (BundleResult.Exhibit e : r.exhibits()) {
            var expected = e.note() == null ? org.casebook.bundle.check.ExhibitStatus.MATCH
                    : e.embedded() ? org.casebook.bundle.check.ExhibitStatus.REDACTED_COPY
                    : org.casebook.bundle.check.ExhibitStatus.WITHHELD;
            assertEquals(expected, statuses.get(e.reference()), e.reference() + " " + e.note());
        }
        assertEquals(3, report.count(org.casebook.bundle.check.ExhibitStatus.REDACTED_COPY));
        assertEquals(6, report.count(org.casebook.bundle.check.ExhibitStatus.WITHHELD));

        // the extracted files check with sha256sum -c: the copies against the copies' hashes
        Path out = dir.resolve("extracted");
        new BundleVerifier().verify(pdfFile, out);
        String sums = Files.readString(out.resolve(BundleVerifier.SUMS_FILE));
        for (String hash : copies.values()) {
            assertTrue(sums.contains(hash), sums);
        }
    }

    private static String outline(PDOutlineNode node) {
        StringBuilder out = new StringBuilder();
        if (node == null) {
            return "";
        }
        for (PDOutlineItem item : node.children()) {
            out.append(item.getTitle()).append('\n').append(outline(item));
        }
        return out.toString();
    }

    private static byte[] bytes(PDComplexFileSpecification spec) throws IOException {
        try (InputStream in = spec.getEmbeddedFile().createInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Capitals, accents, invisible characters, curly apostrophes and every kind of space folded away. */
    private static final Pattern STREAM_BODY = Pattern.compile("stream\\r?\\n.*?endstream", Pattern.DOTALL);

    /** Every stream but pictures and fonts, decoded: page content, metadata, names, embedded documents. */
    private static String decodedTextStreams(PDDocument pdf) throws IOException {
        StringBuilder all = new StringBuilder();
        COSDocument doc = pdf.getDocument();
        for (COSObjectKey key : doc.getXrefTable().keySet()) {
            COSBase object = doc.getObjectFromPool(key).getObject();
            if (object instanceof COSStream stream && holdsText(stream)) {
                try (InputStream in = stream.createInputStream()) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static boolean holdsText(COSStream stream) {
        String subtype = stream.getNameAsString(COSName.SUBTYPE, "");
        boolean picture = subtype.equals("Image") || subtype.startsWith("image");
        boolean font = stream.containsKey(COSName.LENGTH1) || Set.of("Type1C", "CIDFontType0C", "OpenType")
                .contains(subtype);
        return !picture && !font && !"XRef".equals(stream.getNameAsString(COSName.TYPE));
    }

    static String fold(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.replaceAll("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]", "").replace('\u2019', '\'');
        return n.replaceAll("[\\s\\u00A0\\u202F\\u2007]+", " ").toLowerCase(Locale.ROOT);
    }


    /** The first bytes of an MP4 a phone makes: enough for its type to be recognised. */
    private static byte[] mp4() {
        byte[] b = new byte[64];
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** A small GIF: a picture kind whose details Casebook does not take apart. */
    private static final class ByteArrayOutputStreamGif {
        byte[] bytes() throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(Images.photo(40, 30, 2), "gif", out);
            return out.toByteArray();
        }
    }

    static String sha256(Path p) throws IOException {
        return Sha256.of(Files.readAllBytes(p));
    }
}
