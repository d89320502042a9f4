package org.casebook.bundle.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * No text smaller than a minimum size (FPR PD27A: 12 point in a family bundle). Sizes are read as drawn, from
 * the text layer. Pages of documents merged as supplied can be left out: a bundle shows them unchanged, and the
 * rule is about what the bundle's maker set.
 *
 * @param points       the smallest size allowed
 * @param skippedPages 1-based pages not checked (merged documents), empty for none
 */
public record TextSizeRule(float points, Set<Integer> skippedPages) {
    public static final String ID = "text-size";

    public TextSizeRule {
        if (!(points > 0)) {
            throw new IllegalArgumentException("A minimum text size must be a positive number of points, not " + points);
        }
        skippedPages = Set.copyOf(skippedPages);
    }

    /** Half a hundredth of a point: a size written as 12 may read back as 11.9999. */
    private static final float TOLERANCE = 0.005f;

    RuleResult check(Map<Integer, Float> smallestByPage) {
        String rule = String.format(Locale.ROOT, "No text smaller than %s pt", format(points));
        List<String> below = new ArrayList<>();
        int belowCount = 0;
        float smallest = Float.POSITIVE_INFINITY;
        int checked = 0;
        for (Map.Entry<Integer, Float> e : smallestByPage.entrySet()) {
            if (skippedPages.contains(e.getKey())) {
                continue;
            }
            checked++;
            smallest = Math.min(smallest, e.getValue());
            if (e.getValue() < points - TOLERANCE) {
                if (belowCount++ < 10) {
                    below.add("page " + e.getKey() + " (" + format(e.getValue()) + " pt)");
                }
            }
        }
        String skipped = skippedPages.isEmpty() ? "" : "; " + skippedPages.size()
                + (skippedPages.size() == 1 ? " page" : " pages") + " of merged documents, shown as supplied, not checked";
        if (belowCount > 0) {
            return new RuleResult(ID, rule, false, "text below " + format(points) + " pt on "
                    + PageLists.problems(below, belowCount) + skipped);
        }
        if (checked == 0) {
            return new RuleResult(ID, rule, true, "no text to check" + skipped);
        }
        return new RuleResult(ID, rule, true, "the smallest text is " + format(smallest) + " pt" + skipped);
    }

    private static String format(float size) {
        float rounded = Math.round(size * 10) / 10f;
        return rounded == Math.rint(rounded) ? String.valueOf((int) rounded) : String.valueOf(rounded);
    }
}
