package org.casebook.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Pictures carrying what a phone writes into them: GPS position, camera make, model and serial number, a maker
 * note, a thumbnail, XMP with the position again, a comment, and (for JPEG) data after the picture's end, as
 * "motion photos" append. Built byte by byte so each piece is where a real phone puts it.
 */
public final class Exif {
    public static final String MAKE = "Acme";
    public static final String MODEL = "Phone 12 Pro";
    public static final String SERIAL = "SN-4471-0093";
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int UNDEFINED = 7;
    private static final int BYTE = 1;

    private Exif() {
    }

    /** One IFD entry's type, count and value bytes (big-endian). */
    private record Value(int type, int count, byte[] data) {
        static Value ascii(String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Value(ASCII, b.length, b);
        }

        static Value shorts(int... v) {
            ByteBuffer b = ByteBuffer.allocate(2 * v.length);
            for (int x : v) {
                b.putShort((short) x);
            }
            return new Value(SHORT, v.length, b.array());
        }

        static Value longs(long... v) {
            ByteBuffer b = ByteBuffer.allocate(4 * v.length);
            for (long x : v) {
                b.putInt((int) x);
            }
            return new Value(LONG, v.length, b.array());
        }

        static Value bytes(int... v) {
            byte[] b = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                b[i] = (byte) v[i];
            }
            return new Value(BYTE, v.length, b);
        }

        static Value undefined(byte[] b) {
            return new Value(UNDEFINED, b.length, b);
        }

