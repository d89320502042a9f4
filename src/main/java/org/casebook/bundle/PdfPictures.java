package org.casebook.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Photos inside a PDF exhibit keep what the camera wrote: a JPEG is stored in a PDF as the file itself
 * (DCTDecode), EXIF and all, and an image may carry XMP of its own. For a redacted copy: {@link #hasDetails} says
 * whether any does (then the original PDF is withheld), {@link #clean} removes them from the pages that are
 * merged into the bundle. Form XObjects are followed, each object once.
 */
final class PdfPictures {
    /** A JPEG inside a PDF larger than this is not taken apart; it counts as having details. */
    private static final int MAX_JPEG_BYTES = 64 * 1024 * 1024;

    private PdfPictures() {
    }

    static boolean hasDetails(PDDocument d) throws IOException {
        Walk walk = new Walk(false);
        for (PDPage page : d.getPages()) {
            if (page.getCOSObject().containsKey(COSName.METADATA)) {
                return true;
            }
            walk.resources(page.getResources(), 0);
            if (walk.found) {
                return true;
            }
        }
        return false;
    }

    /** Removes the pictures' metadata in place (the document is a throwaway copy opened for merging). */
    static void clean(PDDocument d) throws IOException {
        Walk walk = new Walk(true);
        for (PDPage page : d.getPages()) {
            page.getCOSObject().removeItem(COSName.METADATA);
            page.getCOSObject().removeItem(COSName.PIECE_INFO);
            walk.resources(page.getResources(), 0);
        }
    }

    private static final class Walk {
        private final boolean clean;
        private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean found;

        Walk(boolean clean) {
            this.clean = clean;
        }

        void resources(PDResources resources, int depth) throws IOException {
            if (resources == null || depth > 16) {
                return;
            }
            for (COSName name : resources.getXObjectNames()) {
                PDXObject x;
                try {
                    x = resources.getXObject(name);
                } catch (IOException e) {
                    continue; // an unreadable object is not drawn either
                }
                if (x == null || !seen.add(x.getCOSObject())) {
                    continue;
                }
                if (x instanceof PDImageXObject image) {
                    image(image.getCOSObject());
                    COSBase smask = image.getCOSObject().getDictionaryObject(COSName.SMASK);
                    if (smask instanceof COSStream mask && seen.add(mask)) {
                        image(mask);
                    }
                } else if (x instanceof PDFormXObject form) {
                    if (form.getCOSObject().containsKey(COSName.METADATA)) {
                        found = true;
                        if (clean) {
                            form.getCOSObject().removeItem(COSName.METADATA);
                        }
                    }
                    resources(form.getResources(), depth + 1);
                }
                if (found && !clean) {
                    return;
                }
            }
        }

        private void image(COSStream stream) throws IOException {
            if (stream.containsKey(COSName.METADATA)) {
                found = true;
                if (clean) {
                    stream.removeItem(COSName.METADATA);
                }
            }
            if (!dct(stream)) {
                return;
            }
            byte[] raw;
            try (InputStream in = stream.createRawInputStream()) {
                raw = in.readNBytes(MAX_JPEG_BYTES + 1);
            }
            if (raw.length > MAX_JPEG_BYTES) {
                found = true;
                return;
            }
            ByteArrayOutputStream cleaned = new ByteArrayOutputStream(raw.length);
            try {
                PictureCleaner.clean("image/jpeg", new java.io.ByteArrayInputStream(raw), cleaned);
            } catch (PictureCleaner.NotCleanable e) {
                found = true; // cannot tell: treat as carrying details (the page still shows as it is)
                return;
            }
            byte[] out = cleaned.toByteArray();
            if (!Arrays.equals(raw, out)) {
                found = true;
                if (clean) {
                    try (OutputStream w = stream.createRawOutputStream()) {
                        w.write(out);
                    }
                }
            }
        }

        /** A JPEG stored as it is: DCTDecode as the only filter. */
        private static boolean dct(COSStream stream) {
            COSBase filter = stream.getFilters();
            if (filter instanceof COSArray array) {
                return array.size() == 1 && COSName.DCT_DECODE.equals(array.getObject(0));
            }
            return COSName.DCT_DECODE.equals(filter) || COSName.DCT_DECODE_ABBREVIATION.equals(filter);
        }
    }
}
