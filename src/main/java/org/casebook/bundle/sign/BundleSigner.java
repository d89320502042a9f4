package org.casebook.bundle.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Signs a finished PDF where it lies with one PAdES signature whose byte range is the whole file but the
 * signature value: any later change (a page removed, text drawn over, an update appended) shows. The signature
 * is an incremental update appended to the file; the file is streamed twice (to hash it, and as PDFBox writes the
 * update after it, which {@link AppendedOutput} drops) and never held in memory.
 */
public final class BundleSigner {
    /** Room for the CMS signature: the certificate and signature take about 1 KB; a time-stamp adds a few. */
    private static final int SIGNATURE_SPACE = 8 * 1024;
    private static final int TIME_STAMPED_SPACE = 32 * 1024;
    public static final String REASON = "Casebook evidence bundle: any change to this file after signing breaks"
            + " this signature";

    private final SigningIdentity identity;
    private final TimeStampAuthority authority;

    /** @param authority the time-stamping authority to ask, or null for none */
    public BundleSigner(SigningIdentity identity, TimeStampAuthority authority) {
        this.identity = identity;
        this.authority = authority;
    }

    public SigningIdentity identity() {
        return identity;
    }

    /** The time-stamping authority asked, or null. */
    public TimeStampAuthority authority() {
        return authority;
    }

    /** Signs {@code pdf} in place at {@code signingTime} (the signature dictionary's /M). */
    public Signed sign(Path pdf, Instant at) throws IOException {
        Instant signingTime = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // what a PDF date holds
        long length = Files.size(pdf);
        try (PDDocument document = Loader.loadPDF(new FileRead(pdf));
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(identity.name());
            signature.setReason(REASON);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(when);
            options.setPreferredSignatureSize(authority == null ? SIGNATURE_SPACE : TIME_STAMPED_SPACE);
            document.addSignature(signature, new CadesSignature(identity, authority), options);
            // PDF/A: every annotation, the invisible signature's widget too, is marked printable
            for (PDSignatureField field : document.getSignatureFields()) {
                for (PDAnnotationWidget widget : field.getWidgets()) {
                    widget.setPrinted(true);
                }
            }
            try (OutputStream out = new AppendedOutput(pdf, length)) {
                document.saveIncremental(out);
            }
        }
        return new Signed(identity.name(), identity.certificateSha256(), signingTime,
                authority == null ? null : authority.uri());
    }
}
