package org.casebook.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * A zip export checked before anything is read from it: no absolute paths, no {@code ..} segments, no
 * symbolic links, no duplicate names, and limits on entry count, total size and compression ratio (zip
 * bombs): the ratio holds for each large entry and for the archive as a whole, so that many small entries
 * that each pass cannot add up to a bomb. Sizes are enforced again while reading, since a hostile zip can lie
 * about them. macOS resource-fork entries ({@code __MACOSX/}) are ignored. A zip inside the zip is never
 * unpacked: it is kept as the bytes it is, so it cannot expand.
 */
public final class SafeZip implements AutoCloseable {
    static final int MAX_ENTRIES = 100_000;
    static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024 * 1024;
    static final long MAX_RATIO = 200;
    /**
     * The compression methods read with no optional library: stored, Deflate, Deflate64 (Windows' large zips) and
     * bzip2. Another (Zstandard, XZ, LZMA…) would need a library Casebook does not carry: the zip library then fails
     * with an error, not a refusal, so such an entry is refused before it is opened.
     */
    private static final Set<Integer> READABLE_METHODS = Set.of(ZipMethod.STORED.getCode(),
            ZipMethod.DEFLATED.getCode(), ZipMethod.ENHANCED_DEFLATED.getCode(), ZipMethod.BZIP2.getCode());
    /** Small entries may compress very well legitimately (text); only larger ones are held to the ratio. */
    static final long RATIO_FLOOR_BYTES = 1024 * 1024;
    /**
     * The archive as a whole is held to {@link #MAX_RATIO} once its entries add up to more than this: small
     * text-only exports may compress very well, but a few hundred KB must not unpack to hundreds of MB.
     */
    static final long ARCHIVE_RATIO_FLOOR_BYTES = 16L * 1024 * 1024;

    private final String displayName;
    private final ZipFile zip;
    private final Map<String, ZipArchiveEntry> entries;

    private SafeZip(String displayName, ZipFile zip, Map<String, ZipArchiveEntry> entries) {
        this.displayName = displayName;
        this.zip = zip;
        this.entries = entries;
    }

