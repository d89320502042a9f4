package org.casebook.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** PDFs for tests to import or merge, as a scanner or a letter writer makes them. */
public final class TestPdfs {
    private TestPdfs() {
    }

    /** A PDF with one page per text, each a line at {@code size} pt in an embedded font (DejaVu Sans). */
    public static void write(Path file, float size, String... pages) throws IOException {
        try (PDDocument d = new PDDocument();
             InputStream ttf = TestPdfs.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            PDType0Font font = PDType0Font.load(d, ttf);
            for (String text : pages) {
                PDPage page = new PDPage();
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(72, 600);
                    cs.showText(text);
                    cs.endText();
                }
            }
            d.save(file.toFile());
        }
    }
}
