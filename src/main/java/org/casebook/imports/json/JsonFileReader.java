package org.casebook.imports.json;

import java.io.IOException;
import java.util.function.Predicate;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.MessageSink;

/**
 * What every streaming JSON export reader holds while it reads one file (or one zip entry): where it is,
 * for messages and for resolving media beside it, and where its records go.
 */
public abstract class JsonFileReader {
    protected final ExportFile file;
    /** The zip entry being read, or null for a plain file. */
    protected final String entry;
    /** The entry's folder inside the zip (for media paths), or null. */
    protected final String folder;
    /** "file" or "file, entry": how messages name this input. */
    protected final String where;
    protected final ImportContext context;
    protected final MessageSink sink;
    /** The input's size in bytes, for progress. */
    protected final long total;

    protected JsonFileReader(ExportFile file, String entry, ImportContext context, MessageSink sink) {
        this.file = file;
        this.entry = entry;
        this.folder = entry == null ? null : JsonSupport.entryFolder(entry);
        this.where = JsonSupport.where(file, entry);
        this.context = context;
        this.sink = sink;
        this.total = JsonSupport.size(file, entry);
    }

    /** Refuses the input, naming it, when it is not JSON or does not look like {@code expected}. */
    protected final void requireShape(Predicate<JsonShape> looksRight, String expected) throws IOException {
        JsonShape shape = JsonShape.of(file, entry);
        shape.check(where);
        if (!looksRight.test(shape)) {
            throw new ImportException(where + ": is not " + expected + ".");
        }
    }
}
