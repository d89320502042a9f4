package org.casebook.evidence;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one name a capture's files carry wherever they go (the item in the vault, the WARC's own {@code warcinfo}
 * record, the file embedded in a bundle, the export): the host and the capture time in UTC,
 * {@code example.org_2024-03-01_101500Z.warc}, so a recipient sees at once what and when each one is.
 */
public final class CaptureFileName {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CaptureFileName() {
    }

    /** The name without extension; "web-page" stands for the host of an address that has none (a saved file). */
    public static String base(String requestedUrl, Instant capturedAt) {
        String host;
        try {
            host = URI.create(requestedUrl).getHost();
        } catch (IllegalArgumentException | NullPointerException e) {
            host = null;
        }
        return SafeFileNames.clean((host == null ? "web-page" : host) + "_" + TIME.format(capturedAt) + "Z");
    }

    /** The WARC's name. */
    public static String warc(String requestedUrl, Instant capturedAt) {
        return base(requestedUrl, capturedAt) + ".warc";
    }
}
