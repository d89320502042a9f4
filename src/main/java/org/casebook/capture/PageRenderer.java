package org.casebook.capture;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Renders an archived single-file page (self-contained, no scripts, no remote references) to a PNG of the whole
 * page, however tall. The desktop's implementation uses JavaFX's WebView ({@code org.casebook.ui.capture}); it is
 * found through {@link ServiceLoader}, so this package and the command line never depend on JavaFX.
 */
public interface PageRenderer {
    /** The width pages are laid out at, in CSS pixels: a common desktop browser window. */
    int DEFAULT_WIDTH = 1280;

    /**
     * The page drawn at {@code width} pixels wide and its full height, as PNG bytes.
     *
     * @throws RenderException with a one-line reason when it cannot be drawn
     */
    byte[] render(String html, int width) throws RenderException;

    /** Thrown when a page cannot be rendered; the capture keeps everything else and says so. */
    final class RenderException extends Exception {
        public RenderException(String message) {
            super(message);
        }

        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The renderer installed with Casebook, if any. */
    static Optional<PageRenderer> installed() {
        return ServiceLoader.load(PageRenderer.class, PageRenderer.class.getClassLoader()).findFirst();
    }
}
