package org.casebook.imports;

/**
 * A file a message refers to.
 *
 * @param name      the file name as the export writes it
 * @param path      where it is inside the export (a zip entry or a path relative to the export file), or null
 *                  when the export does not include it
 * @param mediaType the media type the export states, or null
 * @param data      for formats that embed the bytes (MMS base64, e-mail parts): a handle to read them, else null
 */
public record AttachmentRef(String name, String path, String mediaType, EmbeddedData data) {
    public static AttachmentRef missing(String name) {
        return new AttachmentRef(name, null, null, null);
    }

    /** Bytes carried inside the export itself, readable once while the message is being imported. */
    @FunctionalInterface
    public interface EmbeddedData {
        java.io.InputStream open() throws java.io.IOException;
    }
}
