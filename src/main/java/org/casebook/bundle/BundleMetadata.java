package org.casebook.bundle;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageLayout;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.casebook.Version;

/**
 * What the PDF says about itself: document info and matching XMP (PDF/A-3b), the sRGB output intent, the
 * outline mirroring the index, and opening on page 1 at 100% in one column.
 */
final class BundleMetadata {
    /** Enough for an exhibit's reference and title in a reader's bookmarks panel. */
    private static final int BOOKMARK_CHARS = 90;

    private BundleMetadata() {
    }

    static void write(PDDocument document, String title, String author, String subject, Calendar created)
            throws IOException {
        write(document, title, author, subject, created, true);
    }

    /** @param pdfa whether to identify the file as PDF/A-3b: only when nothing in it is known to refute that */
    static void write(PDDocument document, String title, String author, String subject, Calendar created,
                      boolean pdfa) throws IOException {
        String producer = "Casebook " + Version.get() + " (Apache PDFBox)";
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator("Casebook");
        info.setProducer(producer);
        info.setCreationDate(created);
        info.setModificationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setDescription(subject);
        dc.setFormat("application/pdf");
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool("Casebook");
        basic.setCreateDate(created);
        basic.setModifyDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(producer);
        if (pdfa) {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            try {
                id.setPart(3);
                id.setConformance("B");
            } catch (BadFieldValueException e) {
                throw new IllegalStateException(e);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("Cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(bytes.toByteArray());
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setMetadata(metadata);

        PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
        catalog.setPageLayout(PageLayout.ONE_COLUMN);
        catalog.setOpenAction(Links.to(document.getPage(0)));
    }

    private static void nest(PDOutlineItem parent, List<MergedOutlines.Mark> marks, PDPage exhibit, Redactor redactor) {
        for (MergedOutlines.Mark m : marks) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(redactor.plain(m.title()));
            item.setDestination(Links.to(m.page() != null ? m.page() : exhibit));
            parent.addLast(item);
            nest(item, m.children(), exhibit, redactor);
        }
    }

    static Calendar now(java.time.Instant at) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli());
        return c;
    }

    /** The outline: one item per index entry, exhibits nested under "Exhibits". */
    static void outline(PDDocument document, List<IndexEntry> entries, java.util.Map<String, PDPage> targets,
                        Redactor redactor) {
        outline(document, entries, targets, redactor, key -> "");
    }

    /**
     * The outline, each exhibit's bookmark ending with the page number printed on its first page (the e-bundle
     * guidance asks bookmarks to carry the page), shortened at a word to stay readable in a side panel.
     */
    static void outline(PDDocument document, List<IndexEntry> entries, java.util.Map<String, PDPage> targets,
                        Redactor redactor, PageNumbers numbers) {
        outline(document, entries, targets, redactor, numbers, new MergedOutlines());
    }

    /**
     * The outline, with each merged PDF's own bookmarks nested under its exhibit. Every bookmark ends with the page
     * number printed on the page it opens (the e-bundle guidance asks bookmarks to carry the page), and an exhibit's
     * names its mark, title and date, shortened at a word to stay readable in a side panel.
     */
    static void outline(PDDocument document, List<IndexEntry> entries, java.util.Map<String, PDPage> targets,
                        Redactor redactor, PageNumbers numbers, MergedOutlines merged) {
        PDDocumentOutline outline = new PDDocumentOutline();
        // the last item at each level: an entry nests under the one before it a level up
        java.util.List<PDOutlineItem> open = new java.util.ArrayList<>();
        for (IndexEntry e : entries) {
            PDOutlineItem item = new PDOutlineItem();
            String page = numbers.of(e.key());
            String name = e.mark() == null ? e.title()
                    : e.named() + (e.detail() == null || e.detail().isBlank() ? "" : ", " + e.detail());
            item.setTitle(page.isEmpty() ? redactor.plain(redactor.brief(name, BOOKMARK_CHARS))
                    : redactor.plain(redactor.brief(name, BOOKMARK_CHARS)) + ", p. " + page);
            item.setDestination(Links.to(targets.get(e.key())));
            int level = Math.min(e.level(), open.size());
            while (open.size() > level) {
                open.remove(open.size() - 1);
            }
            if (level == 0) {
                outline.addLast(item);
            } else {
                open.get(level - 1).addLast(item);
            }
            open.add(item);
            if (e.mark() != null) {
                nest(item, merged.of(e.key()), targets.get(e.key()), redactor);
            }
        }
        document.getDocumentCatalog().setDocumentOutline(outline);
        outline.openNode();
    }
}
