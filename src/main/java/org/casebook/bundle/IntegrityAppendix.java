package org.casebook.bundle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.casebook.Version;
import org.casebook.bundle.sign.BundleSigner;

/**
 * The last section: every exhibit's SHA-256 on one line with its reference, the audit chain head, how the
 * evidence was collected, and how anyone can check the embedded originals with standard tools.
 */
final class IntegrityAppendix {
    private static final float[] X = {0, 40, 316, 376};
    /** The words verify-bundle reads: keep them in step with {@code check.IntegrityAppendix}. */
    static final String WITHHELD = "withheld";
    static final String COPY = "copy";
    static final String REDACTED_COPY = "This is a redacted copy.";

    private final BundleContent content;
    private final PageWriter w;
    private final OriginalPlans plans;
    private final BundleSigner signer;

    IntegrityAppendix(BundleContent content, PageWriter writer, OriginalPlans plans, BundleSigner signer) {
        this.content = content;
        this.w = writer;
        this.plans = plans;
        this.signer = signer;
    }

    void write() throws IOException {
        w.startTarget(IndexEntry.APPENDIX);
        w.title("Integrity appendix");
        w.paragraph("Each exhibit's original file is identified by its SHA-256 hash: a 64-character fingerprint that"
                + " changes completely if a single byte of the file changes. The originals travel inside this PDF as"
                + " attached files named by exhibit reference (for example \u201C"
                + (content.exhibits().isEmpty() ? "JS-1 IMG_1234.jpg" : OriginalEmbedder.attachmentName(
                        content.exhibits().get(0), s -> s)) + "\u201D)." + sentFiles(), PageWriter.BODY);
        w.gap(8);
        // At a court's minimum size (12 pt in a family bundle) a hash no longer fits its column: each hash then has
        // the line under its row to itself, still unbroken (what verify-bundle reads, and what a reader compares).
        boolean beside = w.width("0".repeat(64), PageWriter.HASH) <= width(1) - 4;
        float[] x = beside ? X : new float[] {0, 90, 210};
        List<PageWriter.Cell> head = new ArrayList<>();
        String[] titles = beside ? new String[] {"Exhibit", "SHA-256", "Kind", "Original file"}
                : new String[] {"Exhibit", "Kind", "Original file (SHA-256 below)"};
        for (int i = 0; i < titles.length; i++) {
            head.add(PageWriter.Cell.of(titles[i], PageWriter.SMALL_BOLD, PageWriter.LEFT + x[i], width(x, i)));
        }
        // One row per exhibit: the reference first and the original's hash on the same baseline (what
        // verify-bundle and a reader's eye look for). A withheld original says so in the Kind column; a photo
        // embedded as a cleaned copy gets a second row, "copy", with the copy's hash: what the attachment hashes to.
        List<List<List<PageWriter.Cell>>> rows = new ArrayList<>();
        for (ExhibitItem e : content.originals()) {
            String kind = e.kind() == ExhibitItem.Kind.CONVERSATION ? "messages"
                    : e.kind() == ExhibitItem.Kind.CAPTURE ? "web page (WARC)" : BundleSelection.kindNoun(e.mediaType());
            OriginalPlan plan = plans.of(e.reference());
            boolean withheld = plan.form() == OriginalPlan.Form.WITHHELD;
            String hash = e.sha256() == null ? "(no original)" : e.sha256();
            String file = e.fileName() + (withheld ? " (" + plan.reason().brief() + ")"
                    : plans.sharedFrom(e) != null ? " (embedded once, with " + plans.sharedFrom(e) + ")" : "");
            List<List<PageWriter.Cell>> block = new ArrayList<>();
            block.add(row(x, beside, PageWriter.Cell.of(e.reference(), PageWriter.SMALL_BOLD, 0, 0), hash,
                    PageWriter.Cell.of(withheld ? WITHHELD : kind, withheld ? PageWriter.SMALL_BOLD : PageWriter.SMALL,
                            0, 0), file));
            if (!beside && e.sha256() != null) {
                block.add(hashRow(e.sha256()));
            }
            if (plan.form() == OriginalPlan.Form.CLEANED) {
                block.add(row(x, beside, PageWriter.Cell.of(COPY, PageWriter.SMALL, 0, 0), plan.embeddedSha256(),
                        PageWriter.Cell.of("embedded", PageWriter.SMALL, 0, 0), "location and device details removed"));
                if (!beside) {
                    block.add(hashRow(plan.embeddedSha256()));
                }
            }
            rows.add(block);
        }
        // the column titles never sit alone at the foot of a page
        w.need(w.rowHeight(head) + 3 + (rows.isEmpty() ? 0 : w.rowHeight(rows.get(0).get(0))));
        w.row(head);
        w.rule(PageWriter.LEFT, PageWriter.RIGHT, 0.6f);
        w.gap(3);
        // each page the table runs on to starts with the column titles again
        w.continuation(() -> {
            try {
                w.row(head);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (List<List<PageWriter.Cell>> block : rows) {
            float height = 0;
            for (List<PageWriter.Cell> row : block) {
                height += w.rowHeight(row);
            }
            w.keepTogether(height, w.rowHeight(block.get(0))); // an original's row and its copy's on one page
            for (List<PageWriter.Cell> row : block) {
                w.row(row);
            }
        }
        w.continuation(null);
        w.gap(10);
        w.paragraph(beside ? "Audit chain head: " + content.auditHead()
                : "Audit chain head:\n" + content.auditHead(), PageWriter.MONO);
        w.gap(4);
        w.paragraph("Casebook keeps an append-only log of every change to the evidence; each entry holds the hash of"
                + " the one before, so altering or removing any earlier entry changes this final hash.",
                PageWriter.SMALL);
        w.heading("How the evidence was collected");
        w.paragraph("Diary entries were written by the witness in Casebook. Messages and calls were imported from the"
                + " export files their apps and phones produce (each named above as the exhibit's original file, with"
                + " the line each message came from); a file sent with a message (a photo in a chat, an e-mail's"
                + " attachment) was taken from the export byte for byte and has its message's time. Photos and"
                + " documents were added as the original files, byte for"
                + " byte; a photo is placed at the time its camera recorded (EXIF) where it has one, and otherwise at the time of"
                + " the diary entry it belongs to or the file's last-modified date, as its exhibit page says. Nothing is"
                + " altered on import: the originals are stored exactly as received, and every addition, edit and"
                + " deletion is recorded in the audit log." + (content.exhibits().stream()
                .anyMatch(e -> e.kind() == ExhibitItem.Kind.CAPTURE) ? " A web page was captured by Casebook"
                + " fetching its address: every response, as the server sent it, is kept in a WARC file (ISO 28500),"
                + " the capture's original; the screenshot was drawn from that archived copy, not from the live page,"
                + " and the time is this computer's clock when the page was fetched." : ""), PageWriter.BODY);
        w.heading("How to check the originals");
        w.paragraph("1. Extract the attached files: in a PDF reader open the attachments panel and save each one,"
                + " or run: pdfdetach -saveall bundle.pdf (poppler-utils).\n2. Compute each file's SHA-256: sha256sum"
                + " FILE (Linux), shasum -a 256 FILE (macOS), or certutil -hashfile FILE SHA256 (Windows).\n3. Compare"
                + " it with the table above. With Casebook: casebook verify-bundle bundle.pdf does all of this.",
                PageWriter.BODY);
        BundleSignature.explain(w, signer);
        if (plans.redacted()) {
            w.gap(4);
            w.paragraph(REDACTED_COPY + " Each hash in an exhibit's row is its original's. \u201C" + WITHHELD + "\u201D"
                    + " marks an original that is not embedded; its hash identifies the unredacted original, which can"
                    + " be produced separately. A \u201C" + COPY + "\u201D row under a photo gives the SHA-256 of the"
                    + " copy embedded instead, whose location and device details were removed: that is the hash the"
                    + " attachment gives. " + plans.summary(), PageWriter.BODY_BOLD);
        }
        w.gap(8);
        w.paragraph("Produced by Casebook " + Version.get() + ".", PageWriter.SMALL);
        w.finish();
    }

    /** How the files sent with messages are referenced, with this bundle's first one as the example. */
    private String sentFiles() {
        String sent = content.exhibits().stream()
                .filter(e -> e.kind() == ExhibitItem.Kind.CONVERSATION && !e.files().isEmpty()).findFirst()
                .map(e -> " A file sent with a message has a reference under its transcript's (the first sent in "
                        + e.reference() + " is " + e.files().get(0).reference() + ") and its row follows the"
                        + " transcript's.")
                .orElse("");
        String recaptured = content.exhibits().stream()
                .filter(e -> e.kind() == ExhibitItem.Kind.CAPTURE && !e.files().isEmpty()).findFirst()
                .map(e -> " A re-capture of a web page has a reference under its first capture's (the first in "
                        + e.reference() + " is " + e.files().get(0).reference() + "); each capture's original is"
                        + " its WARC file.")
                .orElse("");
        return sent + recaptured;
    }

    private static float width(int i) {
        return width(X, i);
    }

    private static float width(float[] x, int i) {
        return (i + 1 < x.length ? x[i + 1] : PageWriter.WIDTH) - x[i];
    }

    /** A row in the columns {@code x}: the hash in its own column only when it fits beside the reference. */
    private static List<PageWriter.Cell> row(float[] x, boolean beside, PageWriter.Cell first, String hash,
                                             PageWriter.Cell kind, String file) {
        List<PageWriter.Cell> out = new ArrayList<>();
        int i = 0;
        out.add(PageWriter.Cell.of(first.text(), first.style(), PageWriter.LEFT + x[i], width(x, i++)));
        if (beside) {
            out.add(PageWriter.Cell.of(hash, PageWriter.HASH, PageWriter.LEFT + x[i], width(x, i++)));
        }
        out.add(PageWriter.Cell.of(kind.text(), kind.style(), PageWriter.LEFT + x[i], width(x, i++)));
        out.add(PageWriter.Cell.of(file, PageWriter.SMALL, PageWriter.LEFT + x[i], width(x, i)));
        return out;
    }

    /** A hash alone on the line under its row, unbroken. */
    private static List<PageWriter.Cell> hashRow(String hash) {
        return List.of(PageWriter.Cell.of(hash, PageWriter.HASH, PageWriter.LEFT, PageWriter.WIDTH));
    }
}
