package org.casebook.bundle.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** DejaVu Sans, Sans Bold and Sans Mono embedded (subset) in one document. (Temporary stand-in.) */
public final class FontSet {
    private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private final Map<Face, PDType0Font> fonts;
    final TextWarnings warnings;

    private FontSet(Map<Face, PDType0Font> fonts, TextWarnings warnings) {
        this.fonts = fonts;
        this.warnings = warnings;
    }

    public static FontSet load(PDDocument document, TextWarnings warnings) throws IOException {
        Map<Face, PDType0Font> fonts = new EnumMap<>(Face.class);
        fonts.put(Face.REGULAR, font(document, "DejaVuSans.ttf"));
        fonts.put(Face.BOLD, font(document, "DejaVuSans-Bold.ttf"));
        fonts.put(Face.MONO, font(document, "DejaVuSansMono.ttf"));
        return new FontSet(fonts, warnings);
    }

    private static PDType0Font font(PDDocument document, String name) throws IOException {
        try (InputStream in = FontSet.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("Font " + name + " is missing from the classpath");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    PDType0Font font(Face face) {
        return fonts.get(face);
    }
}
