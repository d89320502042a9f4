package org.casebook.evidence;

/**
 * Who sent an item, as the case records it now, in one place for every query that asks: the timeline (and so
 * the app's conversation view and the bundle's transcripts), the course-of-conduct figures, and the breach
 * suggestions. A person merged into another is that other person: their role is the kept person's role, so a
 * perpetrator's second number is the perpetrator's everywhere. The witness is the person keeping the record:
 * what she sent is outgoing whether or not the export said so (a WhatsApp export never does), and is never a
 * contact by the perpetrator.
 *
 * <p>The fragments expect the item as {@code i}; {@link #JOINS} adds the sender as {@code sp} and the person
 * they were merged into as {@code sk}.
 */
public final class WhoIsWho {
    /** Joins an item {@code i} to its sender ({@code sp}) and the person that sender was merged into ({@code sk}). */
    public static final String JOINS = " LEFT JOIN person sp ON sp.id = i.sender_id"
            + " LEFT JOIN person sk ON sk.id = sp.merged_into";

    /** The sender's role now: the kept person's when the sender was merged into someone. */
    public static final String ROLE = "coalesce(sk.role, sp.role)";

    /** The person the sender is now (the kept one after a merge). */
    public static final String PERSON_ID = "coalesce(sp.merged_into, sp.id)";

    /** The name of the person the sender is now. */
    public static final String PERSON_NAME = "coalesce(sk.name, sp.name)";

    /**
     * The item's direction: as the export recorded it, else "outgoing" when the sender is the witness, else null
     * (the export does not say).
     */
    public static final String DIRECTION = "coalesce(i.direction, CASE WHEN " + ROLE + " = 'witness'"
            + " THEN 'outgoing' END)";

    /** True for what the witness sent. */
    public static final String OUTGOING = "coalesce(" + DIRECTION + ", '') = 'outgoing'";

    /** True for a message or call from the perpetrator (any of their numbers or accounts), never one she sent. */
    public static final String FROM_PERPETRATOR = "(" + ROLE + " = 'perpetrator' AND NOT " + OUTGOING + ")";

    /** True when the case has a perpetrator (a person kept, not merged into someone, in that role). */
    public static final String HAS_PERPETRATOR = "SELECT EXISTS (SELECT 1 FROM person WHERE case_id = ?"
            + " AND role = 'perpetrator' AND merged_into IS NULL)";

    private WhoIsWho() {
    }
}
