package org.casebook.capture;

import java.time.Duration;

/**
 * How far one capture may go, so that a hostile or broken site cannot fill the vault or hang the capture. Each
 * limit reached is said plainly in the capture's warnings (a resource) or as the reason it failed (the page).
 *
 * @param maxPageBytes     everything fetched for one page together
 * @param maxResourceBytes one resource, or the page itself
 * @param maxResources     resources fetched for one page
 * @param maxRedirects     hops followed for one address
 * @param connectTimeout   to open a connection
 * @param fetchTimeout     for one response, headers and body (an endless response stops here)
 */
public record CaptureLimits(long maxPageBytes, long maxResourceBytes, int maxResources, int maxRedirects,
                            Duration connectTimeout, Duration fetchTimeout) {
    public static final CaptureLimits DEFAULT = new CaptureLimits(200L << 20, 50L << 20, 400, 10,
            Duration.ofSeconds(15), Duration.ofSeconds(30));

    public CaptureLimits withFetchTimeout(Duration timeout) {
        return new CaptureLimits(maxPageBytes, maxResourceBytes, maxResources, maxRedirects, connectTimeout, timeout);
    }

    public CaptureLimits withMaxResourceBytes(long bytes) {
        return new CaptureLimits(maxPageBytes, bytes, maxResources, maxRedirects, connectTimeout, fetchTimeout);
    }

    public CaptureLimits withMaxPageBytes(long bytes) {
        return new CaptureLimits(bytes, maxResourceBytes, maxResources, maxRedirects, connectTimeout, fetchTimeout);
    }

    public CaptureLimits withMaxResources(int count) {
        return new CaptureLimits(maxPageBytes, maxResourceBytes, count, maxRedirects, connectTimeout, fetchTimeout);
    }

    /** A size as people read it: 50 MiB, 300 KiB, 12 bytes. */
    static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
