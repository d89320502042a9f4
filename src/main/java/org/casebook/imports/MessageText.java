package org.casebook.imports;

import java.util.EnumSet;
import java.util.Set;

/**
 * How much text one imported message keeps. A chat message is at most a few pages (WhatsApp itself stops at
 * 65,536 characters, Telegram at 4,096); an export file can hold one line of hundreds of megabytes, which would
 * be read into memory several times over and could never be laid out in a bundle. A message therefore keeps
 * at most {@link #MAX_CHARS} characters of text, about a dozen pages of a bundle (and names at most
 * {@link #MAX_NAME_CHARS}): the rest is skipped, the
 * message is marked {@link MessageFlag#SHORTENED} and the import warns, naming the file and the line. Nothing
 * is lost as evidence: the export file itself is stored byte for byte with the import.
 *
 * <p>Readers never build a string of a whole huge line: they keep at most {@link #READ_LIMIT} characters (or
 * bytes) of one text and skip the rest, and either mark the message {@code SHORTENED} themselves or leave a
 * text longer than {@code MAX_CHARS}, which {@link #capped} then cuts and marks.
 */
public final class MessageText {
    /**
     * The most characters (UTF-16 units) of text one message keeps: 64 Ki (65,536), WhatsApp's own limit for one
     * message, and about a dozen printed pages. A longer e-mail keeps its start here; the whole message travels
     * with it as its {@code .eml}.
     */
    public static final int MAX_CHARS = 1 << 16;
    /** The most characters a sender's name or address, or a conversation's name, keeps. */
    public static final int MAX_NAME_CHARS = 1000;
    /**
     * What a reader keeps of one text before skipping the rest, in bytes or characters: four times
     * {@link #MAX_CHARS}, so that a text it cut is still longer than {@code MAX_CHARS} once decoded (UTF-8 needs
     * at most three bytes per character, and a repaired or unescaped text shrinks by at most four to one).
     */
    public static final int READ_LIMIT = 4 * MAX_CHARS;

    private MessageText() {
    }

    /**
     * The message with its text cut to {@link #MAX_CHARS} and its names to {@link #MAX_NAME_CHARS}, marked
     * {@link MessageFlag#SHORTENED}; a warning names {@code file} and the message's source. Messages within the
     * limits come back as they are.
     */
    public static ImportedMessage capped(ImportedMessage m, String file, ImportContext context) {
        String raw = m.raw();
        boolean longText = raw != null && raw.length() > MAX_CHARS;
        boolean longName = tooLong(m.senderName()) || tooLong(m.senderAddress()) || tooLong(m.conversation())
                || tooLong(m.conversationTitle());
        if (!longText && !longName && !m.flags().contains(MessageFlag.SHORTENED)) {
            return m;
        }
        String where = file + ", " + m.source();
        if (longText || m.flags().contains(MessageFlag.SHORTENED)) {
            context.warn(where + ": the message's text is longer than the " + String.format("%,d", MAX_CHARS)
                    + " characters Casebook keeps in one message; its start is kept and marked as shortened, and "
                    + "the whole text is in the original export file, which is stored with the import.");
        }
        if (longName) {
            context.warn(where + ": a sender or conversation name is longer than " + MAX_NAME_CHARS
                    + " characters; its start is kept.");
        }
        Set<MessageFlag> flags = EnumSet.of(MessageFlag.SHORTENED);
        flags.addAll(m.flags());
        return new ImportedMessage(m.kind(), cut(m.conversation(), MAX_NAME_CHARS),
                cut(m.conversationTitle(), MAX_NAME_CHARS), m.channel(), cut(m.senderName(), MAX_NAME_CHARS),
                cut(m.senderAddress(), MAX_NAME_CHARS), m.direction(), m.time(), longText ? cut(raw, MAX_CHARS) : raw,
                m.attachments(), longText || m.flags().contains(MessageFlag.SHORTENED) ? flags : m.flags(),
                m.durationSeconds(), m.source(), m.recordId());
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_NAME_CHARS;
    }

    /** The first {@code max} characters, never splitting a surrogate pair. */
    public static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /**
     * How many of the first {@code n} bytes of {@code b} (from {@code start}) end on a whole UTF-8 character:
     * {@code n}, or fewer when the last character would be cut.
     */
    public static int utf8Boundary(byte[] b, int start, int n) {
        int end = start + n;
        int i = end;
        // step back over (at most three) continuation bytes to the lead byte of the last character
        while (i > start && i > end - 3 && (b[i - 1] & 0xC0) == 0x80) {
            i--;
        }
        if (i == start) {
            return n;
        }
        int lead = b[i - 1] & 0xFF;
        int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - (i - 1) >= length ? n : i - 1 - start;
    }
}
