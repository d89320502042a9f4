package org.casebook.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two captures' text, line by line: lines removed ({@code - }) and added ({@code + }) in
 * page order, from the longest common subsequence of the two. Very long pages fall back to comparing which lines
 * occur, so the diff stays quick.
 */
final class TextDiff {
    private static final long MAX_CELLS = 16_000_000L;

    private TextDiff() {
    }

    static List<String> diff(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        if ((long) n * m > MAX_CELLS) {
            return bySet(before, after);
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + before.get(i++)); // at a replacement, what was there first, then what came
            } else {
                out.add("+ " + after.get(j++));
            }
        }
        return out;
    }

    private static List<String> bySet(List<String> before, List<String> after) {
        java.util.Set<String> was = new java.util.HashSet<>(before);
        java.util.Set<String> is = new java.util.HashSet<>(after);
        List<String> out = new ArrayList<>();
        for (String l : before) {
            if (!is.contains(l)) {
                out.add("- " + l);
            }
        }
        for (String l : after) {
            if (!was.contains(l)) {
                out.add("+ " + l);
            }
        }
        return out;
    }
}
