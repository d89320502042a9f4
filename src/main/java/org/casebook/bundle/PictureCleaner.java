package org.casebook.bundle;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Copies a picture without the details that say where it was taken and with what: for a redacted copy, whose
 * reader may be the person the witness fears. Only what is needed to show the picture is kept, everything else
 * goes (a list of what to keep, not of what to remove, so a detail nobody thought of goes too):
 * <ul>
 * <li>JPEG: the frame, tables and scans, the colour profile (APP2 ICC_PROFILE), Adobe's colour transform (APP14)
 * and JFIF's density (without its thumbnail). EXIF, XMP, IPTC/Photoshop, maker notes, thumbnails, comments,
 * multi-picture data and anything after the picture's end (motion photos' video) go. A fresh, minimal EXIF block
 * keeps the orientation (so the picture shows the right way up) and the time it was taken (evidence, not a
 * place).
 * <li>PNG: the image and colour chunks; eXIf, text, XMP, time and unknown chunks go.
 * <li>WebP: the image, alpha, animation and colour-profile chunks; EXIF and XMP go.
 * </ul>
 * Any other kind of picture is not cleaned: {@link #cleanable} says which.
 */
final class PictureCleaner {
    /** A WebP is rewritten in memory (its header holds its length); larger ones are withheld instead. */
    static final int MAX_WEBP_BYTES = 64 * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi");
    private static final Set<String> WEBP_KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The picture's structure could not be followed: it is withheld rather than sent with its details. */
    static final class NotCleanable extends IOException {
        NotCleanable(String message) {
            super(message);
        }
    }

    private PictureCleaner() {
    }

    static boolean cleanable(String mediaType) {
        return mediaType != null && TYPES.contains(mediaType);
    }

    /** Writes the cleaned copy of the picture read from {@code in} to {@code out}; reads no further than needed. */
    static void clean(String mediaType, InputStream in, OutputStream out) throws IOException {
        switch (mediaType) {
            case "image/jpeg" -> jpeg(new BufferedInputStream(in, 64 * 1024), out);
            case "image/png" -> png(new DataInputStream(new BufferedInputStream(in, 64 * 1024)), out);
            case "image/webp" -> webp(in, out);
            default -> throw new NotCleanable("not a kind of picture Casebook can clean: " + mediaType);
        }
    }

    // ---- JPEG ----

    private static void jpeg(InputStream in, OutputStream out) throws IOException {
        if (in.read() != 0xFF || in.read() != 0xD8) {
            throw new NotCleanable("not a JPEG");
        }
        out.write(0xFF);
        out.write(0xD8);
        boolean exifWritten = false;
        int marker = nextMarker(in);
        while (true) {
            if (marker == 0xD9) { // EOI: the picture ends; whatever follows (a motion photo's video) stays behind
                out.write(0xFF);
                out.write(0xD9);
                return;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                marker = nextMarker(in);
                continue;
            }
            int length = (read(in) << 8) | read(in);
            if (length < 2) {
                throw new NotCleanable("a JPEG segment with a bad length");
            }
            byte[] payload = in.readNBytes(length - 2);
            if (payload.length != length - 2) {
                throw new NotCleanable("the JPEG ends inside a segment");
            }
            if (marker == 0xE1 && !exifWritten && startsWith(payload, "Exif\0")) {
                byte[] kept = minimalExif(payload);
                if (kept != null) {
                    segment(out, 0xE1, kept);
                }
                exifWritten = true;
            } else if (keep(marker, payload)) {
                segment(out, marker, marker == 0xE0 ? jfixWithoutThumbnail(payload) : payload);
            }
            if (marker == 0xDA) { // SOS: the entropy-coded scan follows, up to the next real marker
                marker = copyScan(in, out);
            } else {
                marker = nextMarker(in);
            }
        }
    }

    private static boolean keep(int marker, byte[] payload) {
        if (marker == 0xE0) {
            return startsWith(payload, "JFIF\0") && payload.length >= 14;
        }
        if (marker == 0xE2) {
            return startsWith(payload, "ICC_PROFILE\0");
        }
        if (marker == 0xEE) {
            return startsWith(payload, "Adobe");
        }
        // every other application segment (EXIF, XMP, IPTC, maker data, multi-picture, JUMBF) and comments go
        return !(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE;
    }

    /** JFIF's fixed part, with its thumbnail (which may show what was cropped away) dropped. */
    private static byte[] jfixWithoutThumbnail(byte[] payload) {
        byte[] fixed = Arrays.copyOf(payload, 14);
        fixed[12] = 0;
        fixed[13] = 0;
        return fixed;
    }

    private static int nextMarker(InputStream in) throws IOException {
        int b = read(in);
        if (b != 0xFF) {
            throw new NotCleanable("the JPEG has data where a marker should be");
        }
        do {
            b = read(in);
        } while (b == 0xFF); // fill bytes
        return b;
    }

    /** Copies a scan's entropy-coded data (stuffed bytes and restart markers included); returns the marker after. */
    private static int copyScan(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int b = read(in);
            if (b != 0xFF) {
                out.write(b);
                continue;
            }
            int next = read(in);
            while (next == 0xFF) {
                next = read(in);
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
            } else {
                return next;
            }
        }
    }

    private static void segment(OutputStream out, int marker, byte[] payload) throws IOException {
        if (payload.length + 2 > 0xFFFF) {
            throw new NotCleanable("a JPEG segment too long to write");
        }
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.write(payload);
    }

    /**
     * A new EXIF payload holding only the orientation and the capture time (with its offset), read from the
     * original's EXIF; null when it holds neither (or cannot be read: then nothing of it is kept).
     */
    static byte[] minimalExif(byte[] app1) {
        Metadata metadata = new Metadata();
        try {
            new ExifReader().extract(new ByteArrayReader(app1), metadata, 6);
        } catch (RuntimeException e) {
            return null;
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        String taken = sub == null ? null : ascii(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL), 19);
        String offset = sub == null ? null : ascii(sub.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL), 6);
        if ((orientation == null || orientation < 1 || orientation > 8) && taken == null) {
            return null;
        }
        return tiffWithTimeAndOrientation(orientation != null && orientation >= 1 && orientation <= 8
                ? orientation : 0, taken, taken == null ? null : offset);
    }

    /** Only plain printable ASCII of the expected length is copied: nothing else can ride along in it. */
    private static String ascii(String value, int length) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() == length && v.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? v : null;
    }

    /** "Exif\0\0" and a big-endian TIFF: IFD0 (orientation, pointer), the Exif IFD (time and offset). */
    private static byte[] tiffWithTimeAndOrientation(int orientation, String taken, String offset) {
        int ifd0Entries = (orientation > 0 ? 1 : 0) + (taken != null ? 1 : 0);
        int exifEntries = taken == null ? 0 : (offset != null ? 2 : 1);
        int ifd0At = 8;
        int exifAt = ifd0At + 2 + 12 * ifd0Entries + 4;
        int dataAt = exifAt + (exifEntries == 0 ? 0 : 2 + 12 * exifEntries + 4);
        int size = dataAt + (taken == null ? 0 : 20) + (offset == null ? 0 : 8);
        ByteBuffer b = ByteBuffer.allocate(6 + size).order(ByteOrder.BIG_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        int base = 6;
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0At);
        b.position(base + ifd0At);
        b.putShort((short) ifd0Entries);
        if (orientation > 0) {
            b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        }
        if (taken != null) {
            b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifAt);
        }
        b.putInt(0);
        if (taken != null) {
            b.position(base + exifAt);
            b.putShort((short) exifEntries);
            b.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(dataAt);
            if (offset != null) {
                b.putShort((short) 0x9011).putShort((short) 2).putInt(7).putInt(dataAt + 20);
            }
            b.putInt(0);
            b.position(base + dataAt);
            b.put((taken + "\0").getBytes(StandardCharsets.US_ASCII));
            if (offset != null) {
                b.put((offset + "\0").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return b.array();
    }

    // ---- PNG ----

    private static void png(DataInputStream in, OutputStream out) throws IOException {
        byte[] signature = in.readNBytes(8);
        if (!Arrays.equals(signature, PNG_SIGNATURE)) {
            throw new NotCleanable("not a PNG");
        }
        out.write(signature);
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int length;
            byte[] type = new byte[4];
            try {
                length = in.readInt();
                in.readFully(type);
            } catch (EOFException e) {
                throw new NotCleanable("the PNG ends before its last chunk");
            }
            if (length < 0) {
                throw new NotCleanable("a PNG chunk with a bad length");
            }
            String name = new String(type, StandardCharsets.ISO_8859_1);
            boolean kept = PNG_KEPT.contains(name);
            if (kept) {
                out.write(ByteBuffer.allocate(4).putInt(length).array());
                out.write(type);
            }
            long left = length + 4L; // the data and its CRC
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new NotCleanable("the PNG ends inside a chunk");
                }
                if (kept) {
                    out.write(buffer, 0, n);
                }
                left -= n;
            }
            if (name.equals("IEND")) {
                return; // anything appended after the picture stays behind
            }
        }
    }

    // ---- WebP ----

    private static void webp(InputStream in, OutputStream out) throws IOException {
        byte[] all = in.readNBytes(MAX_WEBP_BYTES + 1);
        if (all.length > MAX_WEBP_BYTES) {
            throw new NotCleanable("the WebP picture is too large to clean");
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < 12 || !startsWith(all, "RIFF") || !new String(all, 8, 4, StandardCharsets.US_ASCII)
                .equals("WEBP")) {
            throw new NotCleanable("not a WebP picture");
        }
        long riffEnd = Math.min(all.length, 8 + (b.getInt(4) & 0xFFFFFFFFL));
        ByteArrayOutputStream body = new ByteArrayOutputStream(all.length);
        body.write(all, 8, 4);
        int at = 12;
        while (at + 8 <= riffEnd) {
            String name = new String(all, at, 4, StandardCharsets.US_ASCII);
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            long padded = size + (size & 1);
            if (at + 8 + size > riffEnd) {
                throw new NotCleanable("a WebP chunk runs past the end of the file");
            }
            if (WEBP_KEPT.contains(name)) {
                byte[] data = Arrays.copyOfRange(all, at + 8, at + 8 + (int) size);
                if (name.equals("VP8X") && data.length >= 1) {
                    data[0] &= (byte) ~(0x08 | 0x04); // no EXIF, no XMP
                }
                body.write(all, at, 8);
                body.write(data);
                if ((size & 1) == 1) {
                    body.write(0);
                }
            }
            at += 8 + (int) padded;
        }
        out.write("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
        body.writeTo(out);
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new NotCleanable("the picture ends too early");
        }
        return b;
    }
}
