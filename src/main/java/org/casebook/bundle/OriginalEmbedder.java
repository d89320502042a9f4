package org.casebook.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.casebook.evidence.SafeFileNames;
import org.casebook.vault.ByteCounts;
import org.casebook.vault.Sha256;
import org.casebook.vault.VaultException;

/**
 * Puts each exhibit's original inside the PDF as an associated file (PDF/A-3), named by its reference, so the
 * recipient can extract and re-hash it. Identical bytes are embedded once, under the first reference that has them
 * (one SMS backup holding many conversations, a photo sent twice): the file's description names every exhibit it
 * is the original of ("Exhibits JS/1, JS/4: export.xml"), so each can be checked against it. The bytes are streamed from the vault and hashed on the way: an original
 * that no longer matches its recorded SHA-256 stops the build rather than travel under a false hash.
 *
 * <p>In a redacted copy nothing travels that could give the witness away: a photo (JPEG, PNG, WebP) travels as a
 * copy without its location and device details ({@link PictureCleaner}), hashed as it is written so the appendix
 * can print both hashes; a document travels as it is only when its text holds no redacted text
 * ({@link OriginalScan}); a captured web page's WARC, and anything else, is withheld, and the bundle says why. Each decision is made, and each file
 * written, before the pages are laid out, since the cover and the appendix say what was done.
 */
final class OriginalEmbedder {
    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final COSName SOURCE = COSName.getPDFName("Source");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");

    private final PDDocument document;
    private final Originals originals;
    private final Redactor redactor;
    private final Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
    private final COSArray associated = new COSArray();
    /** Scan results by SHA-256 and media type: one export file holds several conversations' exhibits. */
    private final Map<String, Optional<Withheld>> scanned = new HashMap<>();
    /** The file embedded for each SHA-256 and media type, to embed identical bytes once. */
    private final Map<String, Embedded> bySha = new HashMap<>();
    /** Reference → the exhibit whose embedded file holds its bytes (itself when it is the first). */
    private final Map<String, ExhibitItem> carriers = new HashMap<>();

    /** One embedded file: how it travels, its specification, what its description says after the list. */
    private record Embedded(ExhibitItem first, OriginalPlan plan, PDComplexFileSpecification spec, String note,
                            List<String> references) {
    }

    OriginalEmbedder(PDDocument document, Originals originals, Redactor redactor) {
        this.document = document;
        this.originals = originals;
        this.redactor = redactor;
    }

    /**
     * "JS-12 IMG_1234.jpg": the reference made safe for a file name, then the original name made safe too (a
     * reader's PDF viewer saves the attachment under it: no path, no control or bidi-override characters).
     */
    static String attachmentName(ExhibitItem e, UnaryOperator<String> redact) {
        return e.reference().replace('/', '-') + " " + SafeFileNames.clean(redact.apply(e.fileName()));
    }

    /**
     * Decides how the exhibit's original travels and, unless it is withheld, embeds it now, or names this exhibit
     * in the file already embedded with the same bytes.
     */
    OriginalPlan embed(ExhibitItem e) {
        if (e.sha256() == null) {
            return OriginalPlan.NONE;
        }
        Embedded earlier = bySha.get(e.sha256() + " " + e.mediaType());
        if (earlier != null) {
            earlier.references().add(e.reference());
            earlier.spec().setFileDescription(description(earlier.references(), earlier.first(), earlier.note()));
            carriers.put(e.reference(), earlier.first());
            return earlier.plan();
        }
        if (!redactor.active()) {
            return original(e);
        }
        if (e.kind() == ExhibitItem.Kind.CAPTURE) {
            // an archived page holds compressed bodies, scripts and pictures no text search can clear
            return OriginalPlan.withheld(Withheld.CAPTURE);
        }
        if (PictureCleaner.cleanable(e.mediaType())) {
            return cleaned(e);
        }
        Withheld reason = scanned.computeIfAbsent(e.sha256() + " " + e.mediaType(), k -> Optional.ofNullable(
                originals.read(e.sha256(), in -> new OriginalScan(redactor).check(e.mediaType(), in)))).orElse(null);
        return reason != null ? OriginalPlan.withheld(reason) : original(e);
    }

    private OriginalPlan original(ExhibitItem e) {
        long[] size = {0};
        PDEmbeddedFile file = originals.read(e.sha256(), in -> {
            MessageDigest sha = Sha256.newDigest();
            DigestInputStream hashing = new DigestInputStream(ByteCounts.counting(in, size), sha);
            // Already-compressed media gain nothing from Flate; text exports shrink a lot.
            PDEmbeddedFile ef = compressible(e.mediaType())
                    ? new PDEmbeddedFile(document, hashing, COSName.FLATE_DECODE)
                    : stored(hashing);
            checkOriginal(e, sha);
            return ef;
        });
        return attach(e, file, size[0], "", OriginalPlan.original(e.sha256(), size[0]));
    }