        /** Degrees as degrees, minutes and seconds (hundredths), as phones write them. */
        static Value dms(double degrees) {
            double a = Math.abs(degrees);
            long d = (long) a;
            long m = (long) ((a - d) * 60);
            long s = Math.round(((a - d) * 60 - m) * 60 * 100);
            ByteBuffer b = ByteBuffer.allocate(24);
            b.putInt((int) d).putInt(1).putInt((int) m).putInt(1).putInt((int) s).putInt(100);
            return new Value(RATIONAL, 3, b.array());
        }
    }

    /**
     * The TIFF block of an EXIF segment: IFD0 (make, model, orientation), the Exif IFD (capture time, serial
     * number, lens, maker note), the GPS IFD, and IFD1 with a JPEG thumbnail.
     */
    public static byte[] tiff(double lat, double lon, String dateTimeOriginal) {
        Map<Integer, Value> ifd0 = new TreeMap<>();
        ifd0.put(0x010F, Value.ascii(MAKE));
        ifd0.put(0x0110, Value.ascii(MODEL));
        ifd0.put(0x0112, Value.shorts(1));
        ifd0.put(0x0131, Value.ascii("Phone OS 17.2"));
        Map<Integer, Value> exif = new TreeMap<>();
        exif.put(0x9003, Value.ascii(dateTimeOriginal));
        exif.put(0x9011, Value.ascii("+00:00"));
        exif.put(0x927C, Value.undefined(("Apple iOS\0\0\1MM" + "maker note of " + SERIAL).getBytes(
                StandardCharsets.US_ASCII)));
        exif.put(0xA431, Value.ascii(SERIAL));
        exif.put(0xA434, Value.ascii(MODEL + " back camera 5.1mm f/1.6"));
        Map<Integer, Value> gps = new TreeMap<>();
        gps.put(0x0000, Value.bytes(2, 3, 0, 0));
        gps.put(0x0001, Value.ascii(lat >= 0 ? "N" : "S"));
        gps.put(0x0002, Value.dms(lat));
        gps.put(0x0003, Value.ascii(lon >= 0 ? "E" : "W"));
        gps.put(0x0004, Value.dms(lon));
        byte[] thumbnail = Images.encodeJpeg(Images.photo(160, 120, 3), 0.7f);

        // layout: header, IFD0, Exif IFD, GPS IFD, IFD1, thumbnail; pointers need the sizes first
        int ifd0At = 8;
        int ifd0Size = size(ifd0, 2);
        int exifAt = ifd0At + ifd0Size;
        int exifSize = size(exif, 0);
        int gpsAt = exifAt + exifSize;
        int gpsSize = size(gps, 0);
        int ifd1At = gpsAt + gpsSize;
        Map<Integer, Value> ifd1 = new TreeMap<>();
        ifd1.put(0x0103, Value.shorts(6));
        ifd1.put(0x0201, Value.longs(0)); // filled below
        ifd1.put(0x0202, Value.longs(thumbnail.length));
        int ifd1Size = size(ifd1, 0);
        int thumbAt = ifd1At + ifd1Size;
        ifd1.put(0x0201, Value.longs(thumbAt));
        ifd0.put(0x8769, Value.longs(exifAt));
        ifd0.put(0x8825, Value.longs(gpsAt));

        ByteBuffer b = ByteBuffer.allocate(thumbAt + thumbnail.length);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0At);
        write(b, ifd0At, ifd0, ifd1At);
        write(b, exifAt, exif, 0);
        write(b, gpsAt, gps, 0);
        write(b, ifd1At, ifd1, 0);
        b.position(thumbAt);
        b.put(thumbnail);
        return b.array();
    }

    private static int size(Map<Integer, Value> ifd, int pointersToAdd) {
        int data = 0;
        for (Value v : ifd.values()) {
            if (v.data().length > 4) {
                data += (v.data().length + 1) & ~1;
            }
        }
        return 2 + 12 * (ifd.size() + pointersToAdd) + 4 + data;
    }

    private static void write(ByteBuffer b, int at, Map<Integer, Value> ifd, int next) {
        int dataAt = at + 2 + 12 * ifd.size() + 4;
        b.position(at);
        b.putShort((short) ifd.size());
        for (Map.Entry<Integer, Value> e : ifd.entrySet()) {
            Value v = e.getValue();
            b.putShort(e.getKey().shortValue()).putShort((short) v.type()).putInt(v.count());
            if (v.data().length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(v.data(), 0, inline, 0, v.data().length);
                b.put(inline);
            } else {
                b.putInt(dataAt);
                int here = b.position();
                b.position(dataAt);
                b.put(v.data());
                dataAt += (v.data().length + 1) & ~1;
                b.position(here);
            }
        }
        b.putInt(next);
    }

    /** XMP as cameras and editors write it: the position and the camera again. */
    public static String xmp(double lat, double lon, String note) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\""
                + " xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " exif:GPSLatitude=\"" + dm(lat, "N", "S") + "\" exif:GPSLongitude=\"" + dm(lon, "E", "W") + "\""
                + " tiff:Make=\"" + MAKE + "\" tiff:Model=\"" + MODEL + "\">"
                + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + note + "</rdf:li></rdf:Alt></dc:description>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
    }

    private static String dm(double degrees, String positive, String negative) {
        double a = Math.abs(degrees);
        int d = (int) a;
        return d + "," + String.format(java.util.Locale.ROOT, "%.4f", (a - d) * 60) + (degrees >= 0 ? positive : negative);
    }

    /**
     * A phone's JPEG: APP1 EXIF (with GPS, serial, maker note, thumbnail), APP1 XMP, APP13 IPTC with the city, a
     * comment, the picture, and after its end a trailer naming the place (as motion photos carry a video).
     */
    public static byte[] phoneJpeg(double lat, double lon, String place, String dateTimeOriginal) {
        byte[] jpeg = Images.encodeJpeg(Images.photo(640, 480, 11), 0.85f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff(lat, lon, dateTimeOriginal)));
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                xmp(lat, lon, "Taken at " + place).getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xED, photoshopIptc(place));
        segment(out, 0xFE, ("Taken at " + place).getBytes(StandardCharsets.UTF_8));
        // the encoder's own segments (JFIF, tables, frame, scan) and the picture, through EOI
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] trailer = ("MotionPhoto_Data\0location=" + place + ";camera=" + MODEL + ";serial=" + SERIAL)
                .getBytes(StandardCharsets.UTF_8);
        out.write(trailer, 0, trailer.length);
        return out.toByteArray();
    }

    /** An APP13 "Photoshop 3.0" segment holding one IPTC record: the city. */
    private static byte[] photoshopIptc(String city) {
        byte[] cityBytes = city.getBytes(StandardCharsets.UTF_8);
        ByteBuffer iptc = ByteBuffer.allocate(5 + cityBytes.length);
        iptc.put((byte) 0x1C).put((byte) 2).put((byte) 90).putShort((short) cityBytes.length).put(cityBytes);
        byte[] record = iptc.array();
        int padded = (record.length + 1) & ~1;
        ByteBuffer irb = ByteBuffer.allocate(4 + 2 + 2 + 4 + padded);
        irb.put("8BIM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0x0404).putShort((short) 0)
                .putInt(record.length).put(record);
        return concat("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII), irb.array());
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload, 0, payload.length);
    }

    /** A PNG with the EXIF block (eXIf), a text comment naming the place (tEXt) and XMP (iTXt). */
    public static byte[] phonePng(double lat, double lon, String place, String dateTimeOriginal) {
        byte[] png = Images.png();
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        chunk(out, "eXIf", tiff(lat, lon, dateTimeOriginal));
        chunk(out, "tEXt", ("Comment\0Taken at " + place).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp(lat, lon, "Taken at " + place).getBytes(StandardCharsets.UTF_8)));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xE8, 3, 14, 21, 15, 0});
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
        out.write(length.array(), 0, 4);
        out.write(t, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
    }

    /** A 1x1 lossless WebP (the well-known smallest one), given VP8X, EXIF and XMP chunks. */
    public static byte[] phoneWebp(double lat, double lon, String place, String dateTimeOriginal) {
        byte[] smallest = java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        byte[] vp8l = java.util.Arrays.copyOfRange(smallest, 20, 20 + 13); // the VP8L chunk's 13 bytes
        Map<String, byte[]> chunks = new LinkedHashMap<>();
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
        chunks.put("VP8X", vp8x);
        chunks.put("VP8L", vp8l);
        chunks.put("EXIF", tiff(lat, lon, dateTimeOriginal));
        chunks.put("XMP ", xmp(lat, lon, "Taken at " + place).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> c : chunks.entrySet()) {
            body.writeBytes(c.getKey().getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(c.getValue().length)
                    .array());
            body.writeBytes(c.getValue());
            if (c.getValue().length % 2 == 1) {
                body.write(0);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        List<byte[]> list = new ArrayList<>(List.of(parts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
