package org.casebook.imports.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;
import org.casebook.imports.SafeZip;
import org.casebook.vault.Progress;

/**
 * WhatsApp "Export chat": the Android {@code WhatsApp Chat with NAME.txt}, the iOS {@code _chat.txt}, and
 * either in a zip with the media (FORMATS.md §1). Every header style there is read: day-, month- or
 * year-first dates, two- or four-digit years, 12- or 24-hour times with or without seconds, {@code klo} and
 * dotted times, invisible spaces (U+202F, U+00A0), brackets, LRM before the line, a BOM (UTF-8, or UTF-16
 * by its BOM), CRLF.
 *
 * <p>Times are the phone's wall clock ({@link org.casebook.imports.MessageTime#local}). Numeric dates are
 * read in the order the user gave ({@link ImportContext#dateOrder()}); without one, a first pass over the
 * headers looks for a date that fits only one reading, and when every date fits both the import stops with
 * {@link org.casebook.imports.AmbiguousDateOrderException}: this importer never guesses. A later date that
 * does not fit the order in force stops the import naming its line.
 *
 * <p>Records: one per message header. {@code raw} is the text after the header's {@code ": "}, continuation
 * lines joined with LF, exactly as written (bidi controls and all). A header without {@code ": "} is a
 * {@code SYSTEM} record whose raw is the whole text after the header; so is an iOS line whose body starts
 * with U+200E (iOS gives system lines a pseudo-author: the raw then keeps {@code "Author: "} in front).
 * {@code senderName} is the author with bidi controls removed; {@code senderAddress} the same when it is a
 * phone number. {@code source} is {@code "line N"} ({@code "_chat.txt line N"} in a zip).
 */
public final class WhatsAppImporter implements Importer {
    static final int HEAD_BYTES = 16 * 1024;
    private static final String[] NAME_PREFIXES = {
        "WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp-Chat mit ", "WhatsApp Chat mit ",
        "Chat de WhatsApp con ", "Discussion WhatsApp avec ", "Chat WhatsApp con ", "Conversa do WhatsApp com ",
        "Conversa no WhatsApp com ", "WhatsApp-chat met ", "WhatsApp Chat met ", "WhatsApp-chatt med ",
        "WhatsApp-chat med ", "Czat WhatsApp z ", "WhatsApp-keskustelu ", "WhatsApp Chat: ",
    };

    @Override
    public ImportFormat format() {
        return ImportFormat.WHATSAPP;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        if (file.isZip()) {
            return !chatEntries(file).isEmpty();
        }
        return file.name().toLowerCase(Locale.ROOT).endsWith(".txt") && looksLikeChat(file.head(null, HEAD_BYTES));
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        Progress progress = context.progress() == null ? Progress.NONE : context.progress();
        ChatText text = chatText(file);
        Media media = new Media(file);
        ChatReader reader = new ChatReader(text.where, text.sourcePrefix, text.conversation, media);

        DateOrder order = context.dateOrder();
        String reason = order == null ? null : "the date order given, " + order.code();
        if (order == null) {
            Progress cancelOnly = new Progress() {
                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            };
            try (InputStream in = text.open(file)) {
                order = reader.inferDateOrder(new LineReader(in, text.where, text.size(), cancelOnly));
            }
            reason = order == DateOrder.YMD ? "the dates are written year first" : reader.orderReason();
            if (reader.orderFromEvidence()) {
                context.warn(text.where + ": the dates were read " + (order == DateOrder.MDY ? "month" : "day")
                        + " first because " + reason + "; if that is wrong, import again with --date-order "
                        + (order == DateOrder.MDY ? "dmy" : "mdy") + ".");
            }
        }
        try (InputStream in = text.open(file)) {
            reader.read(new LineReader(in, text.where, text.size(), progress), order, reason, context, sink);
        }
        media.warnings(context, text);
    }

    // ----------------------------------------------------------------------------------------------------
    // finding the chat text

    /** The chat text of an export: the file itself, or the zip entry that holds it. */
    private record ChatText(String entry, String where, String sourcePrefix, String conversation, long bytes,
                            boolean utf16) {
        InputStream open(ExportFile file) throws IOException {
            InputStream in = entry == null ? file.open() : file.zip().open(entry);
            return utf16 ? new Utf16ToUtf8(in, where) : in;
        }

        /** The length for progress: the UTF-8 bytes the scanner sees, unknown when re-encoded from UTF-16. */
        long size() {
            return utf16 ? -1 : bytes;
        }
    }

    private static ChatText chatText(ExportFile file) throws IOException {
        if (!file.isZip()) {
            long size = Files.size(file.path());
            String conversation = conversationName(file.name());
            Path folder = file.path().toAbsolutePath().getParent();
            if (file.name().equalsIgnoreCase("_chat.txt") && folder != null && folder.getFileName() != null) {
                conversation = conversationName(folder.getFileName().toString()); // an unzipped iOS export
            }
            boolean utf16 = Utf16ToUtf8.hasBom(file.head(null, 2));
            return new ChatText(null, file.name(), "line ", conversation, size, utf16);
        }
        SafeZip zip = file.zip();
        List<String> chats = chatEntries(file);
        if (chats.isEmpty()) {
            throw new ImportException(file.name() + ": holds no WhatsApp chat (no _chat.txt, and no .txt file that "
                    + "starts with a WhatsApp message header).");
        }
        if (chats.size() > 1) {
            throw new ImportException(file.name() + ": holds more than one chat (" + String.join(", ", chats)
                    + "); unzip it and import each chat file on its own.");
        }
        String entry = chats.get(0);
        String base = entry.substring(entry.lastIndexOf('/') + 1);
        String conversation = base.equalsIgnoreCase("_chat.txt") ? conversationName(file.name()) : conversationName(base);
        boolean utf16 = Utf16ToUtf8.hasBom(file.head(entry, 2));
        return new ChatText(entry, file.name() + ", entry " + entry, entry + " line ", conversation, zip.size(entry),
                utf16);
    }

