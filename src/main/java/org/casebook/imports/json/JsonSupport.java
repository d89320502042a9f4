package org.casebook.imports.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.vault.Progress;

/**
 * What the JSON importers (Telegram, Facebook/Instagram, Discord) share: a streaming parser whose per-message
 * sub-objects can be read as small trees, and failures turned into one clear line naming the file and line.
 * Nothing here binds a whole file.
 */
public final class JsonSupport {
    /**
     * How deep arrays and objects may nest. Exports nest a few levels (a message, its text entities, their
     * parts); Jackson's own default (1000) would do for the stack, but a clear limit gives a clear message.
     */
    public static final int MAX_DEPTH = 200;

    /** Only for reading one message (a small object) at a time with {@link JsonParser#readValueAsTree()}. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

    /** How much of a file format detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private JsonSupport() {
    }

    /**
     * A streaming parser over {@code in}; closes {@code in} when closed. Strings longer than a message keeps
     * are cut while reading ({@link JsonStringCap}), and nesting is limited to {@link #MAX_DEPTH}.
     */
    public static JsonParser parser(InputStream in) throws IOException {
        return new Limited(MAPPER.getFactory().createParser(new JsonStringCap(in)));
    }

    /** Turns a broken limit into a parse error that says which limit, in words, at the line it was broken. */
    private static final class Limited extends JsonParserDelegate {
        Limited(JsonParser p) {
            super(p);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return super.nextToken();
            } catch (StreamConstraintsException e) {
                throw clear(e);
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            try {
                return super.nextValue();
            } catch (StreamConstraintsException e) {
                throw clear(e);
            }
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            try {
                super.skipChildren();
                return this;
            } catch (StreamConstraintsException e) {
                throw clear(e);
            }
        }

        @Override
        public void finishToken() throws IOException {
            try {
                super.finishToken();
            } catch (StreamConstraintsException e) {
                throw clear(e);
            }
        }

        private JsonParseException clear(StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            return new JsonParseException(this, m.startsWith("Document nesting depth")
                    ? "it is nested more than " + MAX_DEPTH + " levels deep" : m, e);
        }
    }

    /** The plain file's bytes, or the zip entry's. */
    public static InputStream open(ExportFile file, String entry) throws IOException {
        return entry == null ? file.open() : file.zip().open(entry);
    }

    /** How a file or a zip entry is named in messages: "result.json" or "export.zip, entry a/result.json". */
    public static String where(ExportFile file, String entry) {
        return entry == null ? file.name() : file.name() + ", entry " + entry;
    }

    /** The folder part of a zip entry name ("" at the top). */
    public static String entryFolder(String entry) {
        int slash = entry.lastIndexOf('/');
        return slash < 0 ? "" : entry.substring(0, slash);
    }

    /** The last path segment of a name written with / or \. */
    public static String lastSegment(String path) {
        String p = path.replace('\\', '/');
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The one-line failure for a parse error: "the file ends early (truncated)" when the input stops inside
     * the JSON, else "is not valid JSON", both with the line.
     */
    public static ImportException failure(String where, IOException e) {
        return failure(where, e, -1);
    }

    /**
     * As {@link #failure(String, IOException)}, knowing the input's size in bytes (-1 if unknown): an error
     * reported at the very end of the input (a cut-off {@code nul} or {@code 12.}) is truncation too.
     */
    public static ImportException failure(String where, IOException e, long size) {
        long line = -1;
        long offset = -1;
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            line = jpe.getLocation().getLineNr();
            offset = jpe.getLocation().getByteOffset();
        }
        boolean truncated = e instanceof JsonEOFException
                || e instanceof JsonProcessingException && String.valueOf(e.getMessage()).contains("end-of-input")
                || e instanceof JsonProcessingException jpe2 && tokenRunsToEnd(jpe2, offset, size);
        String problem;
        if (truncated) {
            problem = "the file ends early (truncated).";
        } else if (e instanceof CharConversionException) {
            problem = "is not UTF-8 text (" + e.getMessage() + ").";
        } else if (e instanceof JsonProcessingException jpe) {
            problem = "is not valid JSON (" + jpe.getOriginalMessage() + ").";
        } else {
            return new ImportException(where + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ImportException out = line > 0 ? ImportException.at(where, line, problem)
                : new ImportException(where + ": " + problem);
        out.initCause(e);
        return out;
    }

    /** "Unrecognized token 'nul'" where that token is the last thing in the file: a literal cut short. */
    private static boolean tokenRunsToEnd(JsonProcessingException e, long offset, long size) {
        String m = String.valueOf(e.getOriginalMessage());
        if (offset < 0 || size <= 0 || !m.startsWith("Unrecognized token '")) {
            return false;
        }
        int end = m.indexOf('\'', "Unrecognized token '".length());
        if (end < 0) {
            return false;
        }
        String token = m.substring("Unrecognized token '".length(), end);
        return offset + token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= size;
    }

    /** The line the parser's current token starts on. */
    public static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Moves to the root's first token; refuses an empty file and anything but an object at the top. */
    public static void expectRootObject(JsonParser p, String where, String expected) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new ImportException(where + ": the file is empty.");
        }
        if (t != JsonToken.START_OBJECT) {
            throw ImportException.at(where, line(p), "is not " + expected + " (the file does not start with a JSON object).");
        }
    }

    /** After the root object: only whitespace may follow. */
    public static void expectEnd(JsonParser p, String where) throws IOException {
        if (p.nextToken() != null) {
            throw ImportException.at(where, line(p), "has more data after the end of the JSON document.");
        }
    }

    /** Checks that the current token starts a list (the value of {@code field}). */
    public static void expectArray(JsonParser p, String where, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw ImportException.at(where, line(p), "expected \"" + field + "\" to be a list.");
        }
    }

    /** A string field, or a number written as text; null when absent, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    /** Reports progress by bytes read and honours cancel; call once per message. */
    public static void tick(ImportContext context, JsonParser p, long total, long count) {
        Progress progress = context.progress();
        if (progress == null) {
            return;
        }
        progress.checkCancelled();
        if ((count & 1023) == 0) {
            progress.update(p.currentLocation().getByteOffset(), total);
        }
    }

    /** The size of a plain file or zip entry, -1 when unknown. */
    public static long size(ExportFile file, String entry) {
        try {
            return entry == null ? java.nio.file.Files.size(file.path()) : file.zip().size(entry);
        } catch (IOException e) {
            return -1;
        }
    }
}
