package org.casebook.imports.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.casebook.imports.ImportException;
import org.junit.jupiter.api.Test;

/** A line longer than the reader keeps: its start is kept (whole characters), the rest skipped, the next line intact. */
class LongLineReaderTest {
    private static LineReader reader(String text, int chunk, int maxLine) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "chat.txt", -1, null,
                chunk, maxLine);
    }

    private static List<String> lines(LineReader r, List<Boolean> truncated) throws IOException {
        List<String> out = new ArrayList<>();
        while (r.next()) {
            out.add(new String(r.buf(), r.start(), r.end() - r.start(), StandardCharsets.UTF_8));
            truncated.add(r.truncated());
        }
        return out;
    }

    @Test
    void aLongLineKeepsItsStartAndTheNextLinesFollow() throws IOException {
        String longLine = "x".repeat(5000);
        List<Boolean> cut = new ArrayList<>();
        List<String> lines = lines(reader("first\r\n" + longLine + "\r\nnext\r\nlast", 64, 100), cut);
        assertEquals(List.of("first", "x".repeat(100), "next", "last"), lines);
        assertEquals(List.of(false, true, false, false), cut);
    }

    @Test
    void theCutNeverSplitsACharacter() throws IOException {
        String longLine = "é".repeat(3000); // two bytes each: 101 bytes would end inside one
        List<String> lines = lines(reader(longLine + "\nnext\n", 64, 101), new ArrayList<>());
        assertEquals(List.of("é".repeat(50), "next"), lines);
    }

    @Test
    void aLongLastLineWithoutALineBreakEndsTheFile() throws IOException {
        List<Boolean> cut = new ArrayList<>();
        assertEquals(List.of("a", "y".repeat(100)), lines(reader("a\n" + "y".repeat(10_000), 64, 100), cut));
        assertEquals(List.of(false, true), cut);
    }

    @Test
    void pinnedBytesSurviveALongLine() throws IOException {
        LineReader r = reader("keep me\n" + "z".repeat(10_000) + "\nafter\n", 32, 100);
        assertTrue(r.next());
        r.pin(r.start());
        assertTrue(r.next());
        assertTrue(r.truncated());
        assertEquals("keep me", new String(r.buf(), r.pinned(), 7, StandardCharsets.UTF_8));
        assertTrue(r.next());
        assertFalse(r.truncated());
        assertEquals("after", new String(r.buf(), r.start(), r.end() - r.start(), StandardCharsets.UTF_8));
        assertEquals(3, r.lineNumber());
    }

    @Test
    void aNulInTheSkippedPartIsStillABinaryFile() {
        LineReader r = reader("a\n" + "y".repeat(1000) + "\0" + "y".repeat(100) + "\n", 64, 100);
        ImportException e = assertThrows(ImportException.class, () -> lines(r, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith("chat.txt, line 2: holds a NUL byte"), e.getMessage());
    }
}
