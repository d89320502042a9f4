package org.casebook.imports;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * An imported message's {@code extra} details as JSON, written straight into a reused buffer for speed (a
 * bulk import writes one per row). The text is exactly what {@link org.casebook.vault.Json#write} gives for
 * the same map: keys in sorted order, null fields left out here as the map left them out, strings escaped
 * by Jackson's own encoder.
 */
final class ExtraJson {
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private ExtraJson() {
    }

    /**
     * One entry of the {@code attachments} list: {@code {"name":…,"present":…[,"sha256":…][,"unreadable":true]}},
     * present when {@code sha256} is not null, unreadable when the export holds the file but its bytes could not
     * be read. Appended to {@code list}, comma-separated from the entries before.
     */
    static void attachment(StringBuilder list, String name, String sha256, boolean unreadable) {
        list.append(list.isEmpty() ? "{" : ",{");
        list.append("\"name\":");
        string(list, name);
        list.append(",\"present\":").append(sha256 != null);
        if (sha256 != null) {
            list.append(",\"sha256\":");
            string(list, sha256);
        }
        if (unreadable) {
            list.append(",\"unreadable\":true");
        }
        list.append('}');
    }

    static void attachment(StringBuilder list, String name, String sha256) {
        attachment(list, name, sha256, false);
    }

    /**
     * The message's details, each left out when null: the fields in the sorted order Json.write puts them
     * in. {@code attachments} is the entries written by {@link #attachment}, or null for none.
     */
    static String message(StringBuilder out, CharSequence attachments, String dst, Long durationSeconds,
                          String localTime, String originalOffset, String senderAddress, String senderName) {
        out.setLength(0);
        out.append('{');
        if (attachments != null) {
            out.append("\"attachments\":[").append(attachments).append(']');
        }
        field(out, "dst", dst);
        if (durationSeconds != null) {
            comma(out).append("\"duration_seconds\":").append(durationSeconds.longValue());
        }
        field(out, "local_time", localTime);
        field(out, "original_offset", originalOffset);
        field(out, "sender_address", senderAddress);
        field(out, "sender_name", senderName);
        return out.append('}').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            comma(out).append('"').append(name).append("\":");
            string(out, value);
        }
    }

    private static StringBuilder comma(StringBuilder out) {
        if (out.length() > 1) {
            out.append(',');
        }
        return out;
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        if (plain(value)) {
            out.append(value);
        } else {
            ENCODER.quoteAsString(value, out);
        }
        out.append('"');
    }

    /** Nothing to escape: no quote, backslash or control character. */
    private static boolean plain(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
