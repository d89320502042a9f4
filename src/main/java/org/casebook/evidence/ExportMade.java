package org.casebook.evidence;

import java.time.Instant;

/**
 * When an export file says it was made, read from the file itself at import: an SMS backup's
 * {@code backup_date}, a Discord export's {@code exportedAt}, the time of the newest file inside a zip. It is
 * the export's own word, printed beside what the witness recorded, never in place of it.
 *
 * @param at    the moment the export names
 * @param basis where in the file it says so, in words for the continuity page ("the backup_date the
 *              app wrote into sms.xml")
 */
public record ExportMade(Instant at, String basis) {
    public ExportMade {
        java.util.Objects.requireNonNull(at, "at");
        java.util.Objects.requireNonNull(basis, "basis");
    }
}
