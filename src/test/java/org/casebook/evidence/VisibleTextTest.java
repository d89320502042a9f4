package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What evidence-derived text looks like on a terminal or in a window, and in an exported file name. */
class VisibleTextTest {
    @Test
    void controlAndInvisibleCharactersAreShownAsEscapes() {
        assertEquals("a\\u001b[2Jb", VisibleText.line("a\u001b[2Jb"));
        assertEquals("one\\ntwo\\r\\tthree", VisibleText.line("one\ntwo\r\tthree"));
        assertEquals("invoice\\u202etxt.exe", VisibleText.line("invoice\u202Etxt.exe"));
        assertEquals("\\u2066x\\u2069 \\u200bzero \\ufeffbom \\u0085nel \\u009bcsi \\u007fdel",
                VisibleText.line("\u2066x\u2069 \u200Bzero \uFEFFbom \u0085nel \u009Bcsi \u007Fdel"));
        assertEquals("lone \\ud800", VisibleText.line("lone \uD800"));
    }

    @Test
    void ordinaryTextInAnyScriptIsLeftAlone() {
        String text = "Renée · Привет · שלום · 你好 · 👩\u200D👩\u200D👧 · क्‍ष";
        assertSame(text, VisibleText.line(text));
    }

    @Test
    void multiLineTextKeepsItsLineBreaksOnly() {
        assertEquals("first\nsecond\nthird \\u001b[31m", VisibleText.text("first\r\nsecond\nthird \u001b[31m"));
        assertEquals("a\\rb", VisibleText.text("a\rb"));
    }

    @Test
    void exportedFileNamesLoseOverridesAndInvisibleCharacters() {
        assertEquals("invoicetxt.exe", SafeFileNames.clean("invoice\u202Etxt.exe"));
        assertEquals("photo.jpg", SafeFileNames.clean("\u2067pho\u200Bto\uFEFF.jpg\u2069"));
        assertEquals("a_b_c.txt", SafeFileNames.clean("a\u001bb\u0085c.txt"));
        assertEquals("line_break.txt", SafeFileNames.clean("line\nbreak.txt"));
    }
}
