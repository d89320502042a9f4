package org.casebook.capture.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * A page saved as MHTML (RFC 2557: MIME multipart/related, as browsers save "Webpage, single file"), read as a
 * stream with mime4j: each part's transfer encoding (base64, quoted-printable) undone, its address from
 * Content-Location (else {@code cid:} and its Content-ID). The document is the part the multipart's
 * {@code start} parameter names, else the first HTML part; the page's address is Chrome's
 * Snapshot-Content-Location, else the document's Content-Location; the title falls back to the Subject.
 */
final class MhtmlPageReader {
    /** Real pages nest a multipart or two (frames); a file nesting deeper is refused, not followed down. */
    static final int MAX_DEPTH = 20;
    private static final MimeConfig CONFIG = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderCount(1_000)
            .setMaxHeaderLen(64 * 1024).setMaxContentLen(-1).setStrictParsing(false).build();

    private record Part(String location, String contentId, String mediaType, String charset, byte[] bytes,
            int number) {
    }

    private MhtmlPageReader() {
    }

    static SavedPage read(Path file, SavedPageLimits limits) throws IOException {
        String name = file.getFileName().toString();
        Budget budget = new Budget(limits);
        MimeTokenStream stream = new MimeTokenStream(CONFIG, new DefaultBodyDescriptorBuilder());
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        List<Part> parts = new ArrayList<>();
        String snapshotLocation = null;
        String subject = null;
        Instant date = null;
        String start = null;
        String boundary = null;
        boolean root = true;
        int depth = 0;
        int number = 0;
        String location = null;
        String contentId = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            stream.parse(in);
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_HEADER -> {
                        location = null;
                        contentId = null;
                    }
                    case T_FIELD -> {
                        Field f = stream.getField();
                        String fieldName = f.getName().toLowerCase(Locale.ROOT);
                        String value = f.getBody() == null ? "" : f.getBody().trim();
                        switch (fieldName) {
                            case "content-location" -> location = value;
                            case "content-id" -> contentId = value.replaceAll("^<|>$", "");
                            default -> {
                                if (root && fieldName.equals("snapshot-content-location")) {
                                    snapshotLocation = value;
                                } else if (root && fieldName.equals("subject")) {
                                    subject = decodeWords(value);
                                } else if (root && fieldName.equals("date")) {
                                    date = date(f);
                                } else if (root && fieldName.equals("content-type")) {
                                    ContentTypeField type = ContentTypeFieldLenientImpl.PARSER.parse(f, DecodeMonitor.SILENT);
                                    start = type.getParameter("start");
                                    boundary = type.getBoundary();
                                }
                            }
                        }
                    }
                    case T_START_MULTIPART -> {
                        if (++depth > MAX_DEPTH) {
                            throw new ArchiveReadException(name + ": nests MIME parts more than " + MAX_DEPTH
                                    + " deep; refusing it.");
                        }
                        root = false;
                    }
                    case T_END_MULTIPART -> depth--;
                    case T_BODY -> {
                        root = false;
                        number++;
                        BodyDescriptor d = stream.getBodyDescriptor();
                        String what = name + ", part " + number + (location == null ? "" : " (" + location + ")");
                        byte[] bytes = budget.resource(stream.getDecodedInputStream(), what);
                        if (bytes != null) {
                            parts.add(new Part(location, contentId, d.getMimeType().toLowerCase(Locale.ROOT),
                                    d.getCharset(), bytes, number));
                        }
                    }
                    default -> {
                        // preamble, epilogue, part boundaries: nothing to keep
                    }
                }
            }
        } catch (MimeException e) {
            throw new ArchiveReadException(name + ", part " + (number + 1) + ": not valid MIME (" + e.getMessage() + ").");
        }
        Part doc = document(parts, start);
        if (doc == null) {
            throw new ArchiveReadException(name + ": holds no HTML document (read " + number
                    + (number == 1 ? " part" : " parts") + "); not a saved web page.");
        }
        if (doc.bytes.length > limits.maxDocumentBytes()) {
            throw new ArchiveReadException(name + ", part " + doc.number + ": the page is larger than "
                    + Budget.megabytes(limits.maxDocumentBytes()) + "; refusing it.");
        }
        if (boundary != null && !closed(file, boundary)) {
            budget.warn(name + ": has no closing MIME boundary; the file may be cut short (read " + number
                    + (number == 1 ? " part)." : " parts)."));
        }
        String url = snapshotLocation != null && !snapshotLocation.isEmpty() ? snapshotLocation : doc.location;
        HtmlDocument html = HtmlDocument.parse(doc.bytes, doc.charset, url, budget, name + ", part " + doc.number);
        List<SavedResource> resources = new ArrayList<>();
        for (Part p : parts) {
            if (p != doc) {
                String address = p.location != null ? p.location : p.contentId != null ? "cid:" + p.contentId : null;
                resources.add(new SavedResource(address, p.mediaType, p.bytes));
            }
        }
        String title = html.title().isEmpty() && subject != null ? subject.strip() : html.title();
        return new SavedPage(name, SavedPageFormat.MHTML, url, date, title, html.visibleText(), doc.bytes,
                html.charset(), resources, budget.warnings());
    }

    private static Part document(List<Part> parts, String start) {
        if (start != null) {
            String id = start.trim().replaceAll("^<|>$", "");
            for (Part p : parts) {
                if (id.equals(p.contentId) || id.equals(p.location)) {
                    return p;
                }
            }
        }
        for (Part p : parts) {
            if (p.mediaType.equals("text/html") || p.mediaType.equals("application/xhtml+xml")) {
                return p;
            }
        }
        return null;
    }

    private static String decodeWords(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Instant date(Field field) {
        Date d = DateTimeFieldLenientImpl.PARSER.parse(field, DecodeMonitor.SILENT).getDate();
        return d == null ? null : d.toInstant();
    }

    /** True when the file's last few hundred bytes hold the closing delimiter {@code --boundary--}. */
    private static boolean closed(Path file, String boundary) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            int tail = (int) Math.min(len, 1024 + boundary.length());
            byte[] buf = new byte[tail];
            raf.seek(len - tail);
            raf.readFully(buf);
            return new String(buf, StandardCharsets.ISO_8859_1).contains("--" + boundary + "--");
        }
    }
}
