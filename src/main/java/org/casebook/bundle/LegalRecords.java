package org.casebook.bundle;

import java.util.List;
import java.util.Map;
import org.casebook.evidence.Amendments;
import org.casebook.evidence.Attributions;

/**
 * What the bundle shows beside the evidence because the law looks at it, loaded with the rest of the content
 * before layout.
 *
 * @param amendments each amended diary entry's edits, oldest first, by item id
 * @param people     the case's people with what is attributed to them and why (the who-is-who page)
 */
record LegalRecords(Map<Long, List<Amendments.Amendment>> amendments, List<Attributions.PersonAttributions> people) {
    static final LegalRecords NONE = new LegalRecords(Map.of(), List.of());

    LegalRecords {
        amendments = Map.copyOf(amendments);
        people = List.copyOf(people);
    }

    List<Amendments.Amendment> amendmentsOf(long itemId) {
        return amendments.getOrDefault(itemId, List.of());
    }
}
