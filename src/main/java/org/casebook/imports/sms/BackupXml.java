package org.casebook.imports.sms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;
import org.casebook.vault.Progress;

/**
 * What the two SMS Backup &amp; Restore importers share: detection, the zip case, and one streaming StAX pass
 * over the file with the security settings, error messages and checks an evidence import needs.
 *
 * <p>The XML reader is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}), never a DOM: DTDs and
 * external entities are off, and a document that declares a DOCTYPE is refused outright (nothing in this
 * format needs one, and it is how XXE and entity-expansion attacks arrive). A {@code <?xml-stylesheet?>}
 * processing instruction is just skipped; nothing is ever fetched.
 */
abstract class BackupXml implements Importer {
    /** Text a file's first bytes are read for when detecting the format. */
    static final int HEAD_BYTES = 4096;
    /** How often (in records) progress is reported. */
    private static final int PROGRESS_EVERY = 512;
    /**
     * How deep elements may nest. The JDK's reader keeps a stack of open elements, so absurd nesting costs memory
     * for nothing: a backup nests four levels (smses, mms, parts, part).
     */
    static final int MAX_DEPTH = 64;

    /** The root element: {@code smses} or {@code calls}. */
    abstract String rootElement();

    /** File names the app gives this kind of backup, for files whose first bytes do not say. */
    abstract Pattern fileName();

