package org.casebook.imports;

import java.io.IOException;

/**
 * Reads one export format. Importers stream: they never hold a whole export in memory, and they never
 * touch the vault or JavaFX; {@link ImportService} matches people, deduplicates and writes.
 */
public interface Importer {
    ImportFormat format();

    /** A quick look at the file (name and first bytes) for automatic detection. */
    boolean recognises(ExportFile file) throws IOException;

    /**
     * Streams every record of the export to {@code sink}, in the order the export holds them.
     *
     * @throws ImportException naming the file and line/entry when the export is malformed
     */
    void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException;

    /**
     * The text to show and search for a record, before bidi controls are stripped: the raw text unless the
     * format needs a provable repair (Messenger's mojibake). The raw text is what the vault keeps.
     */
    default String displayText(ImportedMessage message) {
        return message.raw();
    }

    /**
     * The files this import reads besides the one picked (Messenger's message_2.json … beside a chosen
     * message_1.json), so they are kept as originals too. None by default.
     */
    default java.util.List<java.nio.file.Path> companionFiles(ExportFile file) throws IOException {
        return java.util.List.of();
    }
}
