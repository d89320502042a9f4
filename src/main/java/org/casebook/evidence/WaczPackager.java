package org.casebook.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Packages a captured page's WARC as a WACZ (the WARC, a CDXJ index, {@code pages.jsonl} and a
 * {@code datapackage.json} with the SHA-256 of every file), the form web-archive replay tools open. The export
 * calls it; the writer lives with the other web-archive code and is found with {@link ServiceLoader}, so this
 * package does not depend on it.
 */
public interface WaczPackager {
    /** The WARC, which the packager may read more than once (it indexes it, then copies it). */
    @FunctionalInterface
    interface Warc {
        InputStream open() throws IOException;
    }

    /** Writes the package to {@code out} (finished, not closed); {@code title} may be null. */
    void write(Warc warc, String url, String title, Instant capturedAt, Instant created, OutputStream out)
            throws IOException;

    /** The packager on the class path, if any. */
    static Optional<WaczPackager> installed() {
        return ServiceLoader.load(WaczPackager.class).findFirst();
    }
}
