package org.casebook.imports;

/**
 * A file a message refers to.
 *
 * @param name      the file name as the export writes it
 * @param path      where it is inside the export (a zip entry or a path relative to the export file), or null
 *                  when the export does not include it
 * @param mediaType the media type the export states, or null
 * @param data      for formats that embed the bytes (MMS base64, e-mail parts): a handle to read them, else null
 * @param messageOriginal true for the message's own original as received (an e-mail's .eml): kept as a file of
 *                  its own, but not something the sender attached
 */
public record AttachmentRef(String name, String path, String mediaType, EmbeddedData data, boolean messageOriginal) {
    /** A file the message refers to (sent with it). */
    public AttachmentRef(String name, String path, String mediaType, EmbeddedData data) {
        this(name, path, mediaType, data, false);
    }

    public static AttachmentRef missing(String name) {
        return new AttachmentRef(name, null, null, null);
    }

    /** The message's own bytes as received, e.g. one e-mail of an mbox as an .eml. */
    public static AttachmentRef messageOriginal(String name, String mediaType, EmbeddedData data) {
        return new AttachmentRef(name, null, mediaType, data, true);
    }

    /** Bytes carried inside the export itself, readable once while the message is being imported. */
    @FunctionalInterface
    public interface EmbeddedData {
        java.io.InputStream open() throws java.io.IOException;
    }
}
