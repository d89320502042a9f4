package org.casebook.bundle;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A full-page screenshot printed across as many pages as it needs: drawn the full text width, top to bottom, cut
 * into page-high strips, never squeezed onto one page (a tall page scaled to fit would be unreadable). A
 * screenshot wider than {@value PrintImages#MAX_DPI} dpi at that width is scaled down to
 * {@value PrintImages#PRINT_DPI} dpi first. Strips are stored losslessly: a page's text must stay sharp.
 */
final class ScreenshotPages {
    /** Below this much room left on a page, the next strip starts a new page. */
    private static final float MIN_STRIP = 120;

    /** The screenshot's bytes could not be decoded as a picture. */
    static final class Unreadable extends Exception {
        Unreadable() {
            super("the screenshot could not be decoded");
        }
    }

    private final PageWriter w;
    private final Originals originals;

    ScreenshotPages(PageWriter w, Originals originals) {
        this.w = w;
        this.originals = originals;
    }

    void draw(String pngSha256) throws IOException, Unreadable {
        // Strips are decoded one at a time from the compressed picture, so a page 30,000 pixels tall never sits in
        // memory whole (it would be over 150 MB decoded).
        byte[] png = originals.read(pngSha256, InputStream::readAllBytes);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new Unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                draw(reader);
            } catch (javax.imageio.IIOException e) {
                throw new Unreadable();
            } finally {
                reader.dispose();
            }
        }
    }

    private void draw(ImageReader reader) throws IOException, Unreadable {
        int fullW = reader.getWidth(0);
        int fullH = reader.getHeight(0);
        if (fullW < 1 || fullH < 1) {
            throw new Unreadable();
        }
        float width = PageWriter.WIDTH;
        int shotW = fullW;
        int shotH = fullH;
        if (fullW / (width / 72f) > PrintImages.MAX_DPI) {
            shotW = Math.round(width / 72f * PrintImages.PRINT_DPI);
            shotH = Math.max(1, Math.round((float) fullH * shotW / fullW));
        }
        float pointsPerPixel = width / shotW;
        String intro = "Screenshot of the whole page as captured (" + fullW + " x " + fullH + " pixels), drawn from"
                + " the archived copy, not the live page" + (shotW == fullW ? "" : ", printed at "
                + (int) PrintImages.PRINT_DPI + " dpi") + ". It runs top to bottom across the following strips;"
                + " each says which part of the page it shows.";
        w.paragraph(intro, PageWriter.SMALL);
        w.gap(4);
        float captionH = w.lineHeight(PageWriter.SMALL) + 4;
        int row = 0;
        while (row < shotH) {
            float room = w.y() - PageWriter.BOTTOM - captionH - 2;
            int rowsLeft = shotH - row;
            if (room < Math.min(MIN_STRIP, rowsLeft * pointsPerPixel)) {
                w.newPage();
                room = w.y() - PageWriter.BOTTOM - captionH - 2;
            }
            int rows = Math.min(rowsLeft, Math.max(1, (int) Math.floor(room / pointsPerPixel)));
            float h = rows * pointsPerPixel;
            float top = w.y();
            PDImageXObject strip = LosslessFactory.createFromImage(w.document(),
                    strip(reader, fullW, fullH, shotW, shotH, row, rows));
            w.stream().drawImage(strip, PageWriter.LEFT, top - h, width, h);
            w.stream().setStrokingColor(0.6f);
            w.stream().setLineWidth(0.5f);
            w.stream().addRect(PageWriter.LEFT, top - h, width, h);
            w.stream().stroke();
            w.y(top - h - 2);
            w.paragraph(caption(row, rows, shotH), PageWriter.SMALL);
            row += rows;
        }
    }

    /** "Screenshot: the top 52% of the page" or "... from 52% to 100% of the page's height". */
    private static String caption(int from, int rows, int height) {
        long start = Math.round(100.0 * from / height);
        long end = Math.round(100.0 * (from + rows) / height);
        if (from == 0 && rows == height) {
            return "Screenshot: the whole page.";
        }
        return from == 0 ? String.format(Locale.ROOT, "Screenshot: the top %d%% of the page; it continues below.", end)
                : from + rows >= height
                ? String.format(Locale.ROOT, "Screenshot: from %d%% of the page's height to its end.", start)
                : String.format(Locale.ROOT, "Screenshot: from %d%% to %d%% of the page's height; it continues"
                + " below.", start, end);
    }

    /**
     * Rows {@code from} to {@code from + rows} of the printed picture ({@code shotW} x {@code shotH}), decoded from the
     * matching rows of the original and drawn opaque (a strip with an alpha channel would need a soft mask).
     */
    private static BufferedImage strip(ImageReader reader, int fullW, int fullH, int shotW, int shotH, int from,
                                       int rows) throws IOException {
        int srcFrom = (int) Math.min(fullH - 1, (long) from * fullH / shotH);
        int srcTo = (int) Math.max(srcFrom + 1, Math.min(fullH, ((long) (from + rows) * fullH + shotH - 1) / shotH));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle(0, srcFrom, fullW, srcTo - srcFrom));
        return PrintImages.onWhite(reader.read(0, param), shotW, rows);
    }
}
