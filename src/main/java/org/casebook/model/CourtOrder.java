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
 */
public record CourtOrder(long id, long caseId, OrderKind kind, String issuer, String reference, LocalDate made,
                         LocalDate expires, Long againstPersonId, String notes, Instant added,
                         List<OrderCondition> conditions) {
    public CourtOrder {
        conditions = List.copyOf(conditions);
    }

    /** Whether the order was in force on {@code day}: from the day it was made to its expiry, both inclusive. */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(made) && (expires == null || !day.isAfter(expires));
    }
}
