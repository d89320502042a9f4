package org.casebook.bundle.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings about text that could not be drawn as written. (Temporary stand-in.) */
public final class TextWarnings {
    private final Set<String> warnings = new LinkedHashSet<>();

    public TextWarnings() {
    }

    void add(String warning) {
        warnings.add(warning);
    }

    public List<String> all() {
        return new ArrayList<>(warnings);
    }
}
