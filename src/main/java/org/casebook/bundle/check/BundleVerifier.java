package org.casebook.bundle.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.casebook.evidence.SafeFileNames;

/**
 * What a recipient runs on a bundle: checks the PDF's signature covers the whole, unchanged file, extracts every
 * embedded original, re-hashes it (streamed) and compares it with the SHA-256 printed for its exhibit in the
 * integrity appendix. Works on any PDF: one that is not a
 * Casebook bundle simply has nothing to verify.
 */
public final class BundleVerifier {
    /** The sums file written next to extracted originals, checkable with {@code sha256sum -c}. */
    public static final String SUMS_FILE = "SHA256SUMS";

    public VerifyBundleReport verify(Path pdf) throws UnreadablePdfException {
        return verify(pdf, null);
    }

    /**
     * Verifies, and when {@code extractTo} is not null also writes each original there (the user asked for the
     * files), under a cleaned-up name that cannot leave the folder, plus a SHA256SUMS file holding the
     * appendix's hashes so that {@code sha256sum -c SHA256SUMS} repeats the check.
     *
     * @throws IllegalArgumentException when {@code extractTo} is a file or a folder that is not empty
     */
    public VerifyBundleReport verify(Path pdf, Path extractTo) throws UnreadablePdfException {
        try (PDDocument document = PdfFiles.open(pdf)) {
            SignatureCheck signature = SignatureVerifier.check(pdf, document);
            return verify(document, extractTo == null ? null : Extraction.into(extractTo), signature);
        } catch (UnreadablePdfException | IllegalArgumentException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new UnreadablePdfException(pdf + ": cannot be verified (" + PdfFiles.reason(e) + ").");
        }
    }

