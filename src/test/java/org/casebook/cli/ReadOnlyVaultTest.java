package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.model.IncidentType;
import org.casebook.testsupport.ReadOnlyFolder;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vault on a read-only medium (a real read-only file system when the tests run as root, else a file and folder
 * without write permission): it opens for reading, and every change is refused with a message saying why and what
 * to do; nothing in the folder changes.
 */
class ReadOnlyVaultTest {
    private static final String WHY = "is on a read-only disk or in a folder Casebook cannot write to, so it can be"
            + " read but not changed";

    @TempDir
    Path dir;

    @Test
    void aVaultOnAReadOnlyMediumOpensForReadingAndSaysWhyItCannotChange() throws Exception {
        Path original = dir.resolve("case.casebook");
        try (Vault v = Vault.create(original, Passphrase.of(CliTestSupport.PASSPHRASE))) {
            new CaseService(v).add("Read only", "RO", ZoneOffset.UTC);
            new IncidentService(v).add(1, TestVaults.draft(IncidentType.THREAT,
                    ZonedDateTime.of(2024, 5, 1, 22, 0, 0, 0, ZoneOffset.UTC), "He waited by the car park"));
        }
        try (ReadOnlyFolder medium = ReadOnlyFolder.holding(dir.resolve("usb"), original)) {
            Path vault = medium.folder().resolve("case.casebook");
            String sha = TestVaults.sha256(vault);

            CliTestSupport.Result timeline = cli("timeline", "--vault", vault.toString(), "--case", "1");
            assertEquals(0, timeline.exit(), timeline::toString);
            assertTrue(timeline.out().contains("He waited by the car park"), timeline::toString);
            CliTestSupport.Result verify = cli("verify", "--vault", vault.toString());
            assertEquals(0, verify.exit(), verify::toString);

            CliTestSupport.Result add = cli("incident", "add", "--vault", vault.toString(), "--case", "1",
                    "--at", "2024-05-02T09:00", "--type", "following", "--description", "Followed me");
            assertEquals(ExitCodes.BAD_INPUT, add.exit(), add::toString);
            assertEquals("casebook: The vault " + vault + " " + WHY + ". To add to it, copy it to a folder you can"
                    + " write to (or make the disk writable) and open that copy. Nothing was changed.",
                    add.err().strip(), add::toString);

            try (Vault v = Vault.open(vault, Passphrase.of(CliTestSupport.PASSPHRASE))) {
                assertTrue(v.isReadOnly());
                assertEquals(List.of(), v.integrityCheck());
                VaultException refused = assertThrows(VaultException.class,
                        () -> new CaseService(v).add("Another", "AN", ZoneOffset.UTC));
                assertTrue(refused.getMessage().contains(WHY), refused.getMessage());
            }
            assertEquals(sha, TestVaults.sha256(vault), "the vault is byte for byte as it was");
            assertEquals(List.of("case.casebook"), TestVaults.listing(medium.folder()));
        }
    }
}
