package org.casebook.vault;

import static org.casebook.testsupport.TestVaults.draft;
import static org.casebook.testsupport.TestVaults.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.casebook.evidence.AttachmentService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.TimelineService;
import org.casebook.evidence.VerifyService;
import org.casebook.model.IncidentType;
import org.casebook.model.VerifyReport;
import org.casebook.testsupport.ChildJvm;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook passwd} killed with SIGKILL in a child JVM, at each of the change's named steps and at measured
 * moments inside the long ones. After every kill exactly one of the two passphrases opens the vault, nothing in it
 * is lost, {@code verify} passes, no copy of the vault is left beside it, and the audit log holds a
 * {@code passphrase-changed} entry exactly when the new passphrase is the one that works.
 */
class PassphraseChangeKillTest {
    private static final String NEW = "a new passphrase, chosen after the old one was seen";
    /**
     * The named steps of {@link Vault#changePassphrase} after which the files differ: the copy recorded (the
     * vault held exclusively, its WAL open), made, rekeyed; the vault closed; the copy renamed over it.
     */
    private static final List<String> STEPS = List.of("copy-recorded", "copied", "copy-rekeyed", "closed", "replaced");
    private static final int TIMED_KILLS = 2;

    @TempDir
    static Path shared;
    static Path template;
    static List<String> timeline;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTemplate() throws IOException {
        template = shared.resolve("template.casebook");
        try (Vault v = Vault.create(template, pass())) {
            new CaseService(v).add("Passphrase change", "PC", ZoneOffset.UTC);
            IncidentService incidents = new IncidentService(v);
            for (int i = 0; i < 20; i++) {
                incidents.add(1, draft(IncidentType.MESSAGE, ZonedDateTime.of(2024, 2, 1, 8, i, 0, 0, ZoneOffset.UTC),
                        "Message number " + i));
            }
            byte[] recording = new byte[2 << 20];
            new Random(3).nextBytes(recording);
            Path file = Files.write(shared.resolve("recording.m4a"), recording);
            new AttachmentService(v).attach(1, List.of(file), null, Progress.NONE);
            timeline = timelineOf(v);
        }
    }

    @Test
    void killedAtEachStepExactlyOnePassphraseOpensAndTheAuditLogSaysWhich() throws IOException {
        for (String step : STEPS) {
            Path vault = freshCopy(step);
            try (ChildJvm passwd = start(vault, step)) {
                passwd.await(("at " + step)::equals, Duration.ofSeconds(60));
                passwd.kill();
            }
            checkAfterKill(vault, "killed at " + step);
        }
    }

    @Test
    void killedAtMeasuredMomentsExactlyOnePassphraseOpensAndTheAuditLogSaysWhich() throws IOException,
            InterruptedException {
        Path measured = freshCopy("measured");
        long took;
        try (ChildJvm passwd = start(measured, null)) {
            passwd.await("at started"::equals, Duration.ofSeconds(60));
            long begun = System.nanoTime();
            passwd.await(l -> l.startsWith("exit "), Duration.ofSeconds(60));
            took = System.nanoTime() - begun;
            assertEquals(0, passwd.waitFor(Duration.ofSeconds(30)), passwd.output());
        }
        checkAfterKill(measured, "not killed");
        for (int k = 1; k <= TIMED_KILLS; k++) {
            Path vault = freshCopy("timed-" + k);
            long wait = took * k / (TIMED_KILLS + 1);
            try (ChildJvm passwd = start(vault, null)) {
                passwd.await("at started"::equals, Duration.ofSeconds(60));
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                passwd.kill();
            }
            checkAfterKill(vault, "killed " + wait / 1_000_000 + " ms into a change that takes "
                    + took / 1_000_000 + " ms");
        }
    }

    private static ChildJvm start(Path vault, String pauseAt) {
        Map<String, String> env = Map.of("CASEBOOK_PASSPHRASE", TestVaults.PASSPHRASE, "CASEBOOK_NEW_PASSPHRASE", NEW);
        return pauseAt == null ? ChildJvm.start(PasswdInChildJvm.class, env, vault.toString())
                : ChildJvm.start(PasswdInChildJvm.class, env, vault.toString(), pauseAt);
    }

    private Path freshCopy(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        return Files.copy(template, folder.resolve("vault.casebook"));
    }

    private static void checkAfterKill(Path vault, String when) {
        Vault opened = openOrNull(vault, pass());
        boolean oldOpens = opened != null;
        Vault withNew = openOrNull(vault, Passphrase.of(NEW));
        boolean newOpens = withNew != null;
        if (oldOpens && newOpens) {
            opened.close();
            withNew.close();
        }
        assertTrue(oldOpens != newOpens, when + ": exactly one passphrase must open the vault, but the old one "
                + (oldOpens ? "does" : "does not") + " and the new one " + (newOpens ? "does" : "does not"));
        try (Vault v = oldOpens ? opened : withNew) {
            assertEquals(timeline, timelineOf(v), when + ": nothing is lost");
            VerifyReport report = new VerifyService(v).verify(Progress.NONE);
            assertTrue(report.intact(), when + ": " + report.problems());
            long changes = v.read(c -> v.audit().all(c)).stream()
                    .filter(entry -> entry.action().equals("passphrase-changed")).count();
            assertEquals(newOpens ? 1 : 0, changes, when + ": the new passphrase "
                    + (newOpens ? "works" : "does not work") + ", and the audit log must say so");
        }
        assertEquals(List.of("vault.casebook"), TestVaults.listing(vault.getParent()),
                when + ": no copy of the vault (which the old passphrase might open) is left beside it");
    }

    private static Vault openOrNull(Path vault, Passphrase passphrase) {
        try {
            return Vault.open(vault, passphrase);
        } catch (VaultException e) {
            if (e.kind() == VaultException.Kind.NOT_UNLOCKED) {
                return null;
            }
            throw e;
        }
    }

    private static List<String> timelineOf(Vault v) {
        return new TimelineService(v).timeline(1).stream().map(t -> t.id() + " " + t.text() + " " + t.sha256()).toList();
    }
}
