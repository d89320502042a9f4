package org.casebook.bundle.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;

/** A real A4 document with a typesetter, for drawing lines and reading the saved PDF back. */
final class TextPage implements AutoCloseable {
    static final float MARGIN = 50;

    final PDDocument document = new PDDocument();
    final TextWarnings warnings = new TextWarnings();
    final Typesetter typesetter;
    private PDPageContentStream stream;
    private float y;

    TextPage() throws IOException {
        typesetter = new Typesetter(FontSet.load(document, warnings));
        newPage();
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Wraps and draws the text down the page (right-aligning right-to-left lines), starting new pages as needed. */
    List<TextLine> write(String text, TextStyle style) throws IOException {
        List<TextLine> lines = typesetter.wrap(text, style, width());
        for (TextLine line : lines) {
            if (y - typesetter.lineHeight(style) < MARGIN) {
                newPage();
            }
            y -= typesetter.lineHeight(style);
            float x = line.rightToLeft() ? MARGIN + width() - line.width() : MARGIN;
            typesetter.draw(stream, line, x, y);
        }
        return lines;
    }

    byte[] save() throws IOException {
        stream.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** The saved PDF's text, with Arabic presentation forms (what the text layer holds) folded back to letters. */
    static String extract(byte[] pdf) throws IOException {
        try (PDDocument saved = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(saved), Normalizer.Form.NFKC);
        }
    }
}
