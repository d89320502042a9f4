package org.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar unpacks SQLite's native library into the temporary folder before the first vault opens. In a child JVM
 * whose temporary folder does not exist, {@code init} is bad input (exit 2) naming that folder and what to check,
 * not an unexpected error, and no vault is left half-made.
 */
class UnusableTempFolderTest {
    @TempDir
    Path dir;

    @Test
    void aMissingTempFolderIsNamedAndNothingIsMade() throws Exception {
        Path missing = dir.resolve("no-such-temp-folder");
        Path vault = dir.resolve("v.casebook");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + missing, "-cp", System.getProperty("java.class.path"), "org.casebook.Launcher",
                "init", "--vault", vault.toString()).redirectErrorStream(true);
        pb.environment().put(Passphrases.ENV, CliTestSupport.PASSPHRASE);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), output);
        assertTrue(output.contains("could not start its database engine") && output.contains(missing.toString()),
                output);
        assertFalse(output.contains("unexpected error"), output);
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(), left.toList(), "nothing made beside the vault's name");
        }
    }
}
