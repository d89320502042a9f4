package org.casebook.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;

/**
 * Writes one JSON object per line, always as UTF-8 bytes whatever the platform's console encoding, so that
 * names and text in any script survive a pipe into another program.
 */
final class JsonLines {
    /** Keys in the order the commands put them (id first), nulls written as null. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

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
