package org.casebook.bundle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Drawing order of right-to-left and mixed lines, and that the text layer reads back in reading order. */
class RightToLeftTest {
    private static final TextStyle BODY = new TextStyle(Face.REGULAR, 12);

    private static String drawn(TextLine line) {
        return ((TypesetLine) line).runs().stream().map(Run::text).collect(Collectors.joining());
    }

    @Test
    void hebrewWithNumbersIsReversedButTheNumbersAreNot() throws Exception {
        try (TextPage page = new TextPage()) {
            TextLine line = page.typesetter.line("שלח 25 הודעות", BODY);
            assertTrue(line.rightToLeft());
            assertEquals("תועדוה 25 חלש", drawn(line));
            assertEquals("שלח 25 הודעות", line.text());
        }
    }

    @Test
    void englishWithAnArabicNameKeepsTheEnglishInPlace() throws Exception {
        try (TextPage page = new TextPage()) {
            TextLine line = page.typesetter.line("Call Ahmed أحمد now", BODY);
            assertFalse(line.rightToLeft());
            String drawn = drawn(line);
            assertTrue(drawn.startsWith("Call Ahmed "), drawn);
            assertTrue(drawn.endsWith(" now"), drawn);
            // أحمد shaped (alef-hamza isolated, initial hah, medial meem, final dal) and drawn right to left
            assertEquals("\uFEAA\uFEE4\uFEA3\uFE83", drawn.substring("Call Ahmed ".length(), drawn.length() - 4));
        }
    }

    @Test
    void bracketsAreMirroredInRightToLeftText() throws Exception {
        try (TextPage page = new TextPage()) {
            TextLine line = page.typesetter.line("שלום (עולם)", BODY);
            assertEquals("(םלוע) םולש", drawn(line));
        }
    }

    @Test
    void wrappedRightToLeftParagraphKeepsReadingOrderAcrossLines() throws Exception {
        String arabic = "أعرف أين تسكنين وسأنتظرك غدا عند الباب";
        try (TextPage page = new TextPage()) {
            var lines = page.typesetter.wrap(arabic, BODY, 90);
            assertTrue(lines.size() > 1);
            StringBuilder reading = new StringBuilder();
            for (TextLine line : lines) {
                assertTrue(line.rightToLeft());
                assertTrue(line.width() <= 90);
                reading.append(Normalizer.normalize(line.text(), Normalizer.Form.NFKC)).append(' ');
            }
            assertEquals(arabic + " ", reading.toString(), "first words on the first line");
        }
    }

    @Test
    void theTextLayerReadsBackInReadingOrder() throws Exception {
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            page.write(SampleTexts.ARABIC, BODY);
            page.write(SampleTexts.MIXED_RTL, BODY);
            page.write(SampleTexts.MIXED_LTR, BODY);
            pdf = page.save();
        }
        String text = TextPage.extract(pdf);
        assertTrue(text.contains(SampleTexts.ARABIC), text);
        assertTrue(text.contains(SampleTexts.MIXED_RTL), text);
        assertTrue(text.contains(SampleTexts.MIXED_LTR), text);
    }
}
