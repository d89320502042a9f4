package org.casebook.bundle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.casebook.evidence.PrintImage;

/**
 * Photos as the bundle prints them: the print rendition made when the photo was stored (upright, sRGB, at most
 * {@value org.casebook.evidence.PrintRenditions#MAX_EDGE} px), whose JPEG bytes go into the PDF as they are.
 * A 12 MP original is never decoded here; it travels once, as the embedded file. Only when a rendition would
 * print above {@value #MAX_DPI} dpi at the size it is drawn is it decoded and scaled down to {@value #PRINT_DPI}.
 */
final class PrintImages {
    /** The e-bundle ceiling. */
    static final float MAX_DPI = 300;
    /** What an over-dense rendition is scaled to: sharp in print at a fraction of the size. */
    static final float PRINT_DPI = 200;
    private static final Set<String> PRINTABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

    private final Originals originals;

    PrintImages(Originals originals) {
        this.originals = originals;
    }

    static boolean canPrint(String mediaType) {
        return PRINTABLE.contains(mediaType);
    }

    /**
     * A photo ready to lay out: its rendition, and the original's pixel size turned the same way (for the
     * caption), or -1 x -1 when the original's header cannot be read.
     */
    record Picture(PrintImage rendition, int originalWidth, int originalHeight) {
        int width() {
            return rendition.width();
        }

        int height() {
            return rendition.height();
        }

        /** The smallest size in points at which it prints at no more than {@value #MAX_DPI} dpi. */
        float minWidthPoints() {
            return width() * 72f / MAX_DPI;
        }

        float minHeightPoints() {
            return height() * 72f / MAX_DPI;
        }
    }

    /** Empty when the photo has no rendition: it could not be decoded when it was stored. */
    Optional<Picture> find(String sha256) {
        Optional<PrintImage> rendition = originals.rendition(sha256);
        if (rendition.isEmpty()) {
            return Optional.empty();
        }
        PrintImage r = rendition.get();
        int[] size = originals.read(sha256, PrintImages::pixelSize);
        int w = size[0];
        int h = size[1];
        if ((w >= h) != (r.width() >= r.height())) { // the rendition was turned upright
            int t = w;
            w = h;
            h = t;
        }
        return Optional.of(new Picture(r, w, h));
    }

    /** The image to draw at {@code drawnWidth} x {@code drawnHeight} points, never above {@value #MAX_DPI} dpi. */
    PDImageXObject image(PDDocument document, Picture picture, float drawnWidth, float drawnHeight)
            throws IOException {
        if (drawnWidth >= picture.minWidthPoints() - 0.01f && drawnHeight >= picture.minHeightPoints() - 0.01f) {
            return JPEGFactory.createFromByteArray(document, picture.rendition().jpeg()); // no re-encoding
        }
        int targetW = Math.max(1, Math.round(drawnWidth / 72f * PRINT_DPI));
        int targetH = Math.max(1, Math.round(drawnHeight / 72f * PRINT_DPI));
        return JPEGFactory.createFromImage(document, scaled(picture.rendition(), targetW, targetH), 0.85f);
    }

    /** Decodes the rendition skipping pixels where it can, then scales to exactly the target size. */
    private static BufferedImage scaled(PrintImage rendition, int targetW, int targetH) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(rendition.open())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in, true, true);
                int sub = Math.max(1, Math.min(reader.getWidth(0) / targetW, reader.getHeight(0) / targetH));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                BufferedImage out = new BufferedImage(targetW, targetH, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = out.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, targetW, targetH);
                    g.drawImage(decoded, 0, 0, targetW, targetH, null);
                } finally {
                    g.dispose();
                }
                return out;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The stored width and height from the image header (only the first bytes are read), or -1 x -1. */
    private static int[] pixelSize(InputStream original) {
        // memory-backed: ImageIO's default stream cache would copy the evidence to a temp file
        try (ImageInputStream in = new MemoryCacheImageInputStream(original)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a header we cannot read: the caption leaves the size out
        }
        return new int[] {-1, -1};
    }
}
