package org.casebook.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming hash gives exactly the SHA-256 of the joined string's UTF-8, whatever the text holds. */
class Sha256WriterTest {
    private static final List<String> AWKWARD = List.of("", "plain ascii", "naïve café", "שלום עולם", "مرحبا",
            "👍🏽 family 👨‍👩‍👧", "tab\tand\r\nnewline\n", "back\\slash\\\\n", "\u0000nul\u0000", "\uFEFF\u200Ebidi\u202E",
            "lone high \uD83D end", "\uDC4D lone low", "\uD83D\uD83D two highs", "end with high \uD83D",
            "\uDC00", "\uD800", "?\uDFFF?", "\u07FF\u0800\uFFFF\u0080\u007F");

    private static String random(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x80));
                case 1 -> b.append((char) (0x80 + r.nextInt(0x780)));
                case 2 -> b.append((char) r.nextInt(0x10000)); // surrogates included, paired or not
                case 3 -> b.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 4 -> b.append(r.nextBoolean() ? '\\' : '\n');
                default -> b.append("ab");
            }
        }
        return b.toString();
    }

    private static byte[] sha(String s) {
        return Sha256.newDigest().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void utf8IsWhatGetBytesGivesForAnyText() {
        Sha256Writer w = new Sha256Writer();
        Random r = new Random(42);
        for (String s : AWKWARD) {
            assertArrayEquals(sha(s), w.utf8(s).digest(), s);
        }
        for (int i = 0; i < 2000; i++) {
            String s = random(r, r.nextInt(i % 100 == 0 ? 9000 : 60));
            assertArrayEquals(sha(s), w.utf8(s).digest(), "case " + i);
        }
    }

    @Test
    void escapedLinesAreWhatReplaceGives() {
        Sha256Writer w = new Sha256Writer();
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            String s = i < AWKWARD.size() ? AWKWARD.get(i) : random(r, r.nextInt(i % 100 == 0 ? 9000 : 60));
            String escaped = s.replace("\\", "\\\\").replace("\n", "\\n");
            assertArrayEquals(sha(escaped), w.utf8(s, true).digest(), "case " + i);
        }
    }

    @Test
    void textWithNothingToEscapeHashesAsItIsWhateverItsLength() {
        Sha256Writer w = new Sha256Writer();
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            String s = random(r, r.nextInt(i % 100 == 0 ? 9000 : 80)).replace("\\", "/").replace("\n", " ");
            assertArrayEquals(sha(s), w.utf8(s, true).digest(), "case " + i);
        }
    }

    @Test
    void piecesHashAsTheirJoinedString() {
        Sha256Writer w = new Sha256Writer();
        Random r = new Random(1);
        for (int i = 0; i < 500; i++) {
            String a = random(r, r.nextInt(30));
            String b = random(r, r.nextInt(5000));
            long n = r.nextLong() >> r.nextInt(64);
            String joined = a + "\u0000" + n + "#" + "kind=" + b + "\n" + Long.MIN_VALUE + Long.MAX_VALUE + 0 + -1;
            w.utf8(a).put(0).decimal(n).put('#').ascii("kind=").utf8(b).put('\n').decimal(Long.MIN_VALUE)
                    .decimal(Long.MAX_VALUE).decimal(0).decimal(-1);
            assertArrayEquals(sha(joined), w.digest(), "case " + i);
        }
    }

    @Test
    void hexAndLeadingLongMatchTheUsualForms() {
        byte[] hash = sha("casebook");
        byte[] hex = new byte[64];
        Sha256Writer.hex(hash, hex);
        assertEquals(Sha256.hex(hash), new String(hex, StandardCharsets.US_ASCII));
        assertEquals(Sha256.of("casebook"), new Sha256Writer().utf8("casebook").hex());
        long expected = java.nio.ByteBuffer.wrap(hash).getLong();
        assertEquals(expected, Sha256Writer.leadingLong(hash));
    }
}
