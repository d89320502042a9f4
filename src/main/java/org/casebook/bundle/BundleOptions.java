package org.casebook.bundle;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.casebook.model.ItemKind;

/**
 * What goes into a bundle.
 *
 * @param from          first day (inclusive, in the case's zone), or null for the start of the record
 * @param to            last day (inclusive), or null for the end
 * @param kinds         the item kinds to include; empty for all. A file sent with a message is shown at its message:
 *                      including files brings in the messages they were sent with
 * @param incidentTypes the incident type codes to include; empty for all
 * @param itemIds       only these items; empty for every item that matches the rest. Choosing a file sent with a
 *                      message brings its message, where it is shown
 * @param exhibitPrefix exhibit references start with this (e.g. "JS"); null for the case's initials
 * @param redactions    text removed everywhere it appears (case-insensitive)
 * @param preparedBy    the name on the cover and in the metadata; null for "the witness"
 * @param sections      the user's order of the exhibits and named sections; {@link SectionPlan#NONE} for date order
 */
public record BundleOptions(BundleProfile profile, LocalDate from, LocalDate to, Set<ItemKind> kinds,
                            Set<String> incidentTypes, List<Long> itemIds, String exhibitPrefix,
                            List<String> redactions, String preparedBy, SectionPlan sections) {
    public BundleOptions(BundleProfile profile, LocalDate from, LocalDate to, Set<ItemKind> kinds,
                         Set<String> incidentTypes, List<Long> itemIds, String exhibitPrefix,
                         List<String> redactions, String preparedBy) {
        this(profile, from, to, kinds, incidentTypes, itemIds, exhibitPrefix, redactions, preparedBy, SectionPlan.NONE);
    }

    public BundleOptions {
        sections = sections == null ? SectionPlan.NONE : sections;
        profile = profile == null ? BundleProfile.POLICE : profile;
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        incidentTypes = incidentTypes == null ? Set.of() : Set.copyOf(incidentTypes);
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
        redactions = redactions == null ? List.of() : redactions.stream().filter(r -> r != null && !r.isBlank())
                .map(String::strip).toList();
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ").");
        }
    }

    /** Everything in the case, police profile. */
    public static BundleOptions all() {
        return new BundleOptions(BundleProfile.POLICE, null, null, Set.of(), Set.of(), List.of(), null, List.of(),
                null);
    }

    public BundleOptions withProfile(BundleProfile p) {
        return new BundleOptions(p, from, to, kinds, incidentTypes, itemIds, exhibitPrefix, redactions, preparedBy,
                sections);
    }

    public BundleOptions withPeriod(LocalDate start, LocalDate end) {
        return new BundleOptions(profile, start, end, kinds, incidentTypes, itemIds, exhibitPrefix, redactions,
                preparedBy, sections);
    }

    public BundleOptions withRedactions(List<String> texts) {
        return new BundleOptions(profile, from, to, kinds, incidentTypes, itemIds, exhibitPrefix, texts, preparedBy,
                sections);
    }

    public BundleOptions withPreparedBy(String name) {
        return new BundleOptions(profile, from, to, kinds, incidentTypes, itemIds, exhibitPrefix, redactions, name,
                sections);
    }

    /** The same bundle with the exhibits in the user's order and named sections. */
    public BundleOptions withSections(SectionPlan plan) {
        return new BundleOptions(profile, from, to, kinds, incidentTypes, itemIds, exhibitPrefix, redactions,
                preparedBy, plan);
    }
}
