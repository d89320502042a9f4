package org.casebook.bundle.check;

/**
 * One image drawn on a page: its size in pixels and the size it is drawn at, in points (1/72 inch), from
 * the current transformation matrix at the moment it is painted.
 */
record ImagePlacement(int pageNumber, int pixelWidth, int pixelHeight, double widthPoints, double heightPoints) {
    /** The effective resolution along the image's denser axis, in dots per inch; 0 for an undrawable size. */
    double dpi() {
        if (widthPoints <= 1e-6 || heightPoints <= 1e-6) {
            return 0;
        }
        return Math.max(pixelWidth / (widthPoints / 72.0), pixelHeight / (heightPoints / 72.0));
    }
}
