package org.casebook.bundle.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * One pass over the pages' content streams that yields each page's text layer and every image drawn on it
 * (XObject or inline, also inside forms) with the matrix it is drawn with. Reading text and images in the
 * same pass keeps a 2,000-page check to a few seconds. A page whose content cannot be parsed is reported as
 * unreadable and the scan goes on with the next page.
 *
 * <p>With a {@link QuickReading}, a page it allows is first read quickly: every operator is still run (so images
 * and forms are found as in a full reading), but text is only decoded, one text-showing operator at a time, with
 * no positions, lines or words worked out. A page is settled by what one operator draws (a bundle's own stamp,
 * "Page 5 of 1,145"); any other page, or one the quick reading cannot read, is read again in full. Laying out a
 * page's text was most of the time a check of a bundle of merged documents took. The one place the two readings
 * can differ: a full reading would join a letter or digit drawn touching the operator's text by another operator
 * ("Page 5 of 1,145" then "7" right after it) into one word; the quick reading takes the operator's own words.
 *
 * <p>A quick reading decodes nothing while it runs the page: it notes each text-showing operator with the font it
 * names, and at the end of the page decodes them last first. A bundle draws its stamp last, so one decoding settles
 * the page, and the fonts of a merged document (parsed, each, when first used) are never loaded: a check of 1,000
 * merged pages spent a third of its time loading the documents' fonts and decoding their text.
 */
final class PageScanner extends PDFTextStripper {
    /** What the scan found on one page (1-based number). */
    interface Listener {
        void page(int pageNumber, String text, List<ImagePlacement> images);

        void unreadable(int pageNumber, String reason);

        /** The smallest size (points, as drawn) of any visible character on the page; not called for a page without text. */
        default void smallestText(int pageNumber, float points) {
        }
    }

    /** Which pages may be read quickly, and what settles one. Called from the thread that scans. */
    interface QuickReading {
        /** Whether page {@code pageNumber} may be settled without its full text (its text sizes are not asked for). */
        boolean allowed(int pageNumber);

        /** Whether {@code drawn}, the text one text-showing operator draws on the page, settles the page. */
        boolean settles(int pageNumber, CharSequence drawn);
    }

    /** Forms drawing forms this deep are hostile or broken; stop following them. */
    private static final int MAX_FORM_DEPTH = 24;

    private final StringWriter pageText = new StringWriter();
    private final List<ImagePlacement> pageImages = new ArrayList<>();
    private Listener listener;
    private PDDocument document;
    /** Null for a full reading of every page. */
    private QuickReading quick;
    /** The current page is being read quickly. */
    private boolean quickPage;
    /** What the current text-showing operator draws, in a quick reading. */
    private final StringBuilder drawn = new StringBuilder();
    /** What settled the current page in a quick reading, or null. */
    private String settledBy;
    /** In a quick reading: the font the last "Tf" named, not yet loaded; null when the text state's own font holds. */
    private NamedFont namedFont;
    /** In a quick reading: {@link #namedFont} as each "q" left it, for the "Q" that ends it. */
    private final ArrayDeque<Optional<NamedFont>> savedFonts = new ArrayDeque<>();
    /** In a quick reading: what each text-showing operator drew, undecoded, in drawing order. */
    private final List<DrawnText> drawnTexts = new ArrayList<>();
    private int formDepth;
    /** The smallest text on the current page so far, in points; infinity before the first character. */
    private float smallest = Float.POSITIVE_INFINITY;

    private PageScanner(boolean sortByPosition) {
        setSortByPosition(sortByPosition);
        setLineSeparator("\n");
        // The rules ask whether a page has text and which numbers it shows, never how many times a glyph is
        // drawn: finding glyphs drawn twice over (a fake-bold) keeps a sorted map of every glyph's position,
        // which was most of the time a check of a 1,000-page bundle took.
        setSuppressDuplicateOverlappingText(false);
    }

    /**
     * Scans pages {@code first..last} (1-based, inclusive). {@code sortByPosition} puts text on one baseline on
     * one line whatever order it was drawn in (slower; needed to read table rows).
     */
    static void scan(PDDocument document, int first, int last, boolean sortByPosition, Listener listener) {
        scan(document, first, last, sortByPosition, null, listener);
    }

    /** Scans pages {@code first..last} in content order, reading quickly the pages {@code quick} allows. */
    static void scan(PDDocument document, int first, int last, QuickReading quick, Listener listener) {
        scan(document, first, last, false, quick, listener);
    }

