package org.casebook.imports;

import java.util.List;

/**
 * The dates in an export fit both day-first and month-first readings. An evidence tool does not guess: the
 * command line asks for {@code --date-order}, the app shows the user both readings of a sample.
 *
 * @param samples a few header dates as written, to show both readings of
 */
public class AmbiguousDateOrderException extends ImportException {
    private final List<String> samples;

    public AmbiguousDateOrderException(String file, List<String> samples) {
        super(file + ": every date fits both day-first and month-first readings (for example "
                + (samples.isEmpty() ? "?" : samples.get(0)) + "). Say which with --date-order dmy or --date-order mdy.");
        this.samples = List.copyOf(samples);
    }

    public List<String> samples() {
        return samples;
    }
}
