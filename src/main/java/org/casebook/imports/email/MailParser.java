package org.casebook.imports.email;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.MessageText;

/**
 * Reads one message's bytes with mime4j's token stream: the header fields (decoded here, not by mime4j, so that
 * raw 8-bit headers and RFC 2231 parameters come out right), the MIME tree, the text that stands for the body,
 * and every other part as an attachment. Only text parts that may become the body are held in memory; an
 * attachment's bytes are decoded when the vault reads them, by parsing the message again up to that part, so a
 * message is never held twice.
 */
final class MailParser {
    /**
     * How deep multiparts may nest before a part is read flat, as one body. Real mail nests a few levels
     * (mixed, alternative, related, a signed wrapper); mime4j reads each level through one more boundary
     * stream, recursively, so a message nested 20,000 deep overflowed the stack. A part at this depth is kept
     * whole, as an attachment, inside a message that is kept whole too.
     */
    static final int MAX_DEPTH = 100;

    /** No limits: the message is already in memory and bounded by the importer. */
    private static final MimeConfig CONFIG = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1).setMaxContentLen(-1).setStrictParsing(false).build();
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("text/csv", ".csv"), Map.entry("application/pdf", ".pdf"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/png", ".png"), Map.entry("image/gif", ".gif"), Map.entry("image/webp", ".webp"),
            Map.entry("image/heic", ".heic"), Map.entry("audio/mpeg", ".mp3"), Map.entry("video/mp4", ".mp4"),
            Map.entry("application/zip", ".zip"), Map.entry("message/rfc822", ".eml"),
            Map.entry("application/pkcs7-signature", ".p7s"), Map.entry("application/x-pkcs7-signature", ".p7s"),
            Map.entry("application/pgp-signature", ".asc"), Map.entry("application/ms-tnef", ".dat"),
            Map.entry("message/delivery-status", ".txt"), Map.entry("text/rfc822-headers", ".txt"));

    private MailParser() {
    }

    /**
     * A parsed message: its top-level header fields, body text, attachments, whether it looked whole, and
     * whether its text was longer than a message keeps ({@link MessageText}: the text keeps its start).
     */
    record ParsedMail(List<HeaderText.RawHeader> headers, String text, List<AttachmentRef> attachments,
                      boolean unclosedMultipart, boolean shortened) {
        String header(String name) {
            for (HeaderText.RawHeader h : headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    return h.value();
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (HeaderText.RawHeader h : headers) {
                if (h.name().equalsIgnoreCase(name)) {
                    out.add(h.value());
                }
            }
            return out;
        }
    }

    /** One entity of the MIME tree. */
    private static final class Entity {
        final Entity parent;
        final List<HeaderText.RawHeader> headers = new ArrayList<>();
        final List<Entity> children = new ArrayList<>();
        String type = "text/plain";
        String charset;
        String transfer = "identity";
        String disposition;
        String filename;
        boolean multipart;
        boolean closed;
        String boundary;
        int leaf = -1;
        byte[] text;
        boolean used;
        boolean html;
        /** The text part was longer than {@link MessageText#READ_LIMIT} bytes: {@link #text} holds its start. */
        boolean cut;

        Entity(Entity parent) {
            this.parent = parent;
        }

        boolean isText() {
            return type.equals("text/plain") || type.equals("text/html");
        }

        boolean bodyCandidate() {
            return !multipart && isText() && !"attachment".equals(disposition) && filename == null;
        }
    }

    /**
     * Keeps mime4j from nesting deeper than {@link #MAX_DEPTH}: a part whose headers end at that depth is read
     * in {@link RecursionMode#M_FLAT} (its body is one leaf, whatever it holds). Parsing and re-reading a leaf
     * ({@link #openLeaf}) both go through it, so they count the same leaves.
     */
    private static final class DepthGuard {
        private final MimeTokenStream ts;
        private int depth;
        private boolean flat;

        DepthGuard(MimeTokenStream ts) {
            this.ts = ts;
        }

        /** Call with every state before asking for the next one. */
        void saw(EntityState s) {
            switch (s) {
                case T_START_MULTIPART -> depth++;
                case T_END_MULTIPART -> depth--;
                case T_END_HEADER -> {
                    if (depth >= MAX_DEPTH) {
                        ts.setRecursionMode(RecursionMode.M_FLAT);
                        flat = true;
                    }
                }
                case T_BODY -> {
                    if (flat) {
                        ts.setRecursionMode(RecursionMode.M_NO_RECURSE);
                    }
                }
                default -> {
                    // nothing changes the depth
                }
            }
        }

        /** True while the current body is one read flat because it is too deep. */
        boolean flatBody(EntityState s) {
            boolean was = flat && s == EntityState.T_BODY;
            if (was) {
                flat = false;
            }
            return was;
        }
    }

    static ParsedMail parse(MessageBytes data, String htmlName, Consumer<String> warn) throws IOException {
        MimeTokenStream ts = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
        ts.setRecursionMode(RecursionMode.M_NO_RECURSE);
        ts.parse(data.open());
        DepthGuard guard = new DepthGuard(ts);
        boolean flattened = false;
        Entity root = new Entity(null);
        Entity current = root;
        Deque<Entity> multiparts = new ArrayDeque<>();
        int leaves = 0;
        try {
            for (EntityState s = ts.getState(); s != EntityState.T_END_OF_STREAM; s = ts.next()) {
                guard.saw(s);
                if (guard.flatBody(s) && current.type.startsWith("multipart/")) {
                    current.leaf = leaves++; // kept whole, as an attachment: it holds all that is nested below
                    flattened = true;
                    continue;
                }
                switch (s) {
                    case T_START_BODYPART -> {
                        Entity parent = multiparts.peek();
                        current = new Entity(parent);
                        if (parent != null) {
                            parent.children.add(current);
                        }
                    }
                    case T_FIELD -> current.headers.add(HeaderText.field(ts.getField().getRaw().toByteArray(), warn));
                    case T_END_HEADER -> describe(current, warn);
                    case T_START_MULTIPART -> {
                        current.multipart = true;
                        current.boundary = ts.getBodyDescriptor().getBoundary();
                        multiparts.push(current);
                    }
                    case T_EPILOGUE -> {
                        if (!multiparts.isEmpty()) {
                            multiparts.peek().closed = true;
                        }
                    }
                    case T_END_MULTIPART -> {
                        Entity done = multiparts.pop();
                        current = done;
                    }
                    case T_BODY -> {
                        current.leaf = leaves++;
                        if (current.type.startsWith("multipart/")) {
                            warn.accept("a " + current.type + " part has no usable boundary; kept as an attachment.");
                        }
                        CutOff cut = new CutOff();
                        if (current.bodyCandidate()) {
                            try (InputStream in = decoded(ts.getInputStream(), current.transfer, cut)) {
                                // never the whole of a huge part: its start, and whether there was more
                                byte[] start = in.readNBytes(MessageText.READ_LIMIT + 1);
                                current.cut = start.length > MessageText.READ_LIMIT;
                                current.text = current.cut ? Arrays.copyOf(start,
                                        MessageText.utf8Boundary(start, 0, MessageText.READ_LIMIT)) : start;
                            }
                        } else if (current.transfer.equals("base64")) {
                            try (InputStream in = decoded(ts.getInputStream(), current.transfer, cut)) {
                                in.transferTo(java.io.OutputStream.nullOutputStream());
                            }
                        }
                        if (cut.seen) {
                            warn.accept("the base64 data of " + (current.filename != null ? current.filename
                                    : "a " + current.type + " part") + " ends in the middle of a byte: the message"
                                    + " looks cut short.");
                        }
                    }
                    default -> {
                        // preamble, part ends: nothing to keep
                    }
                }
            }
        } catch (MimeException e) {
            throw new IOException("not readable as MIME (" + e.getMessage() + ")", e);
        }
        if (flattened) {
            warn.accept("its MIME parts are nested more than " + MAX_DEPTH + " levels deep; each part at that depth "
                    + "is kept whole, as one attachment, and the whole message is kept too.");
        }
        if (root.multipart && !root.closed && root.boundary != null) {
            root.closed = hasClosingDelimiter(data, root.boundary);
        }

        List<Entity> plain = new ArrayList<>();
        List<Entity> html = new ArrayList<>();
        select(root, plain, html);
        List<Entity> body = plain;
        String text = plain.isEmpty() ? "" : join(plain, warn, false);
        if (text.isBlank() && !html.isEmpty()) {
            body = html; // an empty plain part beside the HTML is not the text
            text = join(html, warn, true);
        }
        boolean shortened = text.length() > MessageText.READ_LIMIT || body.stream().anyMatch(e -> e.cut);
        List<AttachmentRef> attachments = new ArrayList<>();
        int unnamed = 0;
        int htmlCount = 0;
        for (Entity leaf : leaves(root, new ArrayList<>())) {
            if (leaf.used && !leaf.html) {
                continue;
            }
            if (leaf.used && (leaf.text == null || leaf.text.length == 0)) {
                continue; // an empty HTML body: nothing to keep
            }
            if (!leaf.used && leaf.bodyCandidate() && leaf.type.equals("text/plain") && blank(leaf.text)) {
                continue; // an empty plain alternative passed over for the HTML: nothing to keep
            }
            String name = leaf.filename;
            if (name == null && leaf.bodyCandidate() && leaf.type.equals("text/html")) {
                htmlCount++;
                name = htmlCount == 1 ? htmlName + ".html" : htmlName + "-" + htmlCount + ".html";
            }
            if (name == null) {
                unnamed++;
                String base = leaf.type.startsWith("message/") ? "attached-message-" : "attachment-";
                name = base + unnamed + EXTENSIONS.getOrDefault(leaf.type, leaf.type.startsWith("message/") ? ".eml" : ".bin");
            }
            int index = leaf.leaf;
            String transfer = leaf.transfer;
            attachments.add(new AttachmentRef(name, null, leaf.type, () -> openLeaf(data, index, transfer)));
        }
        return new ParsedMail(List.copyOf(root.headers), text, attachments, root.multipart && !root.closed,
                shortened);
    }

    /** Notices mime4j's report that base64 data stopped in the middle of a byte (a message cut short). */
    private static final class CutOff extends DecodeMonitor {
        boolean seen;

        @Override
        public boolean warn(String error, String dropDesc) {
            seen |= error.startsWith("Unexpected end of BASE64");
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    /** Reads the Content-Type, Content-Disposition and Content-Transfer-Encoding of an entity. */
    private static void describe(Entity e, Consumer<String> warn) {
        String ct = null;
        String cd = null;
        String cte = null;
        for (HeaderText.RawHeader h : e.headers) {
            String n = h.lowerName();
            if (ct == null && n.equals("content-type")) {
                ct = h.value();
            } else if (cd == null && n.equals("content-disposition")) {
                cd = h.value();
            } else if (cte == null && n.equals("content-transfer-encoding")) {
                cte = h.value();
            }
        }
        HeaderText.Structured type = HeaderText.structured(ct, warn);
        String t = type.value().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (t.isEmpty() || t.indexOf('/') <= 0) {
            t = e.parent != null && "multipart/digest".equals(e.parent.type) ? "message/rfc822" : "text/plain";
        }
        e.type = t;
        e.charset = type.param("charset");
        HeaderText.Structured disposition = HeaderText.structured(cd, warn);
        e.disposition = cd == null ? null : disposition.value().strip().toLowerCase(Locale.ROOT);
        String name = disposition.param("filename");
        if (name == null || name.isBlank()) {
            name = type.param("name");
        }
        e.filename = name == null || name.isBlank() ? null : name.strip();
        e.transfer = transfer(cte, warn);
    }

    /** The transfer encoding, read leniently ({@code 7-bit}, {@code quoted printable}, a trailing space). */
    static String transfer(String value, Consumer<String> warn) {
        if (value == null) {
            return "identity";
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        String squeezed = v.replaceAll("[\\s\"'_-]", "");
        String result = switch (squeezed) {
            case "base64" -> "base64";
            case "quotedprintable", "qp" -> "quoted-printable";
            case "xuuencode", "uuencode", "xuue", "uue" -> "x-uuencode";
            case "7bit", "8bit", "binary", "plain", "none", "text", "7", "8", "" -> "identity";
            default -> null;
        };
        if (result == null) {
            warn.accept("the transfer encoding '" + value.strip() + "' is unknown; the part is kept as written.");
            return "identity";
        }
        boolean canonical = v.equals("base64") || v.equals("quoted-printable") || v.equals("7bit") || v.equals("8bit")
                || v.equals("binary") || v.equals("x-uuencode");
        if (!canonical) {
            warn.accept("the transfer encoding '" + value.strip() + "' is malformed; read as "
                    + (result.equals("identity") ? "unencoded" : result) + ".");
        }
        return result;
    }

    static InputStream decoded(InputStream raw, String transfer) {
        return decoded(raw, transfer, DecodeMonitor.SILENT);
    }

    /**
     * The part's bytes decoded: base64 by mime4j; quoted-printable by {@link QuotedPrintable}, because mime4j's
     * {@code QuotedPrintableInputStream} (0.8.12) turns every hard line break into CRLF and an LF-only mbox's
     * text would no longer read as written (EmailPitfallsTest#quotedPrintableSoftBreaksAndLineEndingsAsWritten);
     * uuencode by {@link Uudecode}, which mime4j does not have.
     */
    static InputStream decoded(InputStream raw, String transfer, DecodeMonitor monitor) {
        return switch (transfer) {
            case "base64" -> new Base64InputStream(raw, monitor);
            case "quoted-printable" -> new QuotedPrintable(raw);
            case "x-uuencode" -> new Uudecode(raw);
            default -> raw;
        };
    }

    /**
     * Marks the parts that make the body: the text/plain parts (in a multipart/alternative, only the first
     * alternative that holds text/plain, else the first that holds HTML); HTML parts are collected separately and
     * become the body only when there is no plain text.
     */
    private static void select(Entity e, List<Entity> plain, List<Entity> html) {
        if (!e.multipart) {
            if (e.bodyCandidate()) {
                if (e.type.equals("text/plain")) {
                    e.used = true;
                    plain.add(e);
                } else {
                    e.used = true;
                    e.html = true;
                    html.add(e);
                }
            }
            return;
        }
        if (e.type.equals("multipart/alternative")) {
            Entity chosen = null;
            for (Entity c : e.children) {
                if (holds(c, "text/plain")) {
                    chosen = c;
                    break;
                }
            }
            if (chosen == null) {
                for (Entity c : e.children) {
                    if (holds(c, "text/html")) {
                        chosen = c;
                        break;
                    }
                }
            }
            if (chosen != null) {
                select(chosen, plain, html);
            }
            // the other renditions stay attachments (an HTML one is named after the message)
            return;
        }
        for (Entity c : e.children) {
            select(c, plain, html);
        }
    }

    /** True when {@code e} holds a body part of {@code type}; a plain one only when it has text. */
    private static boolean holds(Entity e, String type) {
        if (!e.multipart) {
            return e.bodyCandidate() && e.type.equals(type) && (type.equals("text/html") || !blank(e.text));
        }
        for (Entity c : e.children) {
            if (holds(c, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(byte[] text) {
        if (text == null) {
            return true;
        }
        for (byte b : text) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static List<Entity> leaves(Entity e, List<Entity> out) {
        if (e.multipart) {
            for (Entity c : e.children) {
                leaves(c, out);
            }
        } else if (e.leaf >= 0) {
            out.add(e);
        }
        return out;
    }

    private static String join(List<Entity> parts, Consumer<String> warn, boolean fromHtml) {
        StringBuilder out = new StringBuilder();
        for (Entity p : parts) {
            if (out.length() > MessageText.READ_LIMIT) {
                break; // the message keeps less than this: the parts after it are not read into its text
            }
            byte[] bytes = p.text == null ? new byte[0] : p.text;
            String s = TextDecoding.decode(bytes, p.charset, "the " + p.type + " part", warn);
            if (fromHtml) {
                s = HtmlText.toText(s);
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(s);
        }
        return out.toString();
    }

    /** Parses the message again up to leaf {@code index} and returns that part's decoded bytes. */
    static InputStream openLeaf(MessageBytes data, int index, String transfer) throws IOException {
        MimeTokenStream ts = new MimeTokenStream(CONFIG, DecodeMonitor.SILENT, null);
        ts.setRecursionMode(RecursionMode.M_NO_RECURSE);
        ts.parse(data.open());
        DepthGuard guard = new DepthGuard(ts);
        int leaf = 0;
        try {
            for (EntityState s = ts.getState(); s != EntityState.T_END_OF_STREAM; s = ts.next()) {
                guard.saw(s);
                guard.flatBody(s);
                if (s == EntityState.T_BODY && leaf++ == index) {
                    return decoded(ts.getInputStream(), transfer);
                }
            }
        } catch (MimeException e) {
            throw new IOException("the part could not be read again (" + e.getMessage() + ")", e);
        }
        throw new IOException("the part could not be found again");
    }

    /** True when a line starts with {@code --boundary--} (a closing delimiter mime4j may not report at the end). */
    private static boolean hasClosingDelimiter(MessageBytes data, String boundary) throws IOException {
        byte[] needle = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
        try (InputStream in = new BufferedInputStream(data.open(), 1 << 16)) {
            int matched = 0;
            boolean lineStart = true;
            int b;
            while ((b = in.read()) >= 0) {
                if (matched >= 0 && (lineStart || matched > 0)) {
                    if (b == (needle[matched] & 0xFF)) {
                        if (++matched == needle.length) {
                            return true;
                        }
                    } else {
                        matched = -1;
                    }
                }
                lineStart = b == '\n';
                if (lineStart) {
                    matched = 0;
                }
            }
        }
        return false;
    }
}
