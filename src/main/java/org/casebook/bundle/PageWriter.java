package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.casebook.bundle.text.Face;
import org.casebook.bundle.text.TextLine;
import org.casebook.bundle.text.TextStyle;
import org.casebook.bundle.text.Typesetter;

/**
 * Writes A4 pages top to bottom: a cursor, page breaks, wrapped text and table rows. Every string passes the
 * redactor here, so nothing reaches the page unredacted. Remembers which page each named target starts on.
 */
final class PageWriter {
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float LEFT = 56;
    static final float RIGHT = SIZE.getWidth() - 56;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = SIZE.getHeight() - 64;
    static final float BOTTOM = 64;

    static final TextStyle TITLE = new TextStyle(Face.BOLD, 18);
    static final TextStyle HEADING = new TextStyle(Face.BOLD, 13);
    static final TextStyle SUBHEADING = new TextStyle(Face.BOLD, 10.5f);
    static final TextStyle BODY = new TextStyle(Face.REGULAR, 10);
    static final TextStyle BODY_BOLD = new TextStyle(Face.BOLD, 10);
    static final TextStyle SMALL = new TextStyle(Face.REGULAR, 8.5f);
    static final TextStyle SMALL_BOLD = new TextStyle(Face.BOLD, 8.5f);
    static final TextStyle MONO = new TextStyle(Face.MONO, 8.5f);
    /** Small enough that a 64-digit SHA-256 fits on one line of a table column. */
    static final TextStyle HASH = new TextStyle(Face.MONO, 7);

    private final PDDocument document;
    private final Typesetter type;
    private final Redactor redactor;
    private final Links links;
    private final List<PDPage> pages = new ArrayList<>();
    private final Map<String, PDPage> targets = new LinkedHashMap<>();
    /** Pages made elsewhere and adopted as they are (a merged PDF's pages): not set by this writer. */
    private final java.util.Set<PDPage> adopted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private PDPageContentStream stream;
    private PDPage page;
    private float y;
    /** Drawn at the top of each new page of a section that runs on (e.g. "JS/3 (continued)"). */
    private Runnable continuation;
    /** The link being drawn by {@link #linked}, or null. */
    private LinkArea linking;

    PageWriter(PDDocument document, Typesetter type, Redactor redactor, Links links) {
        this.document = document;
        this.type = type;
        this.redactor = redactor;
        this.links = links;
    }

    PDDocument document() {
        return document;
    }

    Typesetter type() {
        return type;
    }

    Links links() {
        return links;
    }

    /** The redactor every string passes; also the only way text is shortened ({@link Redactor#brief}). */
    Redactor redactor() {
        return redactor;
    }

    PDPage newPage() throws IOException {
        // a link being drawn ends at the foot of this page and goes on below the next page's heading
        LinkArea open = linking;
        linking = null;
        if (open != null) {
            open.end(page, y);
        }
        closeStream();
        page = new PDPage(SIZE);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
        if (continuation != null) {
            continuation.run();
        }
        if (open != null) {
            linking = open.from(y);
        }
        return page;
    }

    /** Adds a page made elsewhere (a merged PDF's page) to this writer's pages, ending the current one. */
    void adopt(PDPage imported) throws IOException {
        closeStream();
        pages.add(imported);
        adopted.add(imported);
        page = null;
    }

    /** The pages {@link #adopt} added, as they came. */
    java.util.Set<PDPage> adopted() {
        return adopted;
    }

    void continuation(Runnable action) {
        this.continuation = action;
    }

    /** Starts a section or exhibit on a new page and names it as a link target. */
    void startTarget(String key) throws IOException {
        newPage();
        mark(key);
    }

    /** Names the current page as the target of {@code key} (first mark wins). */
    void mark(String key) {
        targets.putIfAbsent(key, page);
    }

    Map<String, PDPage> targets() {
        return targets;
    }

