package org.casebook.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Files inside a folder, found without ever following a link out of it: media beside an unpacked export, and
 * the files of a folder given to {@code attach} or dropped on the window. A name in someone else's export (or
 * a link left in a folder) must not pull a private file from elsewhere on the computer into the evidence. A
 * link whose target is inside the folder is harmless; one that leads out (a linked file, a linked folder on
 * the way, or a name climbing out with {@code ..}) is not read. Hard links cannot be told from the file itself
 * and are read as what they are: a file in the folder.
 */
public final class FolderFiles {
    private FolderFiles() {
    }

    /**
     * What a relative name in a folder leads to.
     *
     * @param file     the file's real path (every link resolved) when it is a regular file inside the folder,
     *                 else null
     * @param name     the name relative to the folder, as written (normalised, with /)
     * @param refusal  why a file that is there was not taken (it leads out of the folder), else null
     */
    public record Found(Path file, String name, String refusal) {
        public boolean found() {
            return file != null;
        }

        /** Opens the file without following a link put in its place since it was found. */
        public InputStream open() throws IOException {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** The file {@code reference} (a relative name written with / or \) names inside {@code folder}. */
    public static Found find(Path folder, String reference) {
        Path base = folder.toAbsolutePath().normalize();
        Path candidate = base.resolve(reference.replace('\\', '/')).normalize();
        String name = base.relativize(candidate).toString().replace('\\', '/');
        if (!candidate.startsWith(base) || candidate.equals(base)) {
            return new Found(null, reference, reference + " points outside the folder (..)");
        }
        Path real;
        Path realBase;
        try {
            realBase = base.toRealPath();
            real = candidate.toRealPath();
        } catch (IOException e) {
            return new Found(null, name, null); // not there (or a link to nothing)
        }
        if (!real.startsWith(realBase)) {
            return new Found(null, name, name + " is a link to a file outside the folder");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            return new Found(null, name, null);
        }
        return new Found(real, name, null);
    }

    /**
     * The regular files in {@code folder} and below, in name order. Links are not followed: one whose target
     * is in the folder is skipped (the target is listed as itself); one that leads out of the folder fails with
     * {@link LeavesFolderException}. The folder itself may be reached through a link: the person named it.
     */
    public static List<Path> walk(Path folder) throws IOException {
        Path realBase = folder.toRealPath();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(realBase, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    files.add(file);
                } else if (attrs.isSymbolicLink()) {
                    Path target;
                    try {
                        target = file.toRealPath();
                    } catch (IOException e) {
                        return FileVisitResult.CONTINUE; // a link to nothing holds nothing
                    }
                    if (!target.startsWith(realBase)) {
                        throw new LeavesFolderException(file, realBase.relativize(file).toString());
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** A link in a folder that leads out of it. */
    public static final class LeavesFolderException extends IOException {
        private final transient Path link;

        LeavesFolderException(Path link, String name) {
            super(name + " is a link to something outside the folder");
            this.link = link;
        }

        public Path link() {
            return link;
        }
    }
}
