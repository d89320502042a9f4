package org.casebook.capture.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reading may still keep in memory ({@link SavedPageLimits}), and the warnings about what it left out.
 * Bytes are read up to the limit plus one, so an oversized resource costs at most its limit, never its size.
 */
final class Budget {
    private final SavedPageLimits limits;
    private final List<String> warnings = new ArrayList<>();
    private long kept;
    private int resources;
    private int leftOut;

    Budget(SavedPageLimits limits) {
        this.limits = limits;
    }

    SavedPageLimits limits() {
        return limits;
    }

    List<String> warnings() {
        return warnings;
    }

    void warn(String warning) {
        // a hostile file could produce millions; the first hundred say enough
        if (warnings.size() < 100) {
            warnings.add(warning);
        } else if (warnings.size() == 100) {
            warnings.add("further warnings were left out");
        }
    }

    /** The document's bytes, or an {@link ArchiveReadException} when it is over the document limit. */
    byte[] document(InputStream in, String where) throws IOException {
        byte[] bytes = readAtMost(in, limits.maxDocumentBytes());
        if (bytes == null) {
            throw new ArchiveReadException(where + ": the page is larger than "
                    + megabytes(limits.maxDocumentBytes()) + "; refusing it.");
        }
        kept += bytes.length;
        return bytes;
    }

    /** True when one more resource may be kept at all (count and total not yet reached). */
    boolean roomForOne(String what) {
        if (resources >= limits.maxResources() || kept >= limits.maxTotalBytes()) {
            noteLeftOut(what);
            return false;
        }
        return true;
    }

    /** A resource's bytes, or null (with a warning) when it is over the per-resource or total limit. */
    byte[] resource(InputStream in, String what) throws IOException {
        if (!roomForOne(what)) {
            return null;
        }
        long room = Math.min(limits.maxResourceBytes(), limits.maxTotalBytes() - kept);
        byte[] bytes = readAtMost(in, room);
        if (bytes == null) {
            if (room < limits.maxResourceBytes()) {
                noteLeftOut(what);
            } else {
                warn(what + ": larger than " + megabytes(limits.maxResourceBytes()) + "; left out.");
            }
            return null;
        }
        return admit(bytes) ? bytes : null;
    }

    /** Counts bytes already in memory (a decoded data: URL) against the limits; false when they do not fit. */
    boolean admit(byte[] bytes) {
        if (resources >= limits.maxResources() || kept + bytes.length > limits.maxTotalBytes()
                || bytes.length > limits.maxResourceBytes()) {
            return false;
        }
        kept += bytes.length;
        resources++;
        return true;
    }

    /** Counts one more resource whose bytes are already kept (a revisit sharing its original's bytes). */
    boolean admitShared(String what) {
        if (!roomForOne(what)) {
            return false;
        }
        resources++;
        return true;
    }

    void noteLeftOut(String what) {
        if (leftOut++ == 0) {
            warn(what + " and any later resources: past the limit of " + limits.maxResources() + " resources or "
                    + megabytes(limits.maxTotalBytes()) + " in all; left out (the saved file keeps them).");
        }
    }

    /** The stream's bytes, or null when it holds more than {@code max}; reads at most {@code max + 1}. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, max);
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length == cap && in.read() >= 0) {
            return null;
        }
        return bytes;
    }

    static String megabytes(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : bytes / (1024 * 1024) + " MB";
    }
}
