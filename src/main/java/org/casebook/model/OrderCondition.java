package org.casebook.model;

/** One condition of an order, e.g. "No contact directly or indirectly", numbered from 1 in the order's list. */
public record OrderCondition(long id, long orderId, int position, String text) {
}
