package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Random;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content-addressed, chunked blob store on its own, inside real write transactions. */
class BlobStoreTest {
    @TempDir
    static Path dir;
    static Vault vault;

    @BeforeAll
    static void open() {
        vault = TestVaults.create(dir, "blobs.casebook");
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static BlobRef put(byte[] bytes) {
        return vault.write(c -> vault.blobs().put(c, new ByteArrayInputStream(bytes), bytes.length, Progress.NONE));
    }

    private static long count(String sql) {
        return vault.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }

    private static byte[] read(long blobId) {
        return vault.read(c -> {
            try (InputStream in = vault.blobs().open(c, blobId)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] small = new byte[777]; // odd-sized reads across chunk boundaries
                int n;
                while ((n = in.read(small, 0, small.length)) > 0) {
                    out.write(small, 0, n);
                }
                assertEquals(-1, in.read());
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void putHashesStoresAndDeduplicates() {
        byte[] bytes = random(BlobStore.CHUNK_SIZE * 2 + 3, 1);
        BlobRef first = put(bytes);
        assertTrue(first.stored());
        assertEquals(Sha256.of(bytes), first.sha256());
        assertEquals(bytes.length, first.size());
        assertArrayEquals(Arrays.copyOf(bytes, BlobStore.HEAD_SIZE), first.head());
        long blobs = count("SELECT count(*) FROM blob");
        long chunks = count("SELECT count(*) FROM blob_chunk");

        BlobRef again = put(bytes.clone());
        assertFalse(again.stored(), "identical content is not stored again");
        assertEquals(first.id(), again.id());
        assertEquals(blobs, count("SELECT count(*) FROM blob"));
        assertEquals(chunks, count("SELECT count(*) FROM blob_chunk"), "the duplicate's chunks were dropped");
        assertEquals(0, count("SELECT count(*) FROM blob WHERE sha256 IS NULL"), "no half-written placeholder");
        assertArrayEquals(bytes, read(first.id()));
        assertEquals(first.sha256(), vault.read(c -> vault.blobs().rehash(c, first.id())));
        assertEquals(first.id(), vault.read(c -> vault.blobs().findId(c, first.sha256())).orElseThrow());
    }

    @Test
    void smallAndEmptyContent() {
        BlobRef empty = put(new byte[0]);
        assertEquals(0, empty.size());
        assertEquals(0, empty.head().length);
        assertArrayEquals(new byte[0], read(empty.id()));
        BlobRef tiny = put(new byte[] {42});
        assertArrayEquals(new byte[] {42}, tiny.head());
        assertArrayEquals(new byte[] {42}, read(tiny.id()));
    }

    @Test
    void unreferencedBlobIsDeletedWithItsChunks() {
        BlobRef ref = put(random(BlobStore.CHUNK_SIZE + 1, 2));
        boolean deleted = vault.write(c -> vault.blobs().deleteIfUnreferenced(c, ref.id()));
        assertTrue(deleted);
        assertEquals(0, count("SELECT count(*) FROM blob_chunk WHERE blob_id = " + ref.id()));
        assertTrue(vault.read(c -> vault.blobs().findId(c, ref.sha256())).isEmpty());
        boolean again = vault.write(c -> vault.blobs().deleteIfUnreferenced(c, ref.id()));
        assertFalse(again, "already gone");
    }

    @Test
    void failingSourceStreamRollsEverythingBack() {
        long blobs = count("SELECT count(*) FROM blob");
        long chunks = count("SELECT count(*) FROM blob_chunk");
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > BlobStore.CHUNK_SIZE + 100) {
                    throw new IOException("USB stick pulled out");
                }
                return 7;
            }
        };
        assertThrows(UncheckedIOException.class,
                () -> vault.write(c -> vault.blobs().put(c, failing, -1, Progress.NONE)));
        assertEquals(blobs, count("SELECT count(*) FROM blob"));
        assertEquals(chunks, count("SELECT count(*) FROM blob_chunk"));
    }

    @Test
    void nestedWritesJoinTheOuterTransaction() {
        long blobs = count("SELECT count(*) FROM blob");
        assertThrows(IllegalStateException.class, () -> vault.write(c -> {
            vault.write(inner -> vault.blobs().put(inner, new ByteArrayInputStream(random(10, 3)), 10,
                    Progress.NONE));
            throw new IllegalStateException("outer work fails after the inner write");
        }));
        assertEquals(blobs, count("SELECT count(*) FROM blob"), "the inner write was rolled back with the outer");
        // and the vault is usable afterwards
        assertTrue(put(random(10, 4)).stored());
    }
}
