package org.casebook.bundle.text;

import java.util.List;

/** A line made by {@link Typesetter}: its runs in visual order, at the style's size. */
record TypesetLine(String text, float width, boolean rightToLeft, float size, List<Run> runs) implements TextLine {
}
