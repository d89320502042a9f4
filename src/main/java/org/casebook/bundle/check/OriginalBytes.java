package org.casebook.bundle.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.casebook.vault.Sha256;

/**
 * Streams an embedded file's decoded bytes through SHA-256 (and, when asked, into a file) without holding
 * them in memory. PDFBox decodes a stream into a buffer first, so the usual cases (no filter, or plain
 * FlateDecode as PDF writers store attachments) are decoded here on the fly; anything else falls back to
 * PDFBox's own decoding.
 */
final class OriginalBytes {
    private static final int BUFFER = 64 * 1024;

    /** The SHA-256 (hex) and length of what was read. */
    record Hashed(String sha256, long size) {
    }

    private OriginalBytes() {
    }

    /**
     * Hashes the decoded stream, copying it to {@code sink} too. {@code sinkFactory} is asked for a fresh sink
     * for each attempt (a stream whose zlib data PDFBox must repair is read a second time).
     */
    static Hashed read(COSStream stream, boolean encrypted, SinkFactory sinkFactory) throws IOException {
        if (!encrypted && streamable(stream)) {
            try {
                return copy(open(stream), sinkFactory.open());
            } catch (ZipException e) {
                // Not standard zlib data (e.g. raw deflate): PDFBox's lenient decoder reads these.
            }
        }
        return copy(stream.createInputStream(), sinkFactory.open());
    }

    /** Where the bytes go besides the digest; may be a null stream. */
    interface SinkFactory {
        OutputStream open() throws IOException;
    }

    private static boolean streamable(COSStream stream) {
        if (stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP) != null) {
            return false;
        }
        COSBase filters = stream.getFilters();
        if (filters instanceof COSArray array) {
            if (array.size() > 1) {
                return false;
            }
            filters = array.size() == 0 ? null : array.getObject(0);
        }
        return filters == null || COSName.FLATE_DECODE.equals(filters) || COSName.FLATE_DECODE_ABBREVIATION.equals(filters);
    }

    private static InputStream open(COSStream stream) throws IOException {
        InputStream raw = stream.createRawInputStream();
        COSBase filters = stream.getFilters();
        boolean flate = filters != null && !(filters instanceof COSArray array && array.size() == 0);
        return flate ? new InflaterInputStream(raw) : raw;
    }

    private static Hashed copy(InputStream in, OutputStream sink) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        try (InputStream source = in; OutputStream out = new DigestOutputStream(sink, digest)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = source.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                size += n;
            }
        }
        return new Hashed(Sha256.hex(digest.digest()), size);
    }
}
