package org.casebook.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order protecting the person, with its conditions.
 *
 * @param made           the day it was made (in force from then, inclusive)
 * @param expires        the last day it is in force (inclusive), or null when it runs until further order
 * @param againstPersonId the person it is against, or null when not recorded
 * @param served         the day it was served on (or explained to) the person it is against, or null when the
 *                       witness does not know
 * @param servedHow      how it was served ("personally by PC 1234 Smith", "read out in court"), or null
 * @param documentItemId the attached file that is the order itself, or null
 */
public record CourtOrder(long id, long caseId, OrderKind kind, String issuer, String reference, LocalDate made,
                         LocalDate expires, Long againstPersonId, String notes, Instant added,
                         List<OrderCondition> conditions, LocalDate served, String servedHow, Long documentItemId) {
    public CourtOrder {
        conditions = List.copyOf(conditions);
    }

    /** Whether the order was in force on {@code day}: from the day it was made to its expiry, both inclusive. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(made) && (expires == null || !day.isAfter(expires));
    }

    /**
     * The first day a breach can be counted: knowing of the order is an element of a breach, so the day it was
     * served when that is recorded, else the day it was made (an order made in the person's presence).
     */
    public LocalDate bindsFrom() {
        return served != null && served.isAfter(made) ? served : made;
    }

    /** Whether contact on {@code day} can breach the order: from {@link #bindsFrom()} to its expiry, inclusive. */
    public boolean bindingOn(LocalDate day) {
        return !day.isBefore(bindsFrom()) && (expires == null || !day.isAfter(expires));
    }

    /** The fields as a draft, to change some of them. */
    public OrderDraft draft() {
        return new OrderDraft(kind, issuer, reference, made, expires, againstPersonId, notes,
                conditions.stream().map(OrderCondition::text).toList(), served, servedHow, documentItemId);
    }
}
