package org.casebook.bundle.sign;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The parts of a certificate's name people read: its common name and organisation. */
public final class CertificateNames {
    private CertificateNames() {
    }

    public static String commonName(X509Certificate certificate) {
        return part(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), BCStyle.CN);
    }

    public static String organisation(X509Certificate certificate) {
        return part(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), BCStyle.O);
    }

    /** The first value of {@code type} in {@code name}, or null. */
    public static String part(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }
}
