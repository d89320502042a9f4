package org.casebook.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every exhibit's {@link OriginalPlan}, by reference, in exhibit order (each exhibit followed by the files sent in
 * it); decided before any page is laid out. Also which embedded file holds each original: identical bytes are
 * embedded once, under the first reference that has them.
 */
final class OriginalPlans {
    /** Beyond this many, the cover counts instead of listing: the appendix lists every one. */
    static final int LISTED = 12;
    private final Map<String, OriginalPlan> plans = new LinkedHashMap<>();
    /** Reference → the exhibit whose embedded file holds its bytes, when that is an earlier one. */
    private final Map<String, ExhibitItem> sharedFrom = new HashMap<>();
    private final boolean redacted;

    OriginalPlans(boolean redacted) {
        this.redacted = redacted;
    }

    /** Plans for a bundle whose originals all travel as they are (layout tests, a scratch pass). */
    static OriginalPlans asTheyAre(BundleContent content) {
        OriginalPlans plans = new OriginalPlans(false);
        for (ExhibitItem e : content.originals()) {
            plans.put(e.reference(), e.sha256() == null ? OriginalPlan.NONE
                    : OriginalPlan.original(e.sha256(), Math.max(0, e.size())));
        }
        return plans;
    }

    void put(String reference, OriginalPlan plan) {
        plans.put(reference, plan);
    }

    /** Records that {@code reference}'s original travels in the file embedded for {@code carrier}. */
    void carriedBy(String reference, ExhibitItem carrier) {
        if (carrier != null && !carrier.reference().equals(reference)) {
            sharedFrom.put(reference, carrier);
        }
    }

    /** The reference whose embedded file holds {@code e}'s bytes when that is an earlier one's, else null. */
    String sharedFrom(ExhibitItem e) {
        ExhibitItem carrier = sharedFrom.get(e.reference());
        return carrier == null ? null : carrier.reference();
    }

    /** The name of the embedded file that holds {@code e}'s original: its own, or the earlier identical one's. */
    String attachmentName(ExhibitItem e) {
        return OriginalEmbedder.attachmentName(sharedFrom.getOrDefault(e.reference(), e), s -> s);
    }

    OriginalPlan of(String reference) {
        return plans.getOrDefault(reference, OriginalPlan.NONE);
    }

    /** Whether this is a redacted copy (its originals were checked, cleaned or withheld). */
    boolean redacted() {
        return redacted;
    }

    List<String> withheld() {
        return references(OriginalPlan.Form.WITHHELD);
    }

    List<String> cleaned() {
        return references(OriginalPlan.Form.CLEANED);
    }

    private List<String> references(OriginalPlan.Form form) {
        List<String> out = new ArrayList<>();
        plans.forEach((ref, plan) -> {
            if (plan.form() == form) {
                out.add(ref);
            }
        });
        return out;
    }

    /**
     * What a redacted copy did with the originals, in full sentences for the cover and the build's result:
     * "Location and device details were removed from 3 photos (JS/2, JS/3, JS/4). 2 originals were withheld:
     * JS/5 (it contains redacted text), JS/6 (...)."
     */
    String summary() {
        List<String> cleaned = cleaned();
        List<String> withheld = withheld();
        StringBuilder out = new StringBuilder();
        if (cleaned.isEmpty()) {
            out.append("No photo needed its location or device details removed.");
        } else {
            out.append("Location and device details were removed from ").append(cleaned.size())
                    .append(cleaned.size() == 1 ? " photo (" : " photos (")
                    .append(cleaned.size() <= LISTED ? String.join(", ", cleaned) : "each marked in the integrity appendix")
                    .append("): the copy embedded has its own SHA-256, printed in the integrity appendix beside the"
                            + " original's.");
        }
        if (withheld.isEmpty()) {
            out.append(" No original was withheld: every other original embedded was searched and holds no"
                    + " redacted text.");
        } else {
            out.append(' ').append(withheld.size()).append(withheld.size() == 1 ? " original was" : " originals were")
                    .append(" withheld: ");
            List<String> parts = new ArrayList<>();
            if (withheld.size() <= LISTED) {
                for (String ref : withheld) {
                    parts.add(ref + " (" + of(ref).reason().because() + ")");
                }
            } else {
                Map<Withheld, Integer> byReason = new java.util.EnumMap<>(Withheld.class);
                withheld.forEach(ref -> byReason.merge(of(ref).reason(), 1, Integer::sum));
                byReason.forEach((reason, n) -> parts.add(n + " because " + reason.because()));
            }
            out.append(String.join("; ", parts)).append(". The integrity appendix identifies each by its hash, so the"
                    + " unredacted originals can be produced separately.");
        }
        return out.toString();
    }
}