    public static SafeZip open(Path file) {
        String name = file.getFileName().toString();
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw new ImportException(name + ": not a readable zip file (" + e.getMessage() + ")");
        }
        try {
            Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            long total = 0;
            long totalCompressed = 0;
            int count = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String entryName = entry.getName();
                if (++count > MAX_ENTRIES) {
                    throw new ImportException(name + ": has more than " + MAX_ENTRIES + " entries; refusing it.");
                }
                check(name, entry);
                if (entry.isDirectory() || entryName.startsWith("__MACOSX/")
                        || entryName.substring(entryName.lastIndexOf('/') + 1).startsWith("._")) {
                    continue;
                }
                String key = key(entryName);
                if (!seen.add(key)) {
                    throw new ImportException(name + ", entry " + entryName + ": the zip holds two files with this name.");
                }
                long size = entry.getSize();
                if (size >= 0) {
                    total += size;
                    if (total > MAX_TOTAL_BYTES) {
                        throw new ImportException(name + ": would unpack to more than "
                                + MAX_TOTAL_BYTES / (1024 * 1024 * 1024) + " GB; refusing it as a possible zip bomb.");
                    }
                    long compressed = entry.getCompressedSize();
                    if (size > RATIO_FLOOR_BYTES && compressed > 0 && size / compressed > MAX_RATIO) {
                        throw new ImportException(name + ", entry " + entryName
                                + ": compressed more than " + MAX_RATIO + " to 1; refusing it as a possible zip bomb.");
                    }
                    totalCompressed += Math.max(0, compressed);
                    if (total > ARCHIVE_RATIO_FLOOR_BYTES && total / Math.max(1, totalCompressed) > MAX_RATIO) {
                        throw new ImportException(name + ", entry " + entryName + ": with this entry the zip would "
                                + "unpack to " + megabytes(total) + " from " + megabytes(totalCompressed)
                                + " (more than " + MAX_RATIO + " to 1 overall); refusing it as a possible zip bomb.");
                    }
                }
                entries.put(entryName, entry);
            }
            return new SafeZip(name, zip, entries);
        } catch (RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : bytes / (1024 * 1024) + " MB";
    }

    private static void check(String zipName, ZipArchiveEntry entry) {
        String n = entry.getName();
        String where = zipName + ", entry " + n;
        if (entry.isUnixSymlink()) {
            throw new ImportException(where + ": is a symbolic link; refusing the zip.");
        }
        String slashed = n.replace('\\', '/');
        if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
            throw new ImportException(where + ": has an absolute path; refusing the zip.");
        }
        for (String part : slashed.split("/")) {
            if (part.equals("..")) {
                throw new ImportException(where + ": climbs out of the folder (..); refusing the zip.");
            }
        }
        if (n.indexOf('\0') >= 0) {
            throw new ImportException(where + ": has a NUL in its name; refusing the zip.");
        }
    }

    /** Names compare after NFC and with forward slashes (macOS writes NFD names). */
    static String key(String name) {
        return Normalizer.normalize(name.replace('\\', '/'), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** The file entries (no folders, no macOS resource forks), in zip order. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public long size(String entry) {
        ZipArchiveEntry e = entries.get(entry);
        return e == null ? -1 : e.getSize();
    }

    /** Finds an entry by name or by the end of its path, comparing NFC forms; null when absent. */
    public String find(String nameOrSuffix) {
        String wanted = key(nameOrSuffix);
        for (String n : entries.keySet()) {
            String k = key(n);
            if (k.equals(wanted) || k.endsWith("/" + wanted)) {
                return n;
            }
        }
        return null;
    }

    /**
     * When the zip's newest file says it was last changed: for an export zipped by the app that made it (a
     * WhatsApp chat with media, a Facebook download), when the export was made. A time kept as UTC (the
     * extended-timestamp or NTFS field) is taken as it is; a plain zip time is the clock of the device that
     * wrote it, with no zone, and is read in {@code zone}. Empty when no entry carries a time.
     */
    public java.util.Optional<org.casebook.evidence.ExportMade> newestEntryTime(java.time.ZoneId zone) {
        java.time.Instant newest = null;
        String newestName = null;
        boolean newestUtc = false;
        for (Map.Entry<String, ZipArchiveEntry> e : entries.entrySet()) {
            ZipArchiveEntry entry = e.getValue();
            if (entry.getTime() <= 0) {
                continue;
            }
            boolean utc = entry.getExtraField(org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp.HEADER_ID)
                    != null || entry.getExtraField(org.apache.commons.compress.archivers.zip.X000A_NTFS.HEADER_ID) != null;
            java.time.Instant at = entry.getLastModifiedTime().toInstant();
            if (!utc) {
                // The library turned the zip's zone-less time into an instant in this computer's zone: undo that.
                at = java.time.LocalDateTime.ofInstant(at, java.time.ZoneId.systemDefault()).atZone(zone).toInstant();
            }
            if (newest == null || at.isAfter(newest)) {
                newest = at;
                newestName = e.getKey();
                newestUtc = utc;
            }
        }
        if (newest == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.casebook.evidence.ExportMade(newest, "the time of the newest file in the"
                + " zip, " + newestName + (newestUtc ? "" : "; the zip keeps the writing device's clock without a zone,"
                + " read as " + zone.getId())));
    }

    /** Opens an entry; reading more than it declared (or past the ratio limit) fails. */
    public InputStream open(String entry) throws IOException {
        ZipArchiveEntry e = entries.get(entry);
        if (e == null) {
            throw new ImportException(displayName + ": has no entry " + entry);
        }
        if (!READABLE_METHODS.contains(e.getMethod())) {
            throw new ImportException(displayName + ", entry " + entry + ": compressed with a method Casebook cannot"
                    + " read (zip method " + e.getMethod() + "). Unzip the file and zip it again with ordinary"
                    + " compression.");
        }
        long declared = e.getSize();
        long compressed = Math.max(1, e.getCompressedSize());
        long limit = declared >= 0 ? declared : Math.max(RATIO_FLOOR_BYTES, compressed * MAX_RATIO);
        return new BoundedInputStream(zip.getInputStream(e), limit, displayName + ", entry " + entry);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private final String where;
        private long read;

        BoundedInputStream(InputStream in, long limit, String where) {
            super(in);
            this.limit = limit;
            this.where = where;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new ImportException(where + ": unpacks to more than it declares; refusing it as a possible zip bomb.");
            }
        }
    }
}
