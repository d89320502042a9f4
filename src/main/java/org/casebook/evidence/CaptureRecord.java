package org.casebook.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one capture of a web address stores: what the fetch recorded, the files kept (the WARC always; the
 * single-file HTML and screenshot of a page; the file itself when the address served a PDF, image or video) and,
 * for a re-capture, the capture it follows and its verdict. Built by {@code org.casebook.capture}, stored by
 * {@link CaptureStore}.
 *
 * @param fileName    the served file's name, for a {@link #FILE} capture; for a page another tool saved and the
 *                    user imported, that saved file's name ({@link #file} holds it byte for byte)
 * @param kind        {@link #PAGE}, {@link #FILE} or {@link #UNREACHABLE} (a re-capture that found no server)
 * @param redirects   each hop: {@code url}, {@code status}, {@code location}
 * @param headers     the final response's headers, each {@code [name, value]} in the order served
 * @param text        the page's visible text (searched, and compared by a re-capture)
 * @param resources   each resource: {@code url}, {@code status}, {@code media_type}, {@code size}, {@code sha256},
 *                    or {@code missing} with the reason
 * @param proxy       the proxy every request went through, or null
 * @param recaptureOf the item id of the latest earlier capture of the address, or null
 * @param verdict     for a re-capture: {@code unchanged}, {@code changed} or {@code gone}; else null
 * @param diff        for {@code changed}: the lines removed ({@code - }) and added ({@code + })
 */
public record CaptureRecord(String kind, String requestedUrl, String finalUrl, List<Map<String, Object>> redirects,
                            Integer status, List<List<String>> headers, String serverIp, CertificateFacts certificate,
                            Instant capturedAt, String title, String text, String note, String mediaType,
                            byte[] warc, byte[] html, byte[] png, byte[] file, String fileName,
                            List<Map<String, Object>> resources, List<String> warnings, String proxy,
                            Long recaptureOf, String verdict, String diff) {
    public static final String PAGE = "page";
    public static final String FILE = "file";
    public static final String UNREACHABLE = "unreachable";

    /** The same capture with more warnings after its own (a site capture's pages that could not be had). */
    public CaptureRecord withMoreWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new CaptureRecord(kind, requestedUrl, finalUrl, redirects, status, headers, serverIp, certificate,
                capturedAt, title, text, note, mediaType, warc, html, png, file, fileName, resources, all, proxy,
                recaptureOf, verdict, diff);
    }

    /** The server's TLS certificate as the capture saw it. */
    public record CertificateFacts(String subject, String issuer, Instant notBefore, Instant notAfter,
                                   String sha256) {
    }
}
