package org.casebook.vault;

import java.util.function.Consumer;

/**
 * Names the steps of the vault's multi-step operations (a passphrase change, a backup) and each write's commit (just
 * before and just after it), so that the crash tests can kill a child JVM exactly between two of them. Inert in the program: nothing listens, and only code in this package
 * (the tests' child JVMs) can set a listener.
 */
final class CrashPoints {
    private static volatile Consumer<String> listener;

    private CrashPoints() {
    }

    static void listen(Consumer<String> newListener) {
        listener = newListener;
    }

    static void reached(String point) {
        Consumer<String> current = listener;
        if (current != null) {
            current.accept(point);
        }
    }
}
