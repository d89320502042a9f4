package org.casebook.bundle.text;

import java.util.Objects;

/** A face at a size in points. */
public record TextStyle(Face face, float size) {
    public TextStyle {
        Objects.requireNonNull(face, "face");
        if (!(size > 0 && size < 10_000)) {
            throw new IllegalArgumentException("Text size must be a positive number of points, not " + size);
        }
    }
}