    private static void scan(PDDocument document, int first, int last, boolean sortByPosition, QuickReading quick,
                             Listener listener) {
        PageScanner scanner = new PageScanner(sortByPosition);
        scanner.listener = listener;
        scanner.document = document;
        scanner.quick = quick;
        int start = first;
        while (start <= last) {
            scanner.setStartPage(start);
            scanner.setEndPage(last);
            try {
                scanner.writeText(document, scanner.pageText);
                return;
            } catch (IOException | RuntimeException | StackOverflowError e) {
                int failed = Math.max(start, scanner.getCurrentPageNo());
                if (quick != null) {
                    scan(document, failed, failed, false, null, listener); // reports the page, or why it cannot be read
                } else {
                    listener.unreadable(failed, PdfFiles.reason(e));
                }
                start = failed + 1;
            }
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        pageText.getBuffer().setLength(0);
        pageImages.clear();
        formDepth = 0;
        smallest = Float.POSITIVE_INFINITY;
        quickPage = quick != null && quick.allowed(getCurrentPageNo());
        settledBy = null;
        namedFont = null;
        savedFonts.clear();
        drawnTexts.clear();
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        output.flush();
        if (quickPage) {
            settleFromTheLastDrawn();
            drawnTexts.clear();
            if (settledBy != null) {
                listener.page(getCurrentPageNo(), settledBy, List.copyOf(pageImages));
            } else {
                scan(document, getCurrentPageNo(), getCurrentPageNo(), false, null, listener);
            }
            pageImages.clear();
            return;
        }
        listener.page(getCurrentPageNo(), pageText.toString(), List.copyOf(pageImages));
        if (smallest != Float.POSITIVE_INFINITY) {
            listener.smallestText(getCurrentPageNo(), smallest);
        }
        pageText.getBuffer().setLength(0);
        pageImages.clear();
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        if (formDepth >= MAX_FORM_DEPTH) {
            return;
        }
        formDepth++;
        NamedFont before = namedFont;
        int saved = savedFonts.size();
        try {
            super.showForm(form);
        } finally {
            formDepth--;
            namedFont = before; // a form's graphics state ends with it
            while (savedFonts.size() > saved) {
                savedFonts.pop();
            }
        }
    }

    @Override
    public void saveGraphicsState() {
        super.saveGraphicsState();
        if (quickPage) {
            savedFonts.push(Optional.ofNullable(namedFont));
        }
    }

    @Override
    public void restoreGraphicsState() {
        super.restoreGraphicsState();
        if (quickPage && !savedFonts.isEmpty()) {
            namedFont = savedFonts.pop().orElse(null);
        }
    }

    /**
     * In a quick reading, only notes what the operator draws, for {@link #settleFromTheLastDrawn}: no glyph
     * positions, so the text matrix is not moved on (nothing in a quick reading depends on where text is; images
     * are placed by the graphics state).
     */
    @Override
    protected void showText(byte[] string) throws IOException {
        if (!quickPage) {
            super.showText(string);
            return;
        }
        if (namedFont != null) {
            drawnTexts.add(new DrawnText(namedFont, null, string));
        } else {
            PDFont font = getGraphicsState().getTextState().getFont();
            if (font != null) {
                drawnTexts.add(new DrawnText(null, font, string));
            }
        }
    }

    /** Decodes what the page's text operators drew, last first, until one settles the page. */
    private void settleFromTheLastDrawn() throws IOException {
        for (int i = drawnTexts.size() - 1; i >= 0 && settledBy == null; i--) {
            DrawnText text = drawnTexts.get(i);
            PDFont font = text.font() != null ? text.font() : text.named().resources().getFont(text.named().name());
            if (font == null) {
                continue;
            }
            drawn.setLength(0);
            InputStream codes = new ByteArrayInputStream(text.codes());
            while (codes.available() > 0) {
                String unicode = font.toUnicode(font.readCode(codes));
                if (unicode != null) {
                    drawn.append(unicode);
                }
            }
            if (quick.settles(getCurrentPageNo(), drawn)) {
                settledBy = drawn.toString();
            }
        }
    }

    /** A font a "Tf" named in {@code resources}, loaded only if what it drew is decoded. */
    private record NamedFont(PDResources resources, COSName name) {
    }

    /** The codes one text-showing operator drew, with its font: named (not loaded yet) or the text state's. */
    private record DrawnText(NamedFont named, PDFont font, byte[] codes) {
    }

    /** Text set in white space draws nothing a reader sees, so only visible characters count for the size. */
    @Override
    protected void processTextPosition(TextPosition text) {
        String unicode = text.getUnicode();
        if (unicode != null && !unicode.isBlank()) {
            float size = text.getFontSizeInPt();
            if (size > 0 && size < smallest) {
                smallest = size;
            }
        }
        super.processTextPosition(text);
    }

    /** The text stripper ignores images; note each one drawn with "Do" before the usual processing. */
    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (quickPage && "Tf".equals(operator.getName()) && operands.size() >= 2
                && operands.get(0) instanceof COSName name && operands.get(1) instanceof COSNumber size) {
            // Note the font by name; it is loaded only if what it draws has to be decoded.
            namedFont = new NamedFont(getResources(), name);
            getGraphicsState().getTextState().setFontSize(size.floatValue());
            return;
        }
        if (quickPage && "gs".equals(operator.getName())) {
            PDTextState textState = getGraphicsState().getTextState();
            PDFont before = textState.getFont();
            textState.setFont(null);
            super.processOperator(operator, operands);
            if (textState.getFont() != null) {
                namedFont = null; // the graphics state set a font of its own
            } else {
                textState.setFont(before);
            }
            return;
        }
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
            PDResources resources = getResources();
            if (resources != null && resources.isImageXObject(name)) {
                PDXObject xobject = resources.getXObject(name);
                if (xobject instanceof PDImageXObject image) {
                    placed(image.getWidth(), image.getHeight());
                }
                return;
            }
        }
        super.processOperator(operator, operands);
    }

    /** Inline images ("BI ... ID ... EI") are operators the text stripper does not handle. */
    @Override
    protected void unsupportedOperator(Operator operator, List<COSBase> operands) throws IOException {
        if ("BI".equals(operator.getName()) && operator.getImageParameters() != null) {
            COSDictionary params = operator.getImageParameters();
            placed(params.getInt(COSName.W, params.getInt(COSName.WIDTH, 0)),
                    params.getInt(COSName.H, params.getInt(COSName.HEIGHT, 0)));
        }
    }

    /**
     * An image fills the unit square of the current transformation matrix, so its drawn width and height are
     * the lengths of the matrix's first two row vectors (whatever the rotation or mirroring).
     */
    private void placed(int pixelWidth, int pixelHeight) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double width = Math.hypot(ctm.getValue(0, 0), ctm.getValue(0, 1));
        double height = Math.hypot(ctm.getValue(1, 0), ctm.getValue(1, 1));
        pageImages.add(new ImagePlacement(getCurrentPageNo(), pixelWidth, pixelHeight, width, height));
    }
}
