package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.casebook.vault.Json;
import org.junit.jupiter.api.Test;

/** The hand-written details JSON is the text Json.write gives for the same map, character for character. */
class ExtraJsonTest {
    /** What the import wrote before ExtraJson: a map, written by Jackson with its keys sorted. */
    private static String viaJackson(List<String[]> attachments, String dst, Long duration, String localTime,
                                     String offset, String address, String name) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (name != null) {
            extra.put("sender_name", name);
        }
        if (address != null) {
            extra.put("sender_address", address);
        }
        if (localTime != null) {
            extra.put("local_time", localTime);
            if (dst != null) {
                extra.put("dst", dst);
            }
        } else if (offset != null) {
            extra.put("original_offset", offset);
        }
        if (duration != null) {
            extra.put("duration_seconds", duration);
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (String[] a : attachments) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", a[0]);
            f.put("present", a[1] != null);
            if (a[1] != null) {
                f.put("sha256", a[1]);
            }
            files.add(f);
        }
        if (!files.isEmpty()) {
            extra.put("attachments", files);
        }
        return Json.write(extra);
    }

    private static String viaExtraJson(List<String[]> attachments, String dst, Long duration, String localTime,
                                       String offset, String address, String name) {
        StringBuilder files = null;
        for (String[] a : attachments) {
            if (files == null) {
                files = new StringBuilder();
            }
            ExtraJson.attachment(files, a[0], a[1]);
        }
        return ExtraJson.message(new StringBuilder(), files, localTime == null ? null : dst, duration, localTime,
                localTime == null ? offset : null, address, name);
    }

    private static String text(Random r) {
        if (r.nextInt(5) == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0 -> b.append((char) r.nextInt(0x20)); // control characters
                case 1 -> b.append("\"\\/'<>&\u007F\u2028\u2029");
                case 2 -> b.append((char) r.nextInt(0x10000)); // surrogates too, paired or not
                case 3 -> b.appendCodePoint(0x1F600 + r.nextInt(80));
                default -> b.append("Zoë Ann");
            }
        }
        return b.toString();
    }

    @Test
    void sameTextAsJacksonForEveryCharacter() {
        for (char c = 0; c < 0xFFFF; c++) {
            String s = "a" + c + "b";
            assertEquals(viaJackson(List.of(), null, null, null, null, null, s),
                    viaExtraJson(List.of(), null, null, null, null, null, s), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void sameTextAsJacksonForAnyMixOfFields() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            List<String[]> attachments = new ArrayList<>();
            int files = r.nextInt(6) < 4 ? 0 : r.nextInt(3) + 1;
            for (int f = 0; f < files; f++) {
                attachments.add(new String[] {text(r), r.nextBoolean() ? "ab12" + f : null});
            }
            String dst = r.nextInt(4) == 0 ? (r.nextBoolean() ? "gap" : "overlap") : null;
            Long duration = r.nextInt(4) == 0 ? (long) r.nextInt(100_000) - 5 : null;
            String localTime = r.nextInt(3) == 0 ? null : "2024-03-31T01:30";
            String offset = r.nextBoolean() ? "+05:30" : null;
            String address = text(r);
            String name = text(r);
            assertEquals(viaJackson(attachments, dst, duration, localTime, offset, address, name),
                    viaExtraJson(attachments, dst, duration, localTime, offset, address, name), "case " + i);
        }
    }

    @Test
    void emptyDetailsAreAnEmptyObject() {
        assertEquals("{}", viaExtraJson(List.of(), null, null, null, null, null, null));
        assertEquals(viaJackson(List.of(), null, null, null, null, null, null),
                viaExtraJson(List.of(), null, null, null, null, null, null));
    }
}
