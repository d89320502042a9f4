package org.casebook.bundle.sign;

import java.net.URI;
import java.time.Instant;

/**
 * How a bundle was signed, for the person who made it: the name on the certificate, the certificate's SHA-256 (the
 * fingerprint a recipient compares), the signing time, and the time-stamping authority asked, or null.
 */
public record Signed(String signer, String certificateSha256, Instant signedAt, URI timeStampAuthority) {
}
