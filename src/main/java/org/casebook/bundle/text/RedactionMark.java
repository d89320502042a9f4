package org.casebook.bundle.text;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * How the redaction token U+E000 looks: a dark filled box with "[redacted]" in white, so the text layer
 * reads "[redacted]" where the removed text was.
 */
final class RedactionMark {
    static final int TOKEN = 0xE000;
    static final String LABEL = "[redacted]";
    private static final float LABEL_SCALE = 0.75f;
    private static final float PADDING = 0.25f;  // of the size, each side
    private static final float GREY = 0.2f;

    private final EmbeddedFont font;
    private final float labelAdvance;  // thousandths of the label's size
    /** The label is never set below this size (a court's minimum), even beside text at the minimum. */
    private final float minimum;

    RedactionMark(EmbeddedFont font) {
        this(font, 0);
    }

    RedactionMark(EmbeddedFont font, float minimum) {
        this.font = font;
        this.minimum = minimum;
        float advance = 0;
        for (int i = 0; i < LABEL.length(); i++) {
            advance += font.advance(LABEL.charAt(i));
        }
        this.labelAdvance = advance;
    }

    /** Box width in points for text of {@code size}. */
    float width(float size) {
        return labelAdvance * labelSize(size) / 1000f + 2 * PADDING * size;
    }

    private float labelSize(float size) {
        return Math.max(LABEL_SCALE * size, Math.min(minimum, size));
    }

    /** The box with its left edge at x, sitting on the baseline y like the text around it. */
    void draw(PDPageContentStream stream, float x, float y, float size) throws IOException {
        stream.saveGraphicsState();
        stream.setNonStrokingColor(GREY);
        stream.addRect(x, y - 0.22f * size, width(size), 1.1f * size);
        stream.fill();
        stream.setNonStrokingColor(1f);
        stream.beginText();
        stream.setFont(font.pdFont(), labelSize(size));
        // The right padding is spread over the letters so the label's advance ends at the box's edge:
        // a text extractor then sees no gap after the box and adds no stray space before the next character.
        stream.setCharacterSpacing(PADDING * size / LABEL.length());
        stream.setTextMatrix(Matrix.getTranslateInstance(x + PADDING * size,
                y + 0.05f * size - (labelSize(size) - LABEL_SCALE * size) * 0.2f));
        stream.showText(LABEL);
        stream.endText();
        stream.restoreGraphicsState();
    }
}
