package org.casebook.capture;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.casebook.evidence.CaptureRecord.CertificateFacts;

/**
 * One HTTP request and the response to it, as sent and served: the WARC records are written from these.
 *
 * @param requestHeaders  the headers sent, each {@code [name, value]}
 * @param responseHeaders the headers served, each {@code [name, value]}
 * @param body            the body as served (the client undoes only the chunked transfer coding)
 * @param serverIp        the address connected to, or null through a proxy (the proxy chose it)
 */
record Exchange(URI uri, Instant at, List<String[]> requestHeaders, String httpVersion, int status,
                List<String[]> responseHeaders, byte[] body, String serverIp, CertificateFacts certificate) {

    /** The first value of a response header, or null. */
    String header(String name) {
        for (String[] h : responseHeaders) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** The media type without parameters, lower case; null when the server named none. */
    String mediaType() {
        String type = header("Content-Type");
        if (type == null || type.isBlank()) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset the server named in Content-Type, or null. */
    String charset() {
        String type = header("Content-Type");
        if (type == null) {
            return null;
        }
        for (String part : type.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    boolean redirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && header("Location") != null;
    }
}
