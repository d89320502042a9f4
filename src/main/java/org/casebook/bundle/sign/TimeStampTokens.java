package org.casebook.bundle.sign;

import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;

/** Reading a time-stamp token: the certificate of the authority that signed it, as the token carries it. */
public final class TimeStampTokens {
    private TimeStampTokens() {
    }

    /** The certificate matching the token's signer, or null when the token does not carry it. */
    @SuppressWarnings("unchecked")
    public static X509CertificateHolder signerCertificate(TimeStampToken token) {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        return matches.isEmpty() ? null : matches.iterator().next();
    }
}
