package org.casebook.imports.sms;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Format detection: the name of the root element in the first bytes of an XML file, without parsing it. */
final class XmlHead {
    private XmlHead() {
    }

    /**
     * The root element's name, or null when the bytes do not start like an XML document or end before its
     * root element does (a very long prolog).
     */
    static String rootElement(byte[] head) {
        String text = decode(head);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = after(text, i, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = after(text, i, "-->");
            } else if (text.startsWith("<!DOCTYPE", i)) {
                int bracket = text.indexOf('[', i);
                int close = text.indexOf('>', i);
                i = bracket >= 0 && (close < 0 || bracket < close) ? after(text, bracket, "]") : close;
                i = i < 0 ? -1 : after(text, i, ">");
            } else if (c == '<') {
                int start = i + 1;
                int end = start;
                while (end < n && isNameChar(text.charAt(end))) {
                    end++;
                }
                if (end == start || end == n) {
                    return null;
                }
                return text.substring(start, end);
            } else {
                return null;
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int after(String text, int from, String end) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
    }

    private static String decode(byte[] b) {
        int n = b.length;
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (n >= 2 && b[0] == '<' && b[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (n >= 2 && b[0] == 0 && b[1] == '<') {
            cs = StandardCharsets.UTF_16BE;
        }
        return new String(b, skip, n - skip, cs);
    }
}
