package org.casebook.imports.discord;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.AttachmentRef;

/**
 * Who wrote a Discord message and what a link to Discord's servers is called, the same for DiscordChatExporter's
 * JSON, CSV and plain-text exports, so one person matches across them. The sender is the name the channel showed
 * (the nickname, which the JSON always writes: it falls back to the account's display name), and beside it, as
 * the sender's handle, the account ({@code name}, or {@code name#1234} for an account from before Discord
 * dropped discriminators): unique on Discord, and what the CSV and plain-text exports write as the author.
 */
final class DiscordAuthor {
    /** Discord's name for an account that no longer exists: many accounts share it, so the id tells them apart. */
    private static final String DELETED = "Deleted User";
    private static final Pattern CDN_NAME = Pattern.compile("([^/?#]+)(?:[?#].*)?$");

    private DiscordAuthor() {
    }

    /** The account as DiscordChatExporter's {@code FullName}: "name", or "name#1234" with an old discriminator. */
    static String account(String name, String discriminator, String id) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String full = discriminator == null || discriminator.isBlank() || discriminator.chars().allMatch(c -> c == '0')
                ? name : name + "#" + discriminator;
        if (name.equals(DELETED) && id != null && !id.isBlank()) {
            return full + " (id " + id + ")";
        }
        return full;
    }

    /** The name shown in the channel, else the account. */
    static String shown(String nickname, String account) {
        return nickname != null && !nickname.isBlank() ? nickname : account;
    }

    /**
     * An attachment that is still a link to Discord's servers (the export was made without {@code --media}):
     * recorded as not in the export, under its file name, and never fetched.
     */
    static AttachmentRef remote(String url, String fileName) {
        String name = fileName;
        if (name == null || name.isBlank()) {
            Matcher m = CDN_NAME.matcher(url.strip());
            name = m.find() ? m.group(1) : url;
        }
        return AttachmentRef.missing(name);
    }

    static boolean isLink(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
