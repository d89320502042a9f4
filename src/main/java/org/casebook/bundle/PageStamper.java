package org.casebook.bundle;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.casebook.bundle.text.TextLine;
import org.casebook.bundle.text.Typesetter;

/**
 * Stamps every page, merged PDF pages included, once the order is final: the case title and "Page N of M" at the
 * foot, the bundle page number (or section label) top right, and the exhibit reference top left on exhibit pages.
 * For the family profile it also writes the section page labels (A1, B1, ...) into the PDF.
 */
final class PageStamper {
    private final PDDocument document;
    private final Typesetter type;
    private final Redactor redactor;

    PageStamper(PDDocument document, Typesetter type, Redactor redactor) {
        this.document = document;
        this.type = type;
        this.redactor = redactor;
    }

    /** A section of the bundle for page labels: its letter and first page (0-based). */
    record Section(String letter, int firstPage) {
    }

    /** Stamps each page; {@code sections} non-empty means label pages by section (family profile). */
    void stamp(String caseTitle, List<Section> sections, Map<org.apache.pdfbox.cos.COSDictionary, String> exhibitOf) throws IOException {
        int total = document.getNumberOfPages();
        if (!sections.isEmpty()) {
            PDPageLabels labels = new PDPageLabels(document);
            for (Section s : sections) {
                PDPageLabelRange range = new PDPageLabelRange();
                range.setStyle(PDPageLabelRange.STYLE_DECIMAL);
                range.setPrefix(s.letter());
                range.setStart(1);
                labels.setLabelItem(s.firstPage(), range);
            }
            document.getDocumentCatalog().setPageLabels(labels);
        }
        String title = redactor.page(caseTitle);
        int index = 0;
        for (PDPage page : document.getPages()) {
            String label = label(sections, index);
            stampOne(page, title, index + 1, total, label, exhibitOf.get(page.getCOSObject()));
            index++;
        }
    }

    private static String label(List<Section> sections, int index) {
        Section current = null;
        for (Section s : sections) {
            if (s.firstPage() <= index) {
                current = s;
            }
        }
        return current == null ? null : current.letter() + (index - current.firstPage() + 1);
    }

    private void stampOne(PDPage page, String title, int n, int total, String label, String exhibit)
            throws IOException {
        PDRectangle box = page.getCropBox();
        float left = box.getLowerLeftX() + 36;
        float right = box.getUpperRightX() - 36;
        float bottom = box.getLowerLeftY() + 26;
        float top = box.getUpperRightY() - 30;
        try (PDPageContentStream cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                true, true)) {
            cs.setStrokingColor(0f);
            cs.setNonStrokingColor(0f);
            cs.setLineWidth(0.4f);
            cs.moveTo(left, bottom + 12);
            cs.lineTo(right, bottom + 12);
            cs.stroke();
            String pageText = "Page " + n + " of " + total;
            TextLine pageLine = type.line(pageText, PageWriter.SMALL_BOLD);
            TextLine titleLine = fit(title, right - left - pageLine.width() - 20);
            type.draw(cs, titleLine, left, bottom);
            type.draw(cs, pageLine, right - pageLine.width(), bottom);
            String number = label != null ? label : String.valueOf(n);
            TextLine numberLine = type.line(number, PageWriter.HEADING);
            type.draw(cs, numberLine, right - numberLine.width(), top);
            if (exhibit != null) {
                type.draw(cs, type.line("Exhibit " + exhibit, PageWriter.SMALL_BOLD), left, top + 2);
            }
        }
    }

    /** The case title, cut short with an ellipsis if it would run into the page number. */
    private TextLine fit(String title, float width) {
        TextLine line = type.line(title, PageWriter.SMALL);
        String t = title;
        while (line.width() > width && t.length() > 4) {
            t = t.substring(0, t.length() - 2);
            line = type.line(t + "…", PageWriter.SMALL);
        }
        return line;
    }
}
