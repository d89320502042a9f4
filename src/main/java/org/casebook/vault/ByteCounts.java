package org.casebook.vault;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams that add the bytes passing through them to {@code size[0]}: an original's length is counted while it is
 * hashed and copied in one pass (into a bundle, into an export), never by reading it twice.
 */
public final class ByteCounts {
    private ByteCounts() {
    }

    public static InputStream counting(InputStream in, long[] size) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                size[0] += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                size[0] += Math.max(0, n);
                return n;
            }
        };
    }

    public static OutputStream counting(OutputStream out, long[] size) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                size[0]++;
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
                size[0] += len;
            }
        };
    }
}
