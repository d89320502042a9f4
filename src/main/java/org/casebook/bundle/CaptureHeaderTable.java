package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.evidence.CaptureFacts;
import org.casebook.evidence.CaptureHeaders;
import org.casebook.evidence.Plural;

/**
 * A capture's HTTP response headers, after its facts: a compact two-column table, the name column as wide as the
 * longest name needs (up to the facts' label column), each value wrapped within the margin at word and punctuation
 * breaks. What is shown of a header is {@link CaptureHeaders}'s rule: never a cookie's value, and in a redacted
 * copy not what may give the visitor's address.
 */
final class CaptureHeaderTable {
    private static final float GUTTER = 8;

    private final PageWriter w;
    private final float widestName;

    CaptureHeaderTable(PageWriter w, float widestName) {
        this.w = w;
        this.widestName = widestName;
    }

    void write(CaptureFacts.Capture c, boolean redacted) throws IOException {
        List<CaptureHeaders.Shown> headers = CaptureHeaders.of(c.headers(), redacted);
        if (headers.isEmpty()) {
            return;
        }
        float nameWidth = 0;
        for (CaptureHeaders.Shown h : headers) {
            nameWidth = Math.max(nameWidth, w.width(h.name(), PageWriter.SMALL_BOLD) + GUTTER);
        }
        nameWidth = Math.min(nameWidth, widestName);
        List<List<PageWriter.Cell>> rows = new ArrayList<>();
        for (CaptureHeaders.Shown h : headers) {
            rows.add(List.of(PageWriter.Cell.of(h.name(), PageWriter.SMALL_BOLD, PageWriter.LEFT, nameWidth),
                    PageWriter.Cell.of(h.value(), PageWriter.SMALL, PageWriter.LEFT + nameWidth,
                            PageWriter.WIDTH - nameWidth)));
        }
        boolean cookies = headers.stream().anyMatch(h -> h.value().contains(CaptureHeaders.COOKIE_VALUE));
        String caption = "HTTP response headers, as the server sent them (" + Plural.of(headers.size(), "header")
                + (cookies ? "; a cookie's value is not printed: the archived copy (WARC) keeps it" : "") + ")";
        w.gap(6);
        // the caption stays with the first row
        w.need(w.paragraphHeight(caption, PageWriter.SMALL_BOLD, PageWriter.WIDTH) + w.rowHeight(rows.get(0)));
        w.paragraph(caption, PageWriter.SMALL_BOLD);
        w.gap(2);
        for (List<PageWriter.Cell> row : rows) {
            w.row(row);
        }
    }
}
