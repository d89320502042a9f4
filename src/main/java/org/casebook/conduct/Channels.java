package org.casebook.conduct;

import java.util.Locale;

/** How a channel code ("sms", "whatsapp", "diary") is named for a reader, in the summary and the bundle. */
public final class Channels {
    private Channels() {
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
