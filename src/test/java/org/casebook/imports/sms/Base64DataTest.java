package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64DataTest {

    private static byte[] read(Base64Data data, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = data.open()) {
            byte[] buf = new byte[chunk];
            for (int n; (n = in.read(buf, 0, chunk)) >= 0; ) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void decodesEveryLengthWithAndWithoutPaddingAndLineBreaks() throws IOException {
        Random random = new Random(3);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String plain = Base64.getEncoder().encodeToString(bytes);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
            String mime = Base64.getMimeEncoder(8, "\r\n".getBytes()).encodeToString(bytes) + "\n  ";
            for (String text : new String[] {plain, unpadded, mime}) {
                for (int chunk : new int[] {1, 2, 3, 4, 7, 8192}) {
                    assertArrayEquals(bytes, read(new Base64Data(text, "p"), chunk), text + " / " + chunk);
                }
            }
        }
    }

    @Test
    void aLargePartStreams() throws IOException {
        byte[] bytes = new byte[3_000_001];
        new Random(5).nextBytes(bytes);
        Base64Data data = new Base64Data(Base64.getEncoder().encodeToString(bytes), "p");
        assertArrayEquals(bytes, read(data, 65_536));
        assertArrayEquals(bytes, read(data, 1000), "readable more than once while the message is imported");
    }

    @Test
    void rejectsWhatIsNotBase64() {
        for (String bad : new String[] {"AAAA*AAA", "AAAA-_AA", "A===", "AAAA=AAA", "AAAAA", "AA==AA==", "AAé="}) {
            IOException e = assertThrows(IOException.class, () -> read(new Base64Data(bad, "sms.xml, line 3, part a.jpg"), 64),
                    bad);
            assertTrue(e.getMessage().startsWith("sms.xml, line 3, part a.jpg: the base64 data "), e.getMessage());
        }
    }

    @Test
    void isGoneOnceReleased() throws IOException {
        Base64Data data = new Base64Data("AAEC", "p");
        assertEquals(3, read(data, 10).length);
        data.release();
        assertThrows(IOException.class, data::open);
    }
}
