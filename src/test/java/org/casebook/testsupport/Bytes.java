package org.casebook.testsupport;

import java.nio.charset.StandardCharsets;

/** Byte-level search, for proving that no plaintext reaches the disk. */
public final class Bytes {
    private Bytes() {
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static boolean containsText(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16LE)) >= 0
                || indexOf(haystack, text.getBytes(StandardCharsets.UTF_16BE)) >= 0;
    }
}
