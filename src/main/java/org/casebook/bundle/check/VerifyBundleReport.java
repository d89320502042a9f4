package org.casebook.bundle.check;

import java.util.List;

/**
 * The outcome of re-hashing a bundle's embedded originals against its integrity appendix.
 * {@code appendixPage} is the 1-based page the "Integrity appendix" bookmark points to, or 0 when the
 * document has no such bookmark (then every page was searched for rows); {@code auditChainHead} is the
 * hash printed as "Audit chain head: ...", or null; {@code signature} is what the PDF's signature shows about
 * changes to the file as a whole (pages removed, text drawn over, updates appended).
 */
public record VerifyBundleReport(List<ExhibitCheck> exhibits, int appendixPage, String auditChainHead,
                                 SignatureCheck signature) {
    public VerifyBundleReport {
        exhibits = List.copyOf(exhibits);
    }

    /** True when the originals check out and the signature is intact and covers the whole file. */
    public boolean verified() {
        return originalsVerified() && signature.intact();
    }

    /**
     * True when every exhibit matches (its original, or in a redacted copy its photo's copy, or it is withheld
     * as a redacted copy's appendix says) and there was something to verify against: an integrity appendix or at
     * least one exhibit. A PDF with neither is not a verifiable bundle.
     */
    public boolean originalsVerified() {
        return exhibits.stream().allMatch(ExhibitCheck::matches) && (appendixPage > 0 || !exhibits.isEmpty());
    }

    public long count(ExhibitStatus status) {
        return exhibits.stream().filter(e -> e.status() == status).count();
    }
}
