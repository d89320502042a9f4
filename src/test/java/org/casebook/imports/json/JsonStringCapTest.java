package org.casebook.imports.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the JSON parser sees through {@link JsonStringCap}: the file as it is, strings cut between characters. */
class JsonStringCapTest {
    private static final String TRICKY = "{\"a\\\"b\": \"quote \\\" backslash \\\\ \\u00e9 é 😀\", \"n\": [1, \"\\\\\"],"
            + " \"e\": \"\"}";

    private static byte[] through(String json, int limit, int readSize) throws IOException {
        InputStream in = new JsonStringCap(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), limit);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[readSize];
        for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void stringsWithinTheLimitPassUnchanged() throws IOException {
        for (int size : new int[] {1, 2, 5, 4096}) {
            assertEquals(TRICKY, new String(through(TRICKY, 1000, size), StandardCharsets.UTF_8));
        }
    }

    @Test
    void longStringsAreCutBetweenCharactersAndClosed() throws IOException {
        String json = "{\"t\": \"ab\\u00e9\\\"é😀" + "x\\\"".repeat(1000) + "\", \"n\": \"k\"}";
        for (int limit = 1; limit <= 8; limit++) {
            JsonNode node = new ObjectMapper().readTree(through(json, limit, 3));
            String expected = "abé\"é😀x\"".substring(0, Math.min(9, limit + (limit >= 6 ? 1 : 0)));
            assertEquals(expected, node.get("t").asText(), "limit " + limit);
            assertEquals("k", node.get("n").asText());
        }
    }
}
