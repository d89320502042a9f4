package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.model.Case;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.When;
import org.casebook.testsupport.Bytes;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk write leaves WAL for the rollback journal (see {@link Vault#bulkWrite}): the journal holds copies of
 * existing pages, so it must be as encrypted as the vault, and the vault must be back in WAL mode afterwards.
 */
class BulkWriteJournalTest {
    private static final String EXISTING = "Marker-Existing-Diary-Text-Heron-7731";
    private static final String IMPORTED = "Marker-Imported-Message-Kestrel";

    @TempDir
    Path dir;

    @Test
    void theRollbackJournalOfABulkWriteHoldsNoPlaintextAndWalReturnsAfterwards() {
        Path file = dir.resolve("journal.casebook");
        try (Vault vault = Vault.create(file, pass())) {
            Case aCase = new CaseService(vault).add("Journal case", "JC", LONDON);
            ZonedDateTime at = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON);
            IncidentService incidents = new IncidentService(vault);
            for (int i = 0; i < 50; i++) {
                incidents.add(aCase.id(), TestVaults.draft(IncidentType.OTHER, at.plusMinutes(i), EXISTING + " " + i));
            }
            List<String> seenDuringTheBatch = new ArrayList<>();
            long[] journalBytes = new long[1];
            vault.bulkWrite(c -> {
                // A tiny page cache makes SQLite spill mid-batch, so the journal really holds the original pages
                // (with the bulk cache they would only be written in the commit, where nothing can look at them).
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA cache_size = 10");
                }
                BulkItemWriter writer = new BulkItemWriter(vault, c);
                for (int i = 0; i < 20_000; i++) {
                    writer.add(ItemRow.of(aCase.id(), ItemKind.MESSAGE, "sms", When.exactly(at.plusSeconds(i)), 0L,
                            IMPORTED + " " + i, null, null, "chat.txt:" + i));
                }
                writer.finish("messages-imported", Map.of("file", "chat.txt"));
                seenDuringTheBatch.addAll(TestVaults.listing(dir));
                journalBytes[0] = Path.of(file + "-journal").toFile().length();
                assertNoMarkers("during the batch, before its commit");
                return null;
            });
            assertTrue(seenDuringTheBatch.stream().anyMatch(n -> n.startsWith("journal.casebook-journal")),
                    "the batch ran with a rollback journal: " + seenDuringTheBatch);
            assertTrue(journalBytes[0] > 16_384, "the journal held the original pages: " + journalBytes[0] + " bytes");
            assertNoMarkers("after the batch");

            incidents.add(aCase.id(), TestVaults.draft(IncidentType.OTHER, at.plusDays(1), "afterwards"));
            assertTrue(Files.exists(Path.of(file + "-wal")), "back in WAL mode: " + TestVaults.listing(dir));
            assertFalse(Files.exists(Path.of(file + "-journal")));
            assertEquals(20_051, new TimelineService(vault).count(aCase.id()));
            assertTrue(new VerifyService(vault).verify(Progress.NONE).intact());
        }
    }

    @Test
    void withAnotherConnectionOpenTheBatchIsWrittenInWalMode() {
        Path file = dir.resolve("shared.casebook");
        try (Vault vault = Vault.create(file, pass()); Vault other = Vault.open(file, pass())) {
            Case aCase = new CaseService(vault).add("Shared case", "SC", LONDON);
            other.schemaVersion(); // the second connection really reads the vault
            ZonedDateTime at = ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON);
            vault.bulkWrite(c -> {
                BulkItemWriter writer = new BulkItemWriter(vault, c);
                for (int i = 0; i < 1000; i++) {
                    writer.add(ItemRow.of(aCase.id(), ItemKind.MESSAGE, "sms", When.exactly(at.plusSeconds(i)), 0L,
                            IMPORTED + " " + i, null, null, "chat.txt:" + i));
                }
                writer.finish("messages-imported", Map.of("file", "chat.txt"));
                assertFalse(Files.exists(Path.of(file + "-journal")), "no journal while another connection reads");
                return null;
            });
            assertEquals(1000, new TimelineService(other).count(aCase.id()), "the other connection sees the batch");
        }
    }

    private void assertNoMarkers(String when) {
        try {
            List<String> leaks = new ArrayList<>();
            for (Path f : TestVaults.files(dir)) {
                byte[] bytes = Files.readAllBytes(f);
                for (String m : List.of(EXISTING, IMPORTED)) {
                    if (Bytes.containsText(bytes, m)) {
                        leaks.add(f.getFileName() + " contains '" + m + "'");
                    }
                }
            }
            assertEquals(List.of(), leaks, "plaintext on disk " + when + ": " + TestVaults.listing(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
