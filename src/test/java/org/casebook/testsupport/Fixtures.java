package org.casebook.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world sample exports kept in the repository under {@code src/test/resources/fixtures} (each folder's
 * README names the project, path, commit and licence each file came from). Maven runs tests in the project
 * folder, so the path resolves in any clone with nothing beside it.
 */
public final class Fixtures {
    /** The fixtures folder, absolute. */
    public static final Path ROOT = Path.of("src", "test", "resources", "fixtures").toAbsolutePath();

    private Fixtures() {
    }

    /** A fixture file, e.g. {@code file("whatsapp", "chat-miner_target.json")}; fails clearly when missing. */
    public static Path file(String... parts) {
        Path p = ROOT.resolve(Path.of("", parts));
        assertTrue(Files.isRegularFile(p), () -> "fixture missing: " + p + " (expected in the repository under "
                + "src/test/resources/fixtures; run the tests from the project folder)");
        return p;
    }

    /** A fixture folder, e.g. {@code dir("whatsapp")}; fails clearly when missing. */
    public static Path dir(String... parts) {
        Path p = ROOT.resolve(Path.of("", parts));
        assertTrue(Files.isDirectory(p), () -> "fixture folder missing: " + p);
        return p;
    }
}
