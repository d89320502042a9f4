package org.casebook.imports.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.MessageFlag;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalImporterTest {
    @TempDir
    Path dir;

    private static Path fixture(String... parts) {
        return Fixtures.file(parts);
    }

    private static List<ImportedMessage> read(Path file, DateOrder order) throws IOException {
        List<ImportedMessage> out = new ArrayList<>();
        try (ExportFile export = ExportFile.open(file)) {
            new SignalImporter().read(export, new ImportContext(order, Progress.NONE), out::add);
        }
        return out;
    }

    private static boolean recognises(Path file) throws IOException {
        try (ExportFile export = ExportFile.open(file)) {
            return new SignalImporter().recognises(export);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void chatMinerFixtureMatchesItsTarget() throws IOException {
        Path file = fixture("signal", "chat-miner_test_export.txt");
        assertTrue(recognises(file));
        List<ImportedMessage> messages = read(file, null);
        assertEquals(2, messages.size());

        ImportedMessage jane = messages.get(0);
        assertEquals("Jane Doe", jane.senderName());
        assertEquals("Hello John!", jane.raw());
        assertEquals(LocalDateTime.of(2019, 12, 24, 12, 23), jane.time().local());
        assertEquals("line 1", jane.source());
        ImportedMessage john = messages.get(1);
        assertEquals("John Doe", john.senderName());
        assertEquals("Hello\nJane!", john.raw()); // the continuation line, as written
        assertEquals(LocalDateTime.of(2020, 1, 17, 21, 49), john.time().local());
        assertEquals("line 2", john.source());
        for (ImportedMessage m : messages) {
            assertEquals(ImportedMessage.Kind.MESSAGE, m.kind());
            assertEquals("Signal", m.channel());
            assertEquals("chat-miner_test_export", m.conversation());
            assertTrue(m.time().isLocal());
            assertNull(m.time().instant());
            assertEquals(List.of(), m.attachments());
        }

        // chat-miner's expected output: naive local times, newest first, lines joined with a space
        JsonNode target = new ObjectMapper().readTree(fixture("signal", "chat-miner_target.json").toFile());
        List<String> expected = new ArrayList<>();
        for (JsonNode t : target) {
            expected.add(LocalDateTime.parse(t.get("timestamp").asText()) + "|" + t.get("author").asText() + "|"
                    + t.get("message").asText());
        }
        List<String> actual = new ArrayList<>();
        for (ImportedMessage m : messages) {
            actual.add(m.time().local() + "|" + m.senderName() + "|" + m.raw().replaceAll("\\s+", " ").strip());
        }
        expected.sort(Comparator.naturalOrder());
        actual.sort(Comparator.naturalOrder());
        assertEquals(expected, actual);
    }

    @Test
    void signalExportMarkdownWithMeContinuationQuotesAndAttachments() throws IOException {
        Path chat = write("Jane Doe/chat.md", String.join("\n",
                "[2024-01-02 10:11:12] Jane Doe: Are you home?  ",
                "[2024-01-02 10:12:40] Me: ",
                "",
                "> Are you home?",
                "",
                "No. Stop writing.  ",
                "[2024-01-02 10:13:05] Jane Doe: I can see your car  ![IMG 1.jpg](./media/IMG%201.jpg)  "
                        + "[voice.m4a](./media/voice.m4a)  [site](https://example.com/x)  ",
                "(- Me: 😡 -)",
                "[2024-01-02 10:14:00] Jane Doe: (This message was deleted)",
                "[2024-01-02 10:15:00] Jane Doe: [attachment: note.pdf]",
                ""));
        Files.createDirectories(dir.resolve("Jane Doe/media"));
        Files.write(dir.resolve("Jane Doe/media/IMG 1.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.write(dir.resolve("Jane Doe/media/note.pdf"), "%PDF".getBytes(StandardCharsets.US_ASCII));
        assertTrue(recognises(chat));

        List<ImportedMessage> messages = read(chat, null);
        assertEquals(5, messages.size());
        for (ImportedMessage m : messages) {
            assertEquals("Jane Doe", m.conversation());
            assertEquals(ImportedMessage.Direction.UNKNOWN, m.direction());
        }
        assertEquals(LocalDateTime.of(2024, 1, 2, 10, 11, 12), messages.get(0).time().local());
        assertEquals("Are you home?  ", messages.get(0).raw());

        ImportedMessage me = messages.get(1);
        assertEquals("Me", me.senderName());
        assertEquals("\n\n> Are you home?\n\nNo. Stop writing.  ", me.raw());
        assertEquals("line 2", me.source());

        ImportedMessage media = messages.get(2);
        assertEquals("line 7", media.source());
        assertEquals("I can see your car  ![IMG 1.jpg](./media/IMG%201.jpg)  [voice.m4a](./media/voice.m4a)  "
                + "[site](https://example.com/x)  \n(- Me: 😡 -)", media.raw());
        assertEquals(2, media.attachments().size());
        AttachmentRef photo = media.attachments().get(0);
        assertEquals("IMG 1.jpg", photo.name());
        assertEquals("media/IMG 1.jpg", photo.path().replace('\\', '/'));
        assertNotNull(photo.data());
        try (InputStream in = photo.data().open()) {
            assertEquals(3, in.readAllBytes().length);
        }
        AttachmentRef voice = media.attachments().get(1);
        assertEquals("voice.m4a", voice.name());
        assertNull(voice.path()); // not in the export: a missing attachment
        assertNull(voice.data());

        assertEquals(Set.of(MessageFlag.DELETED), messages.get(3).flags());
        AttachmentRef note = messages.get(4).attachments().get(0);
        assertEquals("note.pdf", note.name());
        assertEquals("media/note.pdf", note.path().replace('\\', '/'));
    }

    @Test
    void crlfLineEndingsAndABomAreHandled() throws IOException {
        Path file = write("bom.txt", "\uFEFF[2021-05-01, 08:00] Me: first\r\nsecond line\r\n[2021-05-01, 08:05] You: ok\r\n");
        assertTrue(recognises(file));
        List<ImportedMessage> messages = read(file, null);
        assertEquals(2, messages.size());
        assertEquals("Me", messages.get(0).senderName());
        assertEquals("first\r\nsecond line", messages.get(0).raw());
        assertEquals("You", messages.get(1).senderName());
        assertEquals("ok", messages.get(1).raw());
    }

    @Test
    void aHeaderInAnotherStyleInsideAMessageIsText() throws IOException {
        Path file = write("quote.txt", String.join("\n",
                "[2021-05-01, 08:00] Sam: look what you wrote",
                "[2021-04-30 22:00:00] Sam: pasted from elsewhere",
                "[2021-05-01, 08:01] Me: that was not me"));
        List<ImportedMessage> messages = read(file, null);
        assertEquals(2, messages.size());
        assertEquals("look what you wrote\n[2021-04-30 22:00:00] Sam: pasted from elsewhere", messages.get(0).raw());
    }

    @Test
    void aHeaderWithoutASenderIsASystemLine() throws IOException {
        Path file = write("sys.txt", "[2021-05-01, 08:00] Sam: hi\n[2021-05-01, 08:01] Safety number changed\n");
        List<ImportedMessage> messages = read(file, null);
        assertEquals(ImportedMessage.Kind.SYSTEM, messages.get(1).kind());
        assertNull(messages.get(1).senderName());
        assertEquals("Safety number changed", messages.get(1).raw());
    }

    @Test
    void whatsAppFixturesAreNotSignal() throws IOException {
        int checked = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(fixture("whatsapp", "README.md").getParent())) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.endsWith(".txt") || name.endsWith(".zip")) {
                    assertFalse(recognises(p), name);
                    checked++;
                }
            }
        }
        assertEquals(11, checked);
    }

    @Test
    void whatsAppLookingTextIsNotSignal() throws IOException {
        List<String> whatsapp = List.of(
                "[24/12/2019, 12:23:45] Jane Doe: Hello",      // iOS, day first, seconds
                "[2019-12-24, 12:23:45] Jane Doe: Hello",      // iOS in a year-first locale: seconds
                "[12/24/19 12:23] Jane Doe: Hello",            // chat-miner's iOS-style sample
                "\u200E[24.12.19, 12:23:45] Jane Doe: Hello",  // iOS with a leading LRM
                "2019-12-24, 12:23 - Jane Doe: Hello",         // Android, year first
                "24/12/2019, 12:23 - Jane Doe: Hello",         // Android
                "[2019-12-24, 12:23] Jane Doe",                // no sender separator
                "Jane Doe: [2019-12-24, 12:23] Hello");
        for (String line : whatsapp) {
            assertFalse(recognises(write("chat.txt", line + "\nmore\n")), line);
        }
        // and the Signal forms are, but seconds only in Markdown
        assertTrue(recognises(write("a.txt", "[2019-12-24, 12:23] Jane Doe: Hello\n")));
        assertFalse(recognises(write("b.txt", "[2019-12-24 12:23:45] Jane Doe: Hello\n")));
        assertTrue(recognises(write("c/chat.md", "[2019-12-24 12:23:45] Jane Doe: Hello\n")));
        assertTrue(recognises(write("d/chat.md", "[2019-12-24, 12:23] Me:\n")));
        assertFalse(recognises(write("e.csv", "[2019-12-24, 12:23] Jane Doe: Hello\n")));
    }

    @Test
    void numericDayMonthDatesFollowTheDateOrderRule() throws IOException {
        Path ambiguous = write("amb.txt", "[01/02/2020, 10:00] Sam: one\n[03/04/2020, 11:00] Sam: two\n");
        assertFalse(recognises(ambiguous));
        AmbiguousDateOrderException e = assertThrows(AmbiguousDateOrderException.class, () -> read(ambiguous, null));
        assertEquals(List.of("01/02/2020, 10:00", "03/04/2020, 11:00"), e.samples());
        assertEquals(LocalDateTime.of(2020, 2, 1, 10, 0), read(ambiguous, DateOrder.DMY).get(0).time().local());
        assertEquals(LocalDateTime.of(2020, 1, 2, 10, 0), read(ambiguous, DateOrder.MDY).get(0).time().local());

        Path dayFirst = write("dmy.txt", "[01/02/20, 10:00] Sam: one\n[13/02/20, 11:00] Sam: two\n");
        List<ImportedMessage> messages = read(dayFirst, null);
        assertEquals(LocalDateTime.of(2020, 2, 1, 10, 0), messages.get(0).time().local());
        assertEquals(LocalDateTime.of(2020, 2, 13, 11, 0), messages.get(1).time().local());
    }

    @Test
    void malformedFilesAreRefusedWithTheLine() throws IOException {
        ImportException e = assertThrows(ImportException.class,
                () -> read(write("x.txt", "Exported from somewhere\n[2020-01-01, 10:00] Sam: hi\n"), null));
        assertEquals("x.txt, line 1: is not a Signal message line (expected '[YYYY-MM-DD, HH:MM] Name: text').",
                e.getMessage());
        e = assertThrows(ImportException.class,
                () -> read(write("y.txt", "[2020-01-01, 10:00] Sam: hi\n[2020-02-30, 10:00] Sam: no such day\n"), null));
        assertEquals("y.txt, line 2: '2020-02-30, 10:00' is not a valid date and time.", e.getMessage());
        Path binary = dir.resolve("z.txt");
        Files.write(binary, new byte[] {'[', '2', 0, 0, (byte) 0xFF});
        assertFalse(recognises(binary));
        assertThrows(ImportException.class, () -> read(binary, null));
        Path latin1 = dir.resolve("l.txt");
        Files.write(latin1, "[2020-01-01, 10:00] Sam: caf\u00E9\n".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(ImportException.class, () -> read(latin1, null));
        assertTrue(e.getMessage().startsWith("l.txt, line 1: is not UTF-8 text"), e.getMessage());
        e = assertThrows(ImportException.class, () -> read(write("empty.txt", "\n\n"), null));
        assertEquals("empty.txt: holds no messages.", e.getMessage());
    }
}
