package org.casebook.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Small real images for attachment tests, with an EXIF block built by hand. */
public final class Images {
    private static final int TAG_MAKE = 0x010F;
    private static final int TAG_MODEL = 0x0110;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_DATETIME_ORIGINAL = 0x9003;
    private static final int TAG_OFFSET_TIME_ORIGINAL = 0x9011;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_ASCII = 2;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;

    private Images() {
    }

    public static byte[] jpeg() {
        return encode("jpg");
    }

    public static byte[] png() {
        return encode("png");
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 32, 24);
        g.setColor(Color.BLUE);
        g.fillOval(4, 4, 16, 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG whose APP1 segment holds: IFD0 with Make, Model and a pointer to the Exif sub-IFD, which holds
     * DateTimeOriginal and (when {@code offset} is not null) OffsetTimeOriginal.
     */
    public static byte[] jpegWithExif(String make, String model, String dateTimeOriginal, String offset) {
        return withExif(jpeg(), make, model, dateTimeOriginal, offset, 0);
    }

    /** {@code jpeg} with such an APP1 segment put after its SOI; {@code orientation} 0 leaves the tag out. */
    public static byte[] withExif(byte[] jpeg, String make, String model, String dateTimeOriginal, String offset,
                                  int orientation) {
        byte[] tiff = tiff(make, model, dateTimeOriginal, offset, orientation);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + exifHeader.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(exifHeader).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /**
     * A photograph-like picture: soft gradients, large blurred shapes and sensor-like noise, so that a
     * 4000 x 3000 JPEG at quality 0.9 is a few megabytes as a phone's is (a flat colour would be tiny and
     * decode unrealistically fast). The same seed gives the same picture.
     */
    public static BufferedImage photo(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        long x = seed * 0x9E3779B97F4A7C15L + 7;
        // A sine table instead of Math.sin per pixel: a 12 MP picture takes a fraction of a second.
        int[] sine = new int[4096];
        for (int k = 0; k < sine.length; k++) {
            sine[k] = (int) Math.round(Math.sin(2 * Math.PI * k / sine.length) * 60);
        }
        double fx = sine.length * (1.5 + (seed % 5)) / width;
        double fy = 2 * Math.PI * (1 + (seed % 3)) / height;
        for (int y = 0; y < height; y++) {
            double sy = Math.sin(y * fy);
            int shift = (int) (sy * 3 / (2 * Math.PI) * sine.length) + sine.length * 4;
            for (int i = 0; i < width; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                int noise = (int) (x & 31) - 16;
                int wave = sine[((int) (i * fx) + shift) & (sine.length - 1)];
                int r = clamp(90 + i * 100 / width + wave + noise);
                int g = clamp(110 + y * 90 / height - wave / 2 + (int) ((x >>> 8) & 31) - 16);
                int b = clamp(140 - i * 60 / width + (int) (sy * 50) + (int) ((x >>> 16) & 31) - 16);
                pixels[y * width + i] = (r << 16) | (g << 8) | b;
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, width / 8, height / 8); // marks the top-left corner, for orientation checks
        g.dispose();
        return image;
    }

    /** {@link #photo} as a JPEG at {@code quality}, with an EXIF capture time. */
    public static byte[] photoJpeg(int width, int height, long seed, float quality, String dateTimeOriginal,
                                   int orientation) {
        byte[] jpeg = encodeJpeg(photo(width, height, seed), quality);
        return withExif(jpeg, "Casebook", "Test Camera", dateTimeOriginal, null, orientation);
    }

    public static byte[] encodeJpeg(BufferedImage image, float quality) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new javax.imageio.stream.MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** A JPEG with an APP1 segment holding {@code payload} as given (for broken or hostile metadata). */
    public static byte[] jpegWithApp1(byte[] payload) {
        byte[] jpeg = jpeg();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private record Entry(int tag, int type, byte[] data, long value) {
        static Entry ascii(int tag, String text) {
            return new Entry(tag, TYPE_ASCII, (text + "\0").getBytes(StandardCharsets.US_ASCII), 0);
        }
    }

    /** Big-endian TIFF: header, IFD0, its data, the Exif IFD, its data. */
    private static byte[] tiff(String make, String model, String dateTimeOriginal, String offset, int orientation) {
        List<Entry> exif = new ArrayList<>();
        exif.add(Entry.ascii(TAG_DATETIME_ORIGINAL, dateTimeOriginal));
        if (offset != null) {
            exif.add(Entry.ascii(TAG_OFFSET_TIME_ORIGINAL, offset));
        }
        List<Entry> ifd0 = new ArrayList<>();
        ifd0.add(Entry.ascii(TAG_MAKE, make));
        ifd0.add(Entry.ascii(TAG_MODEL, model));
        if (orientation != 0) {
            ifd0.add(new Entry(TAG_ORIENTATION, TYPE_SHORT, null, orientation));
        }
        int ifd0Offset = 8;
        int ifd0Size = ifdSize(ifd0.size() + 1);
        int exifOffset = ifd0Offset + ifd0Size + dataSize(ifd0);
        ifd0.add(new Entry(TAG_EXIF_IFD, TYPE_LONG, null, exifOffset));
        int total = exifOffset + ifdSize(exif.size()) + dataSize(exif);
        ByteBuffer b = ByteBuffer.allocate(total); // big-endian by default
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0Offset);
        writeIfd(b, ifd0Offset, ifd0);
        writeIfd(b, exifOffset, exif);
        return b.array();
    }

    private static int ifdSize(int entries) {
        return 2 + 12 * entries + 4;
    }

    private static int dataSize(List<Entry> entries) {
        int size = 0;
        for (Entry e : entries) {
            if (e.data() != null && e.data().length > 4) {
                size += (e.data().length + 1) & ~1;
            }
        }
        return size;
    }

    private static void writeIfd(ByteBuffer b, int at, List<Entry> entries) {
        int dataAt = at + ifdSize(entries.size());
        b.position(at);
        b.putShort((short) entries.size());
        for (Entry e : entries) {
            b.putShort((short) e.tag()).putShort((short) e.type());
            if (e.type() == TYPE_LONG) {
                b.putInt(1).putInt((int) e.value());
            } else if (e.type() == TYPE_SHORT) {
                b.putInt(1).putShort((short) e.value()).putShort((short) 0);
            } else {
                b.putInt(e.data().length);
                if (e.data().length <= 4) {
                    byte[] inline = new byte[4];
                    System.arraycopy(e.data(), 0, inline, 0, e.data().length);
                    b.put(inline);
                } else {
                    b.putInt(dataAt);
                    int here = b.position();
                    b.position(dataAt);
                    b.put(e.data());
                    dataAt += (e.data().length + 1) & ~1;
                    b.position(here);
                }
            }
        }
        b.putInt(0); // no next IFD
    }
}
