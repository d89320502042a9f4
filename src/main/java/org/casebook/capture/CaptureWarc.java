package org.casebook.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casebook.Version;
import org.casebook.evidence.CaptureFileName;
import org.casebook.vault.Sha256;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * The WARC 1.1 file (ISO 28500) of one capture: a {@code warcinfo} record naming Casebook and its version, a
 * {@code request} and a {@code response} record for every fetch (the page, each redirect, each resource) holding
 * the headers and the exact bytes served, and a {@code metadata} record for the page listing its resources, the
 * missing ones with their reasons, and the warnings.
 */
final class CaptureWarc {
    private CaptureWarc() {
    }

    static byte[] write(URI requested, Instant at, List<Exchange> exchanges, Map<String, List<String>> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(out)) {
            Map<String, List<String>> info = new LinkedHashMap<>();
            info.put("software", List.of("Casebook " + Version.get()));
            info.put("format", List.of("WARC File Format 1.1"));
            info.put("conformsTo", List.of("http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
            info.put("description", List.of("Capture of " + requested + " made with Casebook"));
            info.put("http-header-user-agent", List.of(Fetcher.USER_AGENT));
            Warcinfo warcinfo = new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(at)
                    .filename(CaptureFileName.warc(requested.toString(), at)).fields(info).build();
            writer.write(warcinfo);
            for (Exchange e : exchanges) {
                byte[] response = responseBytes(e);
                URI responseId = URI.create("urn:uuid:" + UUID.randomUUID());
                WarcResponse.Builder rb = new WarcResponse.Builder(e.uri()).version(MessageVersion.WARC_1_1)
                        .recordId(responseId).date(e.at()).warcinfoId(warcinfo.id())
                        .body(MediaType.HTTP_RESPONSE, response)
                        .blockDigest(digest(response))
                        .payloadDigest(digest(e.body()));
                if (e.serverIp() != null) {
                    rb.ipAddress(address(e.serverIp()));
                }
                WarcResponse warcResponse = rb.build();
                byte[] request = requestBytes(e);
                WarcRequest warcRequest = new WarcRequest.Builder(e.uri()).version(MessageVersion.WARC_1_1)
                        .date(e.at()).warcinfoId(warcinfo.id()).concurrentTo(responseId)
                        .body(MediaType.HTTP_REQUEST, request).blockDigest(digest(request)).build();
                writer.write(warcRequest);
                writer.write(warcResponse);
            }
            if (!metadata.isEmpty()) {
                writer.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(requested)
                        .date(at).warcinfoId(warcinfo.id()).fields(metadata).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One thing a saved page holds, for {@link #ofSaved}. */
    record Held(URI uri, String mediaType, byte[] bytes) {
    }

    /**
     * The WARC 1.1 file of a page another tool saved: a {@code warcinfo} record saying so, then a {@code resource}
     * record (not a response: no server answered Casebook) for the page and each resource, with the exact bytes
     * the file holds, and a {@code metadata} record.
     */
    static byte[] ofSaved(URI page, Instant at, String description, List<Held> held,
                          Map<String, List<String>> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(out)) {
            Map<String, List<String>> info = new LinkedHashMap<>();
            info.put("software", List.of("Casebook " + Version.get()));
            info.put("format", List.of("WARC File Format 1.1"));
            info.put("description", List.of(description));
            Warcinfo warcinfo = new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(at)
                    .filename(CaptureFileName.warc(page.toString(), at)).fields(info).build();
            writer.write(warcinfo);
            for (Held h : held) {
                writer.write(new WarcResource.Builder(h.uri()).version(MessageVersion.WARC_1_1).date(at)
                        .warcinfoId(warcinfo.id()).body(MediaType.parse(h.mediaType()), h.bytes())
                        .blockDigest(digest(h.bytes())).payloadDigest(digest(h.bytes())).build());
            }
            if (!metadata.isEmpty()) {
                writer.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1).targetURI(page)
                        .date(at).warcinfoId(warcinfo.id()).fields(metadata).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static WarcDigest digest(byte[] bytes) {
        MessageDigest d = Sha256.newDigest();
        d.update(bytes);
        return new WarcDigest(d);
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip); // a literal address: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request as sent: request line and headers (a GET has no body). */
    static byte[] requestBytes(Exchange e) {
        String path = e.uri().getRawPath() == null || e.uri().getRawPath().isEmpty() ? "/" : e.uri().getRawPath();
        if (e.uri().getRawQuery() != null) {
            path += "?" + e.uri().getRawQuery();
        }
        StringBuilder s = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        for (String[] h : e.requestHeaders()) {
            s.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The response: status line, headers as served, then the body byte for byte. The client has already undone a
     * chunked transfer coding, so that header is kept under another name saying so (a replay tool must not undo
     * it again); a compressed body is kept compressed, as served.
     */
    static byte[] responseBytes(Exchange e) {
        StringBuilder s = new StringBuilder("HTTP/1.1 " + e.status() + " " + reason(e.status()) + "\r\n");
        for (String[] h : e.responseHeaders()) {
            String name = h[0].equalsIgnoreCase("Transfer-Encoding") ? "X-Casebook-Dechunked-Transfer-Encoding" : h[0];
            s.append(name).append(": ").append(h[1]).append("\r\n");
        }
        s.append("\r\n");
        byte[] head = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + e.body().length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(e.body(), 0, out, head.length, e.body().length);
        return out;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}
