package org.casebook.bundle;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The print rendition of a photo: the original read from the vault, turned upright by its EXIF orientation,
 * decoded with subsampling so a 12 MP JPEG costs little, scaled to at most 300 dpi at the size it is drawn, and
 * written as a JPEG. The one place the bundle loads photos (print renditions made at import will replace it).
 */
final class PrintImages {
    /** The e-bundle ceiling is 300 dpi; 200 dpi prints a photo sharply at a fraction of the decode and size. */
    static final float PRINT_DPI = 200;
    private static final Set<String> PRINTABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

    private final Originals originals;

    PrintImages(Originals originals) {
        this.originals = originals;
    }

    static boolean canPrint(String mediaType) {
        return PRINTABLE.contains(mediaType);
    }

    /** A picture drawn at most {@code maxWidth} x {@code maxHeight} points, and its upright pixel size. */
    record Rendition(PDImageXObject image, int width, int height) {
    }

    /** Null when the image cannot be decoded (the exhibit then gets a metadata page). */
    Rendition load(PDDocument document, String sha256, float maxWidth, float maxHeight) throws IOException {
        byte[] bytes = originals.bytes(sha256);
        int orientation = orientation(bytes);
        boolean quarterTurn = orientation >= 5;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                int uprightW = quarterTurn ? h : w;
                int uprightH = quarterTurn ? w : h;
                float scale = Math.min(1f, Math.min(maxWidth / uprightW, maxHeight / uprightH));
                // pixels wanted along the upright width; subsampling rounds up so the decode is never larger
                int targetW = Math.max(1, Math.round(uprightW * scale / 72f * PRINT_DPI));
                int sub = Math.max(1, (uprightW + targetW - 1) / targetW);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                BufferedImage upright = upright(decoded, orientation, Math.min(1.0, (double) targetW
                        / (quarterTurn ? decoded.getHeight() : decoded.getWidth())));
                return new Rendition(JPEGFactory.createFromImage(document, upright, 0.85f), uprightW, uprightH);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Turns, scales and flattens (no alpha in a JPEG) in one draw. */
    private static BufferedImage upright(BufferedImage image, int orientation, double scale) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean quarterTurn = orientation >= 5;
        int outW = (int) Math.max(1, Math.round((quarterTurn ? h : w) * scale));
        int outH = (int) Math.max(1, Math.round((quarterTurn ? w : h) * scale));
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, outW, outH);
        AffineTransform t = new AffineTransform();
        t.scale(scale, scale);
        switch (orientation) {
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            }
            default -> {
                // 1 (upright) and the rare mirrored orientations are drawn as stored
            }
        }
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** The EXIF orientation (1 when absent or unreadable); only 3, 6 and 8 are turned. */
    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o == 3 || o == 6 || o == 8 ? o : 1;
            }
        } catch (Exception e) {
            // unreadable metadata: show the picture as stored
        }
        return 1;
    }
}
