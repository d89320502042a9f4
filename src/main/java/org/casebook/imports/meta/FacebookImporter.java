package org.casebook.imports.meta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;

/**
 * Facebook Messenger's "Download your information" JSON: a zip with {@code .../messages/inbox/<thread>/
 * message_1.json, message_2.json...}, or one of those files (its sibling parts in the same folder are read
 * too). Each thread's parts are merged, sorted oldest first and deduplicated on (sender, timestamp_ms,
 * content); see {@link MetaExport} for the memory this takes. Raw text is the source string exactly, mojibake
 * and all; {@link MetaText#displayText} gives the readable form. Sender names and titles are repaired when
 * that is provably safe. Also reads Messenger's end-to-end-encrypted chat export (camelCase fields:
 * {@code threadName}, {@code senderName}, {@code timestamp}, {@code text}, {@code media}, {@code isUnsent}),
 * whose conversations are keyed {@code e2ee/<threadName>}. The HTML download is refused with a request for
 * the JSON one.
 */
public final class FacebookImporter implements Importer {
    private final MetaExport export = new MetaExport(MetaExport.Platform.FACEBOOK, "Messenger", true,
            "Facebook Messenger download");

    @Override
    public ImportFormat format() {
        return ImportFormat.FACEBOOK;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        return export.recognises(file);
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        export.read(file, context, sink);
    }

    /**
     * The files a plain {@code message_N.json} is read together with (all parts of its thread, in order, itself
     * included), so that they can be kept as evidence too; any other file on its own.
     */
    public static List<Path> threadParts(Path file) throws IOException {
        return MetaExport.siblings(file);
    }

    @Override
    public String displayText(ImportedMessage message) {
        return MetaText.displayText(message);
    }

    @Override
    public List<Path> companionFiles(ExportFile file) throws IOException {
        if (file.isZip()) {
            return List.of();
        }
        return MetaExport.siblings(file.path()).stream()
                .filter(p -> !p.toAbsolutePath().equals(file.path().toAbsolutePath())).toList();
    }
}
