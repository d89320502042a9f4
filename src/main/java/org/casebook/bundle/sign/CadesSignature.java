package org.casebook.bundle.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.casebook.vault.Sha256;

/**
 * The CMS signature a PAdES (ETSI.CAdES.detached) PDF signature holds: detached over the bytes PDFBox streams in
 * (the whole file but the signature's own value), with the signed attributes PAdES baseline B asks for (content
 * type, message digest, the signing certificate's hash) and without a CMS signing-time (PAdES puts the signing
 * time in the signature dictionary's /M). With an authority, the signature value gets an RFC 3161 time-stamp.
 */
final class CadesSignature implements SignatureInterface {
    private final SigningIdentity identity;
    private final TimeStampAuthority authority;

    CadesSignature(SigningIdentity identity, TimeStampAuthority authority) {
        this.identity = identity;
        this.authority = authority;
    }

    @Override
    public byte[] sign(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes())
                    .build(new JcaContentSignerBuilder(SigningIdentity.SIGNATURE_ALGORITHM)
                            .build(identity.privateKey()), identity.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(identity.certificate())));
            CMSSignedData signed = generator.generate(new Streamed(content), false);
            if (authority != null) {
                signed = timeStamped(signed);
            }
            return signed.getEncoded(ASN1Encoding.DER);
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateEncodingException e) {
            throw new IOException("could not sign the bundle: " + e.getMessage(), e);
        }
    }

    /** PAdES: signing-certificate-v2 binds the certificate to the signature; no CMS signing-time. */
    private CMSAttributeTableGenerator signedAttributes() {
        ESSCertIDv2 id = new ESSCertIDv2(Sha256.newDigest().digest(SigningIdentity.encoded(identity.certificate())));
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        DefaultSignedAttributeTableGenerator defaults =
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
        return parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    /** Adds the authority's time-stamp over the signature value as an unsigned attribute (PAdES B-T). */
    private CMSSignedData timeStamped(CMSSignedData signed) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = authority.stamp(signer.getSignature());
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token.getEncoded()))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** The bytes to sign, streamed into the digest once: never held in memory. */
    private record Streamed(InputStream in) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            byte[] buffer = new byte[1 << 20]; // large reads go straight from the file (FileRead)
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
