package org.casebook.model;

import java.time.Instant;

/**
 * One row of a case's timeline, whatever its kind, ordered by when it happened.
 *
 * @param type   the incident type code, the media type of an attachment, or null
 * @param text   an incident's description, a message's text, an attachment's file name
 * @param sha256 the hash of the original bytes, or null when there are none (a diary entry)
 * @param source where the item came from (file name, and line or offset), or null for a diary entry
 * @param senderId the person who sent a message, or null
 * @param conversationId the conversation an imported message belongs to, or null
 * @param direction "incoming", "outgoing", or null when the export does not say
 * @param flags comma-separated markers of a message (deleted, edited, omitted, system, ...), or null
 */
public record TimelineItem(long id, long caseId, ItemKind kind, String type, When when, Instant added,
                           String text, String sender, String sha256, String source, Long senderId,
                           Long conversationId, String direction, String flags) {
}
