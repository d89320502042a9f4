package org.casebook.imports.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class MetaTextTest {
    @Test
    void repairsLatin1MojibakeOfUtf8() {
        assertEquals("café", MetaText.repair("caf\u00c3\u00a9"));
        assertEquals("😆", MetaText.repair("\u00f0\u009f\u0098\u0086"));
        assertEquals(MetaText.Status.REPAIRED, MetaText.analyse("caf\u00c3\u00a9").status());
    }

    @Test
    void keepsDecomposedTextDecomposed() {
        String repaired = MetaText.repair("u\u00cc\u0088ber");
        assertEquals("u\u0308ber", repaired);
        assertEquals("über", Normalizer.normalize(repaired, Normalizer.Form.NFC));
    }

    @Test
    void leavesTextWithCharactersAboveLatin1Alone() {
        String quoted = "\u201cquoted\u201d café";
        MetaText.Result r = MetaText.analyse(quoted);
        assertSame(quoted, r.text());
        assertEquals(MetaText.Status.NOT_MOJIBAKE, r.status());
    }

    @Test
    void leavesBytesThatAreNotUtf8Alone() {
        String latin1 = "\u00e9t\u00e9";
        MetaText.Result r = MetaText.analyse(latin1);
        assertSame(latin1, r.text());
        assertEquals(MetaText.Status.INVALID_UTF8, r.status());
        // overlong encoding of '/', and an encoded surrogate: strict UTF-8 refuses both
        assertEquals(MetaText.Status.INVALID_UTF8, MetaText.analyse("\u00c0\u00af").status());
        assertEquals(MetaText.Status.INVALID_UTF8, MetaText.analyse("\u00ed\u00a0\u0080").status());
    }

    @Test
    void asciiAndNullAreUnchanged() {
        assertEquals(MetaText.Status.UNCHANGED, MetaText.analyse("plain text").status());
        assertNull(MetaText.repair(null));
    }
}
