package org.casebook.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Whether a document's original may travel as it is in a redacted copy: its text is searched as a reader would
 * see it, not only as it is stored. Text files are read in their encoding (a BOM says which, else UTF-8), with
 * XML and HTML character references and JSON escapes decoded ("12&amp;#160;Elm Street" is "12 Elm Street");
 * e-mails and mailboxes are taken apart (encoded headers, quoted-printable and base64 bodies, every part); PDFs
 * are read for their text, annotations, form fields, bookmarks and metadata. Kinds of file that cannot be searched
 * this way (archives, office documents, audio, video, other pictures) are withheld: a redacted copy never carries
 * what Casebook could not check.
 */
final class OriginalScan {
    /** A mailbox message held for parsing; a larger one is withheld rather than searched in part. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final MimeConfig MIME = new MimeConfig.Builder().setMaxLineLen(-1).setMaxHeaderCount(-1)
            .setMaxHeaderLen(-1).setMaxContentLen(-1).setStrictParsing(false).build();
    private static final Pattern REFERENCE = Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("nbsp", "\u00A0"),
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("rsquo", "\u2019"), Map.entry("lsquo", "\u2018"),
            Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("shy", "\u00AD"),
            Map.entry("zwj", "\u200D"), Map.entry("zwnj", "\u200C"), Map.entry("thinsp", "\u2009"),
            Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"));
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]{0,4096}>");
    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|[nrtbf\"\\\\/])");

    private final Redactor redactor;

    OriginalScan(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Null when the original may travel as it is, else why it is withheld. Reads {@code in} as far as needed. */
    Withheld check(String mediaType, InputStream in) throws IOException {
        String type = mediaType == null ? "application/octet-stream" : mediaType.toLowerCase(Locale.ROOT);
        if (type.equals("message/rfc822") || type.equals("application/mbox")) {
            return mail(in);
        }
        if (type.equals("application/pdf")) {
            return pdf(in);
        }
        if (text(type)) {
            return redactor.foundIn(reader(in, null), views(type)) ? Withheld.REDACTED_TEXT : null;
        }
        if (type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/")) {
            return Withheld.LOCATION;
        }
        return Withheld.UNCHECKABLE;
    }

    static boolean text(String type) {
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.endsWith("+xml") || type.endsWith("+json") || type.equals("application/x-ndjson")
                || type.equals("application/csv") || type.equals("application/javascript");
    }

    /** The ways a text of this type reads: as stored, and with its escapes decoded. */
    private static List<UnaryOperator<CharSequence>> views(String type) {
        List<UnaryOperator<CharSequence>> views = new ArrayList<>();
        views.add(UnaryOperator.identity());
        if (type.contains("xml") || type.contains("html")) {
            views.add(OriginalScan::references);
        }
        if (type.contains("html")) {
            views.add(t -> TAG.matcher(references(t)).replaceAll(" "));
        }
        if (type.contains("json")) {
            views.add(OriginalScan::jsonEscapes);
            // Facebook and Instagram escape each byte of UTF-8 as a character of its own ("CafÃ©" for "Café")
            views.add(t -> utf8ReadAsLatin1(jsonEscapes(t)));
        }
        return views;
    }

