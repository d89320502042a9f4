package org.casebook.imports.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Header text as real mail writes it: raw 8-bit bytes (UTF-8 or not) where RFC 5322 allows only ASCII,
 * RFC 2047 encoded words (adjacent, partial, split inside a multi-byte character), RFC 2231 parameters
 * ({@code filename*=UTF-8''...}, split {@code filename*0*=}, {@code filename*1*=}) and addresses.
 */
final class HeaderText {
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("=\\?([^?*\\s]+)\\*[^?\\s]*\\?");
    private static final Map<Charset, Charset> CHARSET_OVERRIDES = Map.of(StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1252"));
    private static final Pattern SECTION = Pattern.compile("^(.+?)(?:\\*(\\d{1,3}))?(\\*)?$");

    private HeaderText() {
    }

    /** A header field's name and unfolded value, from its raw bytes. */
    record RawHeader(String name, String value) {
        String lowerName() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** Decodes a raw header field (name, colon, value, folding line breaks) into name and unfolded value. */
    static RawHeader field(byte[] raw, Consumer<String> warn) {
        String text;
        boolean escape = false;
        for (byte b : raw) {
            escape |= b == 0x1B;
        }
        if (escape && TextDecoding.isAscii(raw, 0, raw.length)) {
            // old Japanese mail writes ISO-2022-JP into headers without encoded words
            text = TextDecoding.decode(raw, 0, raw.length, null, "a header", warn);
        } else if (TextDecoding.isAscii(raw, 0, raw.length) || TextDecoding.isUtf8(raw, 0, raw.length)) {
            // raw UTF-8 in headers breaks RFC 5322 but is common and unambiguous: no warning
            text = new String(raw, StandardCharsets.UTF_8);
        } else {
            text = TextDecoding.windows1252(raw, 0, raw.length);
            warn.accept("a header holds 8-bit bytes that are not UTF-8; read as windows-1252.");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new RawHeader(text.strip(), "");
        }
        return new RawHeader(text.substring(0, colon).strip(), unfold(text.substring(colon + 1)).strip());
    }

    /** Removes the line breaks of folded header lines (the white space that follows them stays). */
    static String unfold(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replaceAll("\\r?\\n(?=[ \\t])|\\r(?=[ \\t])", "").replaceAll("[\\r\\n]+$", "").replaceAll("[\\r\\n]", " ");
    }

    /**
     * Decodes RFC 2047 encoded words with mime4j's {@link DecoderUtil}: white space between two encoded words is
     * dropped, text between them kept, adjacent words in one charset joined as bytes before decoding (a
     * character split across two words survives), malformed words left as written. ISO-8859-1 words are read as
     * windows-1252, which is what senders mean (mime4j alone drops their curly quotes); a word in a charset Java
     * does not know is read as UTF-8, with a warning.
     */
    static String decodeWords(String s, Consumer<String> warn) {
        if (s == null || s.indexOf("=?") < 0) {
            return s;
        }
        // mime4j 0.8.12 leaves a word with an RFC 2231 language suffix, =?UTF-8*en?Q?a?=, undecoded
        // (HeaderTextTest#encodedWords): the suffix is dropped first.
        String words = LANGUAGE_SUFFIX.matcher(s).replaceAll("=?$1?");
        Matcher m = ENCODED_WORD.matcher(words);
        while (m.find()) {
            if (TextDecoding.lookup(m.group(1)) == null) {
                warn.accept("an encoded word declares the unknown charset '" + m.group(1) + "'; read as UTF-8.");
            }
        }
        DecodeMonitor monitor = new DecodeMonitor() {
            @Override
            public boolean warn(String error, String dropDesc) {
                warn.accept("an encoded word is malformed (" + error + "); " + dropDesc);
                return false;
            }

            @Override
            public boolean isListening() {
                return true;
            }
        };
        return DecoderUtil.decodeEncodedWords(words, monitor, StandardCharsets.UTF_8, CHARSET_OVERRIDES);
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** A structured header such as Content-Type or Content-Disposition: its value and its parameters. */
    record Structured(String value, Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }
    }

    /**
     * Parses {@code value; name=value; name*=charset'lang'%XX; name*0*=...; name*1*=...}. Parameter names are
     * lower-cased; values are unquoted and decoded (RFC 2231, or RFC 2047 words that some mailers put in a
     * plain value).
     */
    static Structured structured(String header, Consumer<String> warn) {
        if (header == null) {
            return new Structured("", Map.of());
        }
        List<String> parts = splitParams(header);
        String value = parts.isEmpty() ? "" : parts.get(0).strip();
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> sections = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = unquote(p.substring(eq + 1).strip());
            Matcher m = SECTION.matcher(name);
            if (name.indexOf('*') >= 0 && m.matches()) {
                int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                boolean extended = m.group(3) != null;
                sections.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .putIfAbsent(index, new String[] {v, extended ? "*" : ""});
            } else {
                plain.putIfAbsent(name, v);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : plain.entrySet()) {
            params.put(e.getKey(), decodeWords(e.getValue(), warn));
        }
        for (Map.Entry<String, TreeMap<Integer, String[]>> e : sections.entrySet()) {
            params.put(e.getKey(), joinSections(e.getValue(), warn));
        }
        return new Structured(value, params);
    }

    private static String joinSections(TreeMap<Integer, String[]> sections, Consumer<String> warn) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] section : sections.values()) {
            String v = section[0];
            boolean extended = !section[1].isEmpty();
            if (first && extended) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = v.substring(0, q1);
                    v = v.substring(q2 + 1);
                }
            }
            first = false;
            bytes.writeBytes(extended ? percentDecode(v) : v.getBytes(StandardCharsets.UTF_8));
        }
        byte[] b = bytes.toByteArray();
        return TextDecoding.decode(b, charset == null || charset.isEmpty() ? null : charset, "a parameter", warn);
    }

    /** Splits on semicolons outside quoted strings. */
    static List<String> splitParams(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
                cur.append(c);
            } else if (c == ';') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"') {
            int end = v.lastIndexOf('"');
            String inner = end > 0 ? v.substring(1, end) : v.substring(1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        if (v.length() == 1 && v.charAt(0) == '"') {
            return "";
        }
        return v;
    }

    /** A sender: the display name (decoded) and the address, either possibly null. */
    record Mailbox(String name, String address) {
    }

    /**
     * The first mailbox of an address header: {@code "Name" <a@b>}, {@code Name <a@b>}, {@code a@b (Name)} or a
     * bare {@code a@b}; the display name's encoded words are decoded after the address is taken out.
     */
    static Mailbox mailbox(String value, Consumer<String> warn) {
        if (value == null || value.isBlank()) {
            return new Mailbox(null, null);
        }
        String first = firstAddress(value).strip();
        String name;
        String address;
        int lt = lastUnquoted(first, '<');
        if (lt >= 0) {
            int gt = first.indexOf('>', lt);
            address = (gt < 0 ? first.substring(lt + 1) : first.substring(lt + 1, gt)).strip();
            name = first.substring(0, lt).strip();
        } else {
            String rest = first;
            String comment = null;
            int open = rest.indexOf('(');
            int close = rest.lastIndexOf(')');
            if (open >= 0 && close > open) {
                comment = rest.substring(open + 1, close).strip();
                rest = (rest.substring(0, open) + rest.substring(close + 1)).strip();
            }
            if (rest.indexOf('@') >= 0) {
                address = rest;
                name = comment;
            } else {
                address = null;
                name = first;
            }
        }
        if (name != null) {
            name = decodeWords(unquote(name.strip()), warn).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1).strip();
            }
        }
        if (address != null && address.startsWith("mailto:")) {
            address = address.substring(7);
        }
        return new Mailbox(name == null || name.isEmpty() ? null : name,
                address == null || address.isEmpty() ? null : address);
    }

    private static String firstAddress(String s) {
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            } else if (c == ',' && angle == 0 && comment == 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private static int lastUnquoted(String s, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == wanted) {
                found = i;
            }
        }
        return found;
    }
}
