package org.casebook.bundle;

import java.util.List;
import java.util.Map;
import org.casebook.conduct.WarningSigns;
import org.casebook.evidence.Amendments;
import org.casebook.evidence.Attributions;
import org.casebook.evidence.Continuity;

/**
 * What the bundle shows beside the evidence because the law looks at it, loaded with the rest of the content
 * before layout.
 *
 * @param amendments each amended diary entry's edits, oldest first, by item id
 * @param people     the case's people with what is attributed to them and why (the who-is-who page)
 * @param continuity each original's continuity as recorded, by its SHA-256
 * @param risk       the warning signs over the bundle's period and the screenings recorded, or null
 */
record LegalRecords(Map<Long, List<Amendments.Amendment>> amendments, List<Attributions.PersonAttributions> people,
                    Map<String, Continuity.Record> continuity, WarningSigns.Assessment risk) {
    static final LegalRecords NONE = new LegalRecords(Map.of(), List.of(), Map.of());

    LegalRecords(Map<Long, List<Amendments.Amendment>> amendments, List<Attributions.PersonAttributions> people,
                 Map<String, Continuity.Record> continuity) {
        this(amendments, people, continuity, null);
    }

    LegalRecords {
        amendments = Map.copyOf(amendments);
        people = List.copyOf(people);
        continuity = Map.copyOf(continuity);
    }

    List<Amendments.Amendment> amendmentsOf(long itemId) {
        return amendments.getOrDefault(itemId, List.of());
    }
}
