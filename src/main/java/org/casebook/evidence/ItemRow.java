package org.casebook.evidence;

import java.time.ZonedDateTime;
import org.casebook.model.ItemKind;
import org.casebook.model.When;

/**
 * Everything stored for one timeline item, as the vault's {@code item} table holds it. Fields a kind does
 * not use are null. Importers build these; {@link BulkItemWriter} writes many in one transaction.
 *
 * @param witnesses  JSON array text, or null
 * @param extra      JSON object text of kind-specific details, or null
 * @param source     where it came from: file name, and line or offset
 * @param searchable extra words for full-text search besides {@code text}
 * @param conversationId the conversation an imported message belongs to, or null
 * @param direction  "incoming", "outgoing" or null
 * @param flags      comma-separated message flags (deleted, edited, omitted, ...), or null
 * @param importId   the import that brought the item in, or null
 * @param dedupeKey  a hash of conversation, sender, time and raw text, to recognise a re-imported message
 */
public record ItemRow(long caseId, ItemKind kind, String type, When when, long addedUtc, String text,
                      String location, String witnesses, String impact, String policeRef, Long senderId,
                      Long blobId, String blobSha256, String fileName, String mediaType, Long fileSize,
                      Long fileModifiedUtc, String extra, String source, String searchable, Long conversationId,
                      String direction, String flags, Long importId, Long dedupeKey) {

    /** An item that is not an imported message. */
    public ItemRow(long caseId, ItemKind kind, String type, When when, long addedUtc, String text,
                   String location, String witnesses, String impact, String policeRef, Long senderId,
                   Long blobId, String blobSha256, String fileName, String mediaType, Long fileSize,
                   Long fileModifiedUtc, String extra, String source, String searchable) {
        this(caseId, kind, type, when, addedUtc, text, location, witnesses, impact, policeRef, senderId, blobId,
                blobSha256, fileName, mediaType, fileSize, fileModifiedUtc, extra, source, searchable, null, null,
                null, null, null);
    }

    /** A text item (a message, say) with only the common fields. */
    public static ItemRow of(long caseId, ItemKind kind, String type, When when, long addedUtc, String text,
                             Long senderId, String extra, String source) {
        return new ItemRow(caseId, kind, type, when, addedUtc, text, null, null, null, null, senderId, null, null,
                null, null, null, null, extra, source, null);
    }

    ZonedDateTime at() {
        return when.at();
    }
}
