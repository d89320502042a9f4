package org.casebook.imports.email;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Progress;

/** Reading files with {@link EmailImporter} in tests. */
final class EmailTestSupport {
    private EmailTestSupport() {
    }

    record Result(List<ImportedMessage> messages, List<String> warnings) {
        ImportedMessage only() {
            org.junit.jupiter.api.Assertions.assertEquals(1, messages.size(), "messages: " + messages);
            return messages.get(0);
        }

        boolean warned(String fragment) {
            return warnings.stream().anyMatch(w -> w.contains(fragment));
        }
    }

    /** A fixture under the repository's test fixtures. */
    static Path fixture(String... parts) {
        return Fixtures.file(parts);
    }

    static Result read(Path file) throws IOException {
        return read(new EmailImporter(), file);
    }

    static Result read(EmailImporter importer, Path file) throws IOException {
        List<ImportedMessage> out = new ArrayList<>();
        ImportContext context = new ImportContext(null, Progress.NONE);
        try (ExportFile export = ExportFile.open(file)) {
            importer.read(export, context, out::add);
        }
        return new Result(out, context.warnings());
    }

    /** Writes {@code text} (each char one byte: use \\u00XX for 8-bit bytes) and reads it. */
    static Result readBytes(Path dir, String name, String latin1) throws IOException {
        return read(write(dir, name, latin1));
    }

    static Path write(Path dir, String name, String latin1) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, latin1.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    /** UTF-8 text as the Latin-1 string of its bytes, for building raw 8-bit test mail. */
    static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(AttachmentRef ref) throws IOException {
        assertNotNull(ref.data(), "no data for " + ref.name());
        try (InputStream in = ref.data().open()) {
            return in.readAllBytes();
        }
    }

    static String text(AttachmentRef ref) throws IOException {
        return new String(bytes(ref), StandardCharsets.ISO_8859_1);
    }

    static AttachmentRef attachment(ImportedMessage m, String name) {
        return m.attachments().stream().filter(a -> name.equals(a.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + name + " in "
                        + m.attachments().stream().map(AttachmentRef::name).toList()));
    }

    static List<String> names(ImportedMessage m) {
        return m.attachments().stream().map(AttachmentRef::name).toList();
    }
}
