package org.casebook.model;

import java.time.Instant;
import java.util.List;

/**
 * An original file stored byte for byte in the vault: one the user attached (to the case, or to diary entries),
 * or one an imported message carried (a photo in a chat, an e-mail's attachment).
 *
 * @param timeSource      where {@code when} came from: "exif", "incident", "file modified", or "message" for a
 *                        file that came with a message (it happened when the message was sent)
 * @param camera          make and model from EXIF, or null
 * @param incidentIds     the diary entries (incidents) it is attached to
 * @param messageId       the imported message or call it came with, or null
 * @param messageOriginal true when it is that message's own original as received (an e-mail's .eml), which
 *                        travels inside the export file, rather than a file sent with the message
 */
public record Attachment(long id, long caseId, String fileName, long size, String mediaType, Instant fileModified,
                         String sha256, When when, String timeSource, String camera, Instant added,
                         List<Long> incidentIds, Long messageId, boolean messageOriginal) {
    public Attachment {
        incidentIds = List.copyOf(incidentIds);
    }

    /** Whether it is a file sent with an imported message, shown with that message rather than on its own. */
    public boolean sentWithMessage() {
        return messageId != null && !messageOriginal;
    }
}
