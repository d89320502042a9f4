package org.casebook.model;

import java.time.Instant;
import java.util.List;

/**
 * An original file stored byte for byte in the vault.
 *
 * @param timeSource where {@code when} came from: "exif", "incident" or "file modified"
 * @param camera     make and model from EXIF, or null
 */
public record Attachment(long id, long caseId, String fileName, long size, String mediaType, Instant fileModified,
                         String sha256, When when, String timeSource, String camera, Instant added,
                         List<Long> incidentIds) {
    public Attachment {
        incidentIds = List.copyOf(incidentIds);
    }
}
