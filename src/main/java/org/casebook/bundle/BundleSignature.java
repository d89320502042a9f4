package org.casebook.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.casebook.bundle.sign.BundleSigner;
import org.casebook.bundle.sign.Signed;
import org.casebook.bundle.sign.SigningIdentity;
import org.casebook.bundle.sign.TimeStampAuthority;
import org.casebook.bundle.sign.TimeStampException;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;

/**
 * The bundle's signature: who signs (the vault's key, with a certificate naming the person the cover says the
 * bundle is prepared by), signing the finished file, and the appendix's account of how anyone checks it without
 * Casebook.
 */
final class BundleSignature {
    private BundleSignature() {
    }

    /** The vault's signer for this bundle; the certificate names the preparer as the cover prints it. */
    static BundleSigner signer(Vault vault, BundleContent content, TimeStampAuthority timeStamps, Clock clock) {
        String preparer = new Redactor(content.options().redactions()).plain(IndexEntry.producer(content));
        return new BundleSigner(SigningIdentity.forVault(vault, preparer, clock), timeStamps);
    }

    /** Signs the written file in place; a time-stamping authority that fails is the user's to fix (bad input). */
    static Signed sign(BundleSigner signer, Path file, Clock clock, Progress progress) throws IOException {
        progress.message(signer.authority() == null ? "Signing the bundle"
                : "Signing the bundle and asking " + signer.authority().uri().getHost() + " for a time-stamp");
        try {
            return signer.sign(file, clock.instant());
        } catch (TimeStampException e) {
            throw VaultException.badInput(e.getMessage() + " Try again, name another authority, or make the bundle"
                    + " without a time-stamp.");
        }
    }

    /** The appendix's section on the signature: what it proves, and three ways to check it. */
    static void explain(PageWriter w, BundleSigner signer) throws IOException {
        SigningIdentity identity = signer.identity();
        w.heading("How to check the signature");
        w.paragraph("This PDF carries a digital signature (PAdES, ETSI.CAdES.detached) made with a key that was"
                + " created inside the encrypted Casebook vault this bundle comes from and has never left it. The"
                + " signature covers every byte of the file except the signature value itself, and states when it was"
                + " made. Removing or adding a page, drawing over a word, or appending anything to the file after"
                + " signing either breaks the signature or leaves part of the file outside it: both show." + (signer
                .authority() == null ? "" : " An independent time-stamping authority (" + signer.authority().uri()
                + ") also certified the signature's time (RFC 3161)."), PageWriter.BODY);
        w.gap(4);
        w.paragraph("The certificate is issued to \u201C" + identity.name() + "\u201D (" + SigningIdentity.ORGANISATION
                + ") and signed by itself: it shows which vault signed the file, not that anyone has checked who holds"
                + " it, so a reader will call the signer \u201Cunknown\u201D or \u201Cnot trusted\u201D. Its SHA-256"
                + " fingerprint is:", PageWriter.BODY);
        w.paragraph(identity.certificateSha256(), PageWriter.MONO);
        w.gap(4);
        w.paragraph("1. In a PDF reader (Adobe Acrobat Reader, Foxit, Okular) open the signature panel: it should say"
                + " the document has not been modified since it was signed; the certificate's details show the"
                + " fingerprint above.\n2. Or run: pdfsig bundle.pdf (poppler-utils). It should report \u201CSignature"
                + " is Valid\u201D and \u201CTotal document signed\u201D.\n3. Or with OpenSSL: pdfsig -dump bundle.pdf"
                + " saves the signature as bundle.pdf.sig0; the signed bytes are the file without the part the"
                + " signature's ByteRange [0 a b c] leaves out: (head -c a bundle.pdf; tail -c +$((b+1)) bundle.pdf)"
                + " > signed.bin; then openssl cms -verify -binary -inform DER -in bundle.pdf.sig0 -content signed.bin"
                + " -noverify -out checked.bin says \u201CVerification successful\u201D.\nWith Casebook: casebook"
                + " verify-bundle bundle.pdf checks the signature and every original together.", PageWriter.BODY);
    }
}
