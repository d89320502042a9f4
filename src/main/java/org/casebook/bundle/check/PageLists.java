package org.casebook.bundle.check;

import java.util.List;

/** Page numbers and problems as short readable text: "3–5, 9" and "a; b; c and 12 more". */
final class PageLists {
    private PageLists() {
    }

    /** Sorted page numbers as ranges, at most {@code max} ranges then "…". */
    static String ranges(List<Integer> pages, int max) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < pages.size(); ) {
            int j = i;
            while (j + 1 < pages.size() && pages.get(j + 1) == pages.get(j) + 1) {
                j++;
            }
            if (shown == max) {
                out.append(", …");
                break;
            }
            out.append(shown == 0 ? "" : ", ").append(pages.get(i));
            if (j > i) {
                out.append('–').append(pages.get(j));
            }
            shown++;
            i = j + 1;
        }
        return out.toString();
    }

    /** The listed problems joined, with how many more there were beyond them. */
    static String problems(List<String> shown, int total) {
        String joined = String.join("; ", shown);
        return total > shown.size() ? joined + " and " + (total - shown.size()) + " more" : joined;
    }
}
