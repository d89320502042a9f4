package org.casebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * The passphrase never shows: not in anything the real command line prints or logs (at trace level), on success or
 * on failure (a refused passphrase, a wrong one, a bad value, a failed check), and it cannot be given as an argument.
 */
class SecretsNeverShownTest {
    private static final String PASS = "mandolin saffron tundra 5821";
    private static final String NEXT = "obsidian lullaby marmot 7304";
    private static final String WEAK = "Password123";

    @TempDir
    Path dir;

    @Test
    void noPassphraseInOutputLogsErrorsOrTheCommandLine() throws IOException {
        Path pass = write("pass.txt", PASS);
        Path next = write("next.txt", NEXT);
        Path weak = write("weak.txt", WEAK);
        String output;
        try (ChildJvm child = ChildJvm.start(SecretsRun.class, Map.of(), dir.toString(), pass.toString(),
                next.toString(), weak.toString())) {
            assertEquals(0, child.waitFor(Duration.ofMinutes(3)), child.output());
            output = child.output();
        }
        assertTrue(output.contains("secrets run done"), output);
        // Every path ran as meant: refused, created, wrong, refused, changed, backed up, exists, intact, rolled back.
        List<String> exits = output.lines().filter(l -> l.startsWith("exit ")).toList();
        assertEquals(List.of("exit 2: init", "exit 0: init", "exit 0: case", "exit 4: case", "exit 2: passwd",
                "exit 0: passwd", "exit 0: backup", "exit 2: backup", "exit 4: verify", "exit 3: verify",
                "exit 0: verify"), exits, output);
        for (String secret : List.of(PASS, NEXT, WEAK)) {
            assertFalse(output.contains(secret), "a passphrase was printed or logged:\n" + output);
            assertFalse(output.toLowerCase().contains(secret.toLowerCase()), output);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * There is no option that takes the passphrase itself (other users of the computer can list command lines), and
     * a mistyped one is not repeated in the error, in either form.
     */
    @Test
    void noOptionTakesThePassphraseItselfAndAMistakeIsNotEchoed() {
        String vault = dir.resolve("v.casebook").toString();
        for (String option : List.of("--passphrase", "--password", "--key", "--new-passphrase")) {
            for (List<String> given : List.of(List.of(option, PASS), List.of(option + "=" + PASS))) {
                List<String> args = new java.util.ArrayList<>(List.of("case", "list", "--vault", vault));
                args.addAll(given);
                CliTestSupport.Result r = CliTestSupport.cli(args.toArray(String[]::new));
                assertEquals(1, r.exit(), r::toString);
                assertTrue(r.err().contains("Unknown option: '" + option), r::toString);
                assertFalse(r.err().contains("saffron"), "the mistyped passphrase was repeated:\n" + r);
            }
        }
    }
}
