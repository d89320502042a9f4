package org.casebook.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One entry of the impact log, linked to the items that caused it where relevant. */
public record ImpactEntry(long id, long caseId, LocalDate date, ImpactKind kind, String text, Instant added,
                          List<Long> itemIds) {
    public ImpactEntry {
        itemIds = List.copyOf(itemIds);
    }
}
