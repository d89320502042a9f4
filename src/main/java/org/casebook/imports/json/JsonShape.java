package org.casebook.imports.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportException;

/**
 * A quick look at the start of a JSON file, for format detection and for refusing the wrong structure before
 * anything is read: the keys of the top-level object, its short text values, and the keys of the first
 * message in the first {@code "messages"} list (at the top, or nested as in Telegram's {@code chats.list}).
 */
public final class JsonShape {
    /** What the file starts with. */
    public enum Top { OBJECT, ARRAY, OTHER, EMPTY, HTML, BINARY }

    private static final int MAX_DEPTH = 4;

    private final Top top;
    private final Set<String> rootKeys = new LinkedHashSet<>();
    private final Map<String, String> rootValues = new LinkedHashMap<>();
    private Set<String> messageKeys;
    private final boolean wholeFile;
    private long size = -1;
    private IOException problem;

    private JsonShape(Top top, boolean wholeFile) {
        this.top = top;
        this.wholeFile = wholeFile;
    }

    /** The shape of a plain file ({@code entry} null) or a zip entry, from its first {@link JsonSupport#HEAD_BYTES}. */
    public static JsonShape of(ExportFile file, String entry) throws IOException {
        return of(file.head(entry, JsonSupport.HEAD_BYTES));
    }

    public static JsonShape of(byte[] head) {
        boolean whole = head.length < JsonSupport.HEAD_BYTES;
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (int j = i; j < head.length; j++) {
            int c = head[j] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return new JsonShape(Top.BINARY, whole);
            }
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
            i++;
        }
        if (i == head.length) {
            return new JsonShape(Top.EMPTY, whole);
        }
        if (head[i] == '<') {
            return new JsonShape(Top.HTML, whole);
        }
        if (head[i] == '[') {
            return new JsonShape(Top.ARRAY, whole);
        }
        if (head[i] != '{') {
            return new JsonShape(Top.OTHER, whole);
        }
        JsonShape shape = new JsonShape(Top.OBJECT, whole);
        shape.size = whole ? head.length : -1;
        try (JsonParser p = JsonSupport.parser(new ByteArrayInputStream(head))) {
            p.nextToken();
            shape.readObject(p, 1);
        } catch (IOException e) {
            shape.problem = e;
        }
        return shape;
    }

    private void readObject(JsonParser p, int depth) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (depth == 1) {
                rootKeys.add(name);
                if (t != null && t.isScalarValue()) {
                    String v = p.getText();
                    rootValues.put(name, v.length() > 200 ? v.substring(0, 200) : v);
                }
            }
            if ("messages".equals(name) && t == JsonToken.START_ARRAY && messageKeys == null) {
                readFirstMessage(p);
            } else if (t == JsonToken.START_OBJECT && depth < MAX_DEPTH) {
                readObject(p, depth + 1);
            } else if (t == JsonToken.START_ARRAY && depth < MAX_DEPTH) {
                readArray(p, depth + 1);
            } else if (t != null && t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    private void readArray(JsonParser p, int depth) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT && depth < MAX_DEPTH) {
                readObject(p, depth + 1);
            } else if (t.isStructStart()) {
                p.skipChildren();
            }
        }
    }

    private void readFirstMessage(JsonParser p) throws IOException {
        messageKeys = new LinkedHashSet<>();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                messageKeys.add(p.currentName());
                if (p.nextToken().isStructStart()) {
                    p.skipChildren();
                }
            }
            t = p.nextToken();
        }
        while (t != JsonToken.END_ARRAY && t != null) {
            if (t.isStructStart()) {
                p.skipChildren();
            }
            t = p.nextToken();
        }
    }

    public Top top() {
        return top;
    }

    public boolean isObject() {
        return top == Top.OBJECT;
    }

    /** Keys of the top-level object, in file order, as far as the head reaches. */
    public Set<String> rootKeys() {
        return Collections.unmodifiableSet(rootKeys);
    }

    public boolean hasRootKey(String key) {
        return rootKeys.contains(key);
    }

    /** A short scalar value at the top level, or null. */
    public String rootValue(String key) {
        return rootValues.get(key);
    }

    /** Keys of the first message in the first "messages" list; empty when the list is empty; null when none was seen. */
    public Set<String> messageKeys() {
        return messageKeys == null ? null : Collections.unmodifiableSet(messageKeys);
    }

    public boolean messageHas(String... keys) {
        if (messageKeys == null) {
            return false;
        }
        for (String k : keys) {
            if (!messageKeys.contains(k)) {
                return false;
            }
        }
        return true;
    }

    public boolean messageHasAny(String... keys) {
        if (messageKeys == null) {
            return false;
        }
        for (String k : keys) {
            if (messageKeys.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses what can be refused from the head alone: a binary file, HTML, an empty file, a file that ends
     * inside its JSON (when the head is the whole file), or invalid JSON.
     */
    public void check(String where) {
        switch (top) {
            case BINARY -> throw new ImportException(where + ": is a binary file, not a JSON export.");
            case EMPTY -> throw new ImportException(where + ": the file is empty.");
            default -> {
            }
        }
        if (problem != null && (wholeFile || !(problem instanceof JsonEOFException))) {
            throw JsonSupport.failure(where, problem, size);
        }
    }
}
