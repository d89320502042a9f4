package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/** Small cases: empty, one photo, a merged PDF, redaction, the family profile's page labels. */
class BundleCasesTest extends OneCaseVaultTest {
    @Test
    void anEmptyCaseGivesASensibleBundle() throws IOException {
        BundleResult r = build(BundleOptions.all(), "empty.pdf");
        assertTrue(r.exhibits().isEmpty());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("empty.pdf").toFile())) {
            assertEquals(r.pageCount(), pdf.getNumberOfPages());
            String text = BundleReader.text(pdf);
            assertTrue(text.contains("No exhibits are in this selection."));
            assertTrue(text.contains("No diary entries are recorded in this period."));
            // no course of conduct to summarise: no summary page, and the cover says nothing is recorded yet
            assertFalse(text.contains("Course-of-conduct summary"), text);
            assertTrue(text.contains("Period covered nothing is recorded yet"), text);
            assertEquals(8, BundleReader.outline(pdf).size()); // the police profile's exhibit list and the statement too
            assertTrue(text.contains("Exhibit list"));
            assertTrue(BundleReader.attachments(pdf).isEmpty());
        }
    }

    @Test
    void oneIncidentWithAPhotoAndAPdf() throws IOException {
        var incident = new IncidentService(vault).add(aCase.id(), new IncidentDraft(IncidentType.GIFT,
                When.exactly(ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, TestVaults.LONDON)),
                "Flowers left on the doorstep with a card.", "Front door", List.of("Priya"), "Scared.", "CAD 123/3"));
        Path photo = dir.resolve("IMG_1234.jpg");
        Files.write(photo, Images.jpegWithExif("Acme", "Phone 1", "2024:03:01 21:20:00", "+00:00"));
        Path letter = dir.resolve("letter.pdf");
        writePdf(letter, "Solicitor's letter page one", "Page two of the letter");
        new AttachmentService(vault).attach(aCase.id(), List.of(photo, letter), incident.id(), Progress.NONE);

        BundleResult r = build(BundleOptions.all().withProfile(BundleProfile.CIVIL), "one.pdf");
        assertEquals(2, r.exhibits().size());
        assertEquals(List.of("JS/1", "JS/2"), r.exhibits().stream().map(BundleResult.Exhibit::reference).toList());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("one.pdf").toFile())) {
            String text = BundleReader.text(pdf);
            assertTrue(text.contains("Flowers left on the doorstep with a card."));
            assertTrue(text.contains("Solicitor's letter page one") && text.contains("Page two of the letter"),
                    "the PDF's pages are merged in");
            // the merged pages are stamped like the rest
            var files = BundleReader.attachments(pdf);
            BundleResult.Exhibit pdfExhibit = r.exhibits().stream().filter(e -> files.get(e.reference())
                    .getFileUnicode().endsWith("letter.pdf")).findFirst().orElseThrow();
            int last = pdf.getNumberOfPages();
            for (int p = pdfExhibit.page(); p <= pdfExhibit.page() + 2; p++) {
                String page = BundleReader.text(pdf, p, p);
                assertTrue(page.contains("Page " + p + " of " + last), page);
                assertTrue(page.contains("Exhibit " + pdfExhibit.reference()), page);
            }
            for (BundleResult.Exhibit e : r.exhibits()) {
                assertEquals(e.sha256(), BundleReader.sha256(BundleReader.attachments(pdf).get(e.reference())));
            }
            // numbered in the order things happened: the letter (at the incident's time) before the photo (EXIF)
            assertEquals("JS-1 letter.pdf", files.get("JS/1").getFileUnicode());
            assertEquals("application/pdf", files.get("JS/1").getEmbeddedFile().getSubtype());
            assertEquals(TestVaults.sha256(photo), r.exhibits().get(1).sha256());
            assertEquals("image/jpeg", files.get("JS/2").getEmbeddedFile().getSubtype());
            String photoPage = BundleReader.text(pdf, r.exhibits().get(1).page(), r.exhibits().get(1).page())
                    .replaceAll("\\s+", " ");
            assertTrue(photoPage.contains("the camera's own time (EXIF)"), photoPage);
            assertTrue(photoPage.contains("Taken Fri 1 Mar 2024, 21:20"), photoPage);
        }
    }

    /** Only a camera's own time is "taken": a diary entry's time or a file date is named as what it is. */
    @Test
    void aPhotoWithoutACameraTimeIsNotCaptionedAsTaken() throws IOException {
        var incident = new IncidentService(vault).add(aCase.id(), new IncidentDraft(IncidentType.PROPERTY_DAMAGE,
                When.exactly(ZonedDateTime.of(2024, 3, 2, 7, 40, 0, 0, TestVaults.LONDON)),
                "Both tyres slashed overnight.", "Driveway", List.of(), "Afraid.", null));
        Path withIncident = dir.resolve("tyres.jpg");
        Files.write(withIncident, Images.encodeJpeg(Images.photo(800, 600, 4), 0.8f)); // no EXIF at all
        new AttachmentService(vault).attach(aCase.id(), List.of(withIncident), incident.id(), Progress.NONE);
        Path loose = dir.resolve("screenshot.png");
        Files.write(loose, Images.png());
        Files.setLastModifiedTime(loose, java.nio.file.attribute.FileTime.from(
                ZonedDateTime.of(2024, 3, 5, 12, 0, 0, 0, TestVaults.LONDON).toInstant()));
        new AttachmentService(vault).attach(aCase.id(), List.of(loose), null, Progress.NONE);

        BundleResult r = build(BundleOptions.all(), "times.pdf");
        assertEquals(2, r.exhibits().size());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("times.pdf").toFile())) {
            String diaryTimed = BundleReader.text(pdf, r.exhibits().get(0).page(), r.exhibits().get(0).page())
                    .replaceAll("\\s+", " ");
            String fileTimed = BundleReader.text(pdf, r.exhibits().get(1).page(), r.exhibits().get(1).page())
                    .replaceAll("\\s+", " ");
            for (String page : List.of(diaryTimed, fileTimed)) {
                assertFalse(page.contains("Taken"), page);
                assertTrue(page.contains("holds no camera (EXIF) time"), page);
            }
            assertTrue(diaryTimed.contains("the time of the diary entry it belongs to"), diaryTimed);
            assertTrue(diaryTimed.contains("placed at Sat 2 Mar 2024, 07:40 GMT"), diaryTimed);
            assertTrue(fileTimed.contains("last-modified date"), fileTimed);
        }
    }

    @Test
    void redactedTextIsNowhereInTheBundle() throws IOException {
        String secret = "14 Rose Lane";
        new IncidentService(vault).add(aCase.id(), TestVaults.draft(IncidentType.LOITERING,
                ZonedDateTime.of(2024, 3, 2, 22, 0, 0, 0, TestVaults.LONDON),
                "He waited outside my new flat at 14 ROSE LANE for an hour."));
        Path note = dir.resolve("note about 14 rose lane.txt");
        Files.writeString(note, "My new address is 14 Rose Lane.", StandardCharsets.UTF_8);
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "Nothing private here.", StandardCharsets.UTF_8);
        new AttachmentService(vault).attach(aCase.id(), List.of(note, other), null, Progress.NONE);

        BundleResult r = build(BundleOptions.all().withRedactions(List.of(secret)).withPreparedBy("J. Smith"),
                "redacted.pdf");
        byte[] raw = Files.readAllBytes(dir.resolve("redacted.pdf"));
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains("rose lane"),
                "not in the file's bytes at all (metadata, names, uncompressed text)");
        try (PDDocument pdf = Loader.loadPDF(raw)) {
            String text = BundleReader.text(pdf);
            assertFalse(text.toLowerCase(Locale.ROOT).contains("rose lane"));
            assertTrue(text.contains("REDACTED COPY"));
            assertTrue(text.contains("[redacted]"));
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertFalse(xmp.toLowerCase(Locale.ROOT).contains("rose lane"));
            for (var b : BundleReader.outline(pdf)) {
                assertFalse(b.title().toLowerCase(Locale.ROOT).contains("rose lane"));
            }
            // the original holding the address stays out; the harmless one travels
            var files = BundleReader.attachments(pdf);
            assertEquals(1, files.size());
            BundleResult.Exhibit withheld = r.exhibits().stream().filter(e -> !e.embedded()).findFirst().orElseThrow();
            assertFalse(files.containsKey(withheld.reference()));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains(withheld.reference())));
        }
    }

    @Test
    void familyBundlesAreLabelledBySection() throws IOException {
        new IncidentService(vault).add(aCase.id(), TestVaults.draft(IncidentType.FOLLOWING,
                ZonedDateTime.of(2024, 3, 2, 22, 0, 0, 0, TestVaults.LONDON), "Followed me home."));
        Path photo = dir.resolve("IMG_1.jpg");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2400, 1800,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", photo.toFile());
        new AttachmentService(vault).attach(aCase.id(), List.of(photo), null, Progress.NONE);
        BundleResult r = build(BundleOptions.all().withProfile(BundleProfile.FAMILY), "family.pdf");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("family.pdf").toFile())) {
            String[] labels = pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
            assertEquals("A1", labels[0]);
            List<BundleReader.Bookmark> outline = BundleReader.outline(pdf);
            assertFalse(outline.stream().anyMatch(b -> b.title().equals("Exhibit list")), "police only");
            // FPR PD27A's order: A preliminary documents; B statements (the statement, the diary, the exhibits it
            // produces; no order documents here, so no section for them); C other documents
            assertEquals(List.of("Section A \u2014 Preliminary documents, p. A1",
                    "Section B \u2014 Statements and affidavits, p. B1", "Section C \u2014 Other documents, p. C1"),
                    outline.stream().map(BundleReader.Bookmark::title).toList());
            assertEquals("B1", labels[BundleReader.section(pdf, "Witness statement").page() - 1]); // the diary follows
            String exhibits = labels[BundleReader.section(pdf, "Exhibits").page() - 1];
            assertTrue(exhibits.startsWith("B"), exhibits);
            int first = Integer.parseInt(exhibits.substring(1)) + 2; // after its front sheet
            assertEquals("B" + first, labels[r.exhibits().get(0).page() - 1]);
            assertEquals("C1", labels[BundleReader.section(pdf, "Integrity appendix").page() - 1]);
            for (int i = 0; i < labels.length; i++) {
                String page = BundleReader.text(pdf, i + 1, i + 1);
                assertTrue(page.contains(labels[i]) && page.contains("Page " + (i + 1) + " of " + labels.length));
            }
            // the photo is printed from a downsampled copy: at most 300 dpi across the 483 pt text width
            var resources = pdf.getPage(r.exhibits().get(0).page() - 1).getResources();
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) resources.getXObject(
                    resources.getXObjectNames().iterator().next());
            assertTrue(image.getWidth() < 2400 && image.getWidth() <= 483 / 72f * 300, "width " + image.getWidth());
            // the index prints the section labels and links to the same pages
            int indexPage = BundleReader.section(pdf, "Index").page();
            for (BundleReader.Link l : BundleReader.links(pdf, indexPage)) {
                assertTrue(l.text().lines().findFirst().orElse("").strip().endsWith(labels[l.target() - 1]), l.text());
            }
        }
    }

    @Test
    void aFamilyBundleOver350PagesIsFlagged() throws IOException {
        String[] pages = new String[345];
        java.util.Arrays.setAll(pages, i -> "Statement page " + (i + 1));
        Path statement = dir.resolve("statement.pdf");
        writePdf(statement, pages);
        new AttachmentService(vault).attach(aCase.id(), List.of(statement), null, Progress.NONE);

        BundleResult family = build(BundleOptions.all().withProfile(BundleProfile.FAMILY), "long-family.pdf");
        assertTrue(family.pageCount() > BundleService.FAMILY_PAGE_LIMIT, "pages " + family.pageCount());
        String expected = "The bundle has " + family.pageCount() + " pages: family court bundles are limited to 350"
                + " pages (FPR PD27A) unless the court permits more.";
        assertTrue(family.warnings().contains(expected), family.warnings().toString());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("long-family.pdf").toFile())) {
            assertEquals(family.pageCount(), pdf.getNumberOfPages());
            String[] labels = pdf.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
            assertEquals(family.pageCount(), labels.length);
            // the 345 merged pages run on in the statements' section after the exhibits' opening page, its front
            // sheet and its own page
            int exhibit = family.exhibits().get(0).page();
            String opening = labels[BundleReader.section(pdf, "Exhibits").page() - 1];
            int first = Integer.parseInt(opening.substring(1)) + 2;
            assertEquals("B" + first, labels[exhibit - 1]);
            assertEquals("B" + (first + 345), labels[exhibit + 345 - 1]);
        }
        // the limit is the family court's: the same bundle for the police carries no such warning
        BundleResult police = build(BundleOptions.all(), "long-police.pdf");
        assertTrue(police.warnings().stream().noneMatch(w -> w.contains("350")), police.warnings().toString());
    }

    private static void writePdf(Path file, String... pages) throws IOException {
        try (PDDocument d = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                    cs.newLineAtOffset(72, 600);
                    cs.showText(text);
                    cs.endText();
                }
            }
            d.save(file.toFile());
        }
    }
}
