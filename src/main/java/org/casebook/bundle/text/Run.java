package org.casebook.bundle.text;

/**
 * A stretch of a line drawn in one go, in visual (left-to-right) order: text in one font, or a redaction
 * box (font null). Width in points.
 */
record Run(EmbeddedFont font, String text, float width) {
    boolean isRedaction() {
        return font == null;
    }
}
