package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.CommandInChildJvm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook restore} killed with SIGKILL in a child JVM while it checks the backup's copy beside the vault: the
 * encrypted hidden copy it leaves is removed by the next open of the vault, or by the next restore to the same place,
 * and the person is told. The vault itself is as it was before the restore.
 */
class RestoreKilledTest {
    @TempDir
    Path dir;
    Path vault;
    Path backup;

    @BeforeEach
    void vaultAndBackup() {
        vault = dir.resolve("v.casebook");
        ok(cli("init", "--vault", vault.toString()));
        ok(cli("case", "add", "--vault", vault.toString(), "--title", "Restore killed", "--timezone", "Europe/London"));
        ok(cli("incident", "add", "--vault", vault.toString(), "--case", "1", "--at", "2024-03-01T21:15", "--type",
                "threat", "--description", "Before the backup"));
        backup = dir.resolve("backup.casebook");
        ok(cli("backup", "--vault", vault.toString(), "--to", backup.toString()));
    }

    @Test
    void aRestoreKilledMidwayIsRemovedAtTheVaultsNextOpenAndTheUserIsTold() throws Exception {
        ok(cli("incident", "add", "--vault", vault.toString(), "--case", "1", "--at", "2024-03-02T21:15", "--type",
                "threat", "--description", "After the backup"));
        String before = TestVaults.sha256(vault);
        Path copy = killWhileChecking("--replace");
        assertEquals(before, TestVaults.sha256(vault), "the vault was not replaced");

        CliTestSupport.Result next = cli("case", "list", "--vault", vault.toString());
        assertEquals(0, next.exit(), next::toString);
        assertEquals("casebook: Removed an unfinished restore from a backup (an encrypted copy) that an interrupted"
                + " run of Casebook left behind: " + copy, next.err().strip(), next::toString);
        assertEquals(List.of("backup.casebook", "v.casebook"), TestVaults.listing(dir));
        assertEquals("", cli("case", "list", "--vault", vault.toString()).err(), "it is said once");
    }

    @Test
    void aRestoreToANewFileKilledMidwayIsRemovedByTheNextRestore() throws Exception {
        Files.delete(vault);
        Path copy = killWhileChecking();

        CliTestSupport.Result again = cli("restore", "--from", backup.toString(), "--vault", vault.toString());
        assertEquals(0, again.exit(), again::toString);
        assertEquals("casebook: Removed an unfinished restore from a backup (an encrypted copy) that an interrupted"
                + " run of Casebook left behind: " + copy, again.err().strip(), again::toString);
        assertEquals(List.of("backup.casebook", "v.casebook"), TestVaults.listing(dir));
        assertTrue(ok(cli("timeline", "--vault", vault.toString(), "--case", "1")).contains("Before the backup"));
    }

    /** Runs the restore in a child JVM, kills it at its first commit (in the copy) and returns the copy it left. */
    private Path killWhileChecking(String... more) throws IOException {
        try (ChildJvm child = ChildJvm.start(CommandInChildJvm.class,
                Map.of(Passphrases.ENV, CliTestSupport.PASSPHRASE))) {
            child.await("ready"::equals, Duration.ofSeconds(60));
            child.tell(String.join("\t", Stream.concat(Stream.of("1", "restore", "--from", backup.toString(),
                    "--vault", vault.toString()), Stream.of(more)).toList()));
            child.await(line -> line.startsWith("at 1 "), Duration.ofSeconds(60));
            child.kill();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> copies = files.filter(p -> p.getFileName().toString().endsWith(".restoring")).toList();
            assertEquals(1, copies.size(), "setup: the kill left the restore's copy: " + TestVaults.listing(dir));
            assertTrue(copies.get(0).getFileName().toString().startsWith(".v.casebook."), copies.toString());
            return copies.get(0);
        }
    }
}
