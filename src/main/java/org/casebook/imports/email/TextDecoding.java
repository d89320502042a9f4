package org.casebook.imports.email;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Turns the bytes of a header or a text part into text, by the charset the mail declares when that works and
 * by one fixed rule when it does not, so the same mail always reads the same way:
 * <ul>
 *   <li>bytes that are all ASCII read as ASCII, whatever is declared;</li>
 *   <li>ISO-8859-1 (or US-ASCII) declared but bytes 0x80–0x9F present: windows-1252, which is what the sender's
 *       software meant in practice;</li>
 *   <li>a declared charset the bytes mostly fit (a Russian UTF-8 text with one damaged byte) is kept, and only
 *       the bytes that do not fit become U+FFFD;</li>
 *   <li>a charset that is unknown, missing for 8-bit text, or that the bytes do not fit at all: the charset
 *       ICU4J's detector finds with reasonable confidence, else UTF-8 when the bytes are valid UTF-8, else
 *       windows-1252 (every byte kept as one character; the five bytes windows-1252 leaves undefined become the
 *       C1 control of the same value, as browsers do).</li>
 * </ul>
 * Every fallback is reported through {@code warn}: an evidence tool never repairs silently.
 */
final class TextDecoding {
    private static final char[] WINDOWS_1252 = new char[256];
    /**
     * Labels mime4j's {@link CharsetUtil#lookup} (0.8.12) does not know but mail writes: it returns null for
     * "latin-1", "x-gbk", "iso-8859-8-i", "ks_c_5601", "cp-1252" and "win-1252".
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("latin-1", "ISO-8859-1"),
            Map.entry("x-gbk", "GBK"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("cp-1252", "windows-1252"),
            Map.entry("win-1252", "windows-1252"));
    /**
     * Below this ICU4J confidence a detection is not used: for a few bytes such as {@code caf\xE9} ICU4J 78.1
     * answers "UTF-16LE" with confidence 10 (EmailPitfallsTest#wrongOrUnknownCharsetsFallBackDeterministicallyAndWarn),
     * and the fixed rule above reads them right.
     */
    private static final int MIN_CONFIDENCE = 30;

    static {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String s = new String(all, Charset.forName("windows-1252"));
        for (int i = 0; i < 256; i++) {
            char c = s.charAt(i);
            WINDOWS_1252[i] = c == '\uFFFD' ? (char) i : c;
        }
    }

    private TextDecoding() {
    }

