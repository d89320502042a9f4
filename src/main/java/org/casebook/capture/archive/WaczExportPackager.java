package org.casebook.capture.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.casebook.evidence.WaczPackager;

/**
 * The export's WACZ step ({@link WaczPackager}, found by {@link java.util.ServiceLoader}): a capture's WARC,
 * read straight from the vault, packaged by {@link WaczWriter} with the captured page as its one page.
 */
public final class WaczExportPackager implements WaczPackager {
    @Override
    public void write(Warc warc, String url, String title, Instant capturedAt, Instant created, OutputStream out)
            throws IOException {
        WaczWriter.write(warc::open, List.of(new WaczPage(url, title, capturedAt, null)), created, out);
    }
}
