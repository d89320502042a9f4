package org.casebook.bundle.sign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A finished bundle read for signing. Signing streams the whole file twice (to hash it, and as PDFBox writes the
 * update after it); PDFBox's own file reader copies in 4 KB pages through a cache, which made that several times
 * slower than hashing. This reader keeps one 64 KB window for the parser's small reads and reads large blocks
 * straight from the file. Nothing is held beyond the window.
 */
final class FileRead implements RandomAccessRead {
    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final long length;
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;
    private long position;
    private boolean closed;

    FileRead(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.length = channel.size();
    }

    @Override
    public int read() throws IOException {
        if (position >= length) {
            return -1;
        }
        if (!inWindow(position)) {
            fill(position);
        }
        return window[(int) (position++ - windowStart)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int done = 0;
        while (done < len && position < length) {
            int want = len - done;
            if (inWindow(position)) {
                int n = (int) Math.min(want, windowStart + windowLength - position);
                System.arraycopy(window, (int) (position - windowStart), b, off + done, n);
                done += n;
                position += n;
            } else if (want >= WINDOW) {
                int n = readAt(ByteBuffer.wrap(b, off + done, (int) Math.min(want, length - position)), position);
                if (n <= 0) {
                    break;
                }
                done += n;
                position += n;
            } else {
                fill(position);
                if (windowLength == 0) {
                    break;
                }
            }
        }
        return done == 0 ? -1 : done;
    }

    private boolean inWindow(long at) {
        return at >= windowStart && at < windowStart + windowLength;
    }

    private void fill(long at) throws IOException {
        windowStart = at;
        windowLength = Math.max(0, readAt(ByteBuffer.wrap(window), at));
    }

    /** Reads until the buffer is full or the file ends; the number of bytes read. */
    private int readAt(ByteBuffer into, long at) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public long getPosition() {
        return position;
    }

    @Override
    public void seek(long to) throws IOException {
        if (to < 0) {
            throw new IOException("invalid position " + to);
        }
        position = Math.min(to, length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() {
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long start, long viewLength) {
        return new RandomAccessReadView(this, start, viewLength);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
