package org.casebook.bundle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
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

    static {
        // PDFBox's JPEGFactory and ImageIO's default streams would otherwise cache image bytes in temp files:
        // decrypted evidence on disk, and slower than memory.
        ImageIO.setUseCache(false);
    }

    private final Originals originals;

    PrintImages(Originals originals) {
        this.originals = originals;
    }

    static boolean canPrint(String mediaType) {
        return PRINTABLE.contains(mediaType);
    }

    /** A photo ready to lay out: its print rendition (upright; its pixel size is the picture's shape). */
    record Picture(PrintImage rendition) {
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
        // The original is not opened: reading even its header would decrypt a whole chunk of it.
        return originals.rendition(sha256).map(Picture::new);
    }

    /** The image to draw at {@code drawnWidth} x {@code drawnHeight} points, never above {@value #MAX_DPI} dpi. */
    PDImageXObject image(PDDocument document, Picture picture, float drawnWidth, float drawnHeight)
            throws IOException {
        if (drawnWidth >= picture.minWidthPoints() - 0.01f && drawnHeight >= picture.minHeightPoints() - 0.01f) {
            // The rendition's bytes as they are: no decode, no re-encode, no header parsing (its size is known).
            return new PDImageXObject(document, picture.rendition().open(), COSName.DCT_DECODE, picture.width(),
                    picture.height(), 8, PDDeviceRGB.INSTANCE);
        }
        int targetW = Math.max(1, Math.round(drawnWidth / 72f * PRINT_DPI));
        int targetH = Math.max(1, Math.round(drawnHeight / 72f * PRINT_DPI));
        return JPEGFactory.createFromImage(document, scaled(picture.rendition(), targetW, targetH), 0.85f);
    }

    /** {@code image} scaled to exactly {@code targetW} x {@code targetH}, as RGB on white (any transparency filled). */
    static BufferedImage onWhite(BufferedImage image, int targetW, int targetH) {
        BufferedImage out = new BufferedImage(targetW, targetH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, targetW, targetH);
            g.drawImage(image, 0, 0, targetW, targetH, null);
        } finally {
            g.dispose();
        }
        return out;
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
                return onWhite(reader.read(0, param), targetW, targetH);
            } finally {
                reader.dispose();
            }
        }
    }
}
