package org.casebook.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.casebook.evidence.Plural;
import org.casebook.vault.Progress;

/**
 * The exhibits, each from a new page under a header that identifies it completely: reference, description,
 * source, original file name, when it happened and was added, SHA-256. Then the exhibit itself: the transcript,
 * the photo, the merged PDF pages, the captures of a web page, or (audio, video, anything else) a page describing
 * the embedded original.
 */
final class ExhibitSection implements Closeable {
    private static final float LABEL_WIDTH = 110;

    private final BundleContent content;
    private final PageWriter w;
    private final PrintImages images;
    private final Originals originals;
    private final List<String> warnings;
    /** How each original travels: as it is, cleaned, or (in a redacted copy) withheld. */
    private final OriginalPlans plans;
    /** The exhibit each page belongs to, for the running header stamped on it. */
    private final Map<org.apache.pdfbox.cos.COSDictionary, String> pageExhibits = new IdentityHashMap<>();
    private final MergedOutlines mergedOutlines = new MergedOutlines();
    /** Merged PDFs stay open until the bundle is saved: their pages share objects with it. */
    private final List<BundleDocuments.Opened> merged = new ArrayList<>();

    ExhibitSection(BundleContent content, PageWriter writer, Originals originals, List<String> warnings,
                   OriginalPlans plans) {
        this.plans = plans;
        this.content = content;
        this.w = writer;
        this.originals = originals;
        this.images = new PrintImages(originals);
        this.warnings = warnings;
    }

    /** Each exhibit's front sheet, written before it; null for none. */
    private FrontSheets frontSheets;

    ExhibitSection withFrontSheets(FrontSheets sheets) {
        this.frontSheets = sheets;
        return this;
    }

    /** Keyed by the page's dictionary: PDFBox hands out a new PDPage wrapper each time it walks the pages. */
    /** The bookmarks the merged PDFs brought, by exhibit. */
    MergedOutlines mergedOutlines() {
        return mergedOutlines;
    }

    Map<org.apache.pdfbox.cos.COSDictionary, String> pageExhibits() {
        return pageExhibits;
    }

    void write(Progress progress, java.util.function.BooleanSupplier cancelled) throws IOException {
        for (ExhibitGroups.Group g : ExhibitGroups.of(content)) {
            write(g, progress, cancelled);
        }
    }

    /** One section of exhibits: its title page, then each exhibit from a new page. */
    void write(ExhibitGroups.Group group, Progress progress, java.util.function.BooleanSupplier cancelled)
            throws IOException {
        List<ExhibitItem> exhibits = group.exhibits();
        w.startTarget(group.key());
        w.title(group.title());
        if (exhibits.isEmpty()) {
            w.paragraph("No exhibits are in this selection.", PageWriter.BODY);
        } else {
            w.paragraph(Plural.of(exhibits.size(), "exhibit follows", "exhibits follow")
                    + ", each from a new page, " + (group.kind() == ExhibitGroups.Kind.NAMED
                    ? "in the order the witness chose" : "in the order the events happened") + ". References "
                    + (exhibits.size() == 1 ? "" : "run from ") + exhibits.get(0).reference()
                    + (exhibits.size() == 1 ? "" : " to " + exhibits.get(exhibits.size() - 1).reference()) + ".",
                    PageWriter.BODY);
        }
        w.finish();
        for (ExhibitItem e : exhibits) {
            if (cancelled.getAsBoolean() || progress.isCancelled()) {
                throw new Progress.CancelledException();
            }
            progress.message("Exhibit " + e.reference());
            int before = w.pages().size();
            exhibit(e);
            for (PDPage p : w.pages().subList(before, w.pages().size())) {
                pageExhibits.put(p.getCOSObject(), e.reference());
            }
            progress.update(++done, content.exhibits().size());
        }
    }

    /** Exhibits written so far, over all sections, for progress. */
    private int done;

