package org.casebook.bundle.check;

import java.time.Instant;

/**
 * What verify-bundle found about a bundle's PDF signature.
 *
 * @param status             valid only when the signature is intact and covers the whole file
 * @param detail             one sentence a reader can act on
 * @param signer             the certificate's common name (the person the bundle was prepared by), or null
 * @param organisation       the certificate's organisation ("Casebook" for a Casebook bundle), or null
 * @param certificateSha256  SHA-256 of the signing certificate, or null
 * @param signedAt           the signing time the signature states (/M), or null
 * @param subFilter          the signature's format, e.g. ETSI.CAdES.detached, or null
 * @param coversWholeFile    whether the byte range runs from the first byte to the last, skipping only the
 *                           signature's own value
 * @param fileBytes          the file's size
 * @param timeStamp          the time an RFC 3161 authority certified, or null when the signature has no time-stamp
 * @param timeStampAuthority the authority's certificate name, or null
 * @param signatures         how many signatures the PDF holds
 */
public record SignatureCheck(Status status, String detail, String signer, String organisation,
                             String certificateSha256, Instant signedAt, String subFilter, boolean coversWholeFile,
                             long fileBytes, Instant timeStamp, String timeStampAuthority, int signatures) {
    public enum Status {
        /** Intact, and its byte range is the whole file. */
        VALID,
        /** The PDF carries no signature. */
        MISSING,
        /** The signed bytes changed, or the signature cannot be read or checked. */
        BROKEN,
        /** Intact over what it covers, but the file holds more: bytes appended (an incremental update) after it. */
        NOT_WHOLE_FILE
    }

    public boolean intact() {
        return status == Status.VALID;
    }

    static SignatureCheck missing(long fileBytes) {
        return new SignatureCheck(Status.MISSING, "the PDF is not signed: nothing shows whether it was changed",
                null, null, null, null, null, false, fileBytes, null, null, 0);
    }
}
