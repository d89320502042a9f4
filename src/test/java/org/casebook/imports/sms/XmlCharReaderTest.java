package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casebook.imports.ImportException;
import org.junit.jupiter.api.Test;

class XmlCharReaderTest {

    private static XmlCharReader reader(String text) throws IOException {
        return reader(text.getBytes(StandardCharsets.UTF_8));
    }

    private static XmlCharReader reader(byte[] bytes) throws IOException {
        return new XmlCharReader(new ByteArrayInputStream(bytes), "test.xml");
    }

    private static String all(XmlCharReader r) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] buf = new char[4096];
        for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
            b.append(buf, 0, n);
        }
        return b.toString();
    }

    /** One char per call: the parser never does this, but a Reader must still be right. */
    private static String oneByOne(XmlCharReader r) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = r.read()) >= 0; ) {
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void rewritesSurrogatePairReferencesOnly() throws IOException {
        String in = "a=\"&#55357;&#56832;\" b=\"&#xD83D;&#xDE00;\" c=\"&#xd83d;&#56832;\" d=\"&#x1F600;&#128512;&amp;&lt;&#65;\"";
        XmlCharReader r = reader(in);
        assertEquals("a=\"😀\" b=\"😀\" c=\"😀\" d=\"&#x1F600;&#128512;&amp;&lt;&#65;\"", all(r));
        assertEquals(3, r.repairedPairs());
        assertEquals(0, r.loneSurrogates());
        assertEquals("a=\"😀\" b=\"😀\" c=\"😀\" d=\"&#x1F600;&#128512;&amp;&lt;&#65;\"", oneByOne(reader(in)));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() throws IOException {
        XmlCharReader r = reader("&#55357;x &#56832; &#55357;&#55357;&#56832; &#55357;&amp; &#55357;");
        assertEquals("\uFFFDx \uFFFD \uFFFD😀 \uFFFD&amp; \uFFFD", all(r));
        assertEquals(1, r.repairedPairs());
        assertEquals(5, r.loneSurrogates());
    }

    @Test
    void leavesCdataAndMalformedReferencesAlone() throws IOException {
        String in = "<![CDATA[&#55357;&#56832; ]] ]> ]]>&#55357;&#56832;<![CDATA[x]]]>&#xD83D;&#xDE00;"
                + " &#X D83D; &#55357 &#; &#x; &#0000000000000055357;";
        XmlCharReader r = reader(in);
        assertEquals("<![CDATA[&#55357;&#56832; ]] ]> ]]>😀<![CDATA[x]]]>😀"
                + " &#X D83D; &#55357 &#; &#x; &#0000000000000055357;", all(r));
        assertEquals(2, r.repairedPairs());
    }

    @Test
    void pairsAcrossBufferBoundariesAreStillFound() throws IOException {
        for (int pad = 65_500; pad < 65_560; pad++) {
            String in = "x".repeat(pad) + "&#55357;&#56832;" + "y".repeat(10);
            XmlCharReader r = reader(in);
            String out = all(r);
            assertEquals("x".repeat(pad) + "😀" + "y".repeat(10), out, "padding " + pad);
            assertEquals(1, r.repairedPairs());
        }
    }

    @Test
    void decodesByBomOrDeclarationAndCountsBadBytes() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"é\"/>";
        assertEquals(xml, all(reader(xml.getBytes(StandardCharsets.ISO_8859_1))));
        String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b=\"😀\"/>";
        byte[] be = utf16.getBytes(StandardCharsets.UTF_16); // with a BOM
        assertEquals(utf16, all(reader(be)));
        byte[] le = utf16.getBytes(StandardCharsets.UTF_16LE); // without one
        assertEquals(utf16, all(reader(le)));
        assertEquals("<a/>", all(reader(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'a', '/', '>'})));

        XmlCharReader bad = reader(new byte[] {'<', 'a', ' ', 'b', '=', '"', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, '"', '/', '>'});
        assertEquals("<a b=\"\uFFFD\uFFFD\"/>", all(bad));
        assertEquals(2, bad.malformedInputs());
        ImportException unknown = assertThrows(ImportException.class,
                () -> reader("<?xml version='1.0' encoding='X-KLINGON'?><a/>"));
        assertEquals("test.xml: is written in the character encoding \"X-KLINGON\", which Casebook cannot read.",
                unknown.getMessage());
    }

    @Test
    void tracksTheLastTagEndAsTheParserCountsLines() throws IOException {
        XmlCharReader r = reader("<a>\r\n<b/>\r\r<c>\n  <d/>tail");
        all(r);
        assertTrue(r.endReported());
        // lines: 1 "<a>", 2 "<b/>", 3 "", 4 "<c>", 5 "  <d/>tail": the last '>' is line 5, column 6
        assertTrue(r.isAfterLastTagEnd(5, 6));
        assertTrue(r.isAfterLastTagEnd(5, 11));
        assertTrue(r.isAfterLastTagEnd(6, 1));
        assertTrue(!r.isAfterLastTagEnd(5, 5));
        assertTrue(!r.isAfterLastTagEnd(4, 9));
    }

    @Test
    void takesDataAttributesOutOfTheStream() throws IOException {
        String in = "<part ct=\"image/png\" data=\"AAEC\nAwQF\" /><part data = 'QUJD' x=\"1\"/>"
                + "<part metadata=\"QUJD\" /><!-- data=\"QUJD\" --><p>data=\"QUJD\"</p>";
        XmlCharReader r = reader(in);
        String out = all(r);
        Matcher m = Pattern.compile("data=\"(casebook-embedded-[0-9a-f]+-0)\n\" />"
                + "<part data = '(casebook-embedded-[0-9a-f]+-1)' x=\"1\"/>").matcher(out);
        assertTrue(m.lookingAt() || m.find(), out);
        assertEquals("<part ct=\"image/png\" " + out.substring(out.indexOf("data=")), out);
        assertTrue(out.endsWith("<part metadata=\"QUJD\" /><!-- data=\"QUJD\" --><p>data=\"QUJD\"</p>"), out);
        assertEquals("AAEC\nAwQF", r.embedded(m.group(1)).toString());
        assertEquals("QUJD", r.embedded(m.group(2) + "  ").toString(), "the parser turns the newlines into spaces");
        assertNull(r.embedded(m.group(1)), "handed over once");
        assertEquals("casebook-embedded-0000000000000000-0",
                r.embedded("casebook-embedded-0000000000000000-0"), "another reader's token is just text");
        assertEquals("plain", r.embedded("plain"));
    }

    @Test
    void aDataValueThatIsNotBase64IsLeftToTheParser() throws IOException {
        XmlCharReader r = reader("<part data=\"AAAA&amp;&#55357;&#56832;BBBB\"/><part data=\"\"/>");
        String out = all(r);
        assertTrue(out.startsWith("<part data=\"AAAA&amp;😀BBBB\"/><part data=\"casebook-embedded-"), out);
        assertEquals(1, r.repairedPairs());
    }

    @Test
    void aFileThatEndsInsideDataEndsAfterTheToken() throws IOException {
        XmlCharReader r = reader("<smses>\n<part data=\"AAAA\nBBBB");
        String out = all(r);
        assertTrue(out.matches("<smses>\n<part data=\"casebook-embedded-[0-9a-f]+-0\n"), out);
        assertTrue(r.isAfterLastTagEnd(3, 1));
    }

    @Test
    void aVeryLargeDataValueIsKeptCompactly() throws IOException {
        StringBuilder b = new StringBuilder("<part data=\"");
        for (int i = 0; i < 300_000; i++) {
            b.append("QUJD");
        }
        XmlCharReader r = reader(b.append("\"/>").toString());
        String out = all(r);
        assertTrue(out.length() < 100, out);
        CharSequence data = r.embedded(out.substring(out.indexOf('"') + 1, out.lastIndexOf('"')));
        assertEquals(1_200_000, data.length());
        assertEquals('Q', data.charAt(1_199_996));
        assertEquals("QUJDQUJD", data.subSequence(65_532, 65_540).toString());
    }

    @Test
    void closesTheStream() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new XmlCharReader(in, "x").close();
        assertTrue(closed[0]);
    }
}
