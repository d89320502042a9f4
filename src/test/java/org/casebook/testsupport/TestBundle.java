package org.casebook.testsupport;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.casebook.bundle.sign.BundleSigner;
import org.casebook.bundle.sign.SigningIdentity;
import org.casebook.vault.Sha256;

/**
 * Builds small PDFs that follow the bundle ↔ checker contract (DESIGN.md, issue 6), and bad variants of them
 * by switching one thing off. Layout: cover, index (links), chronology (+ filler pages), one page per exhibit
 * (with a photo on the first), integrity appendix.
 */
public final class TestBundle {
    public static final String AUDIT_HEAD = "a".repeat(8) + "0123456789abcdef".repeat(3) + "b".repeat(8);

    public final Map<String, String> exhibitNames = new LinkedHashMap<>();
    public final Map<String, byte[]> exhibitBytes = new LinkedHashMap<>();
    /** Bytes embedded instead of the ones whose hash the appendix prints (a tampered original). */
    public final Map<String, byte[]> tampered = new LinkedHashMap<>();
    /** Rows printed in the appendix for exhibits that are not embedded. */
    public final List<String> rowsWithoutFile = new ArrayList<>();
    public int fillerPages = 0;
    public boolean pageNumbers = true;
    /** 1-based page that prints the wrong "Page N of M" (0: none). */
    public int wrongNumberOnPage = 0;
    public boolean sectionLabels = false;
    public boolean links = true;
    public boolean danglingLink = false;
    public boolean bookmarks = true;
    /** Drawn resolution of the exhibit photo. */
    public int imageDpi = 150;
    public boolean imageOnlyPage = false;
    public boolean openAt100 = true;
    public boolean pdfa = true;
    public boolean title = true;
    public boolean standardFont = false;
    public boolean nameTreeKids = true;
    /** Signed as Casebook signs a bundle (the contract since issue 13), with a throwaway identity. */
    public boolean signed = true;

    public TestBundle() {
        exhibit("JS/1", "IMG_1234.jpg.txt", "photo of the car, not really a photo\n");
        exhibit("JS/2", "messages.txt", "He: I know where you live\nHe: answer me\n");
    }

