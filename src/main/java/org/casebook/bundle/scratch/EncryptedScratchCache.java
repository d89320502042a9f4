package org.casebook.bundle.scratch;

import java.io.EOFException;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.io.RandomAccessStreamCache;

/**
 * Where PDFBox keeps stream data while a bundle is built or read: the first pages in memory, the rest in one
 * temp file encrypted with AES-CTR under a random 256-bit key that exists only in this object. A bundle
 * embeds every original (gigabytes are possible), so a memory-only cache would exceed the heap, and PDFBox's
 * own {@code ScratchFile} would put decrypted evidence on disk in plain text.
 *
 * <p>Usage: {@code new PDDocument(EncryptedScratchCache::new)} or
 * {@code Loader.loadPDF(file, EncryptedScratchCache.factory(16 << 20, dir))}. The document closes the cache
 * when it is closed, which deletes the temp file; it is also deleted when the JVM exits normally, and after a
 * crash by the next start ({@link ScratchFiles#removeLeftovers}).
 *
 * <p>Layout: fixed {@value #PAGE_SIZE}-byte pages numbered from 0; the first {@code memoryBytes / PAGE_SIZE}
 * numbers are arrays on the heap, the rest are slots in the file. A file page is encrypted with the counter
 * block (page number, write generation, block counter): the page number makes every page's key stream
 * distinct so pages are read and written in any order, and the generation (bumped on every write of the
 * page) means a page rewritten with new content never reuses a key stream. The file is created only when
 * the first page spills over, with owner-only permissions.
 *
 * <p>Buffers follow PDFBox's {@code ScratchFileBuffer}: seeking past the end throws {@link EOFException},
 * a negative seek {@link IOException}; reads at the end return -1; every call after {@code close()} throws.
 * A buffer PDFBox drops without closing gives its pages back when it is garbage-collected. Not thread-safe
 * per buffer (as PDFBox's are not); the cache itself may be used from several threads.
 */
public final class EncryptedScratchCache implements RandomAccessStreamCache {
    public static final int PAGE_SIZE = 4096;
    /** Heap used for pages before spilling to the encrypted file. */
    public static final long DEFAULT_MEMORY_BYTES = 16L << 20;
    private static final Cleaner CLEANER = Cleaner.create();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final int memoryPages;
    private final byte[] key = new byte[32];
    private final SecretKeySpec keySpec;
    private final Cipher cipher;
    private final byte[] iv = new byte[16];
    private final byte[] crypt = new byte[PAGE_SIZE];
    private final List<byte[]> heapPages = new ArrayList<>();
    private final BitSet free = new BitSet();
    private int[] generations = new int[64];
    private int pageCount;
    private Path file;
    private FileChannel channel;
    /** Volatile so buffers can check it on every byte without taking the lock (PDFBox writes some streams byte by byte). */
    private volatile boolean closed;

