package org.casebook.capture.archive;

/** The kinds of saved page {@link SavedPages} reads, each recognised by its content, not only its name. */
public enum SavedPageFormat {
    /** A page saved by a browser as HTML, with or without a {@code _files} folder beside it. */
    HTML("HTML page"),
    /** A page saved by SingleFile: one HTML file, resources inlined as {@code data:} URLs. */
    SINGLE_FILE("SingleFile page"),
    /** MIME multipart/related ({@code .mhtml}, {@code .mht}), as browsers save "Webpage, single file". */
    MHTML("MHTML page"),
    /** A WARC file (ISO 28500), plain. */
    WARC("WARC file"),
    /** A WARC file compressed record by record with gzip. */
    WARC_GZ("gzipped WARC file"),
    /** A Web Archive Collection Zipped package: WARCs, an index, a page list and a manifest with digests. */
    WACZ("WACZ package");

    private final String label;

    SavedPageFormat(String label) {
        this.label = label;
    }

    /** How a message names it to a user. */
    public String label() {
        return label;
    }
}
