package org.casebook.bundle.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out and draws text in any script with the fonts of one document: per-character font fallback,
 * line breaking, Arabic shaping and bidi reordering, placeholders for what no font has, and redaction boxes
 * for U+E000. Not thread-safe: one document is laid out on one thread.
 */
public final class Typesetter {
    private static final float LINE_SPACING = 1.25f;

    private final FontSet fonts;
    private final TextCleaner cleaner;
    private final LineBreaker breaker = new LineBreaker();
    private final RightToLeft rightToLeft;
    private final RedactionMark redaction;
    /** No text is set smaller than this many points (0: no floor): a court's rules may set a minimum size. */
    private final float minimum;

    public Typesetter(FontSet fonts) {
        this(fonts, 0);
    }

    /**
     * Sets every style smaller than {@code minimumSize} points at that size instead, so the lines, line heights
     * and redaction marks measured and drawn all agree and no text on the page is below the minimum.
     */
    public Typesetter(FontSet fonts, float minimumSize) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.cleaner = new TextCleaner(fonts.warnings());
        this.rightToLeft = new RightToLeft(fonts.warnings());
        this.minimum = Math.max(0, minimumSize);
        this.redaction = new RedactionMark(fonts.base(), minimum);
    }

    /** The smallest size this typesetter sets text at (0 for none). */
    public float minimumSize() {
        return minimum;
    }

    /** The style as it is set: raised to the minimum size if below it. */
    public TextStyle set(TextStyle style) {
        Objects.requireNonNull(style, "style");
        return style.size() >= minimum ? style : new TextStyle(style.face(), minimum);
    }

    /** Breaks text into lines no wider than width: '\n' starts a new paragraph, tabs become spaces, long words and
     *  URLs break anywhere, right-to-left paragraphs are shaped and reordered. Never throws for any String.
     *  Empty (or null) text gives no lines; every paragraph gives at least one, so blank lines are kept. */
    public List<TextLine> wrap(String text, TextStyle given, float width) {
        TextStyle style = set(given);
        List<TextLine> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        float max = width > 0 ? width : 0;  // NaN and negative widths: one grapheme per line, no exception
        for (String paragraph : cleaner.paragraphs(text)) {
            layout(paragraph, style, max, lines);
        }
        return lines;
    }

    /** One line, no wrapping; line ends in the text become spaces. */
    public TextLine line(String text, TextStyle style) {
        List<TextLine> lines = new ArrayList<>(1);
        layout(cleaner.singleLine(text == null ? "" : text), set(style), Float.POSITIVE_INFINITY, lines);
        return lines.get(0);
    }

    public float width(String text, TextStyle style) {
        return line(text, style).width();
    }

    /** Baseline to baseline. */
    public float lineHeight(TextStyle style) {
        return LINE_SPACING * set(style).size();
    }

    /** Baseline below the top of the line's box. */
    public float ascent(TextStyle style) {
        return fonts.base().ascent() * set(style).size();
    }

    /** Draws the line with its left edge at x and its baseline at y (the caller right-aligns RTL lines if it wants). */
    public void draw(PDPageContentStream stream, TextLine line, float x, float y) throws IOException {
        if (!(line instanceof TypesetLine typeset)) {
            throw new IllegalArgumentException("Only lines made by a Typesetter can be drawn, not " + line);
        }
        float size = typeset.size();
        float at = x;
        boolean inText = false;
        for (Run run : typeset.runs()) {
            if (run.isRedaction()) {
                if (inText) {
                    stream.endText();
                    inText = false;
                }
                redaction.draw(stream, at, y, size);
            } else {
                if (!inText) {
                    stream.beginText();
                    inText = true;
                }
                stream.setFont(run.font().pdFont(), size);
                stream.setTextMatrix(Matrix.getTranslateInstance(at, y));
                stream.showText(run.text());
            }
            at += run.width();
        }
        if (inText) {
            stream.endText();
        }
    }

    /** Zero-width characters that draw nothing: joiners, variation selectors, bidi controls, soft hyphens. */
    static boolean isInvisible(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private void layout(String cleaned, TextStyle style, float max, List<TextLine> out) {
        boolean bidi = RightToLeft.needed(cleaned);
        String paragraph = bidi ? rightToLeft.shape(cleaned) : cleaned;
        float[] advances = advances(paragraph, style);
        RightToLeft.Paragraph visual = bidi ? rightToLeft.paragraph(paragraph) : null;
        boolean rtl = visual != null && visual.rightToLeft();
        for (LineBreaker.Span span : breaker.breakLines(paragraph, advances, max)) {
            String drawn = visual == null
                    ? paragraph.substring(span.start(), span.end())
                    : visual.reorder(span.start(), span.end());
            out.add(new TypesetLine(paragraph.substring(span.start(), span.end()),
                    advances[span.end()] - advances[span.start()], rtl, style.size(), runs(drawn, style)));
        }
    }

    /**
     * Prefix sums of the advance widths in points, measured with the font each character will be drawn in;
     * also where a character no font has is reported, once per layout.
     */
    private float[] advances(String text, TextStyle style) {
        float[] sums = new float[text.length() + 1];
        float scale = style.size() / 1000f;
        float sum = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == RedactionMark.TOKEN) {
                sum += redaction.width(style.size());
            } else if (!isInvisible(cp)) {
                EmbeddedFont font = fonts.fontFor(style.face(), cp);
                if (font == null) {
                    fonts.warnings().noFont(cp);
                    sum += placeholderFont(style).advance(TextCleaner.PLACEHOLDER) * scale;
                } else {
                    sum += font.advance(cp) * scale;
                }
            }
            for (int j = i + 1; j <= next; j++) {
                sums[j] = sum;
            }
            i = next;
        }
        return sums;
    }

    /** The line's text in visual order cut into runs of one font each; no run holds a glyph its font lacks. */
    private List<Run> runs(String visual, TextStyle style) {
        List<Run> runs = new ArrayList<>(2);
        float scale = style.size() / 1000f;
        StringBuilder text = new StringBuilder();
        EmbeddedFont current = null;
        float advance = 0;
        int i = 0;
        while (i < visual.length()) {
            int cp = visual.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == RedactionMark.TOKEN) {
                if (current != null) {
                    runs.add(new Run(current, text.toString(), advance * scale));
                    current = null;
                }
                runs.add(new Run(null, RedactionMark.LABEL, redaction.width(style.size())));
                continue;
            }
            if (isInvisible(cp)) {
                continue;
            }
            EmbeddedFont font = fonts.fontFor(style.face(), cp);
            if (font == null) {
                font = placeholderFont(style);
                cp = TextCleaner.PLACEHOLDER;
            }
            if (font != current) {
                if (current != null) {
                    runs.add(new Run(current, text.toString(), advance * scale));
                }
                current = font;
                text.setLength(0);
                advance = 0;
            }
            text.appendCodePoint(cp);
            advance += font.advance(cp);
        }
        if (current != null) {
            runs.add(new Run(current, text.toString(), advance * scale));
        }
        return runs;
    }

    private EmbeddedFont placeholderFont(TextStyle style) {
        EmbeddedFont font = fonts.fontFor(style.face(), TextCleaner.PLACEHOLDER);
        return font != null ? font : fonts.base();
    }
}
