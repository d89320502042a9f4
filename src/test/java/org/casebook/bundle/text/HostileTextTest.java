package org.casebook.bundle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.BreakIterator;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text that makes PDFBox throw when drawn naively: it must become placeholders and warnings instead. */
class HostileTextTest {
    private static final TextStyle BODY = new TextStyle(Face.REGULAR, 11);

    @Test
    void characterNoFontHasBecomesAPlaceholderAndOneWarningPerCodePoint() throws Exception {
        String secret = "meet me at the station 𓀀 tonight 𓀀 ꔀ";  // Egyptian hieroglyph A001 and Vai: no font has them
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            List<TextLine> lines = page.write(secret, BODY);
            assertEquals(1, lines.size());
            assertEquals(List.of("No font has U+13000; shown as a placeholder (2 times)",
                    "No font has U+A500; shown as a placeholder"), page.warnings.all());
            pdf = page.save();
        }
        String text = TextPage.extract(pdf);
        assertTrue(text.contains("meet me at the station □ tonight □ □"), text);
    }

    @Test
    void controlsLoneSurrogatesAndNoncharactersArePlaceholdersNeverExceptions() throws Exception {
        String hostile = "a\u0000b\uD800c\uDC00d\uFFFFe\u0085f\u001Bg\u007Fh";
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            List<TextLine> lines = page.write(hostile, BODY);
            assertEquals(1, lines.size());
            assertEquals("a□b□c□d□e□f□g□h", lines.get(0).text());
            List<String> warnings = page.warnings.all();
            assertTrue(warnings.contains("U+0000 is a control character; shown as a placeholder"), warnings::toString);
            assertTrue(warnings.contains("U+D800 is half of a broken surrogate pair; shown as a placeholder"), warnings::toString);
            assertTrue(warnings.contains("U+DC00 is half of a broken surrogate pair; shown as a placeholder"), warnings::toString);
            assertTrue(warnings.contains("U+FFFF is not an assigned Unicode character; shown as a placeholder"), warnings::toString);
            assertTrue(warnings.contains("U+0085 is a control character; shown as a placeholder"), warnings::toString);
            assertEquals(7, warnings.size(), warnings::toString);
            for (String warning : warnings) {
                assertFalse(warning.contains("a") && warning.contains("b□"), "no evidence text in warnings");
            }
            pdf = page.save();
        }
        assertTrue(TextPage.extract(pdf).contains("a□b□c□d□e□f□g□h"));
    }

    @Test
    void tabsNewlinesZwjEmojiCombiningMarksAndBidiControlsDrawWithoutWarnings() throws Exception {
        String text = "col1\tcol2\r\nline two\rline three\u2028four\n"
                + "family 👩\u200D👩\u200D👧 heart ❤\uFE0F keycap 1\uFE0F\u20E3 thumbs 👍🏽\n"
                + "e\u0301 a\u0308 n\u0303 Z\u0335 \u05E9\u05C1\u05B8\n"
                + "\u202Eevil override\u202C \u2067isolate\u2069 \u200Fmark \u061Cletter";
        try (TextPage page = new TextPage()) {
            List<TextLine> lines = page.write(text, BODY);
            assertEquals("col1    col2", lines.get(0).text());
            assertEquals("line two", lines.get(1).text());
            assertEquals("line three", lines.get(2).text());
            assertEquals("four", lines.get(3).text());
            assertEquals(Normalizer.normalize("é ä ñ Z\u0335 \u05E9\u05C1\u05B8", Normalizer.Form.NFC), lines.get(5).text(), "combining marks composed where Unicode can");
            assertEquals(List.of(), page.warnings.all());
            page.save();
        }
    }

    @Test
    void aFiveThousandCharacterWordBreaksAnywhereAndNoLineIsTooWide() throws Exception {
        String word = "x".repeat(2500) + "https://example.org/" + "a/b?c=d&".repeat(310);
        try (TextPage page = new TextPage()) {
            List<TextLine> lines = page.write("see " + word + " end", BODY);
            assertTrue(lines.size() > 20, "wrapped into " + lines.size());
            StringBuilder joined = new StringBuilder();
            for (TextLine line : lines) {
                assertTrue(line.width() <= page.width(), () -> line.width() + " > " + page.width());
                joined.append(line.text());
            }
            assertEquals("see" + word + "end", joined.toString().replace(" ", ""), "nothing lost or duplicated");
            page.save();
        }
    }

    @Test
    void randomCodePointsNeverThrowAndNeverOverflow() throws Exception {
        Random random = new Random(20240301);
        try (TextPage page = new TextPage()) {
            for (int round = 0; round < 300; round++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(120);
                for (int i = 0; i < length; i++) {
                    switch (random.nextInt(6)) {
                        case 0 -> text.append((char) random.nextInt(0x10000));  // lone surrogates included
                        case 1 -> text.appendCodePoint(random.nextInt(0x110000));
                        case 2 -> text.append(' ');
                        case 3 -> text.appendCodePoint(0x600 + random.nextInt(0x100));  // Arabic
                        case 4 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));  // emoji
                        default -> text.append((char) ('a' + random.nextInt(26)));
                    }
                }
                float width = 20 + random.nextInt(400);
                TextStyle style = new TextStyle(Face.values()[round % 3], 6 + random.nextInt(14));
                for (TextLine line : page.typesetter.wrap(text.toString(), style, width)) {
                    assertTrue(line.width() <= width || graphemes(line.text()) == 1,
                            () -> "too wide: " + line.width() + " > " + width + " " + line.text().codePoints()
                                    .mapToObj(TextWarnings::codePoint).toList());
                }
                page.write(text.toString(), style);
            }
            page.save();
        }
    }

    /** A single grapheme cluster wider than the line (an emoji with stacked marks) cannot be split. */
    private static int graphemes(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        int count = 0;
        while (clusters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    @Test
    void degenerateWidthsAndEmptyTextDoNotThrow() throws Exception {
        try (TextPage page = new TextPage()) {
            Typesetter typesetter = page.typesetter;
            assertEquals(List.of(), typesetter.wrap("", BODY, 100));
            assertEquals(List.of(), typesetter.wrap(null, BODY, 100));
            assertEquals(3, typesetter.wrap("abc", BODY, 0).size(), "one grapheme per line");
            assertEquals(3, typesetter.wrap("abc", BODY, Float.NaN).size());
            assertEquals(1, typesetter.wrap("abc def", BODY, Float.POSITIVE_INFINITY).size());
            assertEquals(3, typesetter.wrap("a\n\nb", BODY, 100).size(), "blank line kept");
            assertEquals(0, typesetter.line("", BODY).width());
            assertEquals(typesetter.width("a b", BODY), typesetter.line("a\nb", BODY).width());
        }
    }
}
