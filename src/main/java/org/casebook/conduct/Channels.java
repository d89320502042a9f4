package org.casebook.conduct;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How a channel code ("sms", "whatsapp", "diary") is named for a reader, in the summary and the bundle. */
public final class Channels {
    private Channels() {
    }

    /**
     * Counts per channel code turned into counts per channel as a reader knows it: codes with one name (an SMS
     * and an MMS are both texts) are added together; largest first, then by name.
     */
    public static Map<String, Long> byLabel(Map<String, Long> byCode) {
        Map<String, Long> merged = new HashMap<>();
        if (byCode != null) {
            byCode.forEach((code, n) -> merged.merge(label(code), n, Long::sum));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        merged.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static String label(String channel) {
        return switch (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) {
            case "sms", "mms" -> "Text (SMS)";
            case "whatsapp" -> "WhatsApp";
            case "email" -> "E-mail";
            case "facebook", "messenger" -> "Facebook Messenger";
            case "instagram" -> "Instagram";
            case "telegram" -> "Telegram";
            case "signal" -> "Signal";
            case "discord" -> "Discord";
            case "calls", "phone" -> "Phone";
            case "" -> "Imported";
            default -> channel.substring(0, 1).toUpperCase(Locale.ROOT) + channel.substring(1);
        };
    }
}
