package org.casebook.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a full disk from other write failures, so the person is told what to do rather than shown the system's
 * words. Java has no distinct exception for it: the system's message says so (Linux, macOS, Windows wording), or
 * the disk has almost no usable space left.
 */
public final class DiskFull {
    /** What to do, after "Cannot write …:". */
    public static final String ADVICE = "the disk is full. Free some space on it (or choose a folder on a disk with"
            + " more room) and try again";
    private static final long NEARLY_NOTHING = 1 << 20;

    private DiskFull() {
    }

    /** Whether writing at {@code where} failed because its disk is full. */
    public static boolean is(IOException e, Path where) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("no space left") || m.contains("not enough space") || m.contains("disk full")
                || m.contains("disk is full")) {
            return true;
        }
        for (Path p = where.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace() < NEARLY_NOTHING;
                } catch (IOException unknown) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The reason to print after "Cannot write …: ": the advice for a full disk, else the system's message. */
    public static String reason(IOException e, Path where) {
        return is(e, where) ? ADVICE : e.getMessage();
    }
}