    /**
     * A fresh handler for one file.
     *
     * @param file   the name used in messages ("sms-1.xml", or "export.zip, entry sms-1.xml")
     * @param source what goes before "line N" in each record's source: "" for a plain file, "entry E, " in a zip
     */
    abstract Handler handler(String file, String source, ImportContext context, MessageSink sink);

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (file.isZip()) {
            return !entries(file).isEmpty();
        }
        return matches(file.name(), file.head(null, HEAD_BYTES));
    }

    private boolean matches(String name, byte[] head) {
        String root = XmlHead.rootElement(head);
        if (root != null) {
            return root.equals(rootElement());
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        return fileName().matcher(base).matches();
    }

    /** The entries of a zip that hold this kind of backup. */
    private List<String> entries(ExportFile file) throws IOException {
        List<String> found = new ArrayList<>();
        for (String entry : file.entriesEndingWith(".xml")) {
            if (matches(entry, file.head(entry, HEAD_BYTES))) {
                found.add(entry);
            }
        }
        return found;
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        Progress progress = context.progress() == null ? Progress.NONE : context.progress();
        if (!file.isZip()) {
            long size = java.nio.file.Files.size(file.path());
            try (InputStream in = file.open()) {
                parse(in, file.name(), "", 0, size, progress, context, sink);
            }
            return;
        }
        List<String> entries = entries(file);
        if (entries.isEmpty()) {
            throw new ImportException(file.name() + ": holds no SMS Backup & Restore file (<" + rootElement()
                    + "> XML).");
        }
        long total = 0;
        for (String entry : entries) {
            total += Math.max(0, file.zip().size(entry));
        }
        long done = 0;
        for (String entry : entries) {
            try (InputStream in = file.zip().open(entry)) {
                parse(in, file.name() + ", entry " + entry, "entry " + entry + ", ", done, total, progress, context,
                        sink);
            }
            done += Math.max(0, file.zip().size(entry));
        }
    }

    /** Reads one plain file's bytes (the zip and progress cases aside): the seam tests use. */
    void read(InputStream in, String file, ImportContext context, MessageSink sink) throws IOException {
        parse(in, file, "", 0, -1, context.progress() == null ? Progress.NONE : context.progress(), context, sink);
    }

    /** Creates the JDK's StAX reader with DTDs, external entities and every fetch switched off. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("refusing to fetch " + systemId);
        });
        // A single MMS part can carry tens of megabytes of base64 in one attribute. XmlCharReader takes every
        // data="..." value out of the stream before the parser sees it, but other attributes (a long body, a
        // data value that is not base64) still reach it. The JDK's limits (jdk.xml.*) are meant for entity
        // expansion, which cannot happen here (no DTD, DOCTYPE refused); the JDK 17 reader does not count
        // attribute text, the predefined entities or character references against them (measured: a 60 MB
        // attribute of 12 million &amp; parses under the defaults). They are raised on this factory only,
        // deliberately, so that no JDK update that starts counting attribute text can make large backups fail;
        // entityExpansionLimit (declared entities) stays at its default.
        setLimit(f, "totalEntitySizeLimit", Integer.MAX_VALUE);
        setLimit(f, "maxGeneralEntitySizeLimit", Integer.MAX_VALUE);
        setLimit(f, "entityReplacementLimit", Integer.MAX_VALUE);
        return f;
    }

    private static void setLimit(XMLInputFactory f, String name, int value) {
        try {
            f.setProperty("http://www.oracle.com/xml/jaxp/properties/" + name, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            // A JDK without this limit does not enforce it either.
        }
    }

    private void parse(InputStream in, String file, String source, long doneBefore, long total, Progress progress,
                       ImportContext context, MessageSink sink) throws IOException {
        XmlCharReader chars = new XmlCharReader(in, file);
        Handler handler = handler(file, source, context, sink);
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(chars);
        } catch (XMLStreamException e) {
            throw problem(e, file, chars, false, false);
        }
        boolean rootSeen = false;
        boolean rootClosed = false;
        int depth = 0;
        long previousLine = 1;
        long reported = 0;
        progress.message("Reading " + file);
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                long line = xml.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw ImportException.at(file, line,
                            "declares a document type (<!DOCTYPE …>). SMS Backup & Restore never writes one, and it"
                                    + " can make an XML reader fetch or expand content (XXE); refusing the file.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw ImportException.at(file, line, "its elements are nested more than " + MAX_DEPTH
                                    + " levels deep (SMS Backup & Restore writes 4); refusing it as malformed.");
                        }
                        if (depth == 1) {
                            String name = xml.getLocalName();
                            if (!name.equals(rootElement())) {
                                throw ImportException.at(file, line, "the XML's root element is <" + name
                                        + ">, not <" + rootElement() + ">: not an SMS Backup & Restore "
                                        + ("calls".equals(rootElement()) ? "call log" : "messages file") + ".");
                            }
                            rootSeen = true;
                            handler.root(xml);
                            backupDate(xml, file, context);
                        } else {
                            if (depth == 2) {
                                progress.checkCancelled();
                                long records = handler.records();
                                if (records - reported >= PROGRESS_EVERY) {
                                    reported = records;
                                    progress.update(doneBefore + chars.bytesRead(), total);
                                }
                            }
                            // The element's own line is where its '<' is, which is where the previous event ended
                            // (the location after START_ELEMENT is the end of a tag that may span lines).
                            handler.start(xml, depth, Math.min(previousLine, line), data(xml, chars));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        handler.end(xml, depth);
                        depth--;
                        if (depth == 0) {
                            rootClosed = true;
                        }
                    }
                    default -> {
                        // characters, comments, processing instructions (xml-stylesheet): nothing to do
                    }
                }
                previousLine = line;
            }
        } catch (XMLStreamException e) {
            throw problem(e, file, chars, rootSeen, rootClosed);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the stream is closed with the file below
            }
        }
        if (!rootSeen) {
            throw new ImportException(file + ": has no <" + rootElement() + "> element; the file is empty or"
                    + " holds no XML.");
        }
        progress.update(doneBefore + chars.bytesRead(), total);
        handler.finish();
        if (chars.repairedPairs() > 0) {
            long n = chars.repairedPairs();
            context.warn(file + ": " + count(n, "character") + " (emoji and the like) written as "
                    + (n == 1 ? "a pair" : "pairs") + " of surrogate character references (such as &#55357;&#56832;,"
                    + " which XML does not allow) " + was(n) + " read as the character" + (n == 1 ? "" : "s")
                    + " they encode.");
        }
        if (chars.loneSurrogates() > 0) {
            long n = chars.loneSurrogates();
            context.warn(file + ": " + count(n, "lone surrogate character reference") + " (half of an emoji, e.g."
                    + " &#55357; alone) could not be read and " + was(n) + " replaced by the character \uFFFD.");
        }
        if (chars.malformedInputs() > 0) {
            long n = chars.malformedInputs();
            context.warn(file + ": " + count(n, "byte sequence") + " not valid in the file's encoding ("
                    + chars.charset() + ") " + was(n) + " replaced by the character \uFFFD.");
        }
    }

    /**
     * The app writes when it made the backup on the root element ({@code backup_date}, milliseconds since 1970):
     * the export's own word on when it was made, for the continuity page. A value that is not such a number is
     * left out with a warning, not a failure: the messages are what is imported.
     */
    private static void backupDate(XMLStreamReader xml, String file, ImportContext context) {
        String value = xml.getAttributeValue(null, "backup_date");
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            long ms = Long.parseLong(value.strip());
            if (ms > 0) {
                context.exportMade(java.time.Instant.ofEpochMilli(ms), "the backup_date the app wrote into "
                        + file);
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        context.warn(file + ": its backup_date \"" + org.casebook.evidence.VisibleText.line(value.length() > 40
                ? value.substring(0, 40) + "…" : value) + "\" is not a time; when the backup was made is not known"
                + " from the file.");
    }

    /** A parse error as one line for the user: truncated, or malformed with line and column. */
    private ImportException problem(XMLStreamException e, String file, XmlCharReader chars, boolean rootSeen,
                                    boolean rootClosed) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ImportException ie) {
                throw ie;
            }
        }
        if (e.getNestedException() instanceof IOException io) {
            throw io;
        }
        Location at = e.getLocation();
        long line = at == null ? -1 : at.getLineNumber();
        long column = at == null ? -1 : at.getColumnNumber();
        String detail = parserMessage(e);
        if (rootClosed) {
            return new ImportException(file + ", line " + line + ", column " + column
                    + ": unexpected content after the closing </" + rootElement() + "> (" + detail + ").", e);
        }
        if (chars.endReported() && (line < 0 || chars.isAfterLastTagEnd(line, column))) {
            if (!rootSeen && chars.bytesRead() == 0) {
                return new ImportException(file + ": is empty.", e);
            }
            return new ImportException(file + ": the file ends early (truncated) at line " + line
                    + "; it was not imported. Make a new backup, or copy the file again.", e);
        }
        return new ImportException(file + ", line " + line + ", column " + column + ": not well-formed XML ("
                + detail + ").", e);
    }

    /** The parser's own words, without its "ParseError at [row,col]" prefix. */
    private static String parserMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("Message: ");
        String text = at >= 0 ? m.substring(at + "Message: ".length()) : m;
        text = text.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** "1 message", "2 messages". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String was(long n) {
        return n == 1 ? "was" : "were";
    }

    /**
     * An element's {@code data} attribute: the base64 text the reader took out of the stream for it, the value
     * itself when the reader left it in, null when absent, empty or "null".
     */
    private static CharSequence data(XMLStreamReader xml, XmlCharReader chars) {
        String value = xml.getAttributeValue(null, "data");
        if (value == null) {
            return null;
        }
        CharSequence data = chars.embedded(value);
        if (data == null || data.length() == 0 || data.length() == 4 && "null".contentEquals(data)) {
            return null;
        }
        return data;
    }

    /** The value of an attribute, or null when it is absent, empty of meaning ("null") or blank. */
    static String attr(XMLStreamReader xml, String name) {
        String v = xml.getAttributeValue(null, name);
        if (v == null || v.equals("null")) {
            return null;
        }
        return v;
    }

    /** An integer attribute, or {@code absent} when it is missing, "null" or not a number. */
    static int intAttr(XMLStreamReader xml, String name, int absent) {
        String v = attr(xml, name);
        if (v == null) {
            return absent;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    /** The required {@code date} attribute: epoch milliseconds. */
    static long date(XMLStreamReader xml, String file, long line) {
        String v = attr(xml, "date");
        String element = xml.getLocalName();
        if (v == null) {
            throw ImportException.at(file, line, "<" + element + "> has no date; every record needs one.");
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ImportException.at(file, line, "<" + element + "> has the date \"" + v
                    + "\", which is not a time in milliseconds.");
        }
    }

    /** Epoch milliseconds below this (1973-03-03) look like seconds: a converter's mistake worth a word. */
    static final long SECONDS_LOOKALIKE = 100_000_000_000L;

    /** The warning for records whose {@code date} looks like seconds, not milliseconds. */
    static void warnSeconds(ImportContext context, String file, long n, String what) {
        if (n > 0) {
            context.warn(file + ": " + count(n, what) + " dated before 1973, as if the date were written in seconds"
                    + " rather than milliseconds; read as milliseconds, as the format says.");
        }
    }

    /** A contact name as the export writes it, or null for the app's placeholders. */
    static String contactName(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (s.isEmpty() || s.equals("(Unknown)") || s.equalsIgnoreCase("null")) {
            return null;
        }
        return v;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Receives the elements of one file. */
    interface Handler {
        /** The root element ({@code count} and so on). */
        void root(XMLStreamReader xml);

        /**
         * An element below the root (the root's children have depth 2).
         *
         * @param line where its tag begins
         * @param data its {@code data} attribute (base64), null when it has none
         */
        void start(XMLStreamReader xml, int depth, long line, CharSequence data);

        /** The end of an element below the root (depth as at its start). */
        void end(XMLStreamReader xml, int depth);

        /** Records completed so far. */
        long records();

        /** After the closing root tag: counts, warnings. */
        void finish();
    }
}
