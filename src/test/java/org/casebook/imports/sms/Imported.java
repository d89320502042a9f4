package org.casebook.imports.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.Importer;
import org.casebook.vault.Progress;

/**
 * What one import gave: the records, the bytes of each record's attachments (read while the record was being
 * imported, as the real import does; null for an attachment without data) and the warnings.
 */
record Imported(List<ImportedMessage> messages, List<List<byte[]>> bytes, List<String> warnings) {

    static Imported run(Importer importer, Path file) throws IOException {
        return run(importer, file, Progress.NONE);
    }

    static Imported run(Importer importer, Path file, Progress progress) throws IOException {
        List<ImportedMessage> messages = new ArrayList<>();
        List<List<byte[]>> bytes = new ArrayList<>();
        ImportContext context = new ImportContext(null, progress);
        try (ExportFile export = ExportFile.open(file)) {
            importer.read(export, context, m -> {
                messages.add(m);
                List<byte[]> data = new ArrayList<>();
                for (AttachmentRef a : m.attachments()) {
                    if (a.data() == null) {
                        data.add(null);
                        continue;
                    }
                    try (InputStream in = a.data().open()) {
                        data.add(in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                bytes.add(data);
            });
        }
        return new Imported(List.copyOf(messages), List.copyOf(bytes), context.warnings());
    }

    static Path write(Path dir, String name, String xml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** An SMS file around some elements. */
    static String smses(String count, String... elements) {
        StringBuilder b = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
        b.append("<smses").append(count == null ? "" : " count=\"" + count + "\"").append(">\n");
        for (String e : elements) {
            b.append("  ").append(e).append('\n');
        }
        return b.append("</smses>\n").toString();
    }

    static String sms(String address, long date, int type, String body, String contact) {
        return "<sms protocol=\"0\" address=\"" + address + "\" date=\"" + date + "\" type=\"" + type
                + "\" subject=\"null\" body=\"" + body + "\" toa=\"null\" sc_toa=\"null\" service_center=\"null\""
                + " read=\"1\" status=\"-1\" locked=\"0\" date_sent=\"0\" sub_id=\"1\" readable_date=\"x\""
                + " contact_name=\"" + contact + "\" />";
    }

    ImportedMessage only() {
        if (messages.size() != 1) {
            throw new AssertionError("expected one record, got " + messages.size() + ": " + messages);
        }
        return messages.get(0);
    }

    long countWarningsContaining(String text) {
        return warnings.stream().filter(w -> w.contains(text)).count();
    }
}
