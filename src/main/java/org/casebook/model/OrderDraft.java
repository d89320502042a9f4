package org.casebook.model;

import java.time.LocalDate;
import java.util.List;

/** The fields of a new or edited order, before the vault gives it an id; conditions in their order. */
public record OrderDraft(OrderKind kind, String issuer, String reference, LocalDate made, LocalDate expires,
                         Long againstPersonId, String notes, List<String> conditions) {
    public OrderDraft {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
