package org.casebook.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a new or edited order, before the vault gives it an id; conditions in their order. See
 * {@link CourtOrder} for service and the order's document.
 */
public record OrderDraft(OrderKind kind, String issuer, String reference, LocalDate made, LocalDate expires,
                         Long againstPersonId, String notes, List<String> conditions, LocalDate served,
                         String servedHow, Long documentItemId) {
    public OrderDraft {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** An order whose service and document are not recorded. */
    public OrderDraft(OrderKind kind, String issuer, String reference, LocalDate made, LocalDate expires,
                      Long againstPersonId, String notes, List<String> conditions) {
        this(kind, issuer, reference, made, expires, againstPersonId, notes, conditions, null, null, null);
    }

    public OrderDraft withService(LocalDate day, String how) {
        return new OrderDraft(kind, issuer, reference, made, expires, againstPersonId, notes, conditions, day, how,
                documentItemId);
    }

    public OrderDraft withDocument(Long itemId) {
        return new OrderDraft(kind, issuer, reference, made, expires, againstPersonId, notes, conditions, served,
                servedHow, itemId);
    }
}