    /**
     * Decodes {@code bytes} by {@code declared} (null when the mail declares nothing).
     *
     * @param what what is being decoded, for the warning ("the text part", "the file name")
     */
    static String decode(byte[] bytes, int off, int len, String declared, String what, Consumer<String> warn) {
        String label = declared == null ? "" : declared.strip().replace("\"", "").replace("'", "");
        Charset charset = lookup(label);
        boolean ascii = isAscii(bytes, off, len);
        boolean wide = charset != null && (charset.name().contains("UTF-16") || charset.name().contains("UTF-32"));
        boolean plain = ascii && !wide && indexOf(bytes, off, len, (byte) 0x1B) < 0 && indexOf(bytes, off, len, (byte) 0) < 0;
        if (plain) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (ascii && (charset == null || charset.equals(StandardCharsets.US_ASCII))
                && indexOf(bytes, off, len, (byte) 0x1B) >= 0) {
            // 7-bit text with escape sequences and no (or an ASCII) charset: old Japanese mail writes raw ISO-2022-JP
            Charset detected = detect(bytes, off, len);
            if (detected != null && detected.name().startsWith("ISO-2022")) {
                try {
                    String text = strict(detected, bytes, off, len);
                    warn.accept(what + (label.isEmpty() ? " declares no charset" : " declares " + label)
                            + " but holds " + detected.name() + " escape sequences; read as " + detected.name() + ".");
                    return text;
                } catch (CharacterCodingException e) {
                    // not that after all: read as written below
                }
            }
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (ascii && (charset == null || charset.equals(StandardCharsets.US_ASCII))) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (charset == null) {
            Reading r = fallback(bytes, off, len);
            warn.accept(what + (label.isEmpty() ? " declares no charset" : " declares the unknown charset '" + label + "'")
                    + " but holds 8-bit bytes; read as " + r.name() + ".");
            return r.text();
        }
        if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
            if (charset.equals(StandardCharsets.US_ASCII)) {
                Reading r = fallback(bytes, off, len);
                warn.accept(what + " declares " + label + " but holds 8-bit bytes; read as " + r.name() + ".");
                return r.text();
            }
            if (hasC1(bytes, off, len)) {
                warn.accept(what + " declares " + label + " but holds windows-1252 characters (bytes 0x80-0x9F);"
                        + " read as windows-1252.");
                return windows1252(bytes, off, len);
            }
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (charset.name().equals("windows-1252")) {
            return windows1252(bytes, off, len);
        }
        try {
            return strict(charset, bytes, off, len);
        } catch (CharacterCodingException e) {
            Replaced replaced = replacing(charset, bytes, off, len);
            if (replaced.fits()) {
                warn.accept(what + " has " + replaced.bad() + (replaced.bad() == 1 ? " byte sequence" : " byte sequences")
                        + " that " + (replaced.bad() == 1 ? "is" : "are") + " not valid " + label
                        + "; read as " + label + " with " + (replaced.bad() == 1 ? "that byte" : "those bytes")
                        + " shown as \uFFFD.");
                return replaced.text();
            }
            Reading r = fallback(bytes, off, len);
            warn.accept(what + " is not valid " + label + "; read as " + r.name() + ".");
            return r.text();
        }
    }

    static String decode(byte[] bytes, String declared, String what, Consumer<String> warn) {
        return decode(bytes, 0, bytes.length, declared, what, warn);
    }

    /** A charset by its MIME label (mime4j's lookup, and the aliases above), or null when unknown. */
    static Charset lookup(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(l);
        if (alias != null) {
            return Charset.forName(alias);
        }
        Charset found = CharsetUtil.lookup(l);
        if (found != null) {
            return found;
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isUtf8(byte[] b, int off, int len) {
        try {
            strict(StandardCharsets.UTF_8, b, off, len);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Text read by a charset chosen without the mail's help, and that charset's name. */
    record Reading(String text, String name) {
    }

    /**
     * When the mail's charset is missing, unknown or wrong: ICU4J's detection when it is confident, else UTF-8
     * for valid UTF-8, else windows-1252.
     */
    static Reading fallback(byte[] b, int off, int len) {
        Charset detected = detect(b, off, len);
        if (detected != null) {
            try {
                return new Reading(strict(detected, b, off, len), detected.name());
            } catch (CharacterCodingException e) {
                // the detector's guess does not even fit: the fixed rule below
            }
        }
        if (isUtf8(b, off, len)) {
            return new Reading(new String(b, off, len, StandardCharsets.UTF_8), "UTF-8");
        }
        return new Reading(windows1252(b, off, len), "windows-1252");
    }

    /** ICU4J's best guess with at least {@link #MIN_CONFIDENCE}, never UTF-16/32 (mail never is, unmarked). */
    private static Charset detect(byte[] b, int off, int len) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len));
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                return null;
            }
            String name = match.getName();
            if (name.startsWith("UTF-16") || name.startsWith("UTF-32")) {
                continue;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // a name Java does not know: try the next match
            }
        }
        return null;
    }

    static String windows1252(byte[] b, int off, int len) {
        char[] out = new char[len];
        for (int i = 0; i < len; i++) {
            out[i] = WINDOWS_1252[b[off + i] & 0xFF];
        }
        return new String(out);
    }

    /**
     * The text with each byte sequence that does not fit {@code charset} replaced by U+FFFD; it {@code fits}
     * when the bytes show the charset is right (some characters beyond ASCII decoded) and no more than one in
     * five of the sequences beyond ASCII is bad.
     */
    private record Replaced(String text, int bad, boolean fits) {
    }

    private static Replaced replacing(Charset charset, byte[] b, int off, int len) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, off, len);
        CharBuffer out = CharBuffer.allocate(len + 16);
        int bad = 0;
        while (true) {
            CoderResult r = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
            if (r.isUnderflow() && !in.hasRemaining()) {
                if (decoder.flush(out).isUnderflow()) {
                    break;
                }
            } else if (r.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            } else if (r.isError()) {
                bad++;
                if (!out.hasRemaining()) {
                    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 1);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                }
                out.put('\uFFFD');
                in.position(in.position() + r.length());
            }
        }
        out.flip();
        String text = out.toString();
        int beyondAscii = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && c != '\uFFFD') {
                beyondAscii++;
            }
        }
        return new Replaced(text, bad, beyondAscii > 0 && bad * 4 <= beyondAscii);
    }

    private static int indexOf(byte[] b, int off, int len, byte v) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasC1(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xFF;
            if (v >= 0x80 && v <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    private static String strict(Charset charset, byte[] b, int off, int len) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
    }
}