    private static VerifyBundleReport verify(PDDocument document, Extraction extraction, SignatureCheck signature)
            throws IOException {
        PageTargets targets = new PageTargets(document);
        IntegrityAppendix appendix = IntegrityAppendix.read(document, targets);
        Map<String, Set<String>> unmatchedRows = new LinkedHashMap<>(appendix.rows);
        List<ExhibitCheck> exhibits = new ArrayList<>();
        for (EmbeddedOriginals.Original original : EmbeddedOriginals.of(document)) {
            Read read = read(document, original, extraction);
            // identical bytes are embedded once: the file is checked against the row of each exhibit it names
            List<String> references = new ArrayList<>();
            references.add(original.reference());
            references.addAll(original.sharedWith());
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                Set<String> printed = reference == null ? null : unmatchedRows.remove(reference);
                Set<String> copies = appendix.redactedCopy && reference != null
                        ? appendix.copies.getOrDefault(reference, Set.of()) : Set.of();
                // the file is written (and listed in SHA256SUMS) once, under its first reference
                exhibits.add(compare(reference, original, read, printed, copies, i == 0 ? extraction : null));
            }
        }
        for (Map.Entry<String, Set<String>> row : unmatchedRows.entrySet()) {
            String hash = row.getValue().iterator().next();
            if (appendix.redactedCopy && appendix.withheld.contains(row.getKey()) && row.getValue().size() == 1) {
                exhibits.add(new ExhibitCheck(row.getKey(), ExhibitStatus.WITHHELD, null, null, hash, 0, null,
                        "withheld (redacted): this redacted copy leaves the original out on purpose; the appendix"
                        + " prints its SHA-256 so it can be produced and checked separately"));
                continue;
            }
            exhibits.add(new ExhibitCheck(row.getKey(), ExhibitStatus.NO_EMBEDDED_FILE, null, null,
                    hash, 0, null, "the appendix lists it, but no original is embedded in the PDF"));
        }
        if (extraction != null) {
            extraction.writeSums();
        }
        return new VerifyBundleReport(exhibits, appendix.firstPage, appendix.chainHead, signature);
    }

    /** An embedded file's bytes hashed (and written out when asked), or why they could not be read. */
    private record Read(OriginalBytes.Hashed hashed, Path target, String failure) {
    }

    private static Read read(PDDocument document, EmbeddedOriginals.Original original, Extraction extraction)
            throws IOException {
        Path target = extraction == null ? null : extraction.newFile(original.fileName());
        try {
            return new Read(OriginalBytes.read(EmbeddedOriginals.stream(original), document.isEncrypted(),
                    () -> target == null ? OutputStream.nullOutputStream()
                            : Files.newOutputStream(target, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)), target, null);
        } catch (IOException | RuntimeException e) {
            if (target != null) {
                Files.deleteIfExists(target);
            }
            return new Read(null, null, PdfFiles.reason(e));
        }
    }

    /** One exhibit's check: the embedded file (read once) against that exhibit's row of the appendix. */
    private static ExhibitCheck compare(String reference, EmbeddedOriginals.Original original, Read read,
                                        Set<String> printed, Set<String> copies, Extraction extraction) {
        OriginalBytes.Hashed hashed = read.hashed();
        Path target = read.target();
        if (hashed == null) {
            return new ExhibitCheck(reference, ExhibitStatus.UNREADABLE, original.fileName(), null,
                    printed == null ? null : printed.iterator().next(), 0, null,
                    "the embedded file cannot be decoded (" + read.failure() + ")");
        }
        if (printed == null) {
            return new ExhibitCheck(reference, ExhibitStatus.NO_APPENDIX_ROW, original.fileName(),
                    hashed.sha256(), null, hashed.size(), target, reference == null
                    ? "an embedded file with no exhibit reference, not listed in the appendix"
                    : "embedded, but the appendix has no row for " + reference);
        }
        String appendixHash = printed.iterator().next();
        if (printed.size() == 1 && copies.size() == 1 && copies.contains(hashed.sha256())) {
            if (extraction != null) {
                extraction.sum(hashed.sha256(), target);
            }
            return new ExhibitCheck(reference, ExhibitStatus.REDACTED_COPY, original.fileName(),
                    hashed.sha256(), hashed.sha256(), hashed.size(), target, "a redacted copy: the photo without its"
                    + " location and device details, matching the hash the appendix prints for the copy; the"
                    + " original's SHA-256 is " + appendixHash, appendixHash);
        }
        if (printed.size() > 1) {
            return new ExhibitCheck(reference, ExhibitStatus.MISMATCH, original.fileName(),
                    hashed.sha256(), appendixHash, hashed.size(), target,
                    "the appendix prints " + printed.size() + " different hashes for " + reference);
        }
        if (extraction != null) {
            extraction.sum(appendixHash, target);
        }
        if (!appendixHash.equals(hashed.sha256())) {
            return new ExhibitCheck(reference, ExhibitStatus.MISMATCH, original.fileName(),
                    hashed.sha256(), appendixHash, hashed.size(), target,
                    "the embedded file's SHA-256 differs from the one printed in the appendix");
        }
        return new ExhibitCheck(reference, ExhibitStatus.MATCH, original.fileName(), hashed.sha256(),
                appendixHash, hashed.size(), target, "matches the appendix");
    }

    /** The folder originals are written to, with the names already used in it. */
    private static final class Extraction {
        private final Path directory;
        private final Set<String> used = new HashSet<>();
        private final StringBuilder sums = new StringBuilder();

        private Extraction(Path directory) {
            this.directory = directory;
        }

        /** A new or empty folder, so that nothing already there is mixed up with the bundle's originals. */
        static Extraction into(Path directory) throws IOException {
            Path dir = directory.toAbsolutePath().normalize();
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException("extract: " + directory + " exists and is not a folder.");
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("extract: the folder " + directory
                                + " is not empty. Choose a new or empty folder.");
                    }
                }
            }
            Files.createDirectories(dir);
            Extraction extraction = new Extraction(dir);
            extraction.used.add(SUMS_FILE.toLowerCase(Locale.ROOT));
            return extraction;
        }

        /** A new empty file for an embedded name chosen by whoever made the PDF: cleaned, unique, inside. */
        Path newFile(String embeddedName) throws IOException {
            String name = SafeFileNames.clean(embeddedName);
            if (name.isEmpty()) {
                name = "embedded-file";
            }
            for (int attempt = 1; ; attempt++) {
                String chosen = SafeFileNames.unique(name, "copy", used);
                Path target = directory.resolve(chosen).normalize();
                if (!directory.equals(target.getParent())) {
                    throw new IOException("refusing the embedded file name " + NavigationRules.quoted(embeddedName));
                }
                try {
                    return Files.createFile(target);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 1000) {
                        throw e;
                    }
                }
            }
        }

        void sum(String sha256, Path file) {
            if (file != null) {
                sums.append(sha256).append("  ").append(file.getFileName()).append('\n');
            }
        }

        void writeSums() throws IOException {
            if (sums.length() > 0) {
                Files.writeString(directory.resolve(SUMS_FILE), sums, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
            }
        }
    }
}
