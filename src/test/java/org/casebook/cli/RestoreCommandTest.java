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
    private static final int PAGE_SIZE = 4096;

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

        // One byte changed in the middle of every page after the first (which the passphrase check reads), so the
        // damage does not hang on which page lies where. One byte 2,000 from the end passed the check once in CI;
        // 50 repeats of that here, idle and loaded, and one flipped byte in each page in turn were all refused.
        Path damaged = Files.copy(backup, dir.resolve("damaged.casebook"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.toFile(), "rw")) {
            for (long page = PAGE_SIZE; page < f.length(); page += PAGE_SIZE) {
                f.seek(page + PAGE_SIZE / 2);
                byte b = f.readByte();
                f.seek(page + PAGE_SIZE / 2);
                f.write(0x5a ^ b);
            }
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
