package org.casebook.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every fuzz test asks of a reader given hostile bytes: it reads them, or it refuses them with the one
 * exception it promises, whose message is one line that names the file. Anything else (a NullPointerException, an
 * index out of bounds, a stack overflow, running out of memory) is a crash the fuzzer reports.
 */
public final class Hostile {
    private Hostile() {
    }

    /** A fresh folder for this JVM's fuzz inputs, removed when the JVM ends. */
    public static Path folder(String name) {
        try {
            Path dir = Files.createTempDirectory("casebook-fuzz-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the input as the file a user would name, replacing the last input. */
    public static Path write(Path dir, String fileName, byte[] bytes) {
        try {
            return Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless the refusal's message is one non-blank line naming {@code fileName}. */
    public static void requireClearRefusal(RuntimeException refusal, String fileName) {
        requireClearMessage(refusal, refusal.getMessage(), fileName);
    }

    public static void requireClearMessage(Throwable refusal, String message, String fileName) {
        if (message == null || message.isBlank()) {
            throw new AssertionError("a refusal with no message", refusal);
        }
        if (message.contains("\n") || message.contains("\r")) {
            throw new AssertionError("a refusal whose message is not one line: " + message, refusal);
        }
        if (!message.contains(fileName)) {
            throw new AssertionError("a refusal that does not name the file " + fileName + ": " + message, refusal);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temporary folder is best-effort clean-up at exit
        }
    }
}
