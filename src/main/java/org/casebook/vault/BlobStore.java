package org.casebook.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Content-addressed storage of originals, byte for byte, in fixed-size chunks so that a multi-gigabyte
 * video streams in and out with bounded memory. The SHA-256 is computed in the same pass as the write;
 * when it turns out the content is already stored, the new chunks are dropped and the existing blob is used.
 */
public final class BlobStore {
    public static final int CHUNK_SIZE = 1 << 20;
    /** How many leading bytes are kept for media-type detection. */
    public static final int HEAD_SIZE = 8192;

    BlobStore() {
    }

    /** Stores {@code in} in the caller's transaction; the stream is read once and not closed. */
    public BlobRef put(Connection c, InputStream in, long expectedSize, Progress progress) throws SQLException {
        long blobId = insertPlaceholder(c);
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[CHUNK_SIZE];
        byte[] head = null;
        long total = 0;
        int seq = 0;
        try (PreparedStatement chunk = c.prepareStatement(
                "INSERT INTO blob_chunk(blob_id, seq, data) VALUES (?,?,?)")) {
            int filled;
            while ((filled = readFully(in, buffer)) > 0) {
                progress.checkCancelled();
                digest.update(buffer, 0, filled);
                if (head == null) {
                    head = Arrays.copyOf(buffer, Math.min(filled, HEAD_SIZE));
                }
                chunk.setLong(1, blobId);
                chunk.setInt(2, seq++);
                chunk.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
                chunk.executeUpdate();
                total += filled;
                progress.update(total, expectedSize);
            }
        }
        String sha = Sha256.hex(digest.digest());
        Optional<Long> existing = findId(c, sha);
        if (existing.isPresent()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM blob WHERE id = ?")) {
                del.setLong(1, blobId);
                del.executeUpdate();
            }
            return new BlobRef(existing.get(), sha, total, false, head == null ? new byte[0] : head);
        }
        try (PreparedStatement upd = c.prepareStatement("UPDATE blob SET sha256 = ?, size = ? WHERE id = ?")) {
            upd.setString(1, sha);
            upd.setLong(2, total);
            upd.setLong(3, blobId);
            upd.executeUpdate();
        }
        return new BlobRef(blobId, sha, total, true, head == null ? new byte[0] : head);
    }

    public Optional<Long> findId(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM blob WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * A stream over a stored blob, one chunk in memory at a time. The stream reads through {@code c};
     * use it while the vault is open and close it when done.
     */
    public InputStream open(Connection c, long blobId) {
        return new ChunkStream(c, blobId);
    }

    /** Recomputes the SHA-256 of a stored blob from its chunks. */
    public String rehash(Connection c, long blobId) throws SQLException {
        MessageDigest digest = Sha256.newDigest();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data FROM blob_chunk WHERE blob_id = ? ORDER BY seq")) {
            ps.setLong(1, blobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digest.update(rs.getBytes(1));
                }
            }
        }
        return Sha256.hex(digest.digest());
    }

    /**
     * Removes a blob no item, import or print rendition refers to any more (secure_delete overwrites the
     * freed pages), and with it its print rendition when nothing else uses that. Works at every schema
     * version: imports appear in version 3, renditions in version 6, captures in version 8.
     */
    public boolean deleteIfUnreferenced(Connection c, long blobId) throws SQLException {
        boolean hasImports = Schema.version(c) >= 3;
        boolean hasRenditions = Schema.hasRenditions(c);
        boolean hasCaptures = Schema.hasCaptures(c);
        Long rendition = hasRenditions ? renditionOf(c, blobId) : null;
        boolean deleted;
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM blob WHERE id = ? AND NOT EXISTS (SELECT 1 FROM item WHERE blob_id = ?)"
                        + (hasImports ? " AND NOT EXISTS (SELECT 1 FROM import_run WHERE blob_id = ?)" : "")
                        + (hasRenditions ? " AND NOT EXISTS (SELECT 1 FROM rendition WHERE blob_id = ?)" : "")
                        + (hasCaptures ? " AND NOT EXISTS (SELECT 1 FROM capture WHERE html_blob_id = ?1"
                                + " OR png_blob_id = ?1 OR file_blob_id = ?1)" : ""))) {
            int i = 1;
            ps.setLong(i++, blobId);
            ps.setLong(i++, blobId);
            if (hasImports) {
                ps.setLong(i++, blobId);
            }
            if (hasRenditions) {
                ps.setLong(i, blobId);
            }
            deleted = ps.executeUpdate() > 0;
        }
        // The rendition's row went with its original (ON DELETE CASCADE); its blob may be shared by another
        // original's rendition (the same pixels with different metadata), hence the same check again.
        if (deleted && rendition != null) {
            deleteIfUnreferenced(c, rendition);
        }
        return deleted;
    }

    private static Long renditionOf(Connection c, long originalBlobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT blob_id FROM rendition WHERE original_blob_id = ? AND blob_id IS NOT NULL")) {
            ps.setLong(1, originalBlobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertPlaceholder(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO blob(sha256, size, chunk_size) VALUES (NULL, 0, ?)")) {
            ps.setInt(1, CHUNK_SIZE);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int readFully(InputStream in, byte[] buffer) {
        try {
            int n = 0;
            while (n < buffer.length) {
                int r = in.read(buffer, n, buffer.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ChunkStream extends InputStream {
        private final Connection connection;
        private final long blobId;
        private int nextSeq;
        private byte[] current = new byte[0];
        private int pos;
        private boolean finished;

        ChunkStream(Connection connection, long blobId) {
            this.connection = connection;
            this.blobId = blobId;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (pos >= current.length) {
                if (finished) {
                    return false;
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?")) {
                    ps.setLong(1, blobId);
                    ps.setInt(2, nextSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            current = rs.getBytes(1);
                            pos = 0;
                            nextSeq++;
                        } else {
                            finished = true;
                            current = new byte[0];
                            pos = 0;
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException("could not read stored original " + blobId + ": " + e.getMessage(), e);
                }
            }
            return true;
        }
    }
}
