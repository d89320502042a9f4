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
    private static final int TYPE_ASCII = 2;
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
        byte[] jpeg = jpeg();
        byte[] tiff = tiff(make, model, dateTimeOriginal, offset);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + exifHeader.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength).put(exifHeader).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
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
    private static byte[] tiff(String make, String model, String dateTimeOriginal, String offset) {
        List<Entry> exif = new ArrayList<>();
        exif.add(Entry.ascii(TAG_DATETIME_ORIGINAL, dateTimeOriginal));
        if (offset != null) {
            exif.add(Entry.ascii(TAG_OFFSET_TIME_ORIGINAL, offset));
        }
        List<Entry> ifd0 = new ArrayList<>();
        ifd0.add(Entry.ascii(TAG_MAKE, make));
        ifd0.add(Entry.ascii(TAG_MODEL, model));
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
