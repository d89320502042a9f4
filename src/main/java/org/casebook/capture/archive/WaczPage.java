package org.casebook.capture.archive;

import java.time.Instant;
import java.util.Objects;

/**
 * One page of a WACZ package's {@code pages/pages.jsonl}.
 *
 * @param url the page's address, as in the WARC's response record
 * @param title the page's title; null or empty for none
 * @param timestamp when it was captured (the response record's WARC-Date)
 * @param text the page's visible text, for full-text search in replay tools; null or empty for none
 */
public record WaczPage(String url, String title, Instant timestamp, String text) {
    public WaczPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
