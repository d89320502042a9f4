package org.casebook.bundle.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontFactory;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * (g) Every font the pages use is embedded, so the bundle looks the same on every computer (and PDF/A
 * requires it). Fonts are found in page resources and in the forms they draw; shared resources and fonts
 * are looked at once, by identity, which keeps thousands of pages fast.
 */
final class FontRule {
    private static final int MAX_FORM_DEPTH = 24;

    private final Set<COSBase> seenResources = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenFonts = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> notEmbedded = new LinkedHashSet<>();
    private int fontCount;
    /** Fonts of a document not yet saved that saving embeds (a subset font is written then). */
    private final java.util.function.Predicate<COSDictionary> embedsOnSave;

    FontRule() {
        this(font -> false);
    }

    FontRule(java.util.function.Predicate<COSDictionary> embedsOnSave) {
        this.embedsOnSave = embedsOnSave;
    }

    RuleResult check(PDDocument document) throws IOException {
        int pageNumber = 0;
        for (PDPage page : document.getPages()) {
            pageNumber++;
            visit(page.getResources(), pageNumber, 0);
        }
        String rule = "Every font is embedded";
        if (!notEmbedded.isEmpty()) {
            List<String> shown = new ArrayList<>(notEmbedded).subList(0, Math.min(5, notEmbedded.size()));
            return new RuleResult("fonts-embedded", rule, false, "not embedded: "
                    + PageLists.problems(shown, notEmbedded.size()));
        }
        return new RuleResult("fonts-embedded", rule, true, fontCount == 0 ? "the pages use no fonts"
                : fontCount + " font" + (fontCount == 1 ? "" : "s") + ", all embedded");
    }

    private void visit(PDResources resources, int pageNumber, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH || !seenResources.add(resources.getCOSObject())) {
            return;
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                COSDictionary fontDictionary = fonts.getCOSDictionary(name);
                if (fontDictionary != null && seenFonts.add(fontDictionary)) {
                    fontCount++;
                    PDFont font = PDFontFactory.createFont(fontDictionary, resources.getResourceCache());
                    if (!font.isEmbedded() && !embedsOnSave.test(fontDictionary)) {
                        notEmbedded.add(font.getName() + " (first on page " + pageNumber + ")");
                    }
                }
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            if (!resources.isImageXObject(name)) {
                PDXObject xobject = resources.getXObject(name);
                if (xobject instanceof PDFormXObject form) {
                    visit(form.getResources(), pageNumber, depth + 1);
                }
            }
        }
    }
}
