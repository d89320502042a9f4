package org.casebook.bundle.scratch;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.vault.ProcessOwner;
import org.slf4j.LoggerFactory;

/**
 * How {@link EncryptedScratchCache}'s temp files are named, and their removal after a crash. A name says which
 * process wrote the file ({@code casebook-scratch-PID-STARTED-RANDOM.bin}), so a later start takes only the files of
 * a process that is gone. Kept apart from the cache so that looking for leftovers at start-up loads no PDFBox or
 * cipher classes.
 */
public final class ScratchFiles {
    static final String SUFFIX = ".bin";
    private static final String START = "casebook-scratch-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(START) + "(\\d+-(?:\\d+|x))-\\d+"
            + Pattern.quote(SUFFIX));

    private ScratchFiles() {
    }

    /** The start of this process's scratch file names; the temp-file maker adds a random number and the suffix. */
    static String prefix() {
        return START + ProcessOwner.self().tag() + "-";
    }

    /**
     * Removes the scratch files in {@code directory} that a Casebook killed while it built or read a bundle left
     * behind (a normal end deletes its own): each one whose writer is no longer running. Their key died with the
     * writer, so they cannot be read, but they show that Casebook was used and how much it handled. Returns how many
     * were removed.
     */
    public static int removeLeftovers(Path directory) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, START + "*" + SUFFIX)) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && ProcessOwner.fromTag(m.group(1)).map(o -> !o.running()).orElse(false)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LoggerFactory.getLogger(ScratchFiles.class).warn("could not remove the scratch files an interrupted run"
                    + " left: {}", e.getMessage());
        }
        return removed;
    }
}
