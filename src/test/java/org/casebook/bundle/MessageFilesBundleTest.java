package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.casebook.bundle.check.BundleVerifier;
import org.casebook.bundle.check.ExhibitCheck;
import org.casebook.bundle.check.ExhibitStatus;
import org.casebook.bundle.check.VerifyBundleReport;
import org.casebook.evidence.TimelineService;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.Fixtures;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;

/**
 * Files that came with imported messages, in the bundle: shown at their message in the conversation's transcript
 * under a reference of their own, however the selection reaches them; an export file several conversations came
 * from travels once and verifies for each of them; a redacted copy withholds a sent file that holds redacted text.
 */
class MessageFilesBundleTest extends OneCaseVaultTest {
    private static final String PHOTO = "00000001-PHOTO-2019-06-20-16-00-15.jpg";

    private void importFixture(String folder, String name) {
        new ImportService(vault, Importers.standard()).importFile(aCase.id(), Fixtures.file(folder, name),
                new ImportOptions(null, null, DateOrder.DMY, List.of(), false), Progress.NONE);
    }

    private TimelineItem item(ItemKind kind, String text) {
        return new TimelineService(vault).timeline(aCase.id()).stream()
                .filter(i -> i.kind() == kind && text.equals(i.text())).findFirst().orElseThrow();
    }

    @Test
    void choosingOnlyAPhotoSentInAChatBringsItsMessageAndShowsThePhotoThere() throws IOException {
        importFixture("whatsapp", "whatsapp-chat-parser-example.zip");
        TimelineItem photo = item(ItemKind.ATTACHMENT, PHOTO);
        TimelineItem message = item(ItemKind.MESSAGE, "<attached: " + PHOTO + ">");

        BundleOptions only = new BundleOptions(BundleProfile.POLICE, null, null, Set.of(), Set.of(),
                List.of(photo.id()), null, List.of(), null);
        BundleResult r = build(only, "photo.pdf");

        assertEquals(1, r.exhibits().size(), r.exhibits()::toString);
        BundleResult.Exhibit transcript = r.exhibits().get(0);
        assertEquals(message.id(), transcript.itemId(), "the exhibit is the message's conversation");
        assertEquals(1, transcript.files().size());
        assertEquals("JS/1.1", transcript.files().get(0).reference());
        assertEquals(photo.sha256(), transcript.files().get(0).sha256());
        assertTrue(transcript.files().get(0).embedded());
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("photo.pdf").toFile())) {
            int page = transcript.files().get(0).page();
            String text = BundleReader.text(pdf, page, page);
            assertTrue(text.indexOf("<attached: " + PHOTO + ">") < text.indexOf("Attached photo JS/1.1"), text);
            assertTrue(text.contains(photo.sha256()), text);
            assertEquals(Set.of("JS/1", "JS/1.1"), BundleReader.attachments(pdf).keySet());
            assertEquals(photo.sha256(), BundleReader.sha256(BundleReader.attachments(pdf).get("JS/1.1")));
        }
    }

    @Test
    void onlyPhotosAndFilesGivesTheMessagesTheFilesWereSentWith() {
        importFixture("whatsapp", "whatsapp-chat-parser-example.zip");
        BundleOptions files = new BundleOptions(BundleProfile.CIVIL, null, null, Set.of(ItemKind.ATTACHMENT), Set.of(),
                List.of(), null, List.of(), null);
        BundleResult r = build(files, "files.pdf");
        assertEquals(1, r.exhibits().size(), "no photo or file is an exhibit of its own");
        assertEquals(List.of("JS/1.1", "JS/1.2", "JS/1.3", "JS/1.4"),
                r.exhibits().get(0).files().stream().map(BundleResult.Exhibit::reference).toList());
    }

    @Test
    void anExportSeveralConversationsCameFromIsEmbeddedOnceAndVerifiesForEach() throws IOException {
        importFixture("sms-backup-restore", "mixed.xml");
        BundleResult r = build(BundleOptions.all(), "sms.pdf");
        List<String> references = r.exhibits().stream().map(BundleResult.Exhibit::reference).toList();
        assertTrue(references.size() >= 2, references::toString);
        assertEquals(1, r.exhibits().stream().map(BundleResult.Exhibit::sha256).distinct().count());
        assertTrue(r.exhibits().stream().allMatch(BundleResult.Exhibit::embedded));

        Path pdf = dir.resolve("sms.pdf");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            Map<String, PDComplexFileSpecification> embedded = BundleReader.attachments(d);
            assertEquals(Set.of("JS/1"), embedded.keySet(), "the export file travels once");
            assertEquals("Exhibits " + String.join(", ", references) + ": mixed.xml",
                    embedded.get("JS/1").getFileDescription());
            String later = BundleReader.text(d, r.exhibits().get(1).page(), r.exhibits().get(1).page())
                    .replaceAll("\\s+", " ");
            assertTrue(later.contains("the same file as the original of JS/1, embedded once as \u201CJS-1 mixed.xml\u201D"),
                    later);
        }
        VerifyBundleReport verified = new BundleVerifier().verify(pdf);
        assertTrue(verified.verified(), verified::toString);
        assertEquals(references, verified.exhibits().stream().map(ExhibitCheck::reference).toList());

        // The one file altered: every exhibit it is the original of fails, not only the first.
        Path tampered = dir.resolve("tampered.pdf");
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDComplexFileSpecification spec = BundleReader.attachments(d).get("JS/1");
            PDEmbeddedFile forged = new PDEmbeddedFile(d, new ByteArrayInputStream(
                    "<smses count=\"0\"/>".getBytes(StandardCharsets.UTF_8)));
            spec.setEmbeddedFile(forged);
            spec.setEmbeddedFileUnicode(forged);
            d.save(tampered.toFile());
        }
        VerifyBundleReport forgedReport = new BundleVerifier().verify(tampered);
        assertFalse(forgedReport.verified());
        assertEquals(references.size(), forgedReport.count(ExhibitStatus.MISMATCH), forgedReport::toString);
    }

    @Test
    void aRedactedCopyWithholdsAFileSentWithAnEmailThatHoldsTheRedactedText() throws IOException {
        importFixture("eml", "attachment_nonascii_filename.eml");
        BundleResult r = build(BundleOptions.all().withRedactions(List.of("Hi there")), "redacted.pdf");
        BundleResult.Exhibit sent = r.exhibits().get(0).files().get(0);
        assertEquals("JS/1.1", sent.reference());
        assertFalse(sent.embedded());
        try (PDDocument d = Loader.loadPDF(dir.resolve("redacted.pdf").toFile())) {
            assertFalse(BundleReader.attachments(d).containsKey("JS/1.1"));
            String text = BundleReader.text(d, sent.page(), sent.page()).replaceAll("\\s+", " ");
            assertTrue(text.contains("Its original is not embedded in this redacted copy because it contains redacted text"), text);
            assertTrue(text.contains(sent.sha256()), text);
        }
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("JS/1.1")), r.warnings()::toString);
    }
}
