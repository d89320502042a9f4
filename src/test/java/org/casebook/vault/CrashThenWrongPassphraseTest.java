package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.cli.CasebookCommand;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.IncidentType;
import org.casebook.model.TimelineItem;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.casebook.testsupport.WriteInChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill suite's wrong-passphrase cases: a child JVM is killed with SIGKILL mid-write, leaving a WAL (or,
 * mid-import, a hot rollback journal) beside the vault; then the vault is opened ten times with a wrong
 * passphrase, through the app's open path ({@link Vault#open}, what the start screen calls) and through the
 * command line in-process and in a child JVM. Each wrong open must leave every file byte for byte as it was;
 * the right passphrase then finds every committed item, and {@code verify} passes.
 */
class CrashThenWrongPassphraseTest {
    private static final String WRONG = "correct horse battery stable";
    private static final List<String> SIDE_FILES = List.of("", "-wal", "-shm", "-journal");

    @TempDir
    Path dir;

    @Test
    void wrongPassphrasesAfterAWriterWasKilledLeaveTheWalAndTheVaultUntouched() throws Exception {
        Path vault = vaultWithOneCase();
        List<Long> committed = new ArrayList<>();
        try (ChildJvm writer = ChildJvm.start(WriteInChildJvm.class, Map.of(), "incidents", vault.toString())) {
            while (committed.size() < 40) {
                committed.add(Long.parseLong(writer.await(l -> l.startsWith("committed "), Duration.ofSeconds(60))
                        .substring("committed ".length())));
            }
            writer.kill();
        }
        assertTrue(Files.size(Path.of(vault + "-wal")) > 0, "setup: the killed writer left a WAL");

        tenWrongOpensChangeNothing(vault);

        try (Vault v = Vault.open(vault, pass())) {
            Set<Long> ids = new TimelineService(v).timeline(1).stream().map(TimelineItem::id).collect(Collectors.toSet());
            assertTrue(ids.containsAll(committed), "every incident the writer saw committed is there");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(List.of(), v.integrityCheck());
        }
    }

    @Test
    void wrongPassphrasesAfterABulkWriteWasKilledLeaveTheHotJournalAndTheVaultUntouched() throws Exception {
        Path vault = vaultWithOneCase();
        List<String> before;
        try (Vault v = Vault.open(vault, pass())) {
            before = timeline(v);
        }
        Path big = dir.resolve("recording.bin");
        TestVaults.writePattern(big, 64L << 20, 11);
        Path journal = Path.of(vault + "-journal");
        long size = Files.size(vault);
        try (ChildJvm writer = ChildJvm.start(WriteInChildJvm.class, Map.of(), "attach", vault.toString(),
                big.toString())) {
            writer.await("attaching"::equals, Duration.ofSeconds(60));
            // Kill once the batch has written pages into the vault itself: only the journal can undo them now.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(Files.exists(journal) && Files.size(vault) > size + (8 << 20))) {
                assertTrue(writer.isAlive() && System.nanoTime() < deadline,
                        "the batch ended before it could be killed: " + writer.output());
                Thread.sleep(2);
            }
            writer.kill();
        } finally {
            Files.delete(big);
        }
        assertTrue(Files.size(journal) > 0, "setup: the killed batch left a hot journal");

        tenWrongOpensChangeNothing(vault);

        try (Vault v = Vault.open(vault, pass())) {
            assertEquals(before, timeline(v), "the unfinished batch is rolled back, everything before it kept");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(List.of(), v.integrityCheck());
        }
        assertFalse(Files.exists(journal), "the right passphrase rolled the journal back");
    }

    private Path vaultWithOneCase() {
        // A name that needs escaping in the URI the key is proved through.
        Path vault = dir.resolve("kill test #1 %20.casebook");
        try (Vault v = Vault.create(vault, pass())) {
            new CaseService(v).add("Kill test", "KT", ZoneOffset.UTC);
            IncidentService incidents = new IncidentService(v);
            for (int i = 0; i < 5; i++) {
                incidents.add(1, draft(IncidentType.THREAT, ZonedDateTime.of(2023, 12, 1, 20, i, 0, 0, ZoneOffset.UTC),
                        "Before the crash " + i));
            }
        }
        return vault;
    }

    private static List<String> timeline(Vault v) {
        return new TimelineService(v).timeline(1).stream().map(t -> t.id() + " " + t.text()).toList();
    }

    /** Ten wrong opens by the three ways in; after each, every file is byte for byte as it was. */
    private void tenWrongOpensChangeNothing(Path vault) throws IOException {
        Map<String, String> state = fileState(vault);
        for (int i = 0; i < 10; i++) {
            String way;
            if (i == 9) {
                way = "command line in a child JVM";
                try (ChildJvm cli = ChildJvm.start(org.casebook.Launcher.class, Map.of("CASEBOOK_PASSPHRASE", WRONG),
                        "case", "list", "--vault", vault.toString())) {
                    assertEquals(4, cli.waitFor(Duration.ofSeconds(60)), cli.output());
                    assertTrue(cli.output().contains("Wrong passphrase or not a Casebook vault"), cli.output());
                }
            } else if (i % 2 == 0) {
                way = "the app's open";
                VaultException e = assertThrows(VaultException.class, () -> Vault.open(vault, Passphrase.of(WRONG)));
                assertEquals(VaultException.Kind.NOT_UNLOCKED, e.kind(), e.getMessage());
            } else {
                way = "command line in-process";
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int exit = CasebookCommand.run(new String[] {"timeline", "--vault", vault.toString(), "--case", "1"},
                        Map.of("CASEBOOK_PASSPHRASE", WRONG), new ByteArrayInputStream(new byte[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                assertEquals(4, exit, err.toString(StandardCharsets.UTF_8));
            }
            assertEquals(state, fileState(vault), "wrong open " + (i + 1) + " (" + way + ") changed a file");
        }
    }

    /** Each of the vault's files (present or not), with its size and SHA-256; and nothing else in the folder. */
    private Map<String, String> fileState(Path vault) throws IOException {
        Map<String, String> state = new LinkedHashMap<>();
        for (String suffix : SIDE_FILES) {
            Path f = Path.of(vault + suffix);
            state.put(f.getFileName().toString(), Files.exists(f)
                    ? Files.size(f) + " bytes, sha256 " + TestVaults.sha256(f) : "absent");
        }
        state.put("folder", TestVaults.listing(dir).toString());
        return state;
    }
}
