package org.casebook.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.casebook.bundle.check.CheckReport;

/**
 * A finished bundle: where it is, how many pages, its exhibits, what the reader should know, and the e-bundle
 * rules checked on the written file ({@code check-bundle}'s report).
 */
public record BundleResult(Path file, int pageCount, List<Exhibit> exhibits, List<String> warnings,
                           CheckReport check) {
    public BundleResult {
        exhibits = List.copyOf(exhibits);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(check, "check");
    }

    /**
     * One exhibit as printed.
     *
     * @param itemId   the attached file, or the first message of a conversation exhibit
     * @param sha256   the original's SHA-256 (the embedded file's), or null when it has no original
     * @param page     the PDF page (1-based) the exhibit starts on
     * @param embedded whether the original travels inside the PDF
     */
    public record Exhibit(String reference, long itemId, String sha256, int page, boolean embedded) {
    }
}
