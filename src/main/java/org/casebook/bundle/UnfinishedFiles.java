package org.casebook.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bundles being written. A bundle holds decrypted evidence, so a half-written one must not outlive the program:
 * when the app ends mid-build (a quick exit does not wait for the build's background thread), the shutdown hook
 * removes the unfinished file.
 */
final class UnfinishedFiles {
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(UnfinishedFiles::removeAll, "casebook-unfinished-bundles"));
    }

    private UnfinishedFiles() {
    }

    static void add(Path file) {
        FILES.add(file);
    }

    static void remove(Path file) {
        FILES.remove(file);
    }

    static void removeAll() {
        for (Path file : FILES) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // Nothing more can be done while the program ends; the file is hidden and named ".part".
            }
        }
    }
}
