package org.casebook.model;

import java.time.Instant;

/** The user's decision that an item did (or did not) breach a condition of an order. */
public record BreachDecision(long itemId, long orderId, long conditionId, String condition, BreachStatus status,
                             String note, Instant decided) {
}
