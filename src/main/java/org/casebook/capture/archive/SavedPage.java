package org.casebook.capture.archive;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A web page another tool saved, read into memory: the main document and every resource the file holds. The
 * file itself is the original; this is what can be shown, searched and hashed from it.
 *
 * @param fileName the saved file's name, for messages
 * @param format what the file turned out to be
 * @param url the page's address when the file says (SingleFile's comment, a browser's "saved from" mark, MHTML's
 *     Content-Location, the WARC record's target, the WACZ page list); null when it does not
 * @param savedAt when the page was saved or captured, when the file says; null when it does not
 * @param title the document's title, empty when it has none
 * @param text the visible text of the document (no script, style or markup), for search
 * @param document the main document's exact bytes (not copied: do not modify)
 * @param charset the charset the document is read in (declared by the container, else by the document, else
 *     UTF-8)
 * @param resources every resource the file holds besides the document, in the file's order
 * @param warnings what could not be read or was left out, one sentence each, naming the part or record
 */
public record SavedPage(String fileName, SavedPageFormat format, String url, Instant savedAt, String title,
        String text, byte[] document, Charset charset, List<SavedResource> resources, List<String> warnings) {
    public SavedPage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(charset, "charset");
        resources = List.copyOf(resources);
        warnings = List.copyOf(warnings);
    }

    /** The resource saved for this address (the first one when the file holds several), or null. */
    public SavedResource resource(String resourceUrl) {
        for (SavedResource r : resources) {
            if (resourceUrl.equals(r.url())) {
                return r;
            }
        }
        return null;
    }
}
