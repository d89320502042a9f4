package org.casebook.bundle;

import java.util.List;
import org.casebook.bundle.text.TextStyle;

/**
 * A table's columns at the size text is really set: text is never shrunk to fit (a court's minimum size holds in
 * tables too), so a column too narrow for its longest word at that size is widened, and one flexible column (the
 * one holding running text) gives up the room. Words then wrap between words, not inside them.
 */
final class Columns {
    private Columns() {
    }

    /**
     * @param x        each column's left edge from the table's left, in order
     * @param total    the table's width
     * @param flexible the column that gives up room
     * @param words    per column, the texts whose longest word must fit, each with its style
     * @return the columns' left edges, widened where needed
     */
    static float[] fitted(PageWriter w, float[] x, float total, int flexible, List<List<Text>> words) {
        float[] width = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            width[i] = (i + 1 < x.length ? x[i + 1] : total) - x[i];
        }
        for (int i = 0; i < x.length; i++) {
            if (i == flexible || i >= words.size()) {
                continue;
            }
            float needed = 0;
            for (Text t : words.get(i)) {
                for (String word : (t.text() == null ? "" : t.text()).split("\\s+")) {
                    needed = Math.max(needed, w.width(word, t.style()) + 6); // the row's 4 pt of padding, and a hair
                }
            }
            float extra = needed - width[i];
            // the flexible column keeps at least a third of its width for its running text
            float room = width[flexible] - (width[flexible] / 3);
            if (extra > 0 && room > 0) {
                float taken = Math.min(extra, room);
                width[i] += taken;
                width[flexible] -= taken;
            }
        }
        float[] out = new float[x.length];
        float left = x[0];
        for (int i = 0; i < x.length; i++) {
            out[i] = left;
            left += width[i];
        }
        return out;
    }

    /** A text that must fit a column, in its style. */
    record Text(String text, TextStyle style) {
    }
}
