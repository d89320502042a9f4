package org.casebook.imports.whatsapp;


import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Progress;

/** Runs the importer on files and strings, collecting the records and warnings. */
final class WhatsAppTestSupport {
    /** The WhatsApp fixtures kept in the repository. */
    static final Path FIXTURES = Fixtures.ROOT.resolve("whatsapp");

    /** For feeding a {@link ChatReader} directly: every attachment is missing. */
    static final ChatReader.MediaFinder NO_MEDIA = new ChatReader.MediaFinder() {
        @Override
        public AttachmentRef find(String name) {
            return AttachmentRef.missing(name);
        }

        @Override
        public boolean has(String name) {
            return false;
        }
    };

    private WhatsAppTestSupport() {
    }

    /** A parse: its records and the warnings it gave. */
    record Result(List<ImportedMessage> messages, List<String> warnings) {
        ImportedMessage get(int i) {
            return messages.get(i);
        }

        int size() {
            return messages.size();
        }

        List<ImportedMessage> authored() {
            return messages.stream().filter(m -> m.kind() == ImportedMessage.Kind.MESSAGE).toList();
        }

        List<ImportedMessage> system() {
            return messages.stream().filter(m -> m.kind() == ImportedMessage.Kind.SYSTEM).toList();
        }
    }

    static Path fixture(String name) {
        return Fixtures.file("whatsapp", name);
    }

    static Result parse(Path file) throws IOException {
        return parse(file, null);
    }

    static Result parse(Path file, DateOrder order) throws IOException {
        List<ImportedMessage> out = new ArrayList<>();
        ImportContext context = new ImportContext(order, Progress.NONE);
        try (ExportFile export = ExportFile.open(file)) {
            new WhatsAppImporter().read(export, context, out::add);
        }
        return new Result(out, context.warnings());
    }

    static Result parse(Path dir, String fileName, String text) throws IOException {
        return parse(dir, fileName, text, null);
    }

    static Result parse(Path dir, String fileName, String text, DateOrder order) throws IOException {
        return parse(write(dir, fileName, text), order);
    }

    static Path write(Path dir, String fileName, String text) {
        return write(dir, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String fileName, String text, Charset charset) {
        return write(dir, fileName, text.getBytes(charset));
    }

    static Path write(Path dir, String fileName, byte[] bytes) {
        try {
            Path file = dir.resolve(fileName);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with these entries (name to bytes), in order. */
    static Path zip(Path dir, String fileName, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static boolean recognises(Path file) throws IOException {
        try (ExportFile export = ExportFile.open(file)) {
            return new WhatsAppImporter().recognises(export);
        }
    }
}
