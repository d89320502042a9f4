package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.testsupport.LocalTimeStampAuthority;
import org.casebook.testsupport.TestBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature end to end on the command line: {@code bundle} signs (and with {@code --tsa} time-stamps),
 * {@code verify-bundle} keeps its JSON fields, adds the signature's, and exits 3 for an unsigned or altered bundle.
 */
class SignedBundleCommandTest {
    @TempDir
    static Path dir;
    static String vault;

    @BeforeAll
    static void aCase() throws IOException {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        assertEquals(0, cli("case", "add", "--vault", vault, "--title", "Jane Smith", "--initials", "JS").exit());
        assertEquals(0, cli("incident", "add", "--vault", vault, "--case", "Jane Smith", "--at", "2024-03-01T21:15",
                "--type", "loitering", "--description", "He waited outside all evening.").exit());
        Path note = Files.writeString(dir.resolve("note.txt"), "He said he would come back.");
        assertEquals(0, cli("attach", "--vault", vault, "--case", "Jane Smith", note.toString()).exit());
    }

    private static Path bundle(String name, String... extra) {
        Path out = dir.resolve(name);
        String[] args = new String[] {"bundle", "--vault", vault, "--case", "Jane Smith", "--out", out.toString(),
                "--prepared-by", "Jane Smith"};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        CliTestSupport.Result built = cli(all);
        assertEquals(0, built.exit(), built::toString);
        return out;
    }

    @Test
    void bundleSaysHowItSignedAndVerifyBundleAgrees() {
        Path out = dir.resolve("said.pdf");
        CliTestSupport.Result built = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", out.toString(),
                "--prepared-by", "Jane Smith", "--json");
        assertEquals(0, built.exit(), built::toString);
        JsonNode signed = built.json().get(0).get("signature");
        assertEquals("Jane Smith", signed.get("signer").asText());
        assertTrue(signed.get("time_stamp_authority").isNull());
        JsonNode checked = cli("verify-bundle", "--json", out.toString()).json().get(0).get("signature");
        assertEquals(signed.get("certificate_sha256").asText(), checked.get("certificate_sha256").asText());
        assertEquals(signed.get("signed_at").asText(), checked.get("signed_at").asText());

        CliTestSupport.Result text = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("said-text.pdf").toString(), "--prepared-by", "Jane Smith");
        assertTrue(text.out().contains("Signed by Jane Smith (Casebook) with this vault's key; self-signed certificate"
                + " SHA-256 " + signed.get("certificate_sha256").asText()), text::toString);
    }

    @Test
    void verifyBundleReportsTheSignatureAndKeepsItsFields() {
        Path pdf = bundle("signed.pdf");
        CliTestSupport.Result text = cli("verify-bundle", pdf.toString());
        assertEquals(0, text.exit(), text::toString);
        assertTrue(text.out().startsWith("SIGNED    Signature: intact and covering the whole file"), text::toString);
        assertTrue(text.out().contains("signed by Jane Smith (Casebook) at "), text::toString);

        CliTestSupport.Result json = cli("verify-bundle", "--json", pdf.toString());
        assertEquals(0, json.exit(), json::toString);
        JsonNode report = json.json().get(0);
        for (String field : new String[] {"file", "verified", "appendix_page", "audit_chain_head", "exhibits"}) {
            assertTrue(report.has(field), field);
        }
        assertTrue(report.get("verified").asBoolean());
        assertTrue(report.get("originals_verified").asBoolean());
        JsonNode signature = report.get("signature");
        assertEquals("valid", signature.get("status").asText());
        assertTrue(signature.get("covers_whole_file").asBoolean());
        assertEquals("Jane Smith", signature.get("signer").asText());
        assertEquals("Casebook", signature.get("organisation").asText());
        assertEquals("ETSI.CAdES.detached", signature.get("sub_filter").asText());
        assertEquals(64, signature.get("certificate_sha256").asText().length());
        assertTrue(signature.get("time_stamp").isNull());
    }

    @Test
    void anAlteredBundleExitsThreeNamingTheSignature() throws IOException {
        Path pdf = bundle("to-alter.pdf");
        Path altered = dir.resolve("altered.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(altered)) {
            doc.removePage(1);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        CliTestSupport.Result r = cli("verify-bundle", altered.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().startsWith("CHANGED   Signature: the signature is intact but does not cover the whole"
                + " file"), r::toString);
        assertTrue(r.err().contains("its signature does not cover the whole file"), r::toString);
        assertFalse(r.err().contains("originals do not all match"), r::toString);

        CliTestSupport.Result json = cli("verify-bundle", "--json", altered.toString());
        assertEquals(3, json.exit());
        assertFalse(json.json().get(0).get("verified").asBoolean());
        assertEquals("not_whole_file", json.json().get(0).get("signature").get("status").asText());
    }

    @Test
    void anUnsignedBundleExitsThree() throws IOException {
        TestBundle unsigned = new TestBundle();
        unsigned.signed = false;
        Path pdf = unsigned.write(dir.resolve("unsigned.pdf"));
        CliTestSupport.Result r = cli("verify-bundle", pdf.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().startsWith("UNSIGNED  Signature: the PDF is not signed"), r::toString);
        assertTrue(r.out().contains("2 exhibits: 2 match"), "the originals are still checked: " + r);
        assertTrue(r.err().contains("it is not signed"), r::toString);
    }

    @Test
    void bundleTsaTimeStampsTheSignatureAtTheNamedAuthority() throws Exception {
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            Path pdf = bundle("stamped.pdf", "--tsa", tsa.url());
            assertEquals(1, tsa.requests());
            CliTestSupport.Result json = cli("verify-bundle", "--json", pdf.toString());
            assertEquals(0, json.exit(), json::toString);
            JsonNode signature = json.json().get(0).get("signature");
            assertFalse(signature.get("time_stamp").isNull(), signature::toString);
            assertEquals(LocalTimeStampAuthority.NAME, signature.get("time_stamp_authority").asText());
            CliTestSupport.Result text = cli("verify-bundle", pdf.toString());
            assertTrue(text.out().contains("time-stamped "), text::toString);

            tsa.broken = true;
            Path failed = dir.resolve("failed.pdf");
            CliTestSupport.Result r = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                    failed.toString(), "--tsa", tsa.url());
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("The time-stamping authority at " + tsa.url()), r::toString);
            assertFalse(Files.exists(failed));
        }
        CliTestSupport.Result bad = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("x.pdf").toString(), "--tsa", "ftp://example.invalid/tsa");
        assertEquals(2, bad.exit(), bad::toString);
        assertEquals(1, bad.err().strip().lines().count(), bad::toString);
        assertTrue(bad.err().startsWith("casebook: --tsa: "), bad::toString);
    }
}
