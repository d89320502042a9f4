package org.casebook.bundle.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casebook.vault.Sha256;
import org.casebook.testsupport.TestBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-hashing embedded originals against the printed integrity appendix, on real PDFs. */
class BundleVerifierTest {
    @TempDir
    Path dir;

    private VerifyBundleReport verify(TestBundle bundle) throws IOException {
        return new BundleVerifier().verify(bundle.write(Files.createTempFile(dir, "bundle", ".pdf")));
    }

    private static ExhibitCheck exhibit(VerifyBundleReport report, String reference) {
        return report.exhibits().stream().filter(e -> reference.equals(e.reference())).findFirst()
                .orElseThrow(() -> new AssertionError("no exhibit " + reference + " in " + report));
    }

    @Test
    void everyEmbeddedOriginalMatchesItsAppendixRow() throws IOException {
        TestBundle bundle = new TestBundle();
        VerifyBundleReport report = verify(bundle);
        assertTrue(report.verified(), report::toString);
        assertEquals(2, report.exhibits().size());
        assertEquals(6, report.appendixPage());
        assertEquals(TestBundle.AUDIT_HEAD, report.auditChainHead());
        ExhibitCheck photo = exhibit(report, "JS/1");
        assertEquals(ExhibitStatus.MATCH, photo.status());
        assertEquals("JS-1 IMG_1234.jpg.txt", photo.fileName());
        assertEquals(Sha256.of(bundle.exhibitBytes.get("JS/1")), photo.embeddedSha256());
        assertEquals(bundle.exhibitBytes.get("JS/1").length, photo.size());
    }

    @Test
    void aFlatNameTreeIsReadToo() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.nameTreeKids = false;
        assertTrue(verify(bundle).verified());
    }

    @Test
    void aTamperedOriginalIsAMismatch() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.tampered.put("JS/2", "He: see you soon\n".getBytes(StandardCharsets.UTF_8));
        VerifyBundleReport report = verify(bundle);
        assertFalse(report.verified());
        ExhibitCheck messages = exhibit(report, "JS/2");
        assertEquals(ExhibitStatus.MISMATCH, messages.status());
        assertEquals(Sha256.of(bundle.exhibitBytes.get("JS/2")), messages.appendixSha256());
        assertEquals(Sha256.of("He: see you soon\n"), messages.embeddedSha256());
        assertEquals(ExhibitStatus.MATCH, exhibit(report, "JS/1").status());
    }

    @Test
    void anAppendixRowWithoutItsFileIsReported() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.rowsWithoutFile.add("JS/3");
        VerifyBundleReport report = verify(bundle);
        assertFalse(report.verified());
        ExhibitCheck lost = exhibit(report, "JS/3");
        assertEquals(ExhibitStatus.NO_EMBEDDED_FILE, lost.status());
        assertNull(lost.fileName());
        assertEquals(1, report.count(ExhibitStatus.NO_EMBEDDED_FILE));
        assertEquals(2, report.count(ExhibitStatus.MATCH));
    }

    @Test
    void aPdfWithNothingToVerifyIsNotVerified() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.exhibitNames.clear();
        bundle.exhibitBytes.clear();
        bundle.bookmarks = false;
        VerifyBundleReport report = verify(bundle);
        assertTrue(report.exhibits().isEmpty());
        assertEquals(0, report.appendixPage());
        assertFalse(report.verified());
    }

    @Test
    void extractsTheOriginalsWithSafeNamesAndASumsFile() throws IOException {
        TestBundle bundle = new TestBundle();
        bundle.exhibit("JS/3", "../../../escaped.txt", "climbing name\n");
        bundle.exhibit("JS/4", "/etc/passwd", "absolute name\n");
        bundle.exhibit("JS/5", "..\\..\\windows.txt", "backslash name\n");
        Path out = dir.resolve("originals");
        VerifyBundleReport report = new BundleVerifier().verify(bundle.write(dir.resolve("b.pdf")), out);
        assertTrue(report.verified(), report::toString);
        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.sorted().toList();
        }
        assertEquals(6, written.size(), written::toString); // five originals and SHA256SUMS
        for (ExhibitCheck e : report.exhibits()) {
            assertEquals(out.toAbsolutePath(), e.extractedTo().getParent(), e::toString);
            assertArrayEquals(bundle.exhibitBytes.get(e.reference()), Files.readAllBytes(e.extractedTo()));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("escaped")
                    && !p.startsWith(out)), "a file escaped the folder");
        }
        String sums = Files.readString(out.resolve(BundleVerifier.SUMS_FILE));
        assertTrue(sums.contains(Sha256.of("climbing name\n") + "  JS-3 .._.._.._escaped.txt\n"), sums);
        assertEquals(5, sums.lines().count());
    }

    @Test
    void extractionNeedsANewOrEmptyFolder() throws IOException {
        Path pdf = new TestBundle().write(dir.resolve("b.pdf"));
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BundleVerifier().verify(pdf, used));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("mine", Files.readString(used.resolve("keep.txt")));
    }

    @Test
    void unreadableInputIsOneClearException() throws IOException {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        UnreadablePdfException e = assertThrows(UnreadablePdfException.class, () -> new BundleVerifier().verify(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
    }
}
