package org.casebook.bundle.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.casebook.bundle.sign.CertificateNames;
import org.casebook.bundle.sign.TimeStampTokens;
import org.casebook.vault.Sha256;

/**
 * Checks a PDF's signature the way a careful reader would: each signature must be intact (the bytes it covers hash
 * to what was signed, and the certificate it carries verifies it) and its byte range must be the whole file but
 * the signature value, so nothing was added after it. A time-stamp, when present,
 * must certify this signature. The file is streamed, never read into memory.
 */
final class SignatureVerifier {
    /** A signature value is at most a few tens of kilobytes; a larger gap in the byte range hides something. */
    private static final long MAX_GAP = 2L * 256 * 1024 + 2;

    private SignatureVerifier() {
    }

    static SignatureCheck check(Path pdf, PDDocument document) throws IOException {
        long size = Files.size(pdf);
        List<PDSignature> signatures = document.getSignatureDictionaries();
        if (signatures.isEmpty()) {
            return SignatureCheck.missing(size);
        }
        // Casebook signs once. A second signature added later (after changes, say) must not hide that the first
        // no longer covers the whole file: every signature is checked, the first that fails decides.
        List<PDSignature> inOrder = new java.util.ArrayList<>(signatures);
        inOrder.sort(java.util.Comparator.comparingLong(s -> end(s.getByteRange())));
        SignatureCheck first = null;
        for (PDSignature s : inOrder) {
            SignatureCheck checked = new Checked(pdf, size, s, signatures.size()).check();
            if (!checked.intact()) {
                return checked;
            }
            first = first == null ? checked : first;
        }
        return first;
    }

    private static long end(int[] range) {
        return range == null || range.length != 4 ? -1 : (long) range[2] + range[3];
    }

    /** One signature being checked, and what has been learnt about it so far. */
    private static final class Checked {
        private final Path pdf;
        private final long size;
        private final PDSignature signature;
        private final int count;
        private String signer;
        private String organisation;
        private String certificateSha256;
        private Instant timeStamp;
        private String authority;

        Checked(Path pdf, long size, PDSignature signature, int count) {
            this.pdf = pdf;
            this.size = size;
            this.signature = signature;
            this.count = count;
        }

        SignatureCheck check() throws IOException {
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
                    || range[3] < 0 || range[2] - range[1] > MAX_GAP) {
                return result(SignatureCheck.Status.BROKEN, false, "the signature's byte range "
                        + Arrays.toString(range) + " is not one a signature over the whole file has");
            }
            if (end(range) > size) {
                return result(SignatureCheck.Status.BROKEN, false, "the signature covers " + end(range)
                        + " bytes but the file has only " + size + ": the file was cut short or rewritten");
            }
            if (!holdsOnlyTheValue(range)) {
                return result(SignatureCheck.Status.BROKEN, false, "the bytes the signature leaves out are not its"
                        + " own value: the file was rewritten after it was signed");
            }
            String problem = verify(range);
            if (problem != null) {
                return result(SignatureCheck.Status.BROKEN, false, problem);
            }
            if (end(range) < size) {
                long added = size - end(range);
                return result(SignatureCheck.Status.NOT_WHOLE_FILE, false, "the signature is intact but does not"
                        + " cover the whole file: " + added + " byte" + (added == 1 ? " was" : "s were") + " added"
                        + " after it was signed (an incremental update, which can remove pages, draw over text or"
                        + " add content)" + (count > 1 ? "; the PDF holds " + count + " signatures" : ""));
            }
            return result(SignatureCheck.Status.VALID, true, "intact and covering the whole file: nothing has"
                    + " changed since it was signed");
        }

        private SignatureCheck result(SignatureCheck.Status status, boolean whole, String detail) {
            java.util.Calendar at = signature.getSignDate();
            return new SignatureCheck(status, detail, signer, organisation, certificateSha256,
                    at == null ? null : at.toInstant(), signature.getSubFilter(), whole, size, timeStamp, authority,
                    count);
        }

