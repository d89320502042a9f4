package org.casebook.bundle.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One TrueType font embedded (as a subset) in one document, with the answers to "does it have this
 * character, and how wide is it" cached: layout asks them for every character of ~10,000 messages.
 */
final class EmbeddedFont {
    private static final int UNKNOWN = -1;

    private final String name;
    private final PDType0Font pdFont;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final float unitsToThousandths;
    private final float ascent;
    private final int[] bmpGlyphs = new int[0x10000];
    private final Map<Integer, Integer> supplementaryGlyphs = new HashMap<>();

    EmbeddedFont(String name, PDType0Font pdFont, TrueTypeFont ttf) throws IOException {
        this.name = name;
        this.pdFont = pdFont;
        this.ttf = ttf;
        // The same lookup PDFBox uses to encode text for an embedded TrueType font, so "covered" here
        // means showText will not throw.
        this.cmap = ttf.getUnicodeCmapLookup();
        this.unitsToThousandths = 1000f / ttf.getUnitsPerEm();
        this.ascent = ttf.getHorizontalHeader().getAscender() * unitsToThousandths / 1000f;
        Arrays.fill(bmpGlyphs, UNKNOWN);
    }

    String name() {
        return name;
    }

    PDType0Font pdFont() {
        return pdFont;
    }

    /** Ascender as a fraction of the font size. */
    float ascent() {
        return ascent;
    }

    boolean has(int codePoint) {
        return glyph(codePoint) > 0;
    }

    /** Advance width in thousandths of the font size (PDF text space), or 0 for a missing glyph. */
    float advance(int codePoint) {
        int glyph = glyph(codePoint);
        if (glyph <= 0) {
            return 0;
        }
        try {
            return ttf.getAdvanceWidth(glyph) * unitsToThousandths;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read glyph widths of " + name, e);
        }
    }

    private int glyph(int codePoint) {
        if (codePoint < 0x10000) {
            int glyph = bmpGlyphs[codePoint];
            if (glyph == UNKNOWN) {
                glyph = cmap.getGlyphId(codePoint);
                bmpGlyphs[codePoint] = glyph;
            }
            return glyph;
        }
        return supplementaryGlyphs.computeIfAbsent(codePoint, cmap::getGlyphId);
    }
}
