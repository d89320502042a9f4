package org.casebook.imports.meta;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.casebook.imports.ImportedMessage;

/**
 * Meta's "Download your information" JSON writes every string as its UTF-8 bytes, each escaped as a
 * &#92;u00XX escape, so {@code é} arrives as {@code Ã©} and 😆 as ð&#92;u009f&#92;u0098&#92;u0086: an encoding
 * of the file, like base64 in an e-mail, not what anyone wrote. The importer decodes every string of the
 * download once, as it reads it, with this class (the file itself is kept byte for byte as the original).
 *
 * <p>The repair is applied only when it is provably safe: every character is at most U+00FF (so it can be a
 * byte) <em>and</em> those bytes decode as strict UTF-8 (malformed or unmappable input is reported, not
 * replaced). Otherwise the string is returned unchanged: a character above U+00FF means it is already real
 * text (a {@code “curly quote”}, newer exports), and bytes that are not UTF-8 mean it was not mojibake. Nothing
 * is normalised: decomposed text ({@code u} + U+0308) stays decomposed; NFC is for search and dedup only.
 */
public final class MetaText {
    /** What {@link #analyse} found. */
    public enum Status {
        /** Nothing to repair: plain ASCII (or empty). */
        UNCHANGED,
        /** It was mojibake and has been decoded. */
        REPAIRED,
        /** Has a character above U+00FF, so it is not byte-per-character mojibake; left as written. */
        NOT_MOJIBAKE,
        /** Every character fits a byte, but the bytes are not valid UTF-8; left as written. */
        INVALID_UTF8
    }

    /** The display form and how it was reached. */
    public record Result(String text, Status status) {
        public boolean leftUnrepaired() {
            return status == Status.NOT_MOJIBAKE || status == Status.INVALID_UTF8;
        }
    }

    /** Conversation keys of Messenger's end-to-end-encrypted export start with this; its text is proper UTF-8. */
    public static final String E2EE_PREFIX = "e2ee/";

    private MetaText() {
    }

    /** The repaired form of {@code s} when the repair is provably safe, else {@code s} itself (null stays null). */
    public static String repair(String s) {
        return analyse(s).text();
    }

    public static Result analyse(String s) {
        if (s == null) {
            return new Result(null, Status.UNCHANGED);
        }
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return new Result(s, Status.NOT_MOJIBAKE);
            }
            if (c >= 0x80) {
                high = true;
            }
        }
        if (!high) {
            return new Result(s, Status.UNCHANGED);
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = strict.decode(ByteBuffer.wrap(bytes));
            return new Result(decoded.toString(), Status.REPAIRED);
        } catch (CharacterCodingException e) {
            return new Result(s, Status.INVALID_UTF8);
        }
    }

    /** True for a message from Messenger's end-to-end-encrypted export. */
    public static boolean isE2ee(ImportedMessage message) {
        return message.conversation() != null && message.conversation().startsWith(E2EE_PREFIX);
    }
}
