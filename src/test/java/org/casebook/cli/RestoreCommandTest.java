package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook restore}: a backup is checked (it opens with the passphrase and verifies) before it replaces the
 * vault; a damaged backup or a wrong passphrase leaves the vault exactly as it was, and an existing vault is replaced
 * only when asked.
 */
class RestoreCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCheckedBackupReplacesTheVaultOnlyWhenAskedAndABadOneNever() throws Exception {
        String vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        ok(cli("case", "add", "--vault", vault, "--title", "Restore", "--timezone", "Europe/London"));
        ok(cli("incident", "add", "--vault", vault, "--case", "1", "--at", "2024-03-01T21:15", "--type", "threat",
                "--description", "Before the backup"));
        Path backup = dir.resolve("usb-backup.casebook");
        ok(cli("backup", "--vault", vault, "--to", backup.toString()));
        ok(cli("incident", "add", "--vault", vault, "--case", "1", "--at", "2024-03-02T21:15", "--type", "threat",
                "--description", "After the backup"));
        String after = TestVaults.sha256(Path.of(vault));

        CliTestSupport.Result unasked = cli("restore", "--from", backup.toString(), "--vault", vault);
        assertEquals(ExitCodes.BAD_INPUT, unasked.exit(), unasked::toString);
        assertTrue(unasked.err().contains("Add --replace"), unasked::toString);

        Path damaged = Files.copy(backup, dir.resolve("damaged.casebook"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            f.seek(f.length() - 2000);
            f.write(0x5a ^ f.readByte());
        }
        CliTestSupport.Result bad = cli("restore", "--from", damaged.toString(), "--vault", vault, "--replace");
        assertEquals(ExitCodes.INTEGRITY, bad.exit(), bad::toString);
        assertEquals(after, TestVaults.sha256(Path.of(vault)), "a damaged backup replaced nothing");

        CliTestSupport.Result wrong = CliTestSupport.run(Map.of(Passphrases.ENV, "not the passphrase at all"),
                CliTestSupport.noTerminal(), "", "restore", "--from", backup.toString(), "--vault", vault, "--replace");
        assertEquals(ExitCodes.NOT_UNLOCKED, wrong.exit(), wrong::toString);
        assertTrue(wrong.err().contains("Wrong passphrase for the backup " + backup), wrong::toString);
        assertEquals(after, TestVaults.sha256(Path.of(vault)), "a wrong passphrase replaced nothing");

        ok(cli("restore", "--from", backup.toString(), "--vault", vault, "--replace"));
        String timeline = ok(cli("timeline", "--vault", vault, "--case", "1"));
        assertTrue(timeline.contains("Before the backup"), timeline);
        assertFalse(timeline.contains("After the backup"), timeline);
        ok(cli("verify", "--vault", vault));
        assertEquals(java.util.List.of("damaged.casebook", "usb-backup.casebook", "v.casebook"),
                TestVaults.listing(dir));
    }
}
