package org.casebook.imports.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date WhatsApp writes into the names of the media files it saves, which dates the message that sent them:
 * Android's {@code IMG-20240305-WA0001.jpg} (also VID, AUD, PTT, DOC, STK), iOS's
 * {@code 00000042-PHOTO-2024-03-05-15-13-20.jpg} and older iOS's {@code 2015-08-04-PHOTO-00004762.jpg}.
 */
final class MediaNames {
    private static final Pattern NAMED = Pattern.compile(
            "(?:IMG|VID|AUD|PTT|DOC|STK)-(\\d{4})(\\d{2})(\\d{2})-WA\\d+\\.\\w+"
                    + "|\\d+-(?:PHOTO|VIDEO|AUDIO|GIF|STICKER|DOCUMENT)-(\\d{4})-(\\d{2})-(\\d{2})-[\\d-]+\\.\\w+"
                    + "|(\\d{4})-(\\d{2})-(\\d{2})-(?:PHOTO|VIDEO|AUDIO|GIF|STICKER)-\\d+\\.\\w+");

    private MediaNames() {
    }

    /** A media file name and the date in it. */
    record Dated(String name, LocalDate date) {
    }

    /** The first dated media file name in {@code b[s..e)}, or null. Cheap when there is none. */
    static Dated find(byte[] b, int s, int e) {
        if (!mayHold(b, s, e)) {
            return null;
        }
        Matcher m = NAMED.matcher(new String(b, s, e - s, StandardCharsets.UTF_8));
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : m.group(4) != null ? 4 : 7;
        try {
            return new Dated(m.group(), LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
                    Integer.parseInt(m.group(g + 2))));
        } catch (DateTimeException ex) {
            return null;
        }
    }

    /** "-WA" or an upper-case "-PHOTO-"-like word: the only lines worth decoding. */
    private static boolean mayHold(byte[] b, int s, int e) {
        for (int i = s; i + 3 < e; i++) {
            if (b[i] == '-' && (b[i + 1] == 'W' && b[i + 2] == 'A' || b[i + 1] >= 'A' && b[i + 1] <= 'Z'
                    && b[i + 2] >= 'A' && b[i + 2] <= 'Z' && b[i + 3] >= 'A' && b[i + 3] <= 'Z')) {
                return true;
            }
        }
        return false;
    }
}