    List<PDPage> pages() {
        return pages;
    }

    PDPage page() {
        return page;
    }

    PDPageContentStream stream() {
        return stream;
    }

    float y() {
        return y;
    }

    void y(float value) {
        y = value;
    }

    void gap(float points) {
        y -= points;
    }

    /** Breaks the page unless {@code height} fits below the cursor. */
    void need(float height) throws IOException {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /**
     * Keeps a block of {@code height} points together: breaks the page first unless it fits below the cursor. A
     * block taller than a whole page cannot be kept together, so then only {@code minimum} (e.g. a heading and
     * its first row) is kept.
     */
    void keepTogether(float height, float minimum) throws IOException {
        need(height <= TOP - BOTTOM ? height : minimum);
    }

    /** The height {@link #heading} takes, with the space it keeps below it. */
    float headingHeight() {
        return 8 + lineHeight(HEADING) + 2;
    }

    /** The height {@link #paragraph} will take for {@code text}. */
    float paragraphHeight(String text, TextStyle style, float width) {
        return wrap(text, style, width).size() * lineHeight(style);
    }

    /** The height {@link #row} will take for these cells, with the space after it. */
    float rowHeight(List<Cell> cells) {
        float height = 0;
        for (Cell c : cells) {
            height = Math.max(height, wrap(c.text(), c.style(), c.width() - 4).size() * lineHeight(c.style()));
        }
        return height + 3;
    }

    float lineHeight(TextStyle style) {
        return type.lineHeight(style);
    }

    List<TextLine> wrap(String text, TextStyle style, float width) {
        return type.wrap(redactor.page(text == null ? "" : text), style, width);
    }

    TextLine line(String text, TextStyle style) {
        return type.line(redactor.page(text == null ? "" : text), style);
    }

    float width(String text, TextStyle style) {
        return type.width(redactor.page(text == null ? "" : text), style);
    }

    /** Draws one line with its top at the cursor, without moving it. */
    void drawAt(TextLine line, TextStyle style, float x, float top) throws IOException {
        type.draw(stream, line, x, top - type.ascent(style));
    }

    /** Wrapped text at {@code x}, {@code width} wide, breaking pages between lines. */
    void paragraph(String text, TextStyle style, float x, float width) throws IOException {
        float lh = lineHeight(style);
        for (TextLine l : wrap(text, style, width)) {
            need(lh);
            drawAt(l, style, x, y);
            y -= lh;
        }
    }

    void paragraph(String text, TextStyle style) throws IOException {
        paragraph(text, style, LEFT, WIDTH);
    }

    /** One line, right-aligned so it ends at {@code right}. */
    void rightAligned(String text, TextStyle style, float right, float top) throws IOException {
        TextLine l = line(text, style);
        drawAt(l, style, right - l.width(), top);
    }

    /** A section's title: large, bold, with space after. */
    void title(String text) throws IOException {
        paragraph(text, TITLE);
        gap(6);
    }

    void heading(String text) throws IOException {
        need(lineHeight(HEADING) * 3); // keep a heading with what follows it
        gap(8);
        paragraph(text, HEADING);
        gap(2);
    }

    void rule(float x0, float x1, float width) throws IOException {
        stream.setLineWidth(width);
        stream.moveTo(x0, y);
        stream.lineTo(x1, y);
        stream.stroke();
    }

    /** A table row: each cell wrapped in its column; the row never splits across pages unless taller than one. */
    float row(List<Cell> cells) throws IOException {
        List<List<TextLine>> wrapped = new ArrayList<>();
        float height = 0;
        for (Cell c : cells) {
            List<TextLine> lines = wrap(c.text(), c.style(), c.width() - 4);
            wrapped.add(lines);
            height = Math.max(height, lines.size() * lineHeight(c.style()));
        }
        if (height > TOP - BOTTOM) {
            // taller than a page: print the cells one after another instead
            for (Cell c : cells) {
                paragraph(c.text(), c.style(), c.x(), c.width() - 4);
            }
            return 0;
        }
        need(height + 3);
        float top = y;
        // every cell's first line on one baseline, whatever its face and size
        float ascent = 0;
        for (Cell c : cells) {
            ascent = Math.max(ascent, type.ascent(c.style()));
        }
        // line by line across the cells, so the text layer reads in row order (what text extraction sees)
        int most = wrapped.stream().mapToInt(List::size).max().orElse(0);
        for (int j = 0; j < most; j++) {
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (j < wrapped.get(i).size()) {
                    TextLine l = wrapped.get(i).get(j);
                    float x = c.rightAlign() ? c.x() + c.width() - 4 - l.width() : c.x();
                    type.draw(stream, l, x, top - ascent - j * lineHeight(c.style()));
                }
            }
        }
        y = top - height - 3;
        return top;
    }

