package org.casebook.capture.archive;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.casebook.imports.ImportException;
import org.casebook.imports.SafeZip;

/**
 * The one entry point for web pages saved by other tools: {@link #detect} says what a file is by its content
 * (a {@code .html} that is SingleFile, a {@code .warc} that is gzipped, a zip that is a WACZ), and {@link #read}
 * reads it into a {@link SavedPage}. Bad input is refused with an {@link ArchiveReadException} whose one-line
 * message names the file and, where known, the record, part, entry or line; nothing else escapes.
 *
 * <p>Memory is bounded by {@link SavedPageLimits}: MHTML, WARC and WACZ are read as streams and only the page's
 * parts are kept; HTML is read whole up to the document limit.
 */
public final class SavedPages {
    /** How much of a file's start detection looks at (SingleFile's comment follows the doctype and head). */
    static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern HTML_START = Pattern.compile(
            "^(?:\\s|<!--.*?-->|<\\?xml[^>]*>)*<(?:!doctype\\s+html|html|head|body|meta|title|base|link|!--)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MIME_RELATED = Pattern.compile("(?im)^content-type:\\s*multipart/related");
    private static final Pattern MIME_VERSION = Pattern.compile("(?im)^mime-version:");

    private SavedPages() {
    }

    /** What the file is, judged by its content (and, for a zip, a {@code .wacz} name); empty when none of these. */
    public static Optional<SavedPageFormat> detect(Path file) {
        try {
            return Optional.ofNullable(sniff(file));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Reads the file with the default limits. */
    public static SavedPage read(Path file) {
        return read(file, SavedPageLimits.DEFAULT);
    }

    /** Reads the file: refused with an {@link ArchiveReadException} naming the file when it cannot be. */
    public static SavedPage read(Path file, SavedPageLimits limits) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ArchiveReadException(name + ": not found, or not a file.");
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new ArchiveReadException(name + ": is " + Budget.megabytes(size) + ", more than the "
                        + Budget.megabytes(limits.maxFileBytes()) + " a saved page may be; refusing it.");
            }
            SavedPageFormat format = sniff(file);
            if (format == null) {
                throw new ArchiveReadException(name + ": not a saved web page (HTML, SingleFile, MHTML, WARC or WACZ).");
            }
            return switch (format) {
                case HTML, SINGLE_FILE -> HtmlPageReader.read(file, limits);
                case MHTML -> MhtmlPageReader.read(file, limits);
                case WARC, WARC_GZ -> warc(file, format, limits);
                case WACZ -> WaczPageReader.read(file, limits);
            };
        } catch (ArchiveReadException e) {
            throw e;
        } catch (ImportException e) {
            // SafeZip's refusal of a WACZ that is no readable zip: the same one line, as this class promises
            throw new ArchiveReadException(e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ArchiveReadException(name + ": not found.");
        } catch (EOFException | ZipException e) {
            throw new ArchiveReadException(name + ": cut short or damaged (" + e.getMessage() + ").");
        } catch (IOException e) {
            throw new ArchiveReadException(name + ": cannot be read (" + e.getMessage() + ").");
        } catch (UncheckedIOException e) {
            throw new ArchiveReadException(name + ": cannot be read (" + e.getCause().getMessage() + ").");
        }
    }

    private static SavedPage warc(Path file, SavedPageFormat format, SavedPageLimits limits) throws IOException {
        String name = file.getFileName().toString();
        WarcCollector collector = new WarcCollector(name, new Budget(limits));
        try (InputStream in = Files.newInputStream(file)) {
            collector.read(in, name);
        }
        return collector.build(format, java.util.List.of(), null);
    }

    private static SavedPageFormat sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return startsWith(gunzipped(head), "WARC/") ? SavedPageFormat.WARC_GZ : null;
        }
        if (startsWith(head, "WARC/")) {
            return SavedPageFormat.WARC;
        }
        if (startsWith(head, "PK\u0003\u0004")) {
            return isWacz(file) ? SavedPageFormat.WACZ : null;
        }
        String text = text(head);
        int headerEnd = text.indexOf("\n\n");
        int crlfEnd = text.indexOf("\r\n\r\n");
        int end = headerEnd < 0 ? crlfEnd : crlfEnd < 0 ? headerEnd : Math.min(headerEnd, crlfEnd);
        String header = end < 0 ? text : text.substring(0, end);
        if (!header.stripLeading().startsWith("<") && (MIME_RELATED.matcher(header).find()
                || MIME_VERSION.matcher(header).find() && name(file).matches(".*\\.mht(ml)?$"))) {
            return SavedPageFormat.MHTML;
        }
        if (HTML_START.matcher(text).find()) {
            return text.contains(HtmlPageReader.SINGLE_FILE_MARK) || text.contains("Archive processed by SingleFile")
                    ? SavedPageFormat.SINGLE_FILE : SavedPageFormat.HTML;
        }
        return null;
    }

    private static boolean isWacz(Path file) {
        if (name(file).endsWith(".wacz")) {
            return true; // read() then says clearly why such a zip cannot be read
        }
        try (SafeZip zip = SafeZip.open(file)) {
            return zip.names().contains(WaczManifest.DATAPACKAGE)
                    && zip.names().stream().anyMatch(n -> n.startsWith("archive/"));
        } catch (ImportException e) {
            return false;
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** As much of the gzip stream as the head holds, decompressed (a few bytes are enough to see "WARC/"). */
    private static byte[] gunzipped(byte[] head) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The head as text: UTF-16 when a byte-order mark says so, else byte for byte (markup is ASCII). */
    private static String text(byte[] head) {
        Charset cs = StandardCharsets.ISO_8859_1;
        int skip = 0;
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            skip = 3;
        }
        return new String(head, skip, head.length - skip, cs);
    }
}
