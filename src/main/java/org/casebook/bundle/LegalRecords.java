package org.casebook.bundle;

import java.util.List;
import java.util.Map;
import org.casebook.evidence.Amendments;

/**
 * What the bundle shows beside the evidence because the law looks at it, loaded with the rest of the content
 * before layout.
 *
 * @param amendments each amended diary entry's edits, oldest first, by item id
 */
record LegalRecords(Map<Long, List<Amendments.Amendment>> amendments) {
    static final LegalRecords NONE = new LegalRecords(Map.of());

    LegalRecords {
        amendments = Map.copyOf(amendments);
    }

    List<Amendments.Amendment> amendmentsOf(long itemId) {
        return amendments.getOrDefault(itemId, List.of());
    }
}