    private void exhibit(ExhibitItem e) throws IOException {
        if (frontSheets != null) {
            frontSheets.write(w, e);
        }
        w.startTarget(e.key());
        w.continuation(() -> {
            try {
                w.paragraph("Exhibit " + e.reference() + " (continued)", PageWriter.SMALL_BOLD);
                w.gap(4);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        header(e);
        switch (e.kind()) {
            case CONVERSATION -> new TranscriptLayout(w, content.aCase().zone(), images, plans, warnings).write(e);
            case PHOTO -> photo(e);
            case PDF -> pdf(e);
            case FILE -> metadataOnly(e, null);
            case CAPTURE -> new CaptureLayout(w, content.aCase().zone(), content.captures(), originals, plans,
                    warnings).write(e);
        }
        w.finish();
    }

    private void header(ExhibitItem e) throws IOException {
        w.paragraph("Exhibit " + e.reference(), PageWriter.TITLE);
        w.gap(2);
        String when = Dates.span(e, content.aCase().zone()) + " — " + TimeSources.note(e.timeSource());
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Description", e.description()});
        facts.add(new String[] {"Source", e.source()});
        facts.add(new String[] {"Original file", e.fileName() + " (" + e.mediaType()
                + (e.size() >= 0 ? ", " + size(e.size()) : "") + ")" + (plans.sharedFrom(e) == null ? ""
                : "; the same file as the original of " + plans.sharedFrom(e) + ", embedded once as \u201C"
                + plans.attachmentName(e) + "\u201D")});
        facts.add(new String[] {"When it happened", when});
        if (e.camera() != null) {
            // the phone that took it is a device detail a redacted copy removes from the picture too
            facts.add(new String[] {"Camera", plans.redacted() ? "not shown in this redacted copy" : e.camera()});
        }
        facts.add(new String[] {"Added to Casebook", Dates.dayTime(e.added(), content.aCase().zone())});
        for (String[] f : facts) {
            w.row(List.of(PageWriter.Cell.of(f[0], PageWriter.SMALL_BOLD, PageWriter.LEFT, LABEL_WIDTH),
                    PageWriter.Cell.of(f[1], PageWriter.SMALL, PageWriter.LEFT + LABEL_WIDTH, PageWriter.WIDTH - LABEL_WIDTH)));
        }
        for (List<PageWriter.Cell> row : w.labelled("SHA-256", PageWriter.SMALL_BOLD,
                e.sha256() == null ? "none (no original file)" : e.sha256(), PageWriter.MONO, LABEL_WIDTH)) {
            w.row(row);
        }
        OriginalPlan plan = plans.of(e.reference());
        if (plan.form() == OriginalPlan.Form.CLEANED) {
            for (List<PageWriter.Cell> row : w.labelled("SHA-256 of the copy embedded", PageWriter.SMALL_BOLD,
                    plan.embeddedSha256() + "\n(location and device details removed)", PageWriter.MONO, LABEL_WIDTH)) {
                w.row(row);
            }
        }
        w.gap(4);
        w.rule(PageWriter.LEFT, PageWriter.RIGHT, 1);
        w.gap(10);
    }

    private void photo(ExhibitItem e) throws IOException {
        java.util.Optional<PrintImages.Picture> found;
        try {
            found = images.find(e.sha256());
        } catch (RuntimeException ex) {
            found = java.util.Optional.empty();
        }
        if (found.isEmpty()) {
            warnings.add("Exhibit " + e.reference() + ": the picture could not be decoded; a description page is"
                    + " shown instead and the original is embedded.");
            metadataOnly(e, "The picture could not be decoded for printing.");
            return;
        }
        PrintImages.Picture p = found.get();
        OriginalPlan plan = plans.of(e.reference());
        String caption = "Print copy, " + p.width() + " x " + p.height() + " pixels, scaled to fit; " + switch (plan.form()) {
            case CLEANED -> "a copy of the original without its location and device details is embedded";
            case WITHHELD -> "the original is not embedded in this redacted copy because " + plan.reason().because();
            default -> "the original is embedded";
        } + ". " + TimeSources.photoCaption(e.timeSource(), Dates.of(e, content.aCase().zone()));
        // room for the whole caption under the picture, so it never runs onto a page of its own
        float captionH = w.paragraphHeight(caption, PageWriter.SMALL, PageWriter.WIDTH) + 6;
        float maxW = PageWriter.WIDTH;
        float maxH = w.y() - PageWriter.BOTTOM - captionH;
        // Too little room left to show it at a readable size, or without going above 300 dpi: a fresh page.
        if (maxH < 200 || maxH < Math.min(p.minHeightPoints(), PageWriter.TOP - PageWriter.BOTTOM - captionH - 40)) {
            w.newPage();
            maxH = w.y() - PageWriter.BOTTOM - captionH;
        }
        float scale = Math.min(maxW / p.width(), maxH / p.height());
        float dw = p.width() * scale;
        float dh = p.height() * scale;
        float x = PageWriter.LEFT + (maxW - dw) / 2;
        float top = w.y();
        w.stream().drawImage(images.image(w.document(), p, dw, dh), x, top - dh, dw, dh);
        w.y(top - dh - 6);
        w.paragraph(caption, PageWriter.SMALL);
    }

    private void pdf(ExhibitItem e) throws IOException {
        OriginalPlan plan = plans.of(e.reference());
        if (plans.redacted() && plan.form() == OriginalPlan.Form.WITHHELD && plan.reason() != Withheld.PHOTO_DETAILS
                && plan.reason() != Withheld.ATTACHMENTS) {
            // its text holds redacted text, or could not be searched: its pages would carry it unredacted
            metadataOnly(e, "The pages of this document are not merged into this redacted copy because "
                    + plan.reason().because() + ".");
            return;
        }
        BundleDocuments.Opened opened;
        try {
            opened = originals.read(e.sha256(), in -> BundleDocuments.open(in));
        } catch (java.io.UncheckedIOException ex) {
            warnings.add("Exhibit " + e.reference() + ": the PDF could not be opened (" + ex.getCause().getMessage()
                    + "); a description page is shown instead and the original is embedded.");
            metadataOnly(e, "The PDF could not be opened for merging.");
            return;
        }
        PDDocument source = opened.document();
        if (source.isEncrypted()) {
            opened.close();
            warnings.add("Exhibit " + e.reference() + ": the PDF is password-protected and was not merged; the"
                    + " original is embedded.");
            metadataOnly(e, "The PDF is password-protected, so its pages could not be merged.");
            return;
        }
        merged.add(opened);
        if (plans.redacted()) {
            PdfPictures.clean(source); // the photos on its pages lose their location and device details too
        }
        int count = source.getNumberOfPages();
        w.paragraph("The " + count + (count == 1 ? " page" : " pages") + " that follow are the document as supplied,"
                + " merged unchanged apart from the bundle's page header and footer" + (plans.redacted()
                ? " and, in this redacted copy, the location and device details of any photo on them." : "."),
                PageWriter.BODY);
        w.finish();
        Map<org.apache.pdfbox.cos.COSDictionary, PDPage> copies = new IdentityHashMap<>();
        for (PDPage page : source.getPages()) {
            PDPage imported = w.document().importPage(page);
            w.adopt(imported);
            copies.put(page.getCOSObject(), imported);
        }
        mergedOutlines.read(e.key(), source, copies);
        int dangling = MergedLinks.retarget(source, copies);
        if (dangling > 0) {
            warnings.add("Exhibit " + e.reference() + ": " + (dangling == 1 ? "a link in the document pointed to no"
                    + " page of it and was taken off" : dangling + " links in the document pointed to no page of it"
                    + " and were taken off") + "; its other links open the merged pages.");
        }
    }

    private void metadataOnly(ExhibitItem e, String problem) throws IOException {
        if (problem != null) {
            w.paragraph(problem, PageWriter.BODY_BOLD);
            w.gap(4);
        }
        String kind = BundleSelection.kindNoun(e.mediaType());
        OriginalPlan plan = plans.of(e.reference());
        if (plan.form() == OriginalPlan.Form.WITHHELD || e.sha256() == null) {
            w.paragraph("This " + kind + (problem == null ? " cannot be shown on paper, and its" : "'s")
                    + " original is not embedded in this copy"
                    + (e.sha256() == null ? " (none was stored)." : " because " + plan.reason().because() + ". The"
                    + " SHA-256 above identifies the original byte for byte, so it can be produced and checked"
                    + " separately."), PageWriter.BODY);
            return;
        }
        boolean copy = plan.form() == OriginalPlan.Form.CLEANED;
        w.paragraph("This " + kind + (problem == null ? " cannot be shown on paper. " : ": ")
                + (copy ? "A copy of the original without its location and device details" : "The original file")
                + " travels inside this PDF as the attachment \u201C" + plans.attachmentName(e)
                + "\u201D (open the attachments panel of a PDF reader, or extract it as the integrity appendix"
                + " explains) and " + (copy ? "the SHA-256 of the copy above identifies it" : "its SHA-256 above"
                + " identifies it") + " byte for byte.", PageWriter.BODY);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public void close() throws IOException {
        for (BundleDocuments.Opened d : merged) {
            d.close();
        }
    }
}