    /** A reader in the text's encoding: a byte-order mark says which, else {@code charset}, else UTF-8. */
    private static Reader reader(InputStream in, String charset) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = p.readNBytes(3);
        Charset chosen;
        int bom = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            chosen = StandardCharsets.UTF_8;
            bom = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            chosen = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            chosen = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            chosen = charset(charset);
        }
        p.unread(head, bom, head.length - bom);
        return new InputStreamReader(p, chosen);
    }

    private static Charset charset(String name) {
        if (name != null) {
            try {
                return Charset.forName(name.strip());
            } catch (IllegalArgumentException e) {
                // an unknown or invalid name: read it as UTF-8, as most mail is
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The text with its character references decoded; the same object when it holds none. */
    static CharSequence references(CharSequence text) {
        Matcher m = REFERENCE.matcher(text);
        if (!m.find()) {
            return text;
        }
        m.reset();
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String ref = m.group(1);
            String replacement;
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(ref.substring(2), 16));
            } else if (ref.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(ref.substring(1)));
            } else {
                replacement = NAMED.getOrDefault(ref.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out;
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
    }

    /** The text with its JSON escapes decoded; the same object when it holds none. */
    static CharSequence jsonEscapes(CharSequence text) {
        Matcher m = JSON_ESCAPE.matcher(text);
        if (!m.find()) {
            return text;
        }
        m.reset();
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e.charAt(0)) {
                case 'u' -> String.valueOf((char) Integer.parseInt(e.substring(1), 16));
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'b', 'f' -> " ";
                default -> e;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out;
    }

    /** Text whose characters are all bytes, read again as the UTF-8 they were; else the text as it is. */
    static CharSequence utf8ReadAsLatin1(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return text;
            }
        }
        return new String(text.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    // ---- e-mail ----

    /** A single message, or a mailbox of them (each starting with a "From " line). */
    private Withheld mail(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 5);
        byte[] head = p.readNBytes(5);
        p.unread(head);
        if (!new String(head, StandardCharsets.ISO_8859_1).equals("From ")) {
            return message(p);
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean lineStart = true;
        boolean first = true;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = p.read()) >= 0; ) {
            line.write(b);
            if (b != '\n' && line.size() < 8192) {
                continue;
            }
            byte[] l = line.toByteArray();
            line.reset();
            boolean from = lineStart && l.length >= 5 && new String(l, 0, 5, StandardCharsets.ISO_8859_1).equals("From ");
            lineStart = l[l.length - 1] == '\n';
            if (from) {
                if (!first) {
                    Withheld found = message(new ByteArrayInputStream(message.toByteArray()));
                    if (found != null) {
                        return found;
                    }
                    message.reset();
                }
                first = false;
                continue; // the separator line is the mailbox's, not the message's
            }
            message.write(l);
            if (message.size() > MAX_MESSAGE_BYTES) {
                return Withheld.UNCHECKABLE;
            }
        }
        message.write(line.toByteArray());
        return message.size() == 0 ? null : message(new ByteArrayInputStream(message.toByteArray()));
    }

    /** One message: every header decoded, every text part decoded and searched; any other part is an attachment. */
    private Withheld message(InputStream in) throws IOException {
        MimeTokenStream ts = new MimeTokenStream(MIME, DecodeMonitor.SILENT, null);
        ts.setRecursionMode(RecursionMode.M_RECURSE);
        ts.parse(in);
        boolean attachments = false;
        try {
            for (EntityState s = ts.getState(); s != EntityState.T_END_OF_STREAM; s = ts.next()) {
                if (s == EntityState.T_FIELD) {
                    String raw = new String(ts.getField().getRaw().toByteArray(), StandardCharsets.UTF_8)
                            .replaceAll("\r?\n[ \t]", " ");
                    String decoded = DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT);
                    if (redactor.foundIn(raw) || redactor.foundIn(decoded)) {
                        return Withheld.REDACTED_TEXT;
                    }
                } else if (s == EntityState.T_BODY) {
                    BodyDescriptor body = ts.getBodyDescriptor();
                    String type = body.getMimeType() == null ? "text/plain" : body.getMimeType().toLowerCase(Locale.ROOT);
                    if (text(type)) {
                        try (Reader r = reader(ts.getDecodedInputStream(), body.getCharset())) {
                            if (redactor.foundIn(r, views(type))) {
                                return Withheld.REDACTED_TEXT;
                            }
                        }
                    } else if (!type.startsWith("multipart/") && !type.startsWith("message/")) {
                        attachments = true; // keep searching: redacted text is the stronger reason
                    }
                }
            }
        } catch (MimeException e) {
            return Withheld.UNCHECKABLE;
        }
        return attachments ? Withheld.ATTACHMENTS : null;
    }

    // ---- PDF ----

    private Withheld pdf(InputStream in) {
        try (BundleDocuments.Opened opened = BundleDocuments.open(in)) {
            PDDocument d = opened.document();
            if (d.isEncrypted() && !d.getCurrentAccessPermission().canExtractContent()) {
                return Withheld.UNCHECKABLE;
            }
            PDDocumentInformation info = d.getDocumentInformation();
            for (String key : info.getMetadataKeys()) {
                if (redactor.foundIn(info.getCustomMetadataValue(key))) {
                    return Withheld.REDACTED_TEXT;
                }
            }
            if (d.getDocumentCatalog().getMetadata() != null) {
                try (InputStream xmp = d.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                    if (redactor.foundIn(reader(xmp, "UTF-8"), views("application/xml"))) {
                        return Withheld.REDACTED_TEXT;
                    }
                }
            }
            if (foundInOutline(d.getDocumentCatalog().getDocumentOutline(), 0)) {
                return Withheld.REDACTED_TEXT;
            }
            PDAcroForm form = d.getDocumentCatalog().getAcroForm();
            if (form != null) {
                for (PDField field : form.getFieldTree()) {
                    if (redactor.foundIn(field.getValueAsString()) || redactor.foundIn(field.getPartialName())) {
                        return Withheld.REDACTED_TEXT;
                    }
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                if (redactor.foundIn(stripper.getText(d))) {
                    return Withheld.REDACTED_TEXT;
                }
                PDPage page = d.getPage(i - 1);
                for (PDAnnotation a : page.getAnnotations()) {
                    if (redactor.foundIn(a.getContents())) {
                        return Withheld.REDACTED_TEXT;
                    }
                }
            }
            var names = d.getDocumentCatalog().getNames();
            if (names != null && names.getEmbeddedFiles() != null) {
                return Withheld.ATTACHMENTS;
            }
            return PdfPictures.hasDetails(d) ? Withheld.PHOTO_DETAILS : null;
        } catch (IOException | RuntimeException e) {
            return Withheld.UNCHECKABLE;
        }
    }

    private boolean foundInOutline(PDOutlineNode node, int depth) {
        if (node == null || depth > 32) {
            return false;
        }
        int seen = 0;
        for (PDOutlineItem item : node.children()) {
            if (seen++ > 100_000 || redactor.foundIn(item.getTitle()) || foundInOutline(item, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
