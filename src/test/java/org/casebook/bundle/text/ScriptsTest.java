package org.casebook.bundle.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ScriptsTest {
    private static final TextStyle BODY = new TextStyle(Face.REGULAR, 12);

    @Test
    void everyScriptRendersAndExtractsBack() throws Exception {
        byte[] pdf;
        try (TextPage page = new TextPage()) {
            for (String sample : SampleTexts.all()) {
                page.write(sample, BODY);
                page.write(sample, new TextStyle(Face.BOLD, 12));
                page.write(sample, new TextStyle(Face.MONO, 10));
            }
            assertEquals(java.util.List.of(), page.warnings.all(), "every sample character has a font");
            pdf = page.save();
        }
        String text = TextPage.extract(pdf);
        for (String sample : SampleTexts.all()) {
            if (sample.equals(SampleTexts.EMOJI)) {
                continue;  // the emoji font maps no text back for U+FE0F, checked below without it
            }
            assertTrue(text.contains(Normalizer.normalize(sample, Normalizer.Form.NFKC)), () -> sample + " in:\n" + text);
        }
        assertTrue(text.contains("😡🔪👀❤"), text);
    }
}
