package org.casebook.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.casebook.evidence.FolderFiles;

/**
 * One file the user asked to import: a plain export file, or a zip that holds one (checked by
 * {@link SafeZip} before anything in it is read). Media the export refers to are found in the zip, or beside
 * the file for exports unpacked into a folder: never outside that folder, whether by {@code ..} or through a
 * link ({@link FolderFiles}); what was not followed is listed in {@link #refusedReferences()}.
 */
public final class ExportFile implements AutoCloseable {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private static final int MAX_REFUSALS = 20;

    private final Path path;
    private final SafeZip zip;
    private final Set<String> refusals = new LinkedHashSet<>();

    private ExportFile(Path path, SafeZip zip) {
        this.path = path;
        this.zip = zip;
    }

    public static ExportFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ImportException(path + ": no such file.");
        }
        if (!Files.isReadable(path)) {
            throw new ImportException(path + ": cannot be read (permission denied).");
        }
        byte[] head = readHead(path, 4);
        return new ExportFile(path, Arrays.equals(head, ZIP_MAGIC) ? SafeZip.open(path) : null);
    }

    public Path path() {
        return path;
    }

    /** The name used in messages to the user. */
    public String name() {
        return path.getFileName().toString();
    }

    public boolean isZip() {
        return zip != null;
    }

    /** The zip's contents, or null for a plain file. */
    public SafeZip zip() {
        return zip;
    }

    /** The plain file's bytes (not for zips: pick an entry from {@link #zip()}). */
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    /** The first bytes of a plain file, or of a zip entry, for format detection. */
    public byte[] head(String zipEntry, int n) throws IOException {
        if (zipEntry == null) {
            return readHead(path, n);
        }
        try (InputStream in = zip.open(zipEntry)) {
            return in.readNBytes(n);
        }
    }

    /**
     * A media file the export refers to by a relative path or bare name: a zip entry, or a file in the
     * export's folder (resolved without leaving it). Null when the export does not include it.
     */
    public Media media(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        if (zip != null) {
            String entry = zip.find(reference);
            return entry == null ? null : new Media(entry, zip.size(entry), () -> zip.open(entry));
        }
        FolderFiles.Found found = FolderFiles.find(path.toAbsolutePath().getParent(), reference);
        if (found.refusal() != null) {
            synchronized (refusals) {
                if (refusals.size() < MAX_REFUSALS) {
                    refusals.add(found.refusal());
                }
            }
        }
        if (!found.found()) {
            return null;
        }
        try {
            return new Media(found.name(), Files.size(found.file()), found::open);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The media references that lead out of the export's folder and were therefore not read, each as a
     * sentence part ("IMG-1.jpg is a link to a file outside the folder"); at most 20.
     */
    public List<String> refusedReferences() {
        synchronized (refusals) {
            return new ArrayList<>(refusals);
        }
    }

    /** A media file found in the export. */
    public record Media(String path, long size, AttachmentRef.EmbeddedData data) {
    }

    /** Entries of a zip whose names end with one of {@code suffixes} (case-insensitive). */
    public List<String> entriesEndingWith(String... suffixes) {
        if (zip == null) {
            return List.of();
        }
        return zip.names().stream().filter(n -> {
            String lower = n.toLowerCase(java.util.Locale.ROOT);
            return Arrays.stream(suffixes).anyMatch(lower::endsWith);
        }).toList();
    }

    private static byte[] readHead(Path path, int n) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new ImportException(path.getFileName() + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (zip != null) {
            zip.close();
        }
    }
}