    /** {@code _chat.txt} entries if there are any, else the {@code .txt} entries that start like a chat. */
    private static List<String> chatEntries(ExportFile file) throws IOException {
        List<String> named = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String name : file.zip().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("_chat.txt") || lower.endsWith("/_chat.txt")) {
                named.add(name);
            } else if (lower.endsWith(".txt")) {
                texts.add(name);
            }
        }
        if (!named.isEmpty()) {
            return named;
        }
        List<String> chats = new ArrayList<>();
        for (String name : texts) {
            if (looksLikeChat(file.head(name, HEAD_BYTES))) {
                chats.add(name);
            }
        }
        return chats;
    }

    /** True if the first non-blank line of these bytes is a WhatsApp message header. */
    static boolean looksLikeChat(byte[] head) {
        byte[] b = head;
        if (Utf16ToUtf8.hasBom(b)) {
            // a cut-off last character decodes to U+FFFD, which does not matter for the first line
            String s = new String(b, 0, b.length & ~1, StandardCharsets.UTF_16);
            b = s.getBytes(StandardCharsets.UTF_8);
        }
        int p = 0;
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            p = 3;
        }
        Header h = new Header();
        while (p < b.length) {
            int e = p;
            while (e < b.length && b[e] != '\n') {
                if (b[e] == 0) {
                    return false;
                }
                e++;
            }
            int end = e > p && b[e - 1] == '\r' ? e - 1 : e;
            boolean blank = true;
            for (int i = p; i < end && blank; i++) {
                blank = b[i] == ' ' || b[i] == '\t';
            }
            if (!blank) {
                return h.parse(b, p, end);
            }
            p = e + 1;
        }
        return false;
    }

    /**
     * The conversation's name from the chat file's or the zip's name: {@code WhatsApp Chat with Bob.txt} and
     * {@code WhatsApp Chat - Bob.zip} both give {@code Bob}.
     */
    static String conversationName(String fileName) {
        String name = fileName;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") || lower.endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        for (String prefix : NAME_PREFIXES) {
            if (name.regionMatches(true, 0, prefix, 0, prefix.length()) && name.length() > prefix.length()) {
                return name.substring(prefix.length()).strip();
            }
        }
        return name.strip();
    }

    // ----------------------------------------------------------------------------------------------------
    // media

    /** Media files in the zip or beside the chat file; remembers what was found and what was missing. */
    private static final class Media implements ChatReader.MediaFinder {
        private static final int LIST = 10;
        private final ExportFile file;
        private Map<String, String> zipIndex;
        private final Set<String> referenced = new LinkedHashSet<>();
        private final List<String> missingExamples = new ArrayList<>();
        private long missing;

        Media(ExportFile file) {
            this.file = file;
        }

        @Override
        public boolean has(String name) {
            return locate(name) != null;
        }

        @Override
        public AttachmentRef find(String name) {
            AttachmentRef ref = locate(name);
            if (ref == null) {
                missing++;
                if (missingExamples.size() < LIST) {
                    missingExamples.add(name);
                }
                return AttachmentRef.missing(name);
            }
            return ref;
        }

        private AttachmentRef locate(String name) {
            if (!file.isZip() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
                ExportFile.Media m = file.media(name);
                if (m == null) {
                    return null;
                }
                if (file.isZip()) {
                    referenced.add(m.path());
                }
                return new AttachmentRef(name, m.path(), null, m.data());
            }
            // SafeZip.find compares every entry per call; an export with thousands of media needs an index
            if (zipIndex == null) {
                zipIndex = new HashMap<>();
                for (String entry : file.zip().names()) {
                    zipIndex.putIfAbsent(key(entry), entry);
                    zipIndex.putIfAbsent(key(entry.substring(entry.lastIndexOf('/') + 1)), entry);
                }
            }
            String entry = zipIndex.get(key(name));
            if (entry == null) {
                return null;
            }
            referenced.add(entry);
            SafeZip zip = file.zip();
            return new AttachmentRef(name, entry, null, () -> zip.open(entry));
        }

        /** As {@link SafeZip#find}: NFC, forward slashes, case-insensitive. */
        private static String key(String name) {
            return Normalizer.normalize(name.replace('\\', '/'), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        }

        void warnings(ImportContext context, ChatText text) {
            if (missing > 0) {
                context.warn(text.where + ": " + missing + " attached file" + (missing == 1 ? " is" : "s are")
                        + " named in the chat but not in the export (" + String.join(", ", missingExamples)
                        + (missing > missingExamples.size() ? ", ..." : "") + ").");
            }
            if (file.isZip()) {
                List<String> unreferenced = new ArrayList<>();
                long count = 0;
                for (String entry : file.zip().names()) {
                    if (!entry.equals(text.entry) && !referenced.contains(entry)) {
                        count++;
                        if (unreferenced.size() < LIST) {
                            unreferenced.add(entry);
                        }
                    }
                }
                if (count > 0) {
                    context.warn(file.name() + ": " + count + " file" + (count == 1 ? " is" : "s are")
                            + " in the zip but no message refers to " + (count == 1 ? "it" : "them") + " ("
                            + String.join(", ", unreferenced) + (count > unreferenced.size() ? ", ..." : "") + ").");
                }
            }
        }
    }
}
