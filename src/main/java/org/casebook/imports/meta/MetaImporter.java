package org.casebook.imports.meta;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;

/** What Facebook's and Instagram's downloads share: one schema, one reader, one mojibake repair. */
abstract class MetaImporter implements Importer {
    private final ImportFormat format;
    private final MetaExport export;

    MetaImporter(ImportFormat format, MetaExport export) {
        this.format = format;
        this.export = export;
    }

    @Override
    public final ImportFormat format() {
        return format;
    }

    @Override
    public final boolean recognises(ExportFile file) throws IOException {
        return export.recognises(file);
    }

    @Override
    public final void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        export.read(file, context, sink);
    }

    /** A plain {@code message_1.json} is read with its sibling parts, which are kept as originals too. */
    @Override
    public final List<Path> companionFiles(ExportFile file) throws IOException {
        if (file.isZip()) {
            return List.of();
        }
        return MetaExport.siblings(file.path()).stream()
                .filter(p -> !p.toAbsolutePath().equals(file.path().toAbsolutePath())).toList();
    }
}