    /** A picture's copy without its location and device details, with the copy's own SHA-256. */
    private OriginalPlan cleaned(ExhibitItem e) {
        long[] size = {0};
        String[] copySha = new String[1];
        PDEmbeddedFile file = originals.read(e.sha256(), in -> {
            MessageDigest sha = Sha256.newDigest();
            DigestInputStream hashing = new DigestInputStream(in, sha);
            MessageDigest copy = Sha256.newDigest();
            COSStream stream = document.getDocument().createCOSStream();
            stream.setItem(COSName.TYPE, EMBEDDED_FILE);
            try (OutputStream raw = stream.createRawOutputStream();
                 OutputStream out = new DigestOutputStream(ByteCounts.counting(raw, size), copy)) {
                PictureCleaner.clean(e.mediaType(), hashing, out);
            } catch (PictureCleaner.NotCleanable ex) {
                return null;
            }
            hashing.transferTo(OutputStream.nullOutputStream()); // the rest is hashed, never embedded
            checkOriginal(e, sha);
            copySha[0] = Sha256.hex(copy.digest());
            return new PDEmbeddedFile(stream);
        });
        if (file == null) {
            return OriginalPlan.withheld(Withheld.UNCLEANABLE);
        }
        return attach(e, file, size[0], " (a copy with its location and device details removed; SHA-256 of the"
                + " original: " + e.sha256() + ")", OriginalPlan.cleaned(copySha[0], size[0]));
    }

    private static void checkOriginal(ExhibitItem e, MessageDigest sha) {
        String actual = Sha256.hex(sha.digest());
        if (!actual.equals(e.sha256())) {
            throw new VaultException(VaultException.Kind.DAMAGED, "The stored original of exhibit " + e.reference()
                    + " does not match its recorded SHA-256; no bundle was written. Run: casebook verify");
        }
    }

    /** The exhibit whose embedded file holds {@code reference}'s original, or null when none is embedded. */
    ExhibitItem carrier(String reference) {
        return carriers.get(reference);
    }

    private OriginalPlan attach(ExhibitItem e, PDEmbeddedFile file, long size, String note, OriginalPlan plan) {
        String name = attachmentName(e, redactor::plain);
        file.setSubtype(e.mediaType());
        // /Size is an integer in PDF; files over 2 GB keep their exact size in the appendix instead
        file.setSize((int) Math.min(Integer.MAX_VALUE, size));
        // No /CheckSum: it is optional, an MD5 that nothing checks, and cost seconds per gigabyte of originals;
        // the SHA-256 printed in the bundle is the check that matters.
        Calendar added = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        added.setTimeInMillis(e.added().toEpochMilli());
        file.setCreationDate(added);
        file.setModDate(added);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(name);
        spec.setFileUnicode(name);
        List<String> references = new ArrayList<>(List.of(e.reference()));
        spec.setFileDescription(description(references, e, note));
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.getCOSObject().setItem(AF_RELATIONSHIP, SOURCE);
        files.put(e.reference(), spec);
        associated.add(spec.getCOSObject());
        bySha.put(e.sha256() + " " + e.mediaType(), new Embedded(e, plan, spec, note, references));
        carriers.put(e.reference(), e);
        return plan;
    }

    /** "Exhibit JS/1: export.xml", or for bytes that are several exhibits' original "Exhibits JS/1, JS/4: …". */
    private String description(List<String> references, ExhibitItem first, String note) {
        return (references.size() > 1 ? "Exhibits " : "Exhibit ") + String.join(", ", references) + ": "
                + redactor.plain(first.fileName()) + note;
    }

    /**
     * An embedded file stored as it is. Written through the stream's raw output: PDFBox's unfiltered
     * {@code PDEmbeddedFile(document, in)} passes every byte through a separate call, which cost over half the
     * build time of a bundle with 1 GB of photos.
     */
    private PDEmbeddedFile stored(InputStream in) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        stream.setItem(COSName.TYPE, EMBEDDED_FILE);
        try (OutputStream raw = stream.createRawOutputStream()) {
            in.transferTo(raw);
        }
        return new PDEmbeddedFile(stream);
    }

    /** Writes the name tree and the catalog's /AF array (call once, after every embed). */
    void finish() {
        if (files.isEmpty()) {
            return;
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        document.getDocumentCatalog().setNames(names);
        document.getDocumentCatalog().getCOSObject().setItem(AF, associated);
    }

    private static boolean compressible(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.endsWith("xml") || mediaType.endsWith("json")
                || mediaType.equals(CaptureExhibits.MEDIA_TYPE)
                || mediaType.startsWith("message/") || mediaType.equals("application/octet-stream");
    }
}
