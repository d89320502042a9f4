package org.casebook.bundle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
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
        BufferedImage shot = originals.read(pngSha256, ImageIO::read);
        if (shot == null || shot.getWidth() < 1 || shot.getHeight() < 1) {
            throw new Unreadable();
        }
        int fullW = shot.getWidth();
        int fullH = shot.getHeight();
        float width = PageWriter.WIDTH;
        if (fullW / (width / 72f) > PrintImages.MAX_DPI) {
            int targetW = Math.round(width / 72f * PrintImages.PRINT_DPI);
            int targetH = Math.max(1, Math.round((float) fullH * targetW / fullW));
            shot = PrintImages.onWhite(shot, targetW, targetH);
        }
        float pointsPerPixel = width / shot.getWidth();
        String intro = "Screenshot of the whole page as captured (" + fullW + " x " + fullH + " pixels), drawn from"
                + " the archived copy, not the live page" + (shot.getWidth() == fullW ? "" : ", printed at "
                + (int) PrintImages.PRINT_DPI + " dpi") + ". It runs top to bottom across the following strips;"
                + " each says which part of the page it shows.";
        w.paragraph(intro, PageWriter.SMALL);
        w.gap(4);
        float captionH = w.lineHeight(PageWriter.SMALL) + 4;
        int row = 0;
        while (row < shot.getHeight()) {
            float room = w.y() - PageWriter.BOTTOM - captionH - 2;
            int rowsLeft = shot.getHeight() - row;
            if (room < Math.min(MIN_STRIP, rowsLeft * pointsPerPixel)) {
                w.newPage();
                room = w.y() - PageWriter.BOTTOM - captionH - 2;
            }
            int rows = Math.min(rowsLeft, Math.max(1, (int) Math.floor(room / pointsPerPixel)));
            float h = rows * pointsPerPixel;
            float top = w.y();
            PDImageXObject strip = LosslessFactory.createFromImage(w.document(), strip(shot, row, rows));
            w.stream().drawImage(strip, PageWriter.LEFT, top - h, width, h);
            w.stream().setStrokingColor(0.6f);
            w.stream().setLineWidth(0.5f);
            w.stream().addRect(PageWriter.LEFT, top - h, width, h);
            w.stream().stroke();
            w.y(top - h - 2);
            w.paragraph(caption(row, rows, shot.getHeight()), PageWriter.SMALL);
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

    /** The rows of the picture as an opaque RGB image (a strip with an alpha channel would need a soft mask). */
    private static BufferedImage strip(BufferedImage shot, int from, int rows) {
        BufferedImage out = new BufferedImage(shot.getWidth(), rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), rows);
            g.drawImage(shot.getSubimage(0, from, shot.getWidth(), rows), 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

}
