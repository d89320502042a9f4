package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.testsupport.Exif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redacted bundle from the command line: verify-bundle accepts it (withheld originals are reported as such,
 * photos' copies match the hashes printed for them), and a family bundle that would show the witness's address
 * is warned about, with the one option that redacts everything the vault knows.
 */
class RedactedBundleCommandTest {
    private static final String ADDRESS = "12 Elm Street";

    @TempDir
    Path dir;

    private String vault;

    private void caseWithAnAddress() throws IOException {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        assertEquals(0, cli("case", "add", "--vault", vault, "--title", "Jane Smith", "--initials", "JS").exit());
        assertEquals(0, cli("incident", "add", "--vault", vault, "--case", "Jane Smith", "--at", "2024-03-01T21:15",
                "--type", "loitering", "--description", "He waited outside 12\u00A0Elm Street all evening.").exit());
        Path note = dir.resolve("note.txt");
        Files.writeString(note, "My address is 12 Elm  Street.", StandardCharsets.UTF_8);
        Path photo = dir.resolve("IMG_0001.jpg");
        Files.write(photo, Exif.phoneJpeg(51.50142, -0.14193, ADDRESS, "2024:03:01 21:20:00"));
        assertEquals(0, cli("attach", "--vault", vault, "--case", "Jane Smith", note.toString(), photo.toString())
                .exit());
    }

    @Test
    void verifyBundleReportsWithheldOriginalsOfARedactedCopyAndExitsZero() throws IOException {
        caseWithAnAddress();
        Path out = dir.resolve("redacted.pdf");
        CliTestSupport.Result built = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out", out.toString(),
                "--redact", ADDRESS);
        assertEquals(0, built.exit(), built::toString);

        CliTestSupport.Result verified = cli("verify-bundle", out.toString());
        assertEquals(0, verified.exit(), verified::toString);
        assertTrue(verified.out().contains("withheld (redacted)"), verified::toString);
        assertFalse(verified.err().contains("failed verification"), verified::toString);

        CliTestSupport.Result json = cli("verify-bundle", "--json", out.toString());
        assertEquals(0, json.exit(), json::toString);
        JsonNode report = json.json().get(0);
        assertTrue(report.get("verified").asBoolean());
        int withheld = 0;
        for (JsonNode e : report.get("exhibits")) {
            if (e.get("status").asText().equals("withheld")) {
                withheld++;
            }
        }
        assertEquals(1, withheld, report::toString);
    }

    @Test
    void aFamilyBundleThatWouldShowTheWitnessesAddressIsWarnedAbout() throws IOException {
        caseWithAnAddress();
        assertEquals(0, cli("person", "add", "--vault", vault, "--case", "Jane Smith", "--name", "Jane Smith",
                "--role", "witness", "--address", ADDRESS, "--phone", "07700 900456").exit());

        CliTestSupport.Result plain = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("family.pdf").toString(), "--profile", "family");
        assertEquals(0, plain.exit(), "a warning, not a refusal: " + plain);
        assertTrue(plain.err().contains("FPR r.29.1"), plain::toString);
        assertTrue(plain.err().contains("--redact-known"), plain::toString);
        assertFalse(plain.err().contains(ADDRESS), "the warning does not print the address itself: " + plain);
        assertTrue(plain.err().contains("an address, a phone number and the GPS position of 1 photo"), plain::toString);

        CliTestSupport.Result police = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                dir.resolve("police.pdf").toString());
        assertFalse(police.err().contains("FPR r.29.1"), "only family bundles: " + police);

        Path out = dir.resolve("family-redacted.pdf");
        CliTestSupport.Result redacted = cli("bundle", "--vault", vault, "--case", "Jane Smith", "--out",
                out.toString(), "--profile", "family", "--redact-known");
        assertEquals(0, redacted.exit(), redacted::toString);
        assertFalse(redacted.err().contains("FPR r.29.1"), redacted::toString);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            assertFalse(text.contains("elm street"), text);
            assertTrue(text.contains("redacted copy"));
        }
        assertEquals(0, cli("verify-bundle", out.toString()).exit());
    }
}