    public TestBundle exhibit(String reference, String fileName, String content) {
        exhibitNames.put(reference, fileName);
        exhibitBytes.put(reference, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Path write(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = standardFont ? new PDType1Font(Standard14Fonts.FontName.HELVETICA) : dejaVu(doc);
            List<String> sections = new ArrayList<>(List.of("Cover", "Index", "Chronology"));
            for (int i = 0; i < fillerPages; i++) {
                sections.add("Chronology (continued)");
            }
            List<String> refs = new ArrayList<>(exhibitNames.keySet());
            for (String ref : refs) {
                sections.add("Exhibit " + ref);
            }
            if (imageOnlyPage) {
                sections.add("Scanned letter");
            }
            sections.add("Integrity appendix");
            int total = sections.size();
            List<PDPage> pages = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                pages.add(page);
            }
            for (int i = 0; i < total; i++) {
                PDPage page = pages.get(i);
                String section = sections.get(i);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (section.equals("Scanned letter")) {
                        drawImage(doc, cs, 150);
                        continue;
                    }
                    text(cs, font, 14, 50, 780, section);
                    if (pageNumbers) {
                        int shown = i + 1 == wrongNumberOnPage ? i : i + 1;
                        text(cs, font, 9, 440, 30, "Page " + shown + " of " + total);
                    }
                    if (sectionLabels) {
                        text(cs, font, 9, 50, 30, label(i));
                    }
                    text(cs, font, 9, 50, 45, "Fictional case: R. Example");
                    if (section.equals("Index")) {
                        int y = 740;
                        for (int t = 0; t < total; t++) {
                            text(cs, font, 11, 60, y, sections.get(t) + " .... " + (t + 1));
                            if (links) {
                                PDPage target = danglingLink && t == total - 1 ? new PDPage() : pages.get(t);
                                link(page, target, y);
                            }
                            y -= 16;
                        }
                    }
                    if (!refs.isEmpty() && section.equals("Exhibit " + refs.get(0))) {
                        drawImage(doc, cs, imageDpi);
                    }
                    if (section.equals("Integrity appendix")) {
                        appendix(cs, font, refs);
                    }
                }
            }
            if (sectionLabels) {
                PDPageLabels labels = new PDPageLabels(doc);
                PDPageLabelRange front = new PDPageLabelRange();
                front.setPrefix("A");
                front.setStyle(PDPageLabelRange.STYLE_DECIMAL);
                labels.setLabelItem(0, front);
                PDPageLabelRange rest = new PDPageLabelRange();
                rest.setPrefix("B");
                rest.setStyle(PDPageLabelRange.STYLE_DECIMAL);
                labels.setLabelItem(3, rest);
                doc.getDocumentCatalog().setPageLabels(labels);
            }
            if (bookmarks) {
                PDDocumentOutline outline = new PDDocumentOutline();
                PDOutlineItem exhibits = null;
                for (int t = 0; t < total; t++) {
                    PDOutlineItem item = new PDOutlineItem();
                    item.setDestination(fitWidth(pages.get(t)));
                    String s = sections.get(t);
                    if (s.startsWith("Exhibit ")) {
                        if (exhibits == null) {
                            exhibits = new PDOutlineItem();
                            exhibits.setTitle("Exhibits");
                            exhibits.setDestination(fitWidth(pages.get(t)));
                            outline.addLast(exhibits);
                        }
                        String ref = s.substring(8);
                        item.setTitle(ref + " — " + exhibitNames.get(ref));
                        exhibits.addLast(item);
                    } else if (!s.contains("continued")) {
                        item.setTitle(s);
                        outline.addLast(item);
                    }
                }
                doc.getDocumentCatalog().setDocumentOutline(outline);
            }
            if (openAt100) {
                PDPageXYZDestination open = new PDPageXYZDestination();
                open.setPage(pages.get(0));
                open.setZoom(1);
                open.setTop((int) PDRectangle.A4.getHeight());
                doc.getDocumentCatalog().setOpenAction(open);
            }
            if (title) {
                doc.getDocumentInformation().setTitle("Evidence bundle: Fictional case: R. Example");
            }
            doc.getDocumentInformation().setAuthor("Test");
            if (pdfa) {
                pdfa(doc);
            }
            embed(doc);
            doc.save(file.toFile());
        }
        if (signed) {
            new BundleSigner(testIdentity(), null).sign(file, java.time.Instant.now());
        }
        return file;
    }

    /** A throwaway key and self-signed certificate, as a vault would issue them, for test bundles. */
    public static SigningIdentity testIdentity() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return SigningIdentity.issue(generator.generateKeyPair(), "Test Preparer", java.time.Instant.now());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String label(int index) {
        return index < 3 ? "A" + (index + 1) : "B" + (index - 2);
    }

    private void appendix(PDPageContentStream cs, PDFont font, List<String> refs) throws IOException {
        int y = 740;
        List<String> all = new ArrayList<>(refs);
        all.addAll(rowsWithoutFile);
        for (String ref : all) {
            byte[] bytes = exhibitBytes.getOrDefault(ref, ref.getBytes(StandardCharsets.UTF_8));
            // Three cells drawn separately on one baseline, as a table layout does.
            text(cs, font, 8, 50, y, ref);
            text(cs, font, 8, 100, y, exhibitNames.getOrDefault(ref, "lost.txt"));
            text(cs, font, 7, 250, y, Sha256.of(bytes));
            text(cs, font, 8, 100, y - 10, "(continued description on a second line)");
            y -= 26;
        }
        text(cs, font, 9, 50, y - 10, "Audit chain head: " + AUDIT_HEAD);
    }

    private void embed(PDDocument doc) throws IOException {
        Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
        for (String ref : exhibitNames.keySet()) {
            byte[] bytes = tampered.getOrDefault(ref, exhibitBytes.get(ref));
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
            ef.setSubtype("text/plain");
            ef.setSize(bytes.length);
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            String name = ref.replace('/', '-') + " " + exhibitNames.get(ref);
            fs.setFile(name);
            fs.setFileUnicode(name);
            fs.setFileDescription("Exhibit " + ref + ": " + exhibitNames.get(ref));
            fs.setEmbeddedFile(ef);
            fs.setEmbeddedFileUnicode(ef);
            fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
            files.put(ref, fs);
        }
        // PDF/A-3: each associated file is listed in the catalog's /AF array.
        org.apache.pdfbox.cos.COSArray associated = new org.apache.pdfbox.cos.COSArray();
        files.values().forEach(fs -> associated.add(fs.getCOSObject()));
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), associated);
        PDEmbeddedFilesNameTreeNode root = new PDEmbeddedFilesNameTreeNode();
        if (nameTreeKids) {
            PDEmbeddedFilesNameTreeNode kid = new PDEmbeddedFilesNameTreeNode();
            kid.setNames(files);
            root.setKids(List.of(kid));
        } else {
            root.setNames(files);
        }
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setEmbeddedFiles(root);
        doc.getDocumentCatalog().setNames(names);
    }

    private static void pdfa(PDDocument doc) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(3);
        try {
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException(e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle("Evidence bundle: Fictional case: R. Example");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(out.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(doc,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    /** A 300×150 px image drawn so that it has {@code dpi} dots per inch. */
    private static void drawImage(PDDocument doc, PDPageContentStream cs, int dpi) throws IOException {
        BufferedImage image = new BufferedImage(300, 150, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 300; x++) {
            for (int y = 0; y < 150; y++) {
                image.setRGB(x, y, (x * 7 + y * 3) & 0xFFFFFF);
            }
        }
        PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
        cs.drawImage(xobject, 100, 400, 300f * 72 / dpi, 150f * 72 / dpi);
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    private static void link(PDPage page, PDPage target, float y) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(55, y - 3, 300, 14));
        link.setPrinted(true); // PDF/A: every annotation has /F with the print flag
        PDActionGoTo goTo = new PDActionGoTo();
        goTo.setDestination(fitWidth(target));
        link.setAction(goTo);
        page.getAnnotations().add(link);
    }

    private static PDPageDestination fitWidth(PDPage page) {
        PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
        destination.setPage(page);
        return destination;
    }

    private static PDFont dejaVu(PDDocument doc) throws IOException {
        try (InputStream in = TestBundle.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            return PDType0Font.load(doc, in);
        }
    }
}