        /** The gap between the two signed ranges is exactly one hex string: the signature value. */
        private boolean holdsOnlyTheValue(int[] range) throws IOException {
            try (FileChannel channel = FileChannel.open(pdf, StandardOpenOption.READ)) {
                java.nio.ByteBuffer gap = java.nio.ByteBuffer.allocate(range[2] - range[1]);
                while (gap.hasRemaining() && channel.read(gap, range[1] + gap.position()) > 0) {
                    // read on
                }
                byte[] bytes = gap.array();
                if (gap.hasRemaining() || bytes[0] != '<' || bytes[bytes.length - 1] != '>') {
                    return false;
                }
                for (int i = 1; i < bytes.length - 1; i++) {
                    if (Character.digit(bytes[i], 16) < 0) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** Null when the signature verifies over its byte range, else why not. */
        private String verify(int[] range) throws IOException {
            CMSSignedData signed;
            SignerInformation info;
            X509CertificateHolder certificate;
            try {
                signed = new CMSSignedData(new FileRanges(pdf, range), signature.getContents());
                Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
                if (signers.size() != 1) {
                    return "the signature holds " + signers.size() + " signers, not one";
                }
                info = signers.iterator().next();
                @SuppressWarnings("unchecked")
                Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
                if (matches.isEmpty()) {
                    return "the signature does not carry the certificate it was made with";
                }
                certificate = matches.iterator().next();
                signer = CertificateNames.part(certificate.getSubject(), BCStyle.CN);
                organisation = CertificateNames.part(certificate.getSubject(), BCStyle.O);
                certificateSha256 = Sha256.of(certificate.getEncoded());
                if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    return "the signature value does not verify with its certificate";
                }
            } catch (CMSSignerDigestMismatchException e) {
                return "the signed bytes have changed since the file was signed (their hash no longer matches)";
            } catch (CMSException | org.bouncycastle.operator.OperatorCreationException
                     | java.security.cert.CertificateException | RuntimeException e) {
                return "the signature cannot be read or checked (" + PdfFiles.reason(e) + ")";
            }
            String binding = certificateBinding(info, certificate);
            if (binding != null) {
                return binding;
            }
            return checkTimeStamp(info);
        }

        /** PAdES: the signed signing-certificate-v2 attribute, when present, names this certificate. */
        private static String certificateBinding(SignerInformation info, X509CertificateHolder certificate)
                throws IOException {
            AttributeTable signedAttributes = info.getSignedAttributes();
            Attribute attribute = signedAttributes == null ? null
                    : signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            if (attribute == null) {
                return null;
            }
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts()[0];
            MessageDigest digest = digest(id.getHashAlgorithm().getAlgorithm());
            if (digest == null) {
                return null;
            }
            return Arrays.equals(digest.digest(certificate.getEncoded()), id.getCertHash()) ? null
                    : "the certificate the signature carries is not the one it was signed with";
        }

        /** An RFC 3161 time-stamp over the signature value, when there is one: valid, and for this signature. */
        private String checkTimeStamp(SignerInformation info) {
            AttributeTable unsigned = info.getUnsignedAttributes();
            Attribute attribute = unsigned == null ? null
                    : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (attribute == null) {
                return null;
            }
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(
                        attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                X509CertificateHolder tsa = TimeStampTokens.signerCertificate(token);
                if (tsa == null) {
                    return "the time-stamp does not carry its authority's certificate";
                }
                authority = CertificateNames.part(tsa.getSubject(), BCStyle.CN);
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
                MessageDigest digest = digest(token.getTimeStampInfo().getMessageImprintAlgOID());
                if (digest == null || !Arrays.equals(digest.digest(info.getSignature()),
                        token.getTimeStampInfo().getMessageImprintDigest())) {
                    return "the time-stamp certifies something other than this signature";
                }
                timeStamp = token.getTimeStampInfo().getGenTime().toInstant();
                return null;
            } catch (Exception e) {
                return "the time-stamp is not valid (" + PdfFiles.reason(e) + ")";
            }
        }

        private static MessageDigest digest(ASN1ObjectIdentifier algorithm) {
            try {
                return MessageDigest.getInstance(algorithm.getId());
            } catch (java.security.NoSuchAlgorithmException e) {
                return null;
            }
        }
    }

    /** The file's signed byte ranges, streamed into the digest. */
    private record FileRanges(Path file, int[] range) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                copy(channel, range[0], range[1], out);
                copy(channel, range[2], range[3], out);
            }
        }

        private static void copy(FileChannel channel, long from, long length, OutputStream out) throws IOException {
            channel.position(from);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("the file ends inside the signed range");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }

        @Override
        public Object getContent() {
            return file;
        }
    }
}
