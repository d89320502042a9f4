package org.casebook.capture;

import java.net.URI;
import org.casebook.vault.Progress;

/**
 * What a capture reports as it goes (each page and resource) and how it learns it was cancelled: plain Java, so the
 * command line prints it and the app adapts it to a JavaFX Task ({@link Progress#message} for the status line).
 */
public interface CaptureListener extends Progress {
    CaptureListener NONE = new CaptureListener() {
    };

    /** A page is being fetched: {@code number} of at most {@code of}. */
    default void page(URI uri, int number, int of) {
    }

    /** A resource was fetched ({@code missing} null) or could not be (the reason). */
    default void resource(URI uri, String missing) {
    }
}
