package org.casebook.capture.archive;

import java.util.Objects;

/**
 * One resource of a saved page (a stylesheet, an image, a font, a script), as the saving tool kept it.
 *
 * @param url the address the page loaded it from, as the file records it (absolute for MHTML, WARC and WACZ; the
 *     path relative to the page for a page saved with a {@code _files} folder); null for a resource inlined as a
 *     {@code data:} URL, whose original address the saving tool did not keep
 * @param mediaType the media type without parameters, e.g. {@code image/png}; {@code application/octet-stream}
 *     when nothing says
 * @param bytes the resource's exact bytes, with transfer and content encodings undone (not copied: do not modify)
 */
public record SavedResource(String url, String mediaType, byte[] bytes) {
    public SavedResource {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
