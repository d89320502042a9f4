package org.casebook.model;

import java.time.Instant;

/**
 * One row of a case's timeline, whatever its kind, ordered by when it happened.
 *
 * @param type   the incident type code, the media type of an attachment, or null
 * @param text   an incident's description, a message's text, an attachment's file name
 * @param sender a message's sender as the export wrote them (the name, else the number or address), or the
 *               name of the person an item is from; null when no one is
 * @param sha256 the hash of the original bytes, or null when there are none (a diary entry)
 * @param source where the item came from (file name, and line or offset), or null for a diary entry
 * @param senderId the person who sent a message, or null
 * @param conversationId the conversation an imported message belongs to, or null
 * @param direction "incoming" or "outgoing" as the export recorded it, "outgoing" for what the witness sent when
 *                  the export does not say, or null when neither tells
 * @param flags comma-separated markers of a message (deleted, edited, omitted, system, ...), or null
 * @param attributedTo the person the user attributes the sender to, when that is not what the export wrote
 *                     (a number the user recorded as someone's, a person merged into another), else null
 * @param senderRole the role of the person the sender is now (after any merge), or null when no one sent it
 */
public record TimelineItem(long id, long caseId, ItemKind kind, String type, When when, Instant added,
                           String text, String sender, String sha256, String source, Long senderId,
                           Long conversationId, String direction, String flags, String attributedTo,
                           PersonRole senderRole) {

    /** Whether the witness sent it (the export says so, or she is its sender). */
    public boolean outgoing() {
        return "outgoing".equals(direction);
    }

    /** Whether it comes from the perpetrator, by any of their numbers or accounts: the marking everywhere. */
    public boolean fromPerpetrator() {
        return senderRole == PersonRole.PERPETRATOR && !outgoing();
    }
}
