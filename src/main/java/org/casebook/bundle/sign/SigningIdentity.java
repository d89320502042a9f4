package org.casebook.bundle.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.casebook.vault.Sha256;
import org.casebook.vault.SigningKeys;
import org.casebook.vault.Vault;

/**
 * What a bundle is signed with: the vault's private key and a self-signed certificate over it that names the
 * person the bundle is prepared by and Casebook. Self-signed means nobody vouches for the name; what the
 * signature proves is that the file has not changed since the holder of this vault's key signed it.
 */
public record SigningIdentity(PrivateKey privateKey, X509Certificate certificate) {
    /** The organisation named in every certificate. */
    public static final String ORGANISATION = "Casebook";
    public static final String UNIT = "Evidence bundle signature (self-signed)";
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(366L * 30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The vault's identity for {@code preparedBy}, its certificate issued (and kept in the vault) on first use. */
    public static SigningIdentity forVault(Vault vault, String preparedBy, Clock clock) {
        SigningKeys keys = new SigningKeys(vault, clock);
        SigningKeys.Key key = keys.key();
        Optional<byte[]> kept = keys.certificate(preparedBy);
        if (kept.isPresent()) {
            X509Certificate certificate = parse(kept.get());
            if (certificate.getPublicKey().equals(key.publicKey())) {
                return new SigningIdentity(key.privateKey(), certificate);
            }
        }
        SigningIdentity issued = issue(key.pair(), preparedBy, clock.instant());
        if (kept.isEmpty()) {
            keys.keepCertificate(preparedBy, encoded(issued.certificate()));
        }
        return issued;
    }

    /** A self-signed certificate over {@code pair} naming {@code name}, Casebook and what it is for. */
    public static SigningIdentity issue(KeyPair pair, String name, Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
                .addRDN(BCStyle.O, ORGANISATION).addRDN(BCStyle.OU, UNIT).build();
        // a day's grace before now, so a reader whose clock is a little behind still sees a valid certificate
        Instant from = now.minus(Duration.ofDays(1));
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(from), Date.from(now.plus(VALIDITY)),
                    subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            byte[] der = builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(pair.getPrivate()))
                    .getEncoded();
            return new SigningIdentity(pair.getPrivate(), parse(der));
        } catch (CertIOException | OperatorCreationException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not issue the signing certificate", e);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode the signing certificate", e);
        }
    }

    /** The name the certificate is issued to. */
    public String name() {
        return CertificateNames.commonName(certificate);
    }

    /** SHA-256 of the certificate's DER bytes: what a PDF reader's certificate viewer shows as its fingerprint. */
    public String certificateSha256() {
        return Sha256.of(encoded(certificate));
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("the vault's signing certificate cannot be read", e);
        }
    }
}