    /**
     * A label and its value as table rows: one row, or, when a word of the value (a hash) would not fit beside the
     * label at the size text is set (a court's minimum can make it too wide), the label alone and the value on the
     * next row across the full width, so the word stays whole.
     */
    List<List<Cell>> labelled(String label, TextStyle labelStyle, String value, TextStyle valueStyle,
                              float labelWidth) {
        float widest = 0;
        for (String word : (value == null ? "" : value).split("\\s+")) {
            widest = Math.max(widest, width(word, valueStyle));
        }
        if (widest <= WIDTH - labelWidth - 4 || widest > WIDTH - 4) {
            return List.of(List.of(Cell.of(label, labelStyle, LEFT, labelWidth),
                    Cell.of(value, valueStyle, LEFT + labelWidth, WIDTH - labelWidth)));
        }
        return List.of(List.of(Cell.of(label, labelStyle, LEFT, WIDTH)), List.of(Cell.of(value, valueStyle, LEFT, WIDTH)));
    }

    record Cell(String text, TextStyle style, float x, float width, boolean rightAlign) {
        static Cell of(String text, TextStyle style, float x, float width) {
            return new Cell(text, style, x, width, false);
        }
    }

    /** Makes a rectangle on the current page a link to {@code key}'s page. */
    void link(float x0, float bottom, float x1, float top, String key) {
        links.add(page, new PDRectangle(x0, bottom, x1 - x0, top - bottom), key);
    }

    /** Drawing that may break the page. */
    interface Block {
        void draw() throws IOException;
    }

    /**
     * Draws {@code block} and makes what it drew, between {@code x0} and {@code x1}, a link to {@code key}'s page:
     * one rectangle on each page the block reaches, each over that page's part of it. (A rectangle taken from the
     * block's top to the cursor after it would span two pages when the block breaks the page.)
     */
    void linked(String key, float x0, float x1, Block block) throws IOException {
        linking = new LinkArea(key, x0, x1, y);
        try {
            block.draw();
        } finally {
            LinkArea open = linking;
            linking = null;
            if (open != null) {
                open.end(page, y);
            }
        }
    }

    /** The part of a link on one page: from {@code top} down to wherever the cursor is when it ends. */
    private final class LinkArea {
        private final String key;
        private final float x0;
        private final float x1;
        private final float top;

        LinkArea(String key, float x0, float x1, float top) {
            this.key = key;
            this.x0 = x0;
            this.x1 = x1;
            this.top = top;
        }

        LinkArea from(float newTop) {
            return new LinkArea(key, x0, x1, newTop);
        }

        /** Adds the rectangle, unless nothing was drawn here (the block broke the page before drawing). */
        void end(PDPage on, float bottom) {
            float low = Math.max(bottom + 2, BOTTOM - 2);
            if (on != null && top - low > 2) {
                links.add(on, new PDRectangle(x0, low, x1 - x0, top - low), key);
            }
        }
    }

    void finish() throws IOException {
        closeStream();
        continuation = null;
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
