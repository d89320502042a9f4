package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casebook.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once a vault is locked, no copy of its passphrase (old or new) is reachable in the JVM: a live-object heap dump
 * of a real child JVM holds neither, in any of the encodings Java keeps text in. While it is open, the dump does
 * hold the current one (the vault needs it to open its own backups), which shows the scan would find it.
 */
class PassphraseInMemoryTest {
    private static final String FIRST = "tangerine obelisk walrus 3917";
    private static final String SECOND = "periwinkle gazebo falcon 2846";

    @TempDir
    Path dir;

    @Test
    void noPassphraseStaysReachableAfterLocking() throws IOException {
        Path firstFile = write("first.txt", FIRST);
        Path secondFile = write("second.txt", SECOND);
        Path open = dir.resolve("open.hprof");
        Path locked = dir.resolve("locked.hprof");
        try (ChildJvm child = ChildJvm.start(PassphraseHeapProbe.class, Map.of(), firstFile.toString(),
                secondFile.toString(), dir.resolve("v.casebook").toString(), open.toString(), locked.toString())) {
            assertEquals(0, child.waitFor(Duration.ofMinutes(3)), child.output());
            assertTrue(child.output().contains("probe done"), child.output());
        }
        assertTrue(contains(open, SECOND), "while open, the scan finds the current passphrase (the control)");
        assertFalse(contains(locked, FIRST), "the first passphrase is still reachable after locking");
        assertFalse(contains(locked, SECOND), "the current passphrase is still reachable after locking");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Whether the dump holds {@code text} as Latin-1 bytes (a compact String) or UTF-16 in either byte order. */
    private static boolean contains(Path dump, String text) throws IOException {
        List<byte[]> needles = List.of(text.getBytes(StandardCharsets.ISO_8859_1),
                text.getBytes(StandardCharsets.UTF_16BE), text.getBytes(Charset.forName("UTF-16LE")));
        int longest = needles.stream().mapToInt(n -> n.length).max().orElseThrow();
        byte[] buffer = new byte[1 << 20];
        int carried = 0;
        try (InputStream in = Files.newInputStream(dump)) {
            int read;
            while ((read = in.readNBytes(buffer, carried, buffer.length - carried)) > 0) {
                int end = carried + read;
                for (byte[] needle : needles) {
                    if (indexOf(buffer, end, needle)) {
                        return true;
                    }
                }
                carried = Math.min(longest - 1, end);
                System.arraycopy(buffer, end - carried, buffer, 0, carried);
            }
        }
        return false;
    }

    private static boolean indexOf(byte[] haystack, int end, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
