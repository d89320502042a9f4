package org.casebook.capture.archive;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Gathers the captures of one or more WARC files (read with jwarc, plain or gzipped, as a stream) and builds
 * the saved page from them: the page is the first HTML capture with a 2xx status (or the one a WACZ's page list
 * names), every other capture is one of its resources. A {@code revisit} record takes the bytes of the capture it
 * refers to (same payload digest, or the target and date it names) when that is in the same files.
 */
final class WarcCollector {
    private final String fileName;
    private final Budget budget;
    private final List<Capture> captures = new ArrayList<>();
    private final List<Revisit> revisits = new ArrayList<>();
    private final Set<String> seenUrls = new HashSet<>();
    /** Addresses and payload digests of captures left out by the limits: their revisits are left out too. */
    private final Set<String> leftOut = new HashSet<>();
    private int repeated;

    private record Capture(String url, String mediaType, String charset, byte[] bytes, Instant date, boolean page,
            String digest) {
    }

    private record Revisit(String url, Instant date, String digest, String refersToUrl, Instant refersToDate,
            String where) {
    }

    WarcCollector(String fileName, Budget budget) {
        this.fileName = fileName;
        this.budget = budget;
    }

    /**
     * Reads every record of one WARC stream. {@code where} names it in messages ("x.warc" or "x.wacz, entry
     * archive/data.warc"). A damaged record fails the whole reading, naming the record and its offset.
     */
    void read(InputStream in, String where) {
        int number = 0;
        long offset = 0;
        try (WarcReader reader = new WarcReader(in)) {
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (ParsingException e) {
                    throw new ArchiveReadException(where + ", record " + (number + 1) + " (after offset " + offset
                            + "): not a valid WARC record header (" + e.getBaseMessage() + ").");
                }
                if (next.isEmpty()) {
                    break;
                }
                number++;
                offset = reader.position();
                take(next.get(), where + ", record " + number + " (offset " + offset + ")");
            }
        } catch (EOFException | ZipException e) {
            throw new ArchiveReadException(where + ", record " + (number + 1) + " (after offset " + offset
                    + "): the file is cut short or its compression is damaged (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new ArchiveReadException(where + ", record " + (number + 1) + " (after offset " + offset
                    + "): cannot be read (" + e.getMessage() + ").");
        } catch (IllegalArgumentException | IllegalStateException | DateTimeException | NoSuchElementException e) {
            // jwarc reports a malformed or missing header field this way (Content-Length: banana)
            throw new ArchiveReadException(where + ", record " + (number + 1) + " (after offset " + offset
                    + "): a malformed field (" + e.getMessage() + ").");
        }
    }

    private void take(WarcRecord record, String where) throws IOException {
        if (record instanceof WarcTargetRecord t && (record instanceof WarcRevisit || record instanceof WarcResponse
                || record instanceof WarcResource) && t.target() == null) {
            budget.warn(where + ": a capture with no WARC-Target-URI; left out.");
            return;
        }
        if (record instanceof WarcRevisit revisit) {
            revisits.add(new Revisit(revisit.target(), date(revisit), revisit.payloadDigest().map(Object::toString).orElse(null),
                    revisit.refersToTargetURI().map(Object::toString).orElse(null), revisit.refersToDate().orElse(null),
                    where));
            return;
        }
        if (!(record instanceof WarcResponse || record instanceof WarcResource)) {
            return; // request, metadata, warcinfo, conversion: not part of what the page showed
        }
        WarcTargetRecord target = (WarcTargetRecord) record;
        String url = target.target();
        String what = where + " (" + url + ")";
        if (!seenUrls.add(url)) {
            repeated++;
            return;
        }
        MediaType type;
        String charset;
        byte[] bytes;
        boolean ok;
        if (record instanceof WarcResponse response) {
            if (!response.contentType().base().equals(MediaType.HTTP)) {
                type = response.contentType();
                charset = type.parameters().get("charset");
                ok = true;
                bytes = budget.resource(response.body().stream(), what);
            } else {
                HttpResponse http = response.http();
                type = http.contentType();
                charset = type.parameters().get("charset");
                ok = http.status() >= 200 && http.status() < 300;
                bytes = budget.resource(http.body().stream(), what);
                if (bytes != null) {
                    bytes = contentDecoded(bytes, http.headers().first("Content-Encoding").orElse(null), what);
                }
            }
        } else {
            type = record.contentType();
            charset = type.parameters().get("charset");
            ok = true;
            bytes = budget.resource(record.body().stream(), what);
        }
        if (bytes == null) {
            leftOut.add(url);
            target.payloadDigest().ifPresent(d -> leftOut.add(d.toString()));
            return;
        }
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
        captures.add(new Capture(url, base.isEmpty() ? "application/octet-stream" : base, charset, bytes,
                date(record), html && ok, target.payloadDigest().map(Object::toString).orElse(null)));
    }

