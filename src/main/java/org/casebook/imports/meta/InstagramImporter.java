package org.casebook.imports.meta;

import java.nio.file.Path;

import java.util.List;

import java.io.IOException;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.imports.MessageSink;

/**
 * Instagram's "Download your information" messages: the same {@code message_N.json} schema and mojibake as
 * Facebook Messenger (see {@link FacebookImporter}, {@link MetaText}), under
 * {@code your_instagram_activity/messages/inbox/<thread>/}; channel "Instagram". Told apart from a Facebook
 * download by its folder names (or a zip or folder named for Instagram).
 */
public final class InstagramImporter implements Importer {
    private final MetaExport export = new MetaExport(MetaExport.Platform.INSTAGRAM, "Instagram", false,
            "Instagram download");

    @Override
    public ImportFormat format() {
        return ImportFormat.INSTAGRAM;
    }

    @Override
    public boolean recognises(ExportFile file) throws IOException {
        return export.recognises(file);
    }

    @Override
    public void read(ExportFile file, ImportContext context, MessageSink sink) throws IOException {
        export.read(file, context, sink);
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
