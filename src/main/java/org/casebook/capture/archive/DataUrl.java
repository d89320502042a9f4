package org.casebook.capture.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A {@code data:} URL (RFC 2397) decoded: its media type and bytes. Base64 content may hold white space (it is
 * skipped); other content is percent-decoded, the rest of it kept as UTF-8 as written.
 */
record DataUrl(String mediaType, byte[] bytes) {
    static boolean is(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /** The decoded URL, or null when it is not a well-formed data: URL. */
    static DataUrl decode(String url) {
        if (!is(url)) {
            return null;
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return null;
        }
        String meta = url.substring(5, comma);
        String data = url.substring(comma + 1);
        boolean base64 = false;
        String type = "";
        String[] parts = meta.split(";");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (i == 0 && p.contains("/")) {
                type = p.toLowerCase(Locale.ROOT);
            } else if (p.equalsIgnoreCase("base64")) {
                base64 = true;
            }
        }
        if (type.isEmpty()) {
            type = "text/plain";
        }
        try {
            byte[] bytes = base64 ? Base64.getMimeDecoder().decode(percentDecode(data)) : percentDecode(data);
            return new DataUrl(type, bytes);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] percentDecode(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int hi;
            int lo;
            if (in[i] == '%' && i + 2 < in.length && (hi = Character.digit(in[i + 1], 16)) >= 0
                    && (lo = Character.digit(in[i + 2], 16)) >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
