package org.casebook.vault;

/**
 * How long work (attaching a large file, importing, building a bundle) reports progress and learns that the
 * user cancelled. Plain Java so it runs in the CLI and tests; the desktop app adapts it to a JavaFX Task.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    /** {@code total} is -1 when unknown. */
    default void update(long done, long total) {
    }

    default void message(String text) {
    }

    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} if the user asked to stop. Call at record or chunk boundaries. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown to unwind a cancelled operation; the surrounding transaction rolls back. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Cancelled; nothing was changed.");
        }
    }
}
