package org.casebook.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import org.casebook.evidence.VisibleText;

/**
 * Writes one JSON object per line, always as UTF-8 bytes whatever the platform's console encoding, so that
 * names and text in any script survive a pipe into another program. Characters that could act on a terminal
 * or hide text (controls, bidirectional overrides, invisible format characters: {@link VisibleText#hidden})
 * are written as JSON escapes (backslash-u and four hex digits): the same string to any JSON reader, harmless on a screen.
 */
final class JsonLines {
    /** Keys in the order the commands put them (id first), nulls written as null. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    static {
        MAPPER.getFactory().setCharacterEscapes(new HiddenCharacterEscapes());
    }

    /** The standard JSON escapes, plus DEL and every {@link VisibleText#hidden} character outside ASCII. */
    private static final class HiddenCharacterEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        HiddenCharacterEscapes() {
            ascii[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return VisibleText.hidden(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    private JsonLines() {
    }

    static void write(PrintStream out, Object value) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON output", e);
        }
        out.write(bytes, 0, bytes.length);
        out.write('\n');
    }
}
