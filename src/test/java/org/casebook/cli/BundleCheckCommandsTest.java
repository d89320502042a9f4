package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.testsupport.TestBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check-bundle and verify-bundle end to end: output lines and exit codes 0, 2 and 3. */
class BundleCheckCommandsTest {
    @TempDir
    static Path dir;
    private static Path good;

    /** A contract bundle, as the bundle tests build it (no vault or passphrase needed). */
    @BeforeAll
    static void writeBundle() throws IOException {
        good = new TestBundle().write(dir.resolve("good.pdf"));
    }

    @Test
    void aGoodBundlePassesEveryRule() {
        Result r = cli("check-bundle", good.toString());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(9, r.lines().size(), r::toString);
        assertTrue(r.lines().stream().allMatch(l -> l.startsWith("PASS  ") && l.contains(" — ")), r::toString);
    }

    @Test
    void aPdfBreakingRulesExitsThree() throws IOException {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(plain.toFile());
        }
        Result r = cli("check-bundle", plain.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("FAIL  Real text layer on every page — 1 page has no text"), r::toString);
        assertTrue(r.err().contains("fails 7 of 9 bundle rules"), r::toString);

        Result json = cli("check-bundle", plain.toString(), "--json");
        assertEquals(3, json.exit(), json::toString);
        JsonNode report = json.json().get(0);
        assertEquals(false, report.get("passed").asBoolean());
        assertEquals("text-layer", report.get("rules").get(0).get("id").asText());
        assertEquals(9, report.get("rules").size());
    }

    @Test
    void unreadableFilesExitTwoWithOneLineNamingTheFile() throws IOException {
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        Path noise = Files.write(dir.resolve("noise.pdf"), random);
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        for (String command : new String[] {"check-bundle", "verify-bundle"}) {
            for (Path bad : new Path[] {noise, empty, dir.resolve("missing.pdf")}) {
                Result r = cli(command, bad.toString());
                assertEquals(2, r.exit(), r::toString);
                assertEquals(1, r.err().strip().lines().count(), r::toString);
                assertTrue(r.err().startsWith("casebook: " + bad), r::toString);
            }
        }
    }

    @Test
    void verifyBundleMatchesAndExtracts() {
        Path out = dir.resolve("extracted");
        Result r = cli("verify-bundle", good.toString(), "--extract", out.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("MATCH     JS/1"), r::toString);
        assertTrue(r.out().contains("Audit chain head (as printed): "), r::toString);
        assertTrue(r.out().contains("2 exhibits: 2 match"), r::toString);
        assertTrue(Files.exists(out.resolve("SHA256SUMS")));

        Result json = cli("verify-bundle", good.toString(), "--json");
        assertEquals(0, json.exit(), json::toString);
        JsonNode report = json.json().get(0);
        assertTrue(report.get("verified").asBoolean());
        assertEquals("match", report.get("exhibits").get(0).get("status").asText());
    }

    @Test
    void verifyBundleExitsThreeOnATamperedOriginal() throws IOException {
        // Change one byte inside the first embedded file's stream: rewrite it through PDFBox.
        Path tampered = dir.resolve("tampered.pdf");
        try (PDDocument doc = Loader.loadPDF(good.toFile())) {
            var tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getKids().get(0);
            var spec = tree.getNames().get("JS/2");
            var file = spec.getEmbeddedFile();
            try (var os = file.getCOSObject().createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                os.write("He: I never sent that\n".getBytes());
            }
            doc.save(tampered.toFile());
        }
        Result r = cli("verify-bundle", tampered.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("MISMATCH  JS/2"), r::toString);
        assertTrue(r.err().contains("failed verification"), r::toString);
    }

    @Test
    void verifyBundleOnAPdfWithNothingToVerifyExitsThree() throws IOException {
        Path plain = dir.resolve("plain2.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(plain.toFile());
        }
        Result r = cli("verify-bundle", plain.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("nothing to verify"), r::toString);
    }
}
