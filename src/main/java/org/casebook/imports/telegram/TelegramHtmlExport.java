package org.casebook.imports.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportException;

/**
 * Telegram Desktop's other export format, "Human-readable HTML" ({@code messages.html}, {@code messages2.html}, …
 * beside {@code css/style.css} and {@code js/script.js}). Casebook reads the JSON export; the HTML one is recognised
 * as Telegram's so that it is never taken for a saved web page, and refused with the way to get the JSON.
 */
final class TelegramHtmlExport {
    private static final int HEAD_BYTES = 16 * 1024;
    private static final Pattern PAGE_NAME = Pattern.compile("(?:^|/)messages\\d*\\.html$");
    /** What every page Telegram Desktop writes holds near its start: its fixed title and its page layout. */
    private static final Pattern TITLE = Pattern.compile("<title>\\s*Exported Data\\s*</title>");
    private static final Pattern LAYOUT = Pattern.compile("class=\"page_wrap\"|class=\"page_body chat_page\"");

    private TelegramHtmlExport() {
    }

    /** The export's first chat page (the file itself, or the entry of a zip), or empty when it is not one. */
    static Optional<String> page(ExportFile file) throws IOException {
        if (file.isZip()) {
            for (String entry : file.entriesEndingWith(".html")) {
                if (PAGE_NAME.matcher(entry.toLowerCase(Locale.ROOT)).find() && looksLikeTelegram(file, entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }
        return looksLikeTelegram(file, null) ? Optional.of(file.name()) : Optional.empty();
    }

    static ImportException refusal(String where) {
        return new ImportException(where + ": is the HTML version of a Telegram Desktop export. Casebook needs the"
                + " JSON version: in Telegram Desktop export the chat again and choose Format: Machine-readable JSON.");
    }

    private static boolean looksLikeTelegram(ExportFile file, String entry) throws IOException {
        String head = new String(file.head(entry, HEAD_BYTES), StandardCharsets.UTF_8);
        return TITLE.matcher(head).find() && LAYOUT.matcher(head).find();
    }
}
