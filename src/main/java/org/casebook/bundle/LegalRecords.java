package org.casebook.bundle;

import java.time.LocalDate;
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
 * @param reportDays the day (in the case's zone) of each report made, whose mention in the statement the
 *                   bundle's period covers
 */
record LegalRecords(Map<Long, List<Amendments.Amendment>> amendments, List<Attributions.PersonAttributions> people,
                    Map<String, Continuity.Record> continuity, WarningSigns.Assessment risk,
                    List<LocalDate> reportDays) {
    static final LegalRecords NONE = new LegalRecords(Map.of(), List.of(), Map.of());

    LegalRecords(Map<Long, List<Amendments.Amendment>> amendments, List<Attributions.PersonAttributions> people,
                 Map<String, Continuity.Record> continuity) {
        this(amendments, people, continuity, null, List.of());
    }

    LegalRecords {
        amendments = Map.copyOf(amendments);
        people = List.copyOf(people);
        continuity = Map.copyOf(continuity);
        reportDays = List.copyOf(reportDays);
    }

    List<Amendments.Amendment> amendmentsOf(long itemId) {
        return amendments.getOrDefault(itemId, List.of());
    }
}
