package org.casebook.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder holding a copy of a file that nobody here can write: a real read-only file system (a small tmpfs mounted
 * read-only) when the tests run as root, who ignores permissions; otherwise a folder and file without write
 * permission. Skips the test where neither can be made.
 */
public final class ReadOnlyFolder implements AutoCloseable {
    private final Path folder;
    private final boolean mounted;

    private ReadOnlyFolder(Path folder, boolean mounted) {
        this.folder = folder;
        this.mounted = mounted;
    }

    /** Makes {@code folder} (which must not exist), copies {@code file} into it, and makes both read-only. */
    public static ReadOnlyFolder holding(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        Path copy = folder.resolve(file.getFileName());
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.copy(file, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
            return new ReadOnlyFolder(folder, false);
        }
        Assumptions.assumeTrue(SmallDisk.run("mount", "-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs",
                folder.toString()), "root, but no file system can be mounted here");
        ReadOnlyFolder made = new ReadOnlyFolder(folder, true);
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        if (!SmallDisk.run("mount", "-o", "remount,ro", folder.toString())) {
            made.close();
            Assumptions.abort("the file system could not be made read-only");
        }
        return made;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        if (mounted) {
            SmallDisk.run("umount", folder.toString());
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            }
        }
    }
}
