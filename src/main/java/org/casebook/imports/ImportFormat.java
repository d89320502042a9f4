package org.casebook.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The export formats Casebook reads. {@link #code()} is the {@code --format} value. */
public enum ImportFormat {
    WHATSAPP("WhatsApp chat export"),
    SMS("SMS Backup & Restore messages"),
    CALLS("SMS Backup & Restore call log"),
    FACEBOOK("Facebook Messenger download"),
    INSTAGRAM("Instagram download"),
    TELEGRAM("Telegram Desktop export"),
    EMAIL("E-mail (.eml or .mbox)"),
    SIGNAL("Signal text export"),
    DISCORD("DiscordChatExporter export"),
    CSV("Spreadsheet (CSV)"),
    WEB("Saved web page (HTML, SingleFile, MHTML, WARC or WACZ)");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static ImportFormat fromCode(String code) {
        for (ImportFormat f : values()) {
            if (f.code().equalsIgnoreCase(code.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown format '" + code + "'. Use one of: auto, "
                + Arrays.stream(values()).map(ImportFormat::code).collect(Collectors.joining(", ")));
    }
}
