package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casebook.evidence.CaseService;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportOptions;
import org.casebook.imports.ImportService;
import org.casebook.imports.Importers;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Passphrase;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After Lock nothing of the case stays reachable in the app's memory: the app runs in a child JVM
 * ({@link HeapAfterLockCheck}), shows a message imported from a fixture in its timeline and detail pane, locks, and
 * writes a heap dump of its live objects; then unlocks, shows it and locks again. Each dump is searched for the
 * message's text in every encoding the JVM may hold it in. The child is never told the text (only its SHA-256, to
 * pick it in the timeline), so nothing but the vault could have put it in the child's memory.
 *
 * <p>Quick exit ends the app; the child keeps running after it (with its window drawn again, as a hidden window keeps
 * its last frame's nodes) and dumps its heap too: what Quick exit clears before the app ends leaves nothing of the
 * case reachable.
 */
class HeapAfterLockTest {
    /** One message of the WhatsApp fixture: its text is found nowhere else in the child's memory. */
    private static final String FIXTURE = "chatpack_whatsapp_eu.txt";
    private static final String MARKER = "Надеюсь все хорошо";
    private static final List<String> FORWARDED = List.of("testfx.robot", "testfx.headless", "prism.order",
            "glass.platform", "monocle.platform");

    @TempDir
    Path temp;

    @Test
    void noMessageTextIsReachableAfterLock() throws Exception {
        Assumptions.assumeTrue("Monocle".equals(System.getProperty("glass.platform")), "runs the app headless");
        Path vault = vaultWithTheFixture();
        Path afterLock = temp.resolve("after-lock.hprof");
        Path afterRelock = temp.resolve("after-second-lock.hprof");
        Path unlocked = temp.resolve("unlocked.hprof");
        Path afterQuickExit = temp.resolve("after-quick-exit.hprof");
        String output = runChild(vault, unlocked, afterLock, afterRelock, afterQuickExit);
        assertTrue(output.contains("heap check done"), output);
        // The search finds the text while the message is on screen: it is not searching in vain.
        assertTrue(holdsMarker(unlocked), "the dump taken while the message was shown holds its text");
        assertEquals(List.of(), List.of(holdsMarker(afterLock) ? "after Lock" : "",
                holdsMarker(afterRelock) ? "after a second Lock" : "",
                holdsMarker(afterQuickExit) ? "after Quick exit" : "").stream().filter(s -> !s.isEmpty()).toList(),
                "the message's text is still reachable in the app's memory");
    }

    private Path vaultWithTheFixture() throws IOException {
        Path chat = Files.copy(Fixtures.file("whatsapp", FIXTURE), temp.resolve("WhatsApp Chat with Alice.txt"));
        Path file = temp.resolve("heap.casebook");
        try (Vault v = Vault.create(file, Passphrase.of(UiTestBase.PASSPHRASE))) {
            long caseId = new CaseService(v).add("Heap case", "HC", UiTestBase.LONDON).id();
            new ImportService(v, Importers.standard()).importFile(caseId, chat, new ImportOptions(null,
                    UiTestBase.LONDON, DateOrder.DMY, List.of(), false), Progress.NONE);
        }
        return file;
    }

    private String runChild(Path vault, Path unlocked, Path afterLock, Path afterRelock, Path afterQuickExit)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dcasebook.heap.vault=" + vault, "-Dcasebook.heap.sha256=" + Sha256.of(MARKER.getBytes(StandardCharsets.UTF_8)),
                "-Dcasebook.heap.unlocked=" + unlocked, "-Dcasebook.heap.lock=" + afterLock,
                "-Dcasebook.heap.relock=" + afterRelock, "-Dcasebook.heap.quickexit=" + afterQuickExit));
        for (String key : FORWARDED) {
            if (System.getProperty(key) != null) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        // The child starts in HeapAfterLockCheck, never loading this class: its MARKER would be in the child's memory.
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapAfterLockCheck.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = child.getInputStream().readAllBytes();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Whether the dump holds the marker as the JVM stores text: Latin-1/UTF-16 strings, UTF-8 bytes. */
    private static boolean holdsMarker(Path dump) throws IOException {
        List<byte[]> forms = List.of(MARKER.getBytes(StandardCharsets.UTF_8),
                MARKER.getBytes(StandardCharsets.UTF_16BE), MARKER.getBytes(StandardCharsets.UTF_16LE));
        assertTrue(Files.size(dump) > 1_000_000, "a real heap dump: " + Files.size(dump) + " bytes");
        int overlap = forms.stream().mapToInt(f -> f.length).max().orElseThrow();
        byte[] buffer = new byte[8 << 20];
        int kept = 0;
        try (InputStream in = Files.newInputStream(dump)) {
            int n;
            while ((n = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + n;
                for (byte[] form : forms) {
                    if (indexOf(buffer, end, form) >= 0) {
                        return true;
                    }
                }
                kept = Math.min(overlap, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
        } finally {
            // -Dcasebook.heap.keep=DIR keeps the dumps there, to find with a heap analyser what holds the text
            String keep = System.getProperty("casebook.heap.keep");
            if (keep != null) {
                Files.move(dump, Files.createDirectories(Path.of(keep)).resolve(dump.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(dump);
        }
        return false;
    }

    private static int indexOf(byte[] data, int end, byte[] wanted) {
        outer:
        for (int i = 0; i <= end - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
