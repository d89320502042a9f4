package org.casebook.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.casebook.bundle.check.BundleVerifier;
import org.casebook.bundle.check.SignatureCheck;
import org.casebook.bundle.check.VerifyBundleReport;
import org.casebook.bundle.sign.TimeStampAuthority;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.Case;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;
import org.casebook.testsupport.LocalTimeStampAuthority;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.SigningKeys;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bundle is signed with the vault's key over the whole file; the usual ways of altering a PDF afterwards
 * (a page deleted and saved either way, a word drawn over, an update appended, one byte changed) each fail
 * verification, and an RFC 3161 time-stamp from a local authority is carried and checked.
 */
class BundleSignatureTest {
    @TempDir
    static Path dir;
    static Vault vault;
    static Case aCase;
    static Path bundle;

    @BeforeAll
    static void build() throws IOException {
        vault = TestVaults.create(dir, "signed.casebook");
        aCase = new CaseService(vault).add("Signed case", "SC", TestVaults.LONDON);
        var incident = new IncidentService(vault).add(aCase.id(), new IncidentDraft(IncidentType.LOITERING,
                When.exactly(ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, TestVaults.LONDON)),
                "He stood outside the house for an hour", "Home", List.of(), "Frightened.", null));
        Path note = Files.writeString(dir.resolve("note.txt"), "He said he would be back tomorrow.\n");
        new AttachmentService(vault).attach(aCase.id(), List.of(note), incident.id(), Progress.NONE);
        bundle = dir.resolve("signed.pdf");
        new BundleService(vault).build(aCase.id(), BundleOptions.all().withPreparedBy("Alex Example"), bundle,
                Progress.NONE, () -> false);
        String keep = System.getProperty("bundle.keep"); // -Dbundle.keep=DIR keeps it, e.g. for pdfsig
        if (keep != null) {
            Files.copy(bundle, Path.of(keep).resolve("signed.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    private static VerifyBundleReport verify(Path pdf) throws IOException {
        return new BundleVerifier().verify(pdf);
    }

    private static Path copy(String name) throws IOException {
        return Files.copy(bundle, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aBundleIsSignedOverTheWholeFileWithTheVaultsCertificateNamingThePreparerAndCasebook() throws IOException {
        VerifyBundleReport report = verify(bundle);
        SignatureCheck s = report.signature();
        assertEquals(SignatureCheck.Status.VALID, s.status(), s::toString);
        assertTrue(report.verified(), report::toString);
        assertTrue(s.coversWholeFile());
        assertEquals("Alex Example", s.signer());
        assertEquals("Casebook", s.organisation());
        assertEquals("ETSI.CAdES.detached", s.subFilter());
        assertTrue(Duration.between(s.signedAt(), Instant.now()).abs().toMinutes() < 10, s.signedAt()::toString);
        assertNull(s.timeStamp());
        byte[] kept = new SigningKeys(vault, java.time.Clock.systemUTC()).certificate("Alex Example").orElseThrow();
        assertEquals(Sha256.of(kept), s.certificateSha256(), "the certificate kept in the vault signed it");

        try (PDDocument pdf = Loader.loadPDF(bundle.toFile())) {
            PDSignature signature = pdf.getSignatureDictionaries().get(0);
            int[] range = signature.getByteRange();
            assertEquals(0, range[0]);
            assertEquals(Files.size(bundle), (long) range[2] + range[3], "the byte range ends at the file's end");
            assertFalse(pdf.getSignatureFields().isEmpty(), "a signature field, for the reader's signature panel");
            assertTrue(pdf.getSignatureFields().get(0).getWidgets().get(0).isPrinted(), "PDF/A: printable widget");
            String appendix = BundleReader.text(pdf, BundleReader.section(pdf, "Integrity appendix").page(),
                    pdf.getNumberOfPages()).replaceAll("\\s+", " ");
            assertTrue(appendix.contains("How to check the signature"), appendix);
            assertTrue(appendix.contains(s.certificateSha256()), "the appendix prints the certificate's fingerprint");
            assertTrue(appendix.contains("pdfsig bundle.pdf"), appendix);
        }
        // the same preparer's next bundle shows the same certificate
        Path again = dir.resolve("again.pdf");
        new BundleService(vault).build(aCase.id(), BundleOptions.all().withPreparedBy("Alex Example"), again,
                Progress.NONE, () -> false);
        assertEquals(s.certificateSha256(), verify(again).signature().certificateSha256());
    }

    @Test
    void theVaultsPrivateKeyIsMadeWithTheVaultAndNeverLeavesIt() throws IOException {
        SigningKeys.Key key = new SigningKeys(vault, java.time.Clock.systemUTC()).key();
        String created = vault.read(c -> vault.audit().all(c)).get(0).detail();
        assertTrue(created.contains(key.publicKeySha256()), created);
        byte[] secret = key.privateKey().getEncoded();
        byte[] pdf = Files.readAllBytes(bundle);
        assertFalse(indexOf(pdf, java.util.Arrays.copyOfRange(secret, secret.length - 32, secret.length)) >= 0,
                "the private key is not in the bundle");
        // on disk the vault is encrypted: the key's bytes are not there in the clear
        assertFalse(indexOf(Files.readAllBytes(vault.file()), secret) >= 0);
    }

    @Test
    void aPageDeletedAndSavedAsAnIncrementalUpdateFails() throws IOException {
        Path changed = copy("deleted-incremental.pdf");
        int pages;
        try (PDDocument pdf = Loader.loadPDF(bundle.toFile()); OutputStream out = Files.newOutputStream(changed)) {
            pages = pdf.getNumberOfPages();
            pdf.removePage(2);
            pdf.getPages().getCOSObject().setNeedToBeUpdated(true);
            pdf.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            pdf.saveIncremental(out);
        }
        assertPages(changed, pages - 1);
        VerifyBundleReport report = verify(changed);
        assertEquals(SignatureCheck.Status.NOT_WHOLE_FILE, report.signature().status(), report::toString);
        assertFalse(report.verified());
        assertTrue(report.originalsVerified(), "the originals alone would not have shown it");
    }

    @Test
    void aPageDeletedAndTheFileSavedWholeFails() throws IOException {
        Path changed = dir.resolve("deleted-full.pdf");
        int pages;
        try (PDDocument pdf = Loader.loadPDF(bundle.toFile())) {
            pages = pdf.getNumberOfPages();
            pdf.removePage(2);
            pdf.save(changed.toFile());
        }
        assertPages(changed, pages - 1);
        VerifyBundleReport report = verify(changed);
        assertEquals(SignatureCheck.Status.BROKEN, report.signature().status(), report::toString);
        assertFalse(report.verified());
    }

    @Test
    void aWordOverlaidOnAPageFails() throws IOException {
        Path changed = dir.resolve("overlaid.pdf");
        try (PDDocument pdf = Loader.loadPDF(bundle.toFile()); OutputStream out = Files.newOutputStream(changed)) {
            PDPage cover = pdf.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, cover, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(50, 600, 300, 40);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(60, 615);
                cs.showText("Withdrawn");
                cs.endText();
            }
            cover.getCOSObject().setNeedToBeUpdated(true);
            pdf.getPages().getCOSObject().setNeedToBeUpdated(true);
            pdf.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            pdf.saveIncremental(out);
        }
        try (PDDocument pdf = Loader.loadPDF(changed.toFile())) {
            assertTrue(BundleReader.text(pdf, 1, 1).contains("Withdrawn"), "the overlay is really there");
        }
        VerifyBundleReport report = verify(changed);
        assertEquals(SignatureCheck.Status.NOT_WHOLE_FILE, report.signature().status(), report::toString);
        assertTrue(report.signature().detail().contains("does not cover the whole file"), report::toString);
    }

    @Test
    void anyAppendedUpdateFailsEvenOneThatChangesNoPage() throws IOException {
        Path changed = dir.resolve("appended.pdf");
        try (PDDocument pdf = Loader.loadPDF(bundle.toFile()); OutputStream out = Files.newOutputStream(changed)) {
            pdf.getDocumentInformation().setSubject("Edited");
            pdf.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            pdf.saveIncremental(out);
        }
        assertTrue(Files.size(changed) > Files.size(bundle));
        assertEquals(SignatureCheck.Status.NOT_WHOLE_FILE, verify(changed).signature().status());
    }

    @Test
    void aSecondSignatureAppendedLaterDoesNotHideThatTheFirstNoLongerCoversTheFile() throws IOException {
        Path resigned = copy("resigned.pdf");
        new org.casebook.bundle.sign.BundleSigner(org.casebook.testsupport.TestBundle.testIdentity(), null)
                .sign(resigned, Instant.now());
        SignatureCheck s = verify(resigned).signature();
        assertEquals(SignatureCheck.Status.NOT_WHOLE_FILE, s.status(), s::toString);
        assertEquals(2, s.signatures());
        assertEquals("Alex Example", s.signer(), "the report is about the bundle's own signature");
    }

    @Test
    void oneChangedByteInsideTheSignedBytesBreaksTheSignature() throws IOException {
        byte[] pdf = Files.readAllBytes(bundle);
        // a letter of the producer's name in the XMP metadata: the file still reads as the same PDF
        int at = indexOf(pdf, "Casebook".getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0);
        pdf[at] = 'K';
        Path changed = Files.write(dir.resolve("flipped.pdf"), pdf);
        VerifyBundleReport report = verify(changed);
        assertEquals(SignatureCheck.Status.BROKEN, report.signature().status(), report::toString);
        assertTrue(report.signature().detail().contains("changed since the file was signed"), report::toString);
    }

    @Test
    void aSignatureTimeStampedByTheAuthorityTheUserNamesIsCarriedAndChecked() throws Exception {
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            Path stamped = dir.resolve("stamped.pdf");
            Instant before = Instant.now().minusSeconds(2);
            new BundleService(vault).withTimeStamps(TimeStampAuthority.at(tsa.url())).build(aCase.id(),
                    BundleOptions.all(), stamped, Progress.NONE, () -> false);
            assertEquals(1, tsa.requests());
            SignatureCheck s = verify(stamped).signature();
            assertEquals(SignatureCheck.Status.VALID, s.status(), s::toString);
            assertNotNull(s.timeStamp());
            assertFalse(s.timeStamp().isBefore(before));
            assertEquals(LocalTimeStampAuthority.NAME, s.timeStampAuthority());
            assertEquals("the witness", s.signer(), "no preparer named: the cover's \"the witness\"");

            // an authority that fails: no bundle, and a message naming it
            tsa.broken = true;
            Path failed = dir.resolve("failed.pdf");
            VaultException e = assertThrows(VaultException.class, () -> new BundleService(vault)
                    .withTimeStamps(TimeStampAuthority.at(tsa.url())).build(aCase.id(), BundleOptions.all(), failed,
                            Progress.NONE, () -> false));
            assertTrue(e.getMessage().contains(tsa.url()) && e.getMessage().contains("HTTP 500"), e.getMessage());
            assertFalse(Files.exists(failed));
            try (var left = Files.list(dir)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "nothing half-written");
            }
        }
    }

    @Test
    void aVaultFromBeforeSigningGetsItsKeyAtItsFirstBundle() throws IOException {
        // made at schema 8 (the last without signing) through the test door, then upgraded on open
        Path old = dir.resolve("old.casebook");
        org.casebook.vault.VaultTestAccess.createAtVersion(old, 8).close();
        try (Vault v = TestVaults.open(old)) {
            Case c = new CaseService(v).add("Old case", "OC", TestVaults.LONDON);
            assertTrue(v.read(x -> v.audit().all(x)).stream().noneMatch(e -> e.action().equals("signing-key-created")));
            Path pdf = dir.resolve("old.pdf");
            new BundleService(v).build(c.id(), BundleOptions.all(), pdf, Progress.NONE, () -> false);
            assertEquals(1, v.read(x -> v.audit().all(x)).stream()
                    .filter(e -> e.action().equals("signing-key-created")).count());
            assertEquals(SignatureCheck.Status.VALID, verify(pdf).signature().status());
            // another vault's key signs with another certificate
            assertNotEquals(verify(bundle).signature().certificateSha256(), verify(pdf).signature().certificateSha256());
        }
    }

    private static void assertPages(Path pdf, int expected) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(expected, document.getNumberOfPages(), "the change is really in the file");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
