package org.casebook.bundle.text;

/** One laid-out line, ready to draw with {@link Typesetter#draw}. */
public interface TextLine {
    /** Width in points of what is drawn (trailing spaces excluded). */
    float width();

    /** Whether the line's paragraph runs right to left (the caller may right-align it). */
    boolean rightToLeft();

    /** The logical (reading-order) text of the line, after cleaning: tabs as spaces, placeholders for bad characters. */
    String text();
}
