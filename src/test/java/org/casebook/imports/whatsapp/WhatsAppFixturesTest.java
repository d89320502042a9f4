package org.casebook.imports.whatsapp;

import static org.casebook.imports.whatsapp.WhatsAppTestSupport.fixture;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.parse;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.recognises;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.vault.Progress;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.whatsapp.WhatsAppTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real samples in src/test/resources/fixtures/whatsapp import with what their sources expect. */
class WhatsAppFixturesTest {
    private record Expected(LocalDateTime time, String author, String message) {
    }

    /** chat-miner's target.json: the authored messages, oldest first (the file lists them newest first). */
    private static List<Expected> target() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(fixture("chat-miner_target.json")));
        List<Expected> out = new ArrayList<>();
        for (JsonNode n : root) {
            out.add(0, new Expected(LocalDateTime.parse(n.get("timestamp").asText()), n.get("author").asText(),
                    n.get("message").asText()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat-miner_test_ddmmyy_24hrs.txt", "chat-miner_test_mmddyy_24hrs.txt",
        "chat-miner_test_mmddyyyy_12hrs.txt", "chat-miner_test_yyyymmdd_24hrs.txt",
        "chat-miner_test_[mmddyy]_24hrs.txt"})
    void chatMinerSamplesGiveTheTargetMessages(String name) throws IOException {
        assertTrue(recognises(fixture(name)));
        Result r = parse(fixture(name)); // no date order given: each file settles its own

        // 10 headers: 6 authored messages, the "John Doe:." line (no ": ", so a system line whose raw keeps
        // it all) and two service lines; target.json lists only the 6 authored ones
        assertEquals(9, r.size());
        assertEquals(3, r.system().size());
        List<Expected> expected = target();
        List<ImportedMessage> authored = r.authored();
        assertEquals(expected.size(), authored.size());
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            ImportedMessage got = authored.get(i);
            assertEquals(want.author(), got.senderName(), "author of message " + i);
            assertEquals(want.time(), got.time().local(), "time of message " + i);
            assertTrue(got.time().isLocal());
            // chat-miner joins a message's lines with a space; we keep them as written
            assertEquals(want.message(), got.raw().replace('\n', ' '), "body of message " + i);
        }
        assertEquals("Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero.", authored.get(1).raw());
        assertEquals("Lorem ipsum : dolor sit amet.", authored.get(2).raw());

        List<String> systems = r.system().stream().map(ImportedMessage::raw).toList();
        assertEquals(List.of("John Doe:.", "+12 345 578 created group \"Groupname\"", "You were added"), systems);
        assertEquals(LocalDateTime.of(2020, 6, 20, 0, 8), r.system().get(1).time().local());
        assertNull(r.system().get(0).senderName());

        ImportedMessage first = r.get(0);
        assertEquals("line 1", first.source());
        assertEquals("line 3", r.get(2).source());
        assertEquals("line 5", r.get(3).source(), "the continuation line counts");
        assertEquals("WhatsApp", first.channel());
        assertEquals(Direction.UNKNOWN, first.direction());
        String conversation = name.substring(0, name.length() - 4);
        assertEquals(conversation, first.conversation());
        assertEquals(conversation, first.conversationTitle());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void theBracketedSampleIsReadAsIosStyle() throws IOException {
        Result r = parse(fixture("chat-miner_test_[mmddyy]_24hrs.txt"));
        assertEquals(LocalDateTime.of(2019, 1, 30, 20, 49), r.authored().get(1).time().local());
        assertEquals("Jahn Doe", r.authored().get(1).senderName());
    }

    @Test
    void theTwelveHourSampleReadsPmAndMidnight() throws IOException {
        Result r = parse(fixture("chat-miner_test_mmddyyyy_12hrs.txt"));
        // "08:49 p. m." and "12:10 p. m."; "00:08 a. m." is just after midnight
        assertEquals(LocalDateTime.of(2019, 1, 30, 20, 49), r.authored().get(1).time().local());
        assertEquals(LocalDateTime.of(2021, 12, 20, 12, 10), r.authored().get(4).time().local());
        assertEquals(LocalDateTime.of(2020, 6, 20, 0, 8), r.system().get(1).time().local());
    }

    @Test
    void thePusturZipReadsItsChatAndFindsTheMediaInIt() throws IOException {
        var zipPath = fixture("whatsapp-chat-parser-example.zip");
        assertTrue(recognises(zipPath));
        Result r = parse(zipPath);

        assertEquals(52, r.size());
        List<ImportedMessage> system = r.system();
        assertEquals(4, system.size());
        assertEquals("Messages to this group are now secured with end-to-end encryption.", system.get(0).raw());
        assertEquals("Loris created group \u201CWhatsApp Chat Parser Example\u201D", system.get(1).raw());
        assertEquals("Loris added John", system.get(3).raw());
        assertEquals(Set.of("Loris", "John", "Emily"),
                r.authored().stream().map(ImportedMessage::senderName).collect(Collectors.toSet()));

        ImportedMessage first = r.get(0);
        assertEquals("whatsapp-chat-parser-example", first.conversation());
        assertEquals("_chat.txt line 1", first.source());
        assertEquals(LocalDateTime.of(2019, 6, 20, 15, 58, 47), first.time().local());

        ImportedMessage hey = r.get(4);
        assertEquals("John", hey.senderName());
        assertEquals("Hey \uD83D\uDC4B", hey.raw(), "CRLF ends the line; the CR is not part of the body");

        List<ImportedMessage> withFiles = r.messages().stream().filter(m -> !m.attachments().isEmpty()).toList();
        assertEquals(4, withFiles.size());
        List<String> names = withFiles.stream().map(m -> m.attachments().get(0).name()).toList();
        assertEquals(List.of("00000001-PHOTO-2019-06-20-16-00-15.jpg", "00000002-VIDEO-2019-06-20-16-01-42.mp4",
                "00000003-AUDIO-2019-06-20-16-03-55.mp3", "00000004-whatsapp-chat-parser-example.zip"), names);
        for (ImportedMessage m : withFiles) {
            AttachmentRef a = m.attachments().get(0);
            assertEquals(a.name(), a.path(), "found in the zip root");
            assertNotNull(a.data());
            assertEquals("<attached: " + a.name() + ">", m.raw());
        }
        // the bytes are readable while the export is open, as the import service reads them
        List<byte[]> heads = new ArrayList<>();
        try (ExportFile export = ExportFile.open(zipPath)) {
            new WhatsAppImporter().read(export, new ImportContext(null, Progress.NONE), m -> {
                for (AttachmentRef a : m.attachments()) {
                    try (InputStream in = a.data().open()) {
                        heads.add(in.readNBytes(2));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        assertEquals(4, heads.size());
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, heads.get(0), "the photo is a JPEG");
        assertArrayEquals(new byte[] {'P', 'K'}, heads.get(3), "the nested zip");

        ImportedMessage twoLines = r.messages().stream().filter(m -> m.raw().startsWith("Come on")).findFirst().orElseThrow();
        assertEquals("Come on...\ndon't be so mysterious and show us!", twoLines.raw());
        assertEquals("_chat.txt line 24", twoLines.source());
        ImportedMessage poll = r.messages().stream().filter(m -> m.raw().startsWith("POLL:")).findFirst().orElseThrow();
        assertEquals(7, poll.raw().split("\n").length, "a poll written with LF line endings inside a CRLF file");
        ImportedMessage links = r.get(r.size() - 1);
        assertEquals("Links:\n- https://github.com/Pustur/whatsapp-chat-parser\n"
                + "- https://github.com/Pustur/whatsapp-chat-parser-website", links.raw());
        assertEquals(LocalDateTime.of(2019, 6, 20, 16, 45, 28), links.time().local());

        // every media file is referred to, and the macOS resource fork is neither a chat nor a media file
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        for (ImportedMessage m : r.messages()) {
            assertEquals(Kind.SYSTEM == m.kind(), m.senderName() == null);
        }
    }
}
