package org.casebook.bundle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

class FontsAndRedactionTest {
    private static final TextStyle BODY = new TextStyle(Face.REGULAR, 12);

    @Test
    void everyFontUsedIsEmbeddedAsASubset() throws Exception {
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            for (String sample : SampleTexts.all()) {
                page.write(sample, BODY);
                page.write(sample, new TextStyle(Face.BOLD, 9));
                page.write(sample, new TextStyle(Face.MONO, 9));
            }
            pdf = page.save();
        }
        List<String> names = new ArrayList<>();
        try (PDDocument saved = Loader.loadPDF(pdf)) {
            for (PDPage page : saved.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font instanceof PDType0Font, font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+.+"), font.getName() + " is a subset");
                    names.add(font.getName().substring(7));
                }
            }
        }
        assertEquals(List.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono", "DroidSansFallback", "NotoEmoji-Regular"),
                names.stream().distinct().sorted().toList());
        assertTrue(pdf.length < 400_000, "subsets, not whole fonts: " + pdf.length + " bytes");
    }

    @Test
    void aLatinOnlyDocumentCarriesNoFallbackFonts() throws Exception {
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            page.write("Plain English only.", BODY);
            pdf = page.save();
        }
        try (PDDocument saved = Loader.loadPDF(pdf)) {
            PDResources resources = saved.getPage(0).getResources();
            List<String> names = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName().substring(7));
            }
            assertEquals(List.of("DejaVuSans"), names);
        }
    }

    @Test
    void redactionTokenIsABoxReadingRedactedAndCountsInTheWidth() throws Exception {
        String text = "My new address is \uE000 and my number is \uE000.";
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            Typesetter typesetter = page.typesetter;
            float withTokens = typesetter.width(text, BODY);
            float withoutTokens = typesetter.width(text.replace("\uE000", ""), BODY);
            float box = (withTokens - withoutTokens) / 2;
            assertTrue(box > typesetter.width("[redacted]", BODY) * 0.75f, "box " + box);
            for (float width = 60; width < 400; width += 7) {
                for (TextLine line : typesetter.wrap(text, BODY, width)) {
                    assertTrue(line.width() <= width, line.width() + " > " + width);
                }
            }
            page.write(text, BODY);
            page.write("שמי \uE000 ואני גרה ב-\uE000", BODY);
            assertEquals(List.of(), page.warnings.all());
            pdf = page.save();
        }
        // The box's padding reads as one more space to a text extractor: compare with runs of spaces folded.
        String extracted = TextPage.extract(pdf).replaceAll(" +", " ");
        assertTrue(extracted.contains("My new address is [redacted] and my number is [redacted]."), extracted);
        assertFalse(extracted.contains("\uE000"));
    }
}
