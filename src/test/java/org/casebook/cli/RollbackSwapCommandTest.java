package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An older copy restored over the vault, or another vault swapped in, passes a plain {@code verify}; checked
 * against a bundle made from the vault (or a head written down), it fails with exit 3.
 */
class RollbackSwapCommandTest {
    private static final String CASE = "Jane Smith";

    @TempDir
    Path dir;

    @Test
    void anOlderCopyRestoredOverTheVaultFailsAgainstALaterBundle() throws IOException {
        Path vault = dir.resolve("v.casebook");
        newVaultWithIncident(vault);
        Path older = dir.resolve("older.casebook");
        ok(cli("backup", "--vault", vault.toString(), "--to", older.toString()));
        ok(cli("incident", "add", "--vault", vault.toString(), "--case", CASE, "--at", "2024-03-02T10:00",
                "--type", "following", "--description", "Waited outside work."));
        Path bundle = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", vault.toString(), "--case", CASE, "--out", bundle.toString()));

        String matches = ok(cli("verify", "--vault", vault.toString(), "--against-bundle", bundle.toString()));
        assertTrue(matches.contains("Matches the audit chain head recorded by the bundle bundle.pdf: entry "), matches);
        assertTrue(matches.contains("Vault intact"), matches);

        Files.copy(older, vault, StandardCopyOption.REPLACE_EXISTING);
        ok(cli("verify", "--vault", vault.toString())); // what the issue reports: the rollback passes on its own

        Result rolledBack = cli("verify", "--vault", vault.toString(), "--against-bundle", bundle.toString());
        assertEquals(3, rolledBack.exit(), rolledBack::toString);
        assertTrue(rolledBack.out().contains("PROBLEM: The audit chain head recorded by the bundle bundle.pdf ("),
                rolledBack::toString);
        assertTrue(rolledBack.out().contains("older copy of the vault"), rolledBack::toString);
    }

    @Test
    void anotherVaultSwappedInFailsAgainstAHeadWrittenDown() throws IOException {
        Path vault = dir.resolve("v.casebook");
        newVaultWithIncident(vault);
        String head = headPrintedByVerify(vault);
        assertTrue(ok(cli("verify", "--vault", vault.toString(), "--against-head", head.toUpperCase()))
                .contains("entries added since") , "a head in capitals is the same head");

        Path other = dir.resolve("other.casebook");
        newVaultWithIncident(other);
        Files.move(other, vault, StandardCopyOption.REPLACE_EXISTING);
        ok(cli("verify", "--vault", vault.toString()));
        Result swapped = cli("verify", "--vault", vault.toString(), "--against-head", head);
        assertEquals(3, swapped.exit(), swapped::toString);
        assertTrue(swapped.out().contains("PROBLEM: The audit chain head given (" + head + ") is not in this vault's"
                + " log."), swapped::toString);
    }

    @Test
    void aPdfWithoutAPrintedHeadOrAMalformedHeadIsBadInput() throws IOException {
        Path vault = dir.resolve("v.casebook");
        newVaultWithIncident(vault);
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            pdf.save(plain.toFile());
        }
        Result noHead = cli("verify", "--vault", vault.toString(), "--against-bundle", plain.toString());
        assertEquals(2, noHead.exit(), noHead::toString);
        assertTrue(noHead.err().contains("plain.pdf has no audit chain head"), noHead::toString);

        Result malformed = cli("verify", "--vault", vault.toString(), "--against-head", "abc123");
        assertEquals(2, malformed.exit(), malformed::toString);
        assertTrue(malformed.err().contains("64 hexadecimal digits"), malformed::toString);
    }

    private static void newVaultWithIncident(Path vault) {
        ok(cli("init", "--vault", vault.toString()));
        ok(cli("case", "add", "--vault", vault.toString(), "--title", CASE, "--initials", "JS"));
        ok(cli("incident", "add", "--vault", vault.toString(), "--case", CASE, "--at", "2024-03-01T21:15",
                "--type", "threat", "--description", "Said I would regret it."));
    }

    private static String headPrintedByVerify(Path vault) {
        Matcher m = Pattern.compile("\\(head ([0-9a-f]{64})\\)").matcher(ok(cli("verify", "--vault", vault.toString())));
        assertTrue(m.find());
        return m.group(1);
    }
}
