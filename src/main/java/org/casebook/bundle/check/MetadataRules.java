package org.casebook.bundle.check;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;

/** The document-level rules: PDF/A-3b identification with an output intent, and a title. */
final class MetadataRules {
    /** Real XMP packets are kilobytes; a larger one is not read (hostile files). */
    private static final int MAX_XMP_BYTES = 8 << 20;

    private final PDDocument document;

    MetadataRules(PDDocument document) {
        this.document = document;
    }

    /**
     * (h) The XMP says PDF/A part 3, conformance B, and a PDF/A output intent carries an ICC profile. This is
     * the identification only: whether every object conforms is for a full validator (veraPDF) to say.
     */
    RuleResult pdfa3b() throws IOException {
        String rule = "PDF/A-3b identification (XMP pdfaid part 3, conformance B) with an output intent";
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = catalog.getMetadata();
        if (metadata == null) {
            return new RuleResult("pdfa-3b", rule, false, "the document has no XMP metadata, so no PDF/A identification");
        }
        byte[] xmp;
        try (InputStream in = metadata.exportXMPMetadata()) {
            xmp = in.readNBytes(MAX_XMP_BYTES + 1);
        }
        if (xmp.length > MAX_XMP_BYTES) {
            return new RuleResult("pdfa-3b", rule, false, "the XMP metadata is larger than 8 MB and was not read");
        }
        PDFAIdentificationSchema id;
        try {
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false);
            XMPMetadata parsed = parser.parse(xmp);
            id = parsed.getPDFAIdentificationSchema();
        } catch (XmpParsingException e) {
            return new RuleResult("pdfa-3b", rule, false, "the XMP metadata cannot be read (" + PdfFiles.reason(e) + ")");
        }
        if (id == null || id.getPart() == null) {
            return new RuleResult("pdfa-3b", rule, false, "the XMP metadata has no PDF/A identification (pdfaid)");
        }
        String claimed = "PDF/A-" + id.getPart() + (id.getConformance() == null ? "" : id.getConformance().toLowerCase());
        if (id.getPart() != 3 || !"B".equalsIgnoreCase(id.getConformance())) {
            return new RuleResult("pdfa-3b", rule, false, "the XMP identifies the file as " + claimed + ", not PDF/A-3b");
        }
        String intent = pdfaOutputIntent(catalog.getOutputIntents());
        if (intent == null) {
            return new RuleResult("pdfa-3b", rule, false, "identified as PDF/A-3b but has no PDF/A output intent "
                    + "with an ICC profile");
        }
        return new RuleResult("pdfa-3b", rule, true, "XMP pdfaid part 3, conformance B; output intent " + intent);
    }

    /** The first GTS_PDFA1 output intent with an ICC profile, described; null when there is none. */
    private static String pdfaOutputIntent(List<PDOutputIntent> intents) {
        for (PDOutputIntent intent : intents) {
            if ("GTS_PDFA1".equals(intent.getCOSObject().getNameAsString(COSName.S))
                    && intent.getDestOutputIntent() != null) {
                String name = intent.getOutputConditionIdentifier();
                return NavigationRules.quoted(name == null || name.isBlank() ? intent.getInfo() : name);
            }
        }
        return null;
    }

    /** (i) The Info dictionary's Title is set (readers show it instead of the file name). */
    RuleResult title() {
        String rule = "Document title set";
        String title = document.getDocumentInformation().getTitle();
        if (title == null || title.isBlank()) {
            return new RuleResult("title", rule, false, "the document information has no Title");
        }
        return new RuleResult("title", rule, true, "title " + NavigationRules.quoted(title));
    }
}
