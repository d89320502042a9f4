package org.casebook.bundle;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.evidence.CaptureFacts;
import org.casebook.model.TimelineItem;

/**
 * Captured web pages as exhibits: the captures of one address (a first capture and the re-captures that followed
 * it) make one exhibit, so a reader sees in one place that a page stayed up, changed or was taken down. The
 * earliest selected capture is the exhibit; each later one is under it ("JS/4.1"), with its own WARC as original.
 */
final class CaptureExhibits {
    static final String TYPE_LABEL = "Web page capture";
    static final String MEDIA_TYPE = "application/warc";

    private CaptureExhibits() {
    }

    /**
     * The selected captures grouped by the first capture of their address (following each re-capture back to
     * it, through captures not selected too), each group in time order, groups in the order of their first.
     */
    static List<List<CaptureFacts.Capture>> byAddress(Map<Long, CaptureFacts.Capture> selected, CaptureFacts facts) {
        Map<Long, CaptureFacts.Capture> known = new HashMap<>(selected);
        Map<Long, List<CaptureFacts.Capture>> groups = new LinkedHashMap<>();
        for (CaptureFacts.Capture c : selected.values()) {
            groups.computeIfAbsent(first(c, known, facts), k -> new ArrayList<>()).add(c);
        }
        List<List<CaptureFacts.Capture>> out = new ArrayList<>();
        for (List<CaptureFacts.Capture> g : groups.values()) {
            g.sort(Comparator.comparing(CaptureFacts.Capture::capturedAt).thenComparingLong(CaptureFacts.Capture::itemId));
            out.add(g);
        }
        return out;
    }

    private static long first(CaptureFacts.Capture c, Map<Long, CaptureFacts.Capture> known, CaptureFacts facts) {
        CaptureFacts.Capture at = c;
        // a chain runs back in time, so it ends; the bound only guards against a damaged vault
        for (int hops = 0; at.recaptureOf() != null && hops < 10_000; hops++) {
            Long earlier = at.recaptureOf();
            CaptureFacts.Capture found = known.computeIfAbsent(earlier,
                    id -> facts.of(List.of(id)).get(id));
            if (found == null) {
                break;
            }
            at = found;
        }
        return at.itemId();
    }

    /** One address's captures as an exhibit, the later ones as its files. */
    static ExhibitItem exhibit(List<CaptureFacts.Capture> captures, List<TimelineItem> items, ZoneId zone) {
        Map<Long, TimelineItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<ExhibitItem> later = new ArrayList<>();
        for (CaptureFacts.Capture c : captures.subList(1, captures.size())) {
            later.add(item(c, byId.get(c.itemId()), zone, "Re-capture (" + verdict(c) + ") of " + address(c),
                    null, List.of()));
        }
        CaptureFacts.Capture first = captures.get(0);
        CaptureFacts.Capture last = captures.get(captures.size() - 1);
        String description = "Web page " + address(first) + (first.title() == null || first.title().isBlank() ? ""
                : " \u201C" + first.title().strip() + "\u201D") + (later.isEmpty() ? ""
                : " (captured " + captures.size() + " times; last " + verdict(last) + ")");
        return item(first, byId.get(first.itemId()), zone, description,
                later.isEmpty() ? null : last.capturedAt().atZone(zone), later);
    }

    private static ExhibitItem item(CaptureFacts.Capture c, TimelineItem item, ZoneId zone, String description,
                                    java.time.ZonedDateTime until, List<ExhibitItem> later) {
        return new ExhibitItem(null, ExhibitItem.Kind.CAPTURE, c.itemId(), TYPE_LABEL, description, c.requestedUrl(),
                c.baseName() + ".warc", MEDIA_TYPE, c.warcSize(), c.capturedAt().atZone(zone), until, false,
                item.added(), c.warcSha256(), TimeSources.CAPTURE, null, List.of(), List.of(), null, later);
    }

    static String address(CaptureFacts.Capture c) {
        return c.finalUrl() == null ? c.requestedUrl() : c.finalUrl();
    }

    /** "first capture", "unchanged", "changed", "gone". */
    static String verdict(CaptureFacts.Capture c) {
        return c.verdict() == null ? "first capture" : c.verdict();
    }
}
