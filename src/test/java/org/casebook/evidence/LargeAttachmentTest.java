package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.casebook.testsupport.AttachInChildJvm;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file far larger than the heap streams into the vault: 300 MB attached by a child JVM limited to 128 MB,
 * and the hash it reports is the file's real SHA-256.
 */
class LargeAttachmentTest {
    private static final long SIZE = 300L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeHundredMegabytesAttachUnderA128MegabyteHeap() throws Exception {
        Path big = dir.resolve("video.mp4");
        Path vaultFile = dir.resolve("large.casebook");
        try {
            TestVaults.writePattern(big, SIZE, 300);
            assertEquals(SIZE, Files.size(big));
            String expected = TestVaults.sha256(big);

            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), AttachInChildJvm.class.getName(),
                    vaultFile.toString(), big.toString()))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(100, TimeUnit.SECONDS), "the child finished: " + output);
            assertEquals(0, p.exitValue(), "child JVM output:\n" + output);
            assertTrue(output.contains("sha256=" + expected + "\n"), "hash reported: " + output);
            assertTrue(output.contains("size=" + SIZE + "\n"), output);
            assertTrue(output.contains("rehash=" + expected + "\n"), "the stored chunks hash the same: " + output);
        } finally {
            Files.deleteIfExists(big);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(vaultFile + suffix));
            }
        }
    }
}
