package org.casebook.vault;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A full disk, injected by the fault tests where a real one cannot be made (a small file system needs root to
 * mount): the vault's file stops growing after a given number of pages, which SQLite reports exactly as it reports a
 * full disk ({@code SQLITE_FULL}), and the files Casebook writes outside the vault ({@link PrivateFiles}: bundles,
 * statements, exports) fail with the system's "No space left on device" once a given number of bytes is written.
 * Inert in the program: nothing sets it, and only code in this package (the tests' helper) can.
 */
final class DiskFaults {
    private static volatile Integer vaultPages;
    private static volatile AtomicLong outputBytes;

    private DiskFaults() {
    }

    /** From now on a vault opened may grow by {@code pages} more pages, and outputs by {@code bytes} in all. */
    static void fullAfter(Integer pages, Long bytes) {
        vaultPages = pages;
        outputBytes = bytes == null ? null : new AtomicLong(bytes);
    }

    static void clear() {
        vaultPages = null;
        outputBytes = null;
    }

    /** Caps the growth of the vault opened on {@code c}, when a test asked for that. */
    static void apply(Connection c) throws SQLException {
        Integer pages = vaultPages;
        if (pages == null) {
            return;
        }
        try (Statement s = c.createStatement()) {
            long now;
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                now = rs.getLong(1);
            }
            s.execute("PRAGMA max_page_count = " + (now + pages));
        }
    }

    /** {@code out}, failing as on a full disk once the bytes left are written, when a test asked for that. */
    static OutputStream wrap(OutputStream out) {
        AtomicLong left = outputBytes;
        return left == null ? out : new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                take(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                take(len);
                out.write(b, off, len);
            }

            private void take(int n) throws IOException {
                if (left.addAndGet(-n) < 0) {
                    throw new IOException("No space left on device");
                }
            }
        };
    }
}
