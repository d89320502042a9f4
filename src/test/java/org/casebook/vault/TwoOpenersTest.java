package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.Case;
import org.casebook.model.IncidentType;
import org.casebook.model.TimelineItem;
import org.casebook.model.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two openers of one vault file (two windows, or the app and the CLI) writing at once: no loss, no damage. */
class TwoOpenersTest {
    private static final int EACH = 50;

    @TempDir
    Path dir;

    @Test
    void twoInstancesWritingConcurrentlyLoseNothing() throws Exception {
        Path file = dir.resolve("shared.casebook");
        long caseId;
        try (Vault setup = Vault.create(file, pass())) {
            caseId = new CaseService(setup).add("Shared", "SH", LONDON).id();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Vault first = Vault.open(file, pass()); Vault second = Vault.open(file, pass())) {
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger busy = new AtomicInteger();
            List<Future<List<Long>>> results = new ArrayList<>();
            for (Vault v : List.of(first, second)) {
                String who = v == first ? "first" : "second";
                results.add(pool.submit((Callable<List<Long>>) () -> {
                    IncidentService incidents = new IncidentService(v);
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < EACH; i++) {
                        try {
                            ids.add(incidents.add(caseId, draft(IncidentType.MESSAGE,
                                    ZonedDateTime.of(2024, 5, 1, 10, 0, 0, 0, LONDON).plusMinutes(i), who + " " + i))
                                    .id());
                        } catch (VaultException e) {
                            // The one acceptable failure: the vault's own clear "busy" report (the busy timeout
                            // should make it rare). Anything else fails the test.
                            if (e.kind() != VaultException.Kind.BUSY) {
                                throw e;
                            }
                            busy.incrementAndGet();
                        }
                    }
                    return ids;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> f : results) {
                try {
                    ids.addAll(f.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("unexpected failure of a concurrent writer", e.getCause());
                }
            }
            int written = 2 * EACH - busy.get();
            assertTrue(busy.get() <= 2, "busy_timeout lets nearly every write wait its turn: " + busy.get());
            assertEquals(written, ids.size(), "every incident got its own id");

            for (Vault v : List.of(first, second)) {
                List<TimelineItem> timeline = new TimelineService(v).timeline(caseId);
                assertEquals(written, timeline.size(), "each instance sees all the writes");
                assertEquals(written, new TimelineService(v).search(caseId, "first", false, 1000).size()
                        + new TimelineService(v).search(caseId, "second", false, 1000).size());
            }
            VerifyReport report = new VerifyService(first).verify(Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(written + 2, report.auditEntries(), "vault-created, case-created and one per incident");
        } finally {
            pool.shutdownNow();
        }
        try (Vault reopened = Vault.open(file, pass())) {
            assertEquals(List.of(), reopened.integrityCheck());
            assertTrue(new VerifyService(reopened).verify(Progress.NONE).intact());
        }
    }
}
