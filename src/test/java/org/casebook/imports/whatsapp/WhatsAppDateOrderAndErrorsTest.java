package org.casebook.imports.whatsapp;

import static org.casebook.imports.whatsapp.WhatsAppTestSupport.parse;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.recognises;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.write;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.whatsapp.WhatsAppTestSupport.Result;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day/month order is never guessed, and bad input fails naming the file and line. */
class WhatsAppDateOrderAndErrorsTest {
    private static final String AMBIGUOUS = "01/02/2023, 10:00 - Alice: hi\n03/04/2023, 11:30 - Bob: hello\n"
            + "05/06/23, 12:00 - Alice: later\n";

    @TempDir
    Path dir;

    // --- date order

    @Test
    void datesThatFitBothReadingsAreNotGuessed() {
        Path file = write(dir, "chat.txt", AMBIGUOUS);
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("chat.txt: "), e.getMessage());
        assertEquals(List.of("01/02/2023, 10:00", "03/04/2023, 11:30", "05/06/23, 12:00"), e.samples());
    }

    @Test
    void theUsersDateOrderResolvesIt() throws IOException {
        Path file = write(dir, "chat.txt", AMBIGUOUS);
        Result dmy = parse(file, DateOrder.DMY);
        Result mdy = parse(file, DateOrder.MDY);
        assertEquals(LocalDateTime.of(2023, 2, 1, 10, 0), dmy.get(0).time().local());
        assertEquals(LocalDateTime.of(2023, 1, 2, 10, 0), mdy.get(0).time().local());
        assertEquals(LocalDateTime.of(2023, 6, 5, 12, 0), dmy.get(2).time().local());
        assertEquals(LocalDateTime.of(2023, 5, 6, 12, 0), mdy.get(2).time().local());
    }

    @Test
    void oneDecisiveDateAnywhereSettlesTheOrder() throws IOException {
        Result r = parse(dir, "chat.txt", AMBIGUOUS + "13/06/23, 12:00 - Bob: day first after all\n");
        assertEquals(LocalDateTime.of(2023, 2, 1, 10, 0), r.get(0).time().local());
        Result us = parse(dir, "chat2.txt", AMBIGUOUS + "06/13/23, 12:00 - Bob: month first\n");
        assertEquals(LocalDateTime.of(2023, 1, 2, 10, 0), us.get(0).time().local());
    }

    @Test
    void mixedEvidenceFailsNamingTheLine() {
        Path file = write(dir, "chat.txt", "13/01/2023, 10:00 - Alice: day first\n01/02/2023, 10:00 - Bob: either\n"
                + "01/13/2023, 10:00 - Bob: month first\n");
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("chat.txt, line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), "names the evidence too: " + e.getMessage());
        assertTrue(e.getMessage().contains("mixes date orders"), e.getMessage());
    }

    @Test
    void aDateThatDoesNotFitTheGivenOrderFails() {
        Path file = write(dir, "chat.txt", "01/02/2023, 10:00 - Alice: hi\n01/13/2023, 10:00 - Bob: hi\n");
        ImportException e = assertThrows(ImportException.class, () -> parse(file, DateOrder.DMY));
        assertTrue(e.getMessage().startsWith("chat.txt, line 2: the date 01/13/2023"), e.getMessage());
        assertTrue(e.getMessage().contains("dmy"), e.getMessage());
    }

    @Test
    void yearFirstNeedsNoAnswer() throws IOException {
        Result r = parse(dir, "chat.txt", "2023/01/02, 10:00 - Alice: hi\n");
        assertEquals(LocalDateTime.of(2023, 1, 2, 10, 0), r.get(0).time().local());
    }

    @Test
    void twoDigitYearFirstWhenTheUserSaysSo() throws IOException {
        Result r = parse(dir, "chat.txt", "[18/06/13, 21:25:15] a: m\n", DateOrder.YMD);
        assertEquals(LocalDateTime.of(2018, 6, 13, 21, 25, 15), r.get(0).time().local());
    }

    @Test
    void impossibleDatesAndTimesFail() {
        Path badDate = write(dir, "a.txt", "31/02/2023, 10:00 - Alice: hi\n");
        assertTrue(assertThrows(ImportException.class, () -> parse(badDate)).getMessage().startsWith("a.txt, line 1: "));
        Path badTime = write(dir, "b.txt", "13/01/2023, 10:00 - Alice: hi\n13/01/2023, 24:10 - Alice: hi\n");
        assertTrue(assertThrows(ImportException.class, () -> parse(badTime)).getMessage().startsWith("b.txt, line 2: "));
        Path bad12 = write(dir, "c.txt", "1/13/23, 13:10 PM - Alice: hi\n");
        assertTrue(assertThrows(ImportException.class, () -> parse(bad12)).getMessage().startsWith("c.txt, line 1: "));
    }

    // --- bad input

    @Test
    void aBinaryFileFails() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = write(dir, "photo.txt", png);
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("photo.txt, line "), e.getMessage());
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void aNulByteLaterOnFailsNamingItsLine() {
        Path file = write(dir, "chat.txt", "13/01/2023, 10:00 - Alice: hi\nmore\n13/01/2023, 10:01 - Bob: a\0b\n");
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("chat.txt, line 3: "), e.getMessage());
    }

    @Test
    void aTextFileThatIsNotAChatFailsAtLineOne() {
        Path file = write(dir, "notes.txt", "Shopping list\n13/01/2023, 10:00 - Alice: hi\n");
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("notes.txt, line 1: this is not a WhatsApp chat export"), e.getMessage());
    }

    @Test
    void textBeforeTheFirstHeaderIsNotDroppedSilently() {
        Path file = write(dir, "chat.txt", "\uFEFF\n   \nstray\n13/01/2023, 10:00 - Alice: hi\n");
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("chat.txt, line 3: "), e.getMessage());
    }

    @Test
    void emptyFilesFail() {
        Path empty = write(dir, "empty.txt", "");
        assertTrue(assertThrows(ImportException.class, () -> parse(empty)).getMessage().startsWith("empty.txt: is empty"));
        Path blank = write(dir, "blank.txt", "\uFEFF\n\r\n  \n");
        assertTrue(assertThrows(ImportException.class, () -> parse(blank)).getMessage().contains("blank"));
    }

    @Test
    void invalidUtf8FailsNamingTheLine() {
        byte[] head = "13/01/2023, 10:00 - Alice: hi\n13/01/2023, 10:01 - Bob: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        bytes[head.length + 1] = '\n';
        Path file = write(dir, "latin1.txt", bytes);
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("latin1.txt, line 2: is not valid UTF-8"), e.getMessage());
        // a real U+FFFD is fine
        assertDoesNotFail("13/01/2023, 10:00 - Alice: \uFFFD\n");
    }

    private void assertDoesNotFail(String text) {
        try {
            assertEquals("\uFFFD", parse(dir, "ok.txt", text).get(0).raw());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aZipWithoutAChatFails() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        entries.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        entries.put("__MACOSX/._chat.txt", "13/01/2023, 10:00 - Alice: hi\n".getBytes(StandardCharsets.UTF_8));
        Path file = zip(dir, "export.zip", entries);
        assertFalse(recognises(file));
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().startsWith("export.zip: holds no WhatsApp chat"), e.getMessage());
    }

    @Test
    void aZipWithTwoChatsAsksToSplitIt() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WhatsApp Chat with A.txt", "13/01/2023, 10:00 - Alice: hi\n".getBytes(StandardCharsets.UTF_8));
        entries.put("WhatsApp Chat with B.txt", "13/01/2023, 10:00 - Bob: hi\n".getBytes(StandardCharsets.UTF_8));
        Path file = zip(dir, "two.zip", entries);
        ImportException e = assertThrows(ImportException.class, () -> parse(file));
        assertTrue(e.getMessage().contains("more than one chat"), e.getMessage());
    }

    @Test
    void anAndroidZipNamesTheConversationAfterItsTextFile() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WhatsApp Chat with Bob.txt", ("13/01/2023, 10:00 - Bob: IMG-20230113-WA0001.jpg (file attached)\n"
                + "13/01/2023, 10:01 - Bob: IMG-20230113-WA0002.jpg (file attached)\n").getBytes(StandardCharsets.UTF_8));
        entries.put("IMG-20230113-WA0001.jpg", new byte[] {1});
        entries.put("unrelated.jpg", new byte[] {2});
        Path file = zip(dir, "WhatsApp Chat with Bob.zip", entries);
        assertTrue(recognises(file));
        Result r = WhatsAppTestSupport.parse(file);
        assertEquals("Bob", r.get(0).conversation());
        assertEquals("WhatsApp Chat with Bob.txt line 1", r.get(0).source());
        assertEquals("IMG-20230113-WA0001.jpg", r.get(0).attachments().get(0).path());
        assertEquals(null, r.get(1).attachments().get(0).path());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).contains("IMG-20230113-WA0002.jpg"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("unrelated.jpg"), r.warnings().get(1));
    }

    @Test
    void iosZipNamesTheConversationAfterTheZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("_chat.txt", "[13/01/2023, 10:00:00] Bob: hi\r\n".getBytes(StandardCharsets.UTF_8));
        Path file = zip(dir, "WhatsApp Chat - Bob \uD83C\uDF3B.zip", entries);
        assertEquals("Bob \uD83C\uDF3B", WhatsAppTestSupport.parse(file).get(0).conversation());
    }

    @Test
    void anUnzippedIosExportIsNamedAfterItsFolder() throws IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("WhatsApp Chat - Bob"));
        Result r = WhatsAppTestSupport.parse(write(folder, "_chat.txt", "[13/01/2023, 10:00:00] Bob: hi\r\n"));
        assertEquals("Bob", r.get(0).conversation());
    }

    @Test
    void recognisesOnlyChats() throws IOException {
        assertTrue(recognises(write(dir, "WhatsApp Chat with Bob.txt", "\uFEFF31/12/2023, 21:05 - Alice: hi\n")));
        assertTrue(recognises(write(dir, "_chat.txt", "\u200E[31/12/2023, 21:05:09] Alice: hi\r\n")));
        assertFalse(recognises(write(dir, "notes.txt", "Dear diary\n31/12/2023, 21:05 - Alice: hi\n")));
        assertFalse(recognises(write(dir, "chat.csv", "31/12/2023, 21:05 - Alice: hi\n")));
        assertFalse(recognises(write(dir, "nul.txt", new byte[] {'1', '2', 0, '\n'})));
        assertTrue(recognises(write(dir, "u16.txt", "\uFEFF31/12/2023, 21:05 - Alice: hi\n", StandardCharsets.UTF_16LE)));
    }

    @Test
    void conversationNames() {
        assertEquals("Bob", WhatsAppImporter.conversationName("WhatsApp Chat with Bob.txt"));
        assertEquals("Bob", WhatsAppImporter.conversationName("WhatsApp Chat - Bob.zip"));
        assertEquals("Familie", WhatsAppImporter.conversationName("WhatsApp-Chat mit Familie.txt"));
        assertEquals("export", WhatsAppImporter.conversationName("export.txt"));
    }

    @Test
    void cancelStopsTheImport() throws IOException {
        Path file = write(dir, "chat.txt", "13/01/2023, 10:00 - Alice: hi\n");
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (ExportFile export = ExportFile.open(file)) {
            assertThrows(Progress.CancelledException.class,
                    () -> new WhatsAppImporter().read(export, new ImportContext(null, cancelled), m -> { }));
        }
    }

    // --- the line reader across buffer boundaries

    @Test
    void linesAcrossChunkBoundariesAndLongerThanTheBuffer() throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 300; i++) {
            text.append("13/01/2023, 10:").append(String.format("%02d", i % 60)).append(" - Al\u00EFce \uD83E\uDD13: m")
                    .append(i).append("x".repeat(i % 37)).append(i % 5 == 0 ? "\r\nnext line \u00E9" : "").append("\r\n");
        }
        text.append("13/01/2023, 11:00 - Bob: ").append("long ".repeat(200));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<ImportedMessage> small = new ArrayList<>();
        List<ImportedMessage> large = new ArrayList<>();
        for (int chunk : new int[] {16, 17, 64, LineReader.CHUNK}) {
            List<ImportedMessage> out = chunk == LineReader.CHUNK ? large : new ArrayList<>();
            ChatReader reader = new ChatReader("t.txt", "line ", "t", WhatsAppTestSupport.NO_MEDIA);
            reader.read(new LineReader(new ByteArrayInputStream(bytes), "t.txt", bytes.length, null, chunk),
                    DateOrder.DMY, "test", new ImportContext(null, null), out::add);
            if (chunk == 16) {
                small.addAll(out);
            } else if (chunk != LineReader.CHUNK) {
                assertEquals(small, out);
            }
        }
        assertEquals(301, large.size());
        assertEquals(large, small);
        assertEquals("m5xxxxx\nnext line \u00E9", large.get(5).raw());
        assertEquals("Al\u00EFce \uD83E\uDD13", large.get(5).senderName());
        assertEquals("line 7", large.get(5).source());
        assertEquals("long ".repeat(200), large.get(300).raw());
    }
}
