package org.casebook.capture.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.casebook.capture.PageText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A saved page's main document parsed with jsoup: the charset it is read in, its title and its visible text.
 * The charset is the one the container declared (HTTP or MIME header) when it names a real charset, else the
 * one the document declares (byte-order mark, {@code <meta charset>}), else UTF-8 — as a browser decides.
 */
final class HtmlDocument {
    private final Document document;

    private HtmlDocument(Document document) {
        this.document = document;
    }

    /**
     * Parses the bytes; {@code declaredCharset} may be null or a label the container wrote (an unknown label is
     * reported through {@code budget} and ignored).
     */
    static HtmlDocument parse(byte[] bytes, String declaredCharset, String baseUri, Budget budget, String where) {
        String charset = null;
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            try {
                charset = Charset.forName(declaredCharset.trim()).name();
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                budget.warn(where + ": declares the unknown charset \"" + declaredCharset.trim()
                        + "\"; read by the page's own declaration instead.");
            }
        }
        try {
            return new HtmlDocument(Jsoup.parse(new ByteArrayInputStream(bytes), charset, baseUri == null ? "" : baseUri));
        } catch (IOException e) {
            // a ByteArrayInputStream does not fail
            throw new UncheckedIOException(e);
        }
    }

    Document jsoup() {
        return document;
    }

    Charset charset() {
        return document.charset();
    }

    String title() {
        String title = PageText.title(document);
        return title == null ? "" : title;
    }

    /** The text a reader sees, one line per block, as a live capture's (see {@link PageText}). */
    String visibleText() {
        return PageText.of(document).strip();
    }
}
