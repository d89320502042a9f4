package org.casebook.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a photo into its print rendition: upright (EXIF orientation applied), sRGB without alpha, at most
 * {@value PrintRenditions#MAX_EDGE} px on the long edge, JPEG quality 0.85.
 *
 * <p>Cheap by design: the decoder skips pixels ({@link ImageReadParam#setSourceSubsampling}) so a 12 MP photo
 * is never held at full size. Only memory-backed image streams are used: ImageIO's default stream cache
 * would write the decoded evidence to a temp file.
 */
final class PrintImageEncoder {
    static final float QUALITY = 0.85f;
    /**
     * Subsampling keeps a whole-number fraction of the pixels; this is the smallest long edge accepted from
     * it (about 210 dpi across A4's printable width). Below it the image is decoded less sparsely and scaled.
     */
    static final int MIN_SUBSAMPLED_EDGE = 1600;
    /** Refuses decompression bombs (a few bytes claiming a gigapixel) before any pixel is decoded. */
    static final long MAX_PIXELS = 250_000_000L;

    /** What became of one image. */
    sealed interface Result permits Rendered, Undecodable {
    }

    record Rendered(byte[] jpeg, int width, int height) implements Result {
    }

    /** @param note why there is no rendition, in words for the bundle's log (never the content) */
    record Undecodable(String note) implements Result {
    }

    private PrintImageEncoder() {
    }

    static Result render(MediaInspector.Source source, String mediaType) {
        int orientation = orientation(source);
        BufferedImage decoded;
        try (InputStream in = source.open(); ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return new Undecodable("no print rendition: this Java runtime cannot decode " + mediaType
                        + " pictures; the original is kept and shown as a file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    return new Undecodable("no print rendition: the picture claims " + width + " x " + height
                            + " pixels, more than Casebook decodes");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(Math.max(width, height));
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Undecodable("no print rendition: the " + mediaType + " picture could not be decoded ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        BufferedImage upright = upright(decoded, orientation);
        try {
            return new Rendered(encode(upright), upright.getWidth(), upright.getHeight());
        } catch (IOException e) {
            return new Undecodable("no print rendition: the JPEG encoder failed (" + e.getMessage() + ")");
        }
    }

    /** The largest whole step that still leaves a long edge of at least MIN_SUBSAMPLED_EDGE. */
    static int subsampling(int longEdge) {
        int max = PrintRenditions.MAX_EDGE;
        if (longEdge <= max) {
            return 1;
        }
        int step = (longEdge + max - 1) / max; // the first step that fits without scaling
        while (step > 1 && longEdge / step < MIN_SUBSAMPLED_EDGE) {
            step--;
        }
        return step;
    }

    /** The EXIF orientation (1 to 8), 1 when the file has none or it cannot be read. */
    private static int orientation(MediaInspector.Source source) {
        try (InputStream in = source.open()) {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int value = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | MetadataException | com.drew.imaging.ImageProcessingException | RuntimeException e) {
            // No readable orientation: the picture is shown as stored.
        }
        return 1;
    }

    /**
     * Applies the orientation, the remaining downscale and the move to opaque sRGB in one drawing pass, or
     * none when the decoded image already is all three.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) PrintRenditions.MAX_EDGE / Math.max(w, h));
        boolean plainRgb = (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getColorModel().getColorSpace().isCS_sRGB();
        if (orientation == 1 && scale == 1.0 && plainRgb) {
            return image;
        }
        boolean swap = orientation >= 5;
        int outW = (int) Math.max(1, Math.round((swap ? h : w) * scale));
        int outH = (int) Math.max(1, Math.round((swap ? w : h) * scale));
        AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
        t.concatenate(orientationTransform(orientation, w, h));
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE); // transparent areas print as paper
            g.fillRect(0, 0, outW, outH);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Maps the stored picture (w x h) to the upright one, per the EXIF orientation values. */
    static AffineTransform orientationTransform(int orientation, int w, int h) {
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // needs a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // needs a quarter turn anticlockwise
            default -> new AffineTransform();
        };
    }

    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
