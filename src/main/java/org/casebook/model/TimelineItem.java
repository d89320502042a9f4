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
 */
public record TimelineItem(long id, long caseId, ItemKind kind, String type, When when, Instant added,
                           String text, String sender, String sha256, String source, Long senderId) {
}
