package org.casebook.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files Casebook writes outside the vault (bundles, exports, copies of the vault): readable by the person who made
 * them only ({@code rw-------} files, {@code rwx------} folders) where the file system has POSIX permissions, so that
 * another account on a shared computer cannot read them.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates a new, empty file only its owner can read; fails if anything exists at {@code file}. */
    public static Path createFile(Path file) throws IOException {
        return posix(file.getParent())
                ? Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE))
                : Files.createFile(file);
    }

    /** Creates a new folder only its owner can open; fails if anything exists at {@code folder}. */
    public static Path createDirectory(Path folder) throws IOException {
        return posix(folder.getParent())
                ? Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER))
                : Files.createDirectory(folder);
    }

    /** A stream to a new file only its owner can read; fails if anything exists at {@code file}. */
    public static OutputStream newFile(Path file) throws IOException {
        createFile(file);
        return rewrite(file);
    }

    /**
     * A stream that replaces the contents of {@code file}, made by {@link #createFile} (a bundle's hidden
     * {@code .part}, say): every file Casebook writes outside the vault is written through here or {@link #newFile}.
     */
    public static OutputStream rewrite(Path file) throws IOException {
        return DiskFaults.wrap(Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Narrows an existing file's permissions to its owner (for files another library created). */
    public static void restrict(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            view.setPermissions(Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
        }
    }

    /** Gives {@code file} the permissions {@code model} has (a replacement keeps what the user chose). */
    static void copyPermissions(Path model, Path file) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(model, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }

    /**
     * Deletes a file, or a folder with everything in it, without following links out of it. Returns whether
     * anything was there.
     */
    public static boolean deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    private static boolean posix(Path dir) throws IOException {
        Path where = dir == null ? Path.of("").toAbsolutePath() : dir;
        return Files.getFileStore(where).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