    /** A cache with {@value #DEFAULT_MEMORY_BYTES} bytes of heap pages, spilling into the system temp folder. */
    public EncryptedScratchCache() throws IOException {
        this(DEFAULT_MEMORY_BYTES, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param memoryBytes heap for pages before they go to the file (0: every page goes to the file)
     * @param directory   where the encrypted temp file is made, if it is needed
     */
    public EncryptedScratchCache(long memoryBytes, Path directory) throws IOException {
        if (memoryBytes < 0) {
            throw new IllegalArgumentException("memoryBytes < 0");
        }
        this.directory = directory;
        this.memoryPages = (int) Math.min(Integer.MAX_VALUE / 2, memoryBytes / PAGE_SIZE);
        RANDOM.nextBytes(key);
        this.keySpec = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-CTR is not available in this Java runtime", e);
        }
    }

    /** For {@code new PDDocument(...)} and {@code Loader.loadPDF(..., factory)}. */
    public static StreamCacheCreateFunction factory(long memoryBytes, Path directory) {
        return () -> new EncryptedScratchCache(memoryBytes, directory);
    }

    @Override
    public RandomAccess createBuffer() throws IOException {
        synchronized (this) {
            checkOpen();
        }
        return new Buffer(this);
    }

    /** The encrypted temp file, once any page has spilled into it (for tests and diagnostics). */
    public synchronized Optional<Path> scratchFile() {
        return Optional.ofNullable(file);
    }

    /** Pages in use by open buffers, in memory and in the file. */
    public synchronized int pagesInUse() {
        return pageCount - free.cardinality();
    }

    /** Deletes the temp file and forgets the key; buffers still open fail from now on. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(key, (byte) 0);
        heapPages.clear();
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("The scratch cache is closed");
        }
    }

    private synchronized int allocate() throws IOException {
        checkOpen();
        int page = free.nextSetBit(0);
        if (page >= 0) {
            free.clear(page);
            return page;
        }
        if (pageCount == Integer.MAX_VALUE) {
            throw new IOException("The scratch cache is full");
        }
        return pageCount++;
    }

    private synchronized void release(int[] pages, int count) {
        if (closed) {
            return;
        }
        for (int i = 0; i < count; i++) {
            free.set(pages[i]);
            if (pages[i] < memoryPages && pages[i] < heapPages.size()) {
                heapPages.set(pages[i], null); // give the heap back; a reused page starts fresh
            }
        }
    }

    /** Fills {@code into} with the page; a page never written reads as zeros. */
    private synchronized void readPage(int page, byte[] into) throws IOException {
        checkOpen();
        if (page < memoryPages) {
            byte[] held = page < heapPages.size() ? heapPages.get(page) : null;
            if (held == null) {
                Arrays.fill(into, (byte) 0);
            } else {
                System.arraycopy(held, 0, into, 0, PAGE_SIZE);
            }
            return;
        }
        int slot = page - memoryPages;
        if (channel == null || slot >= generations.length || generations[slot] == 0) {
            Arrays.fill(into, (byte) 0);
            return;
        }
        ByteBuffer target = ByteBuffer.wrap(crypt);
        long offset = (long) slot * PAGE_SIZE;
        while (target.hasRemaining()) {
            if (channel.read(target, offset + target.position()) < 0) {
                throw new IOException("The scratch file is shorter than expected");
            }
        }
        apply(Cipher.DECRYPT_MODE, slot, generations[slot], crypt, into);
    }

    private synchronized void writePage(int page, byte[] from) throws IOException {
        checkOpen();
        if (page < memoryPages) {
            while (heapPages.size() <= page) {
                heapPages.add(null);
            }
            byte[] held = heapPages.get(page);
            if (held == null) {
                held = new byte[PAGE_SIZE];
                heapPages.set(page, held);
            }
            System.arraycopy(from, 0, held, 0, PAGE_SIZE);
            return;
        }
        int slot = page - memoryPages;
        if (slot >= generations.length) {
            generations = Arrays.copyOf(generations, Math.max(slot + 1, generations.length * 2));
        }
        int generation = ++generations[slot];
        apply(Cipher.ENCRYPT_MODE, slot, generation, from, crypt);
        ByteBuffer source = ByteBuffer.wrap(crypt);
        long offset = (long) slot * PAGE_SIZE;
        FileChannel out = channel();
        while (source.hasRemaining()) {
            out.write(source, offset + source.position());
        }
    }

    private void apply(int mode, int slot, int generation, byte[] in, byte[] out) throws IOException {
        ByteBuffer.wrap(iv).putLong(slot).putInt(generation).putInt(0);
        try {
            cipher.init(mode, keySpec, new IvParameterSpec(iv));
            cipher.doFinal(in, 0, PAGE_SIZE, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("could not " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " a scratch page", e);
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Path made;
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                made = Files.createTempFile(directory, ScratchFiles.prefix(), ScratchFiles.SUFFIX,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                made = Files.createTempFile(directory, ScratchFiles.prefix(), ScratchFiles.SUFFIX);
                made.toFile().setReadable(false, false);
                made.toFile().setReadable(true, true);
                made.toFile().setWritable(false, false);
                made.toFile().setWritable(true, true);
            }
            made.toFile().deleteOnExit();
            file = made;
            channel = FileChannel.open(made, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    /** The pages of one buffer, kept apart from it so they can be released once it is unreachable. */
    private static final class Pages implements Runnable {
        private final EncryptedScratchCache cache;
        int[] numbers = new int[16];
        int count;

        Pages(EncryptedScratchCache cache) {
            this.cache = cache;
        }

        @Override
        public void run() {
            cache.release(numbers, count);
            count = 0;
        }
    }

    /** One stream's bytes: a growing list of pages, one of them decoded at a time. */
    private static final class Buffer implements RandomAccess {
        private final EncryptedScratchCache cache;
        private final Pages pages;
        private final Cleaner.Cleanable cleanable;
        private byte[] current = new byte[PAGE_SIZE];
        private int currentIndex = -1;
        private boolean dirty;
        private long size;
        private long position;
        private boolean closed;

        Buffer(EncryptedScratchCache cache) {
            this.cache = cache;
            this.pages = new Pages(cache);
            this.cleanable = CLEANER.register(this, pages);
        }

        private void checkOpen() throws IOException {
            if (closed) {
                throw new IOException("Buffer already closed");
            }
            cache.checkOpen();
        }

        /** Makes page {@code index} of this buffer the current one, adding it when it is the next new one. */
        private void load(int index) throws IOException {
            if (index == currentIndex) {
                return;
            }
            flush();
            if (index == pages.count) {
                if (pages.count == pages.numbers.length) {
                    pages.numbers = Arrays.copyOf(pages.numbers, pages.numbers.length * 2);
                }
                pages.numbers[pages.count++] = cache.allocate();
                Arrays.fill(current, (byte) 0);
            } else {
                cache.readPage(pages.numbers[index], current);
            }
            currentIndex = index;
        }

        private void flush() throws IOException {
            if (dirty) {
                cache.writePage(pages.numbers[currentIndex], current);
                dirty = false;
            }
        }

        private int pageOf(long at) throws IOException {
            long index = at / PAGE_SIZE;
            if (index >= Integer.MAX_VALUE) {
                throw new IOException("Maximum buffer size reached");
            }
            return (int) index;
        }

        @Override
        public void write(int b) throws IOException {
            checkOpen();
            load(pageOf(position));
            current[(int) (position % PAGE_SIZE)] = (byte) b;
            dirty = true;
            position++;
            size = Math.max(size, position);
        }

        @Override
        public void write(byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            checkOpen();
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            while (len > 0) {
                load(pageOf(position));
                int at = (int) (position % PAGE_SIZE);
                int n = Math.min(len, PAGE_SIZE - at);
                System.arraycopy(b, off, current, at, n);
                dirty = true;
                position += n;
                off += n;
                len -= n;
            }
            size = Math.max(size, position);
        }

        @Override
        public int read() throws IOException {
            checkOpen();
            if (position >= size) {
                return -1;
            }
            load(pageOf(position));
            return current[(int) (position++ % PAGE_SIZE)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkOpen();
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (position >= size) {
                return -1;
            }
            int wanted = (int) Math.min(len, size - position);
            int done = 0;
            while (done < wanted) {
                load(pageOf(position));
                int at = (int) (position % PAGE_SIZE);
                int n = Math.min(wanted - done, PAGE_SIZE - at);
                System.arraycopy(current, at, b, off + done, n);
                position += n;
                done += n;
            }
            return done;
        }

        @Override
        public long getPosition() throws IOException {
            checkOpen();
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            checkOpen();
            if (to < 0) {
                throw new IOException("Negative seek offset: " + to);
            }
            if (to > size) {
                throw new EOFException("Seek to " + to + " past the end of a " + size + "-byte buffer");
            }
            position = to;
        }

        @Override
        public long length() throws IOException {
            checkOpen();
            return size;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() throws IOException {
            checkOpen();
            return position >= size;
        }

        @Override
        public void clear() throws IOException {
            checkOpen();
            dirty = false;
            currentIndex = -1;
            pages.run();
            size = 0;
            position = 0;
        }

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
            checkOpen();
            return new RandomAccessReadView(this, startPosition, streamLength);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                dirty = false;
                current = null;
                cleanable.clean();
            }
        }
    }
}
