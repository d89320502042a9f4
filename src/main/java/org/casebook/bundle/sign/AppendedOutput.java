package org.casebook.bundle.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an incremental update of a file goes: PDFBox writes the original bytes first and then the update; the
 * original bytes are already in the file, so they are counted and dropped and only the update is appended. A
 * large bundle is therefore not copied to sign it.
 */
final class AppendedOutput extends OutputStream {
    private final FileChannel channel;
    private final long originalLength;
    private long seen;

    AppendedOutput(Path file, long originalLength) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.originalLength = originalLength;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long skip = Math.max(0, Math.min(len, originalLength - seen));
        seen += len;
        ByteBuffer rest = ByteBuffer.wrap(b, off + (int) skip, len - (int) skip);
        while (rest.hasRemaining()) {
            channel.write(rest);
        }
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            if (seen < originalLength) {
                throw new IOException("the signed update did not start with the whole original file");
            }
            channel.force(true);
        }
    }
}
