package org.casebook.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.casebook.bundle.check.CheckReport;
import org.casebook.bundle.sign.Signed;

/**
 * A finished bundle: where it is, how many pages, its exhibits, what the reader should know, and the e-bundle
 * rules checked on the written file ({@code check-bundle}'s report), how it was signed (null only for a result
 * made without signing), and its index with the final layout's page numbers (what {@code --index-out} writes).
 */
public record BundleResult(Path file, int pageCount, List<Exhibit> exhibits, List<String> warnings,
                           CheckReport check, Signed signed, Diary diary, List<IndexRow> index) {
    public BundleResult {
        exhibits = List.copyOf(exhibits);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(check, "check");
        index = index == null ? List.of() : List.copyOf(index);
    }

    public BundleResult(Path file, int pageCount, List<Exhibit> exhibits, List<String> warnings, CheckReport check,
                        Signed signed) {
        this(file, pageCount, exhibits, warnings, check, signed, null, List.of());
    }

    public BundleResult(Path file, int pageCount, List<Exhibit> exhibits, List<String> warnings, CheckReport check) {
        this(file, pageCount, exhibits, warnings, check, null, null, null);
    }

    /**
     * The diary, which the statement produces as the exhibit after the others (null when the bundle holds no
     * diary entry).
     *
     * @param reference its mark, e.g. "JS/15"
     * @param page      the PDF page (1-based) the diary entries start on
     * @param entries   how many diary entries it holds
     */
    public record Diary(String reference, int page, int entries) {
    }

    /**
     * One exhibit as printed.
     *
     * @param itemId   the attached file, or the first message of a conversation exhibit
     * @param sha256   the original's SHA-256 (the embedded file's), or null when it has no original
     * @param page     the PDF page (1-based) the exhibit starts on
     * @param embedded whether the original (or, in a redacted copy, a photo's copy without its location and
     *                 device details) travels inside the PDF
     * @param embeddedSha256 the SHA-256 of the file embedded: the original's, or the cleaned copy's; null when
     *                 nothing is embedded
     * @param note     in a redacted copy, what was done with the original and why ("withheld from this redacted
     *                 copy: it contains redacted text"), else null
     * @param files    the files sent with a conversation's messages, each shown at its message (page) under a
     *                 reference of its own ("JS/3.1"); empty for any other exhibit
     */
    public record Exhibit(String reference, long itemId, String sha256, int page, boolean embedded,
                          String embeddedSha256, String note, List<Exhibit> files) {
        public Exhibit {
            files = List.copyOf(files);
        }

        public Exhibit(String reference, long itemId, String sha256, int page, boolean embedded,
                       String embeddedSha256, String note) {
            this(reference, itemId, sha256, page, embedded, embeddedSha256, note, List.of());
        }
    }
}
