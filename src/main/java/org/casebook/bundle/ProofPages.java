package org.casebook.bundle;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.TimeWords;
import org.casebook.model.Incident;
import org.casebook.model.TimelineItem;

/**
 * Where in the bundle an item is proved: for a message or call, its day in its conversation's transcript; for an
 * attached file, its exhibit; for a diary entry, the first exhibit attached to it, else the entry itself. What a
 * breach row, or any row about one item, links to. Items not in the bundle have no place.
 */
final class ProofPages {
    /** The exhibit reference (or "Diary") shown beside a row, and the link target of the page. */
    record Place(String reference, String key) {
    }

    private final Map<Long, Place> places = new HashMap<>();

    ProofPages(BundleContent content) {
        ZoneId zone = content.aCase().zone();
        for (ExhibitItem e : content.exhibits()) {
            for (TimelineItem m : e.messages()) {
                places.put(m.id(), new Place(e.reference(), TranscriptLayout.dayKey(e, TimeWords.day(m.when(), zone))));
            }
            for (ExhibitItem file : e.originals()) {
                places.putIfAbsent(file.itemId(), new Place(file.reference(), file.key()));
            }
        }
        for (Incident i : content.incidents()) {
            List<String> refs = content.incidentExhibits().getOrDefault(i.id(), List.of());
            places.put(i.id(), refs.isEmpty() ? new Place("Diary", DiarySection.key(i))
                    : new Place(String.join(", ", refs), "exhibit:" + refs.get(0)));
        }
    }

    /** No places: for a page laid out on its own, without the exhibits. */
    static ProofPages none() {
        return new ProofPages();
    }

    private ProofPages() {
    }

    /** Where the item is shown, or null when the bundle does not hold it. */
    Place of(long itemId) {
        return places.get(itemId);
    }
}
