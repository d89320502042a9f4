package org.casebook.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * Reads the bytes of the files an export holds for its messages (embedded MMS or e-mail parts, media in a zip
 * or beside the export), the one way a dry run, the import wizard's survey and the import itself all do it, so
 * the three never disagree about a file. Bytes that cannot be read (invalid base64, a damaged zip entry) do not
 * stop the import: the attachment stays recorded as unreadable, with a warning naming it, and the message and
 * the rest of the export import.
 */
final class AttachmentReading {
    private final ExportFile export;
    private final ImportContext context;

    /** What is done with the bytes: stored in the vault, or only read through in a dry run. */
    @FunctionalInterface
    interface Target<T> {
        /** @param size the length when the export states it, else -1 */
        T take(AttachmentRef.EmbeddedData data, long size) throws IOException, SQLException;
    }

    /** What became of one attachment. */
    enum Outcome { READ, NOT_IN_EXPORT, UNREADABLE }

    /** The result of {@link #read}: the target's value when the bytes were read. */
    record Read<T>(Outcome outcome, T value) {
    }

    AttachmentReading(ExportFile export, ImportContext context) {
        this.export = export;
        this.context = context;
    }

    /**
     * Hands the attachment's bytes to {@code target}. A failure to read them is reported once as a warning and
     * given as {@link Outcome#UNREADABLE}; the target must leave nothing behind when its stream fails.
     */
    <T> Read<T> read(AttachmentRef ref, ImportedMessage m, Target<T> target) throws SQLException {
        AttachmentRef.EmbeddedData data = ref.data();
        long size = -1;
        if (data == null && ref.path() != null) {
            ExportFile.Media media = export.media(ref.path());
            if (media != null) {
                data = media.data();
                size = media.size();
            }
        }
        if (data == null) {
            return new Read<>(Outcome.NOT_IN_EXPORT, null);
        }
        try {
            return new Read<>(Outcome.READ, target.take(data, size));
        } catch (IOException e) {
            return unreadable(ref, m, e);
        } catch (UncheckedIOException e) {
            return unreadable(ref, m, e.getCause());
        }
    }

    /** Reads every attachment of {@code m} through and discards the bytes: what a dry run does. */
    void readThrough(ImportedMessage m) {
        for (AttachmentRef ref : m.attachments()) {
            if (ref.data() == null && ref.path() == null) {
                continue;
            }
            try {
                read(ref, m, (data, size) -> {
                    try (InputStream in = data.open()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e); // nothing here touches the vault
            }
        }
    }

    private <T> Read<T> unreadable(AttachmentRef ref, ImportedMessage m, IOException e) {
        String name = ref.name() == null ? "an attached file" : "the attached file " + ref.name();
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        context.warn(export.name() + " " + m.source() + ": " + name + " could not be read (" + why
                + "); it is recorded with its message as unreadable, and the rest of the export was read.");
        return new Read<>(Outcome.UNREADABLE, null);
    }
}
