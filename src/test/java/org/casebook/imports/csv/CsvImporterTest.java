package org.casebook.imports.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {
    @TempDir
    Path dir;

    private List<ImportedMessage> read(String name, String content, DateOrder order, Map<String, String> columns)
            throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<ImportedMessage> out = new ArrayList<>();
        try (ExportFile export = ExportFile.open(file)) {
            new CsvImporter().read(export, new ImportContext(order, Progress.NONE, columns), out::add);
        }
        return out;
    }

    @Test
    void readsHeaderMappedColumnsWithQuotedMultiLineText() throws IOException {
        List<ImportedMessage> messages = read("texts.csv", """
                Timestamp,From,Message,Direction
                2024-03-01 21:15:00,Sam,"I saw you, at the station",in
                2024-03-01T21:16,Me,"Please stop.
                Leave me alone.",out
                """, null, Map.of());
        assertEquals(2, messages.size());
        assertEquals("Sam", messages.get(0).senderName());
        assertEquals("I saw you, at the station", messages.get(0).raw());
        assertEquals(LocalDateTime.of(2024, 3, 1, 21, 15), messages.get(0).time().local());
        assertEquals(ImportedMessage.Direction.INCOMING, messages.get(0).direction());
        assertEquals("Please stop.\nLeave me alone.", messages.get(1).raw());
        assertEquals(ImportedMessage.Direction.OUTGOING, messages.get(1).direction());
        assertEquals("row 2", messages.get(0).source());
    }

    @Test
    void readsOffsetsAndEpochTimesAsInstants() throws IOException {
        List<ImportedMessage> messages = read("t.csv", """
                time,sender,text
                2024-03-01T21:15:00+01:00,A,one
                1709327700,B,two
                1709327700123,C,three
                """, null, Map.of());
        assertEquals(Instant.parse("2024-03-01T20:15:00Z"), messages.get(0).time().instant());
        assertEquals(ZoneOffset.ofHours(1), messages.get(0).time().offset());
        assertEquals(Instant.ofEpochSecond(1709327700), messages.get(1).time().instant());
        assertEquals(Instant.ofEpochMilli(1709327700123L), messages.get(2).time().instant());
    }

    @Test
    void refusesToGuessAmbiguousNumericDates() {
        String content = """
                date,time,text
                01/03/2024,21:15,one
                02/03/2024,09:00,two
                """;
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class,
                () -> read("a.csv", content, null, Map.of()));
        assertTrue(e.getMessage().contains("--date-order"), e.getMessage());
        assertFalse(e.samples().isEmpty());
    }

    @Test
    void dateOrderChoiceGivesDifferentReadings() throws IOException {
        String content = """
                date,time,text
                01/03/2024,9:05 PM,one
                """;
        assertEquals(LocalDateTime.of(2024, 3, 1, 21, 5), read("d.csv", content, DateOrder.DMY, Map.of()).get(0).time().local());
        assertEquals(LocalDateTime.of(2024, 1, 3, 21, 5), read("m.csv", content, DateOrder.MDY, Map.of()).get(0).time().local());
    }

    @Test
    void infersDayFirstWhenADayIsOverTwelve() throws IOException {
        List<ImportedMessage> messages = read("d.csv", """
                date,text
                01/03/2024 12:30 AM,one
                25/03/24 21:00,two
                """, null, Map.of());
        assertEquals(LocalDateTime.of(2024, 3, 1, 0, 30), messages.get(0).time().local());
        assertEquals(LocalDateTime.of(2024, 3, 25, 21, 0), messages.get(1).time().local());
    }

    @Test
    void userMappingOverridesHeaderNames() throws IOException {
        List<ImportedMessage> messages = read("m.csv", """
                When it was,Who,What they said
                2024-03-01 10:00,Sam,hello
                """, null, Map.of("time", "When it was", "sender", "Who", "text", "What they said"));
        assertEquals("Sam", messages.get(0).senderName());
        assertEquals("hello", messages.get(0).raw());
    }

    @Test
    void namesTheRowOfAnUnreadableTime() {
        ImportException e = assertThrows(ImportException.class, () -> read("bad.csv", """
                time,text
                2024-03-01 10:00,fine
                next tuesday,bad
                """, null, Map.of()));
        assertTrue(e.getMessage().contains("bad.csv, line 3"), e.getMessage());
    }

    @Test
    void missingTextColumnIsExplained() {
        ImportException e = assertThrows(ImportException.class, () -> read("x.csv", """
                time,who
                2024-03-01 10:00,Sam
                """, null, Map.of()));
        assertTrue(e.getMessage().contains("no column holds the message text"), e.getMessage());
    }

    @Test
    void recognisesOnlyCsvWithTimeAndText() throws IOException {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "date,message\n2024-01-01,x\n");
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");
        Path text = dir.resolve("chat.txt");
        Files.writeString(text, "date,message\n");
        try (ExportFile g = ExportFile.open(good); ExportFile o = ExportFile.open(other); ExportFile t = ExportFile.open(text)) {
            assertTrue(new CsvImporter().recognises(g));
            assertFalse(new CsvImporter().recognises(o));
            assertFalse(new CsvImporter().recognises(t));
        }
    }

    @Test
    void rejectsBinaryContent() throws IOException {
        Path file = dir.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'});
        try (ExportFile export = ExportFile.open(file)) {
            assertThrows(ImportException.class, () -> new CsvImporter().read(export,
                    new ImportContext(null, Progress.NONE), m -> { }));
        }
    }
}