    /** The record's WARC-Date, or null when it is missing or not a date (the record is still read). */
    private static Instant date(WarcRecord record) {
        try {
            return record.headers().sole("WARC-Date").map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The entity as the browser used it: gzip and deflate undone (bounded); other encodings kept with a warning. */
    private byte[] contentDecoded(byte[] raw, String encoding, String what) throws IOException {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        try {
            InputStream in = switch (e) {
                case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(raw),
                        new Inflater(raw.length < 2 || (raw[0] & 0x0f) != 8));
                default -> null;
            };
            if (in == null) {
                budget.warn(what + ": its content encoding \"" + encoding + "\" is kept as stored (not decoded).");
                return raw;
            }
            byte[] decoded = Budget.readAtMost(in, budget.limits().maxResourceBytes());
            if (decoded == null) {
                budget.warn(what + ": decompresses to more than "
                        + Budget.megabytes(budget.limits().maxResourceBytes()) + "; kept as stored.");
                return raw;
            }
            return decoded;
        } catch (EOFException | ZipException ex) {
            budget.warn(what + ": its " + e + " content is damaged; kept as stored.");
            return raw;
        }
    }

    /**
     * The saved page: the capture of the first of {@code pageUrls} found, else the first HTML capture with a 2xx
     * status; its resources are every other capture and every revisit resolved in these files.
     */
    SavedPage build(SavedPageFormat format, List<String> pageUrls, String fallbackTitle) {
        Capture page = null;
        for (String wanted : pageUrls) {
            for (Capture c : captures) {
                if (c.url.equals(wanted) && c.mediaType.contains("html")) {
                    page = c;
                    break;
                }
            }
            if (page != null) {
                break;
            }
        }
        if (page == null) {
            page = captures.stream().filter(Capture::page).findFirst().orElse(null);
        }
        if (page == null) {
            throw new ArchiveReadException(fileName + ": holds no HTML page with a successful (2xx) response; "
                    + "nothing to show.");
        }
        if (page.bytes.length > budget.limits().maxDocumentBytes()) {
            throw new ArchiveReadException(fileName + ", " + page.url + ": the page is larger than "
                    + Budget.megabytes(budget.limits().maxDocumentBytes()) + "; refusing it.");
        }
        List<SavedResource> resources = new ArrayList<>();
        for (Capture c : captures) {
            if (c != page) {
                resources.add(new SavedResource(c.url, c.mediaType, c.bytes));
            }
        }
        resolveRevisits(resources);
        if (repeated > 0) {
            budget.warn(fileName + ": " + repeated + (repeated == 1 ? " later capture" : " later captures")
                    + " of an address already read left out (the first capture of each address is shown).");
        }
        HtmlDocument doc = HtmlDocument.parse(page.bytes, page.charset, page.url, budget, fileName + ", " + page.url);
        String title = doc.title().isEmpty() && fallbackTitle != null ? fallbackTitle : doc.title();
        Charset charset = doc.charset();
        return new SavedPage(fileName, format, page.url, page.date, title, doc.visibleText(), page.bytes, charset,
                resources, budget.warnings());
    }

    private void resolveRevisits(List<SavedResource> resources) {
        Map<String, Capture> byDigest = new HashMap<>();
        Map<String, Capture> byUrl = new HashMap<>();
        for (Capture c : captures) {
            if (c.digest != null) {
                byDigest.putIfAbsent(c.digest, c);
            }
            byUrl.putIfAbsent(c.url, c);
        }
        for (Revisit r : revisits) {
            if (!seenUrls.add(r.url)) {
                continue; // the address already has its bytes
            }
            Capture original = r.digest == null ? null : byDigest.get(r.digest);
            if (original == null && r.refersToUrl != null) {
                Capture c = byUrl.get(r.refersToUrl);
                if (c != null && (r.refersToDate == null || r.refersToDate.equals(c.date))) {
                    original = c;
                }
            }
            if (original == null && (leftOut.contains(r.refersToUrl) || leftOut.contains(r.digest))) {
                continue; // its original was left out by the limits, already said
            }
            if (original == null) {
                budget.warn(r.where + " (" + r.url + "): a revisit of a capture that is not in this file; left out.");
            } else if (budget.admitShared(r.where + " (" + r.url + ")")) {
                resources.add(new SavedResource(r.url, original.mediaType, original.bytes));
            }
        }
    }
}
