package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.Fixtures;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample exports taken from other projects' test suites (each folder's README names the project, path,
 * commit and licence): Casebook reads each one as its source project says it should be read. Where Casebook
 * deliberately reads differently, the test says why.
 */
class OtherProjectsFixturesTest {
    @TempDir
    Path dir;

    private record Read(List<ImportedMessage> records, List<String> warnings, long repeated) {
        ImportedMessage get(int i) {
            return records.get(i);
        }

        List<ImportedMessage> of(ImportedMessage.Kind kind) {
            return records.stream().filter(m -> m.kind() == kind).toList();
        }

        List<String> raws() {
            return records.stream().map(ImportedMessage::raw).toList();
        }

        boolean warned(String fragment) {
            return warnings.stream().anyMatch(w -> w.contains(fragment));
        }
    }

    private static Read read(DateOrder order, String... fixture) throws IOException {
        Path file = Fixtures.file(fixture);
        List<ImportedMessage> out = new ArrayList<>();
        ImportContext context = new ImportContext(order, Progress.NONE);
        try (ExportFile export = ExportFile.open(file)) {
            Importers.standard().detect(export).read(export, context, new RepeatedRecordsForTest(context, out));
        }
        return new Read(out, context.warnings(), context.repeatedRecords());
    }

    private static Read read(String... fixture) throws IOException {
        return read(null, fixture);
    }

    /** As the import pipeline passes records on (a record the file holds twice arrives once). */
    private static final class RepeatedRecordsForTest implements MessageSink {
        private final MessageSink inner;

        RepeatedRecordsForTest(ImportContext context, List<ImportedMessage> out) {
            this.inner = new RepeatedRecords(context, out::add);
        }

        @Override
        public void accept(ImportedMessage message) {
            inner.accept(message);
        }
    }

    private static byte[] bytes(AttachmentRef ref) throws IOException {
        try (InputStream in = ref.data().open()) {
            return in.readAllBytes();
        }
    }

    private static List<String> names(ImportedMessage m) {
        return m.attachments().stream().map(AttachmentRef::name).toList();
    }

    // ------------------------------------------------------------------------------------------ WhatsApp

    /** chatpack tests/integration.rs whatsapp_us: senders, the notice filtered out as a system line, media kept. */
    @Test
    void chatpackWhatsappUs() throws IOException {
        Read r = read("whatsapp", "chatpack_whatsapp_us.txt");
        List<ImportedMessage> authored = r.of(ImportedMessage.Kind.MESSAGE);
        assertTrue(authored.stream().anyMatch(m -> "Alice".equals(m.senderName())));
        assertTrue(authored.stream().anyMatch(m -> "Bob".equals(m.senderName())));
        assertFalse(authored.stream().anyMatch(m -> m.raw().contains("end-to-end encrypted")),
                "test_system_messages_filtered");
        ImportedMessage notice = r.of(ImportedMessage.Kind.SYSTEM).get(0);
        assertNull(notice.senderName(), "no person 'Charlie' for WhatsApp's own notice");
        assertTrue(authored.stream().anyMatch(m -> m.raw().contains("Media omitted")
                && m.flags().contains(MessageFlag.OMITTED)), "test_media_preserved");
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 30), r.get(0).time().local(), "15 only fits month first");
        assertEquals(7, authored.size());
    }

    /** chatpack whatsapp_eu: Cyrillic text; its Russian encryption notice is WhatsApp's, not Charlie's. */
    @Test
    void chatpackWhatsappEu() throws IOException {
        Read r = read("whatsapp", "chatpack_whatsapp_eu.txt");
        assertTrue(r.records().stream().anyMatch(m -> m.raw().contains("Привет")));
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 30), r.get(0).time().local());
        assertEquals(List.of("Сообщения и звонки защищены сквозным шифрованием."),
                r.of(ImportedMessage.Kind.SYSTEM).stream().map(ImportedMessage::raw).toList());
        assertEquals(5, r.of(ImportedMessage.Kind.MESSAGE).size());
    }

    /** whatsapp-chat-parser tests/index.test.ts chatExample: 5 messages, blank lines kept, 2 system lines. */
    @Test
    void whatsappChatParserChatExample() throws IOException {
        Read r = read("whatsapp", "whatsapp-chat-parser_chatExample.txt");
        assertEquals(5, r.records().size(), "should contain a correct amount of parsed messages");
        assertEquals(2, r.of(ImportedMessage.Kind.SYSTEM).size());
        // whatsapp-chat-parser keeps the file's final newline in the last message; it ends the line here.
        assertEquals("How are you?\n\nIs everything alright?", r.get(4).raw(), "should not swallow empty lines");
        assertEquals("+410123456789", r.get(4).senderAddress());
        // Month first, as whatsapp-chat-parser's own checkDecreasing concludes (9 April would come before
        // 8 May); Casebook says so in a warning.
        assertEquals(LocalDateTime.of(2017, 6, 3, 0, 45), r.get(0).time().local());
        assertTrue(r.warned("never run backwards"), r.warnings().toString());
    }

    /** whatsapp-chat-parser index.test.ts, "should pass for issue #237". */
    @Test
    void whatsappChatParserIssue237() throws IOException {
        Read r = read("whatsapp", "whatsapp-chat-parser_issue237.txt");
        assertEquals(LocalDateTime.of(2020, 12, 30, 13, 0), r.get(0).time().local());
        assertEquals(LocalDateTime.of(2021, 1, 13, 13, 0), r.get(1).time().local());
    }

    /** whatsapp-chat-parser parser.test.ts "parseAttachments": the four attachment forms and a plain message. */
    @Test
    void whatsappChatParserAttachments() throws IOException {
        // All five are dated 3/6/18 and no file name fits either reading: the user is asked; whatsapp-chat-parser
        // reads such a file day first by default, so that is the answer given here.
        Read r = read(DateOrder.DMY, "whatsapp", "whatsapp-chat-parser_attachments.txt");
        assertEquals(List.of("00000042-PHOTO-2020-06-07-15-13-20.jpg"), names(r.get(0)));
        assertEquals(List.of(), names(r.get(1)));
        assertEquals(List.of("IMG-20210428-WA0001.jpg"), names(r.get(2)));
        assertEquals(List.of("2015-08-04-PHOTO-00004762.jpg"), names(r.get(3)));
        assertEquals(List.of("4f2680f1db95a8454775cc2eefc95bfc.jpg"), names(r.get(4)));
        assertTrue(r.get(4).raw().endsWith("\nDir auch frohe Ostern."));
        assertEquals(LocalDateTime.of(2018, 6, 3, 13, 55), r.get(0).time().local());
    }

    // ------------------------------------------------------------------------- SMS Backup & Restore, calls

    /** sms-backup-reader-2 tests/e2e tier1: two threads, Contact A with 4 messages in order. */
    @Test
    void smsBackupReaderSampleSmall() throws IOException {
        Read r = read("sms-backup-restore", "sms-backup-reader-2_sample_small.xml");
        List<String> threadA = r.records().stream().filter(m -> "Contact A".equals(m.conversationTitle()))
                .map(ImportedMessage::raw).toList();
        assertEquals(List.of("SMS 1 in Thread 1", "SMS 2 in Thread 1", "SMS 3 in Thread 1", "MMS 1 text in Thread 1"),
                threadA);
        assertEquals(Set.of("Contact A", "Contact B"),
                Set.copyOf(r.records().stream().map(ImportedMessage::conversationTitle).toList()));
        assertEquals(3, r.records().stream().filter(m -> "Contact B".equals(m.conversationTitle())).count());
    }

    /**
     * sms-backup-reader-2 tier2 "Corrupt Attachments": Contact D's two messages both load. Casebook imports them
     * and keeps each broken part as recorded but unreadable, with a warning naming it.
     */
    @Test
    void smsBackupReaderCorruptAttachments() throws IOException {
        Path file = Fixtures.file("sms-backup-restore", "sms-backup-reader-2_corrupt_attachments.xml");
        try (Vault vault = TestVaults.create(dir, "v.casebook")) {
            Case aCase = new CaseService(vault).add("Corrupt", "CO", ZoneId.of("UTC"));
            ImportSummary s = new ImportService(vault, Importers.standard()).importFile(aCase.id(), file,
                    ImportOptions.defaults(), Progress.NONE);
            assertEquals(2, s.messages());
            assertEquals(2, s.added());
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("corrupt_image.png")), s.warnings()::toString);
            assertTrue(s.warnings().stream().anyMatch(w -> w.contains("corrupt.file")), s.warnings()::toString);
            List<String> texts = new TimelineService(vault).timeline(aCase.id()).stream().map(TimelineItem::text)
                    .toList();
            assertEquals(List.of("MMS with corrupted base64 image data", "MMS with unsupported attachment type"), texts);
        }
    }

    /** sms-backup-reader-2 tier1 "MMS Rendering": image, video, audio and PDF, each with its text. */
    @Test
    void smsBackupReaderSampleMms() throws IOException {
        List<byte[]> firstBytes = new ArrayList<>();
        List<ImportedMessage> records = new ArrayList<>();
        try (ExportFile export = ExportFile.open(Fixtures.file("sms-backup-restore", "sms-backup-reader-2_sample_mms.xml"))) {
            // an MMS part's bytes are readable while its message is handed over, as the import reads them
            Importers.standard().detect(export).read(export, new ImportContext(null, Progress.NONE), m -> {
                records.add(m);
                try {
                    firstBytes.add(java.util.Arrays.copyOf(bytes(m.attachments().get(0)), 4));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertEquals(4, records.size());
        assertEquals(List.of("image.png", "video.mp4", "audio.mp3", "document.pdf"),
                records.stream().map(m -> names(m).get(0)).toList());
        assertEquals("Here is an image attachment", records.get(0).raw());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, firstBytes.get(0));
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), firstBytes.get(3));
    }

    /** gvoice-sms-takeout-xml test_data/TEST_DATA.md: "3 Voicemail records", each an MMS with its audio. */
    @Test
    void gvoiceVoicemails() throws IOException {
        Read r = read("sms-backup-restore", "gvoice-sms-takeout-xml_sms-vm-gvoice.xml");
        assertEquals(3, r.records().size());
        for (ImportedMessage m : r.records()) {
            assertEquals("MMS", m.channel());
            assertFalse(m.attachments().isEmpty());
        }
    }

    /** gvoice-sms-takeout-xml TEST_DATA.md: "10 Call records"; received, placed, missed, with their lengths. */
    @Test
    void gvoiceCalls() throws IOException {
        Read r = read("calls", "gvoice-sms-takeout-xml_calls-gvoice.xml");
        assertEquals(10, r.records().size());
        ImportedMessage received = r.get(0);
        assertEquals(ImportedMessage.Kind.CALL, received.kind());
        assertEquals(771L, received.durationSeconds());
        assertEquals("Incoming call, 12 min 51 s", received.raw());
        assertEquals(Instant.ofEpochMilli(1532989893000L), received.time().instant());
        assertEquals(Set.of(MessageFlag.MISSED), r.get(2).flags());
    }

    /** sms-backup-and-restore-exporter conftest sample_calls_xml_file: an incoming call from John Doe, then an outgoing one. */
    @Test
    void richLewisCalls() throws IOException {
        Read r = read("calls", "richlewis007_calls-test.xml");
        assertEquals(2, r.records().size(), "len(rows) == 2");
        ImportedMessage in = r.get(0);
        assertEquals(ImportedMessage.Kind.CALL, in.kind());
        assertEquals(ImportedMessage.Direction.INCOMING, in.direction(), "Call type Incoming (type 1)");
        assertEquals("John Doe", in.senderName(), "Caller name");
        assertEquals("+1234567890", in.senderAddress(), "Caller #");
        assertEquals(120L, in.durationSeconds());
        assertEquals(Instant.ofEpochMilli(1609459200000L), in.time().instant());
        ImportedMessage out = r.get(1);
        assertEquals(ImportedMessage.Direction.OUTGOING, out.direction());
        assertEquals("Jane Smith", out.conversationTitle());
        assertEquals("Outgoing call, 45 s", out.raw());
    }

    /** test_create_call_log_deduplicates: the same call written twice is one call ("only 2 unique calls"). */
    @Test
    void richLewisDuplicateCall() throws IOException {
        Read r = read("calls", "richlewis007_calls-duplicate.xml");
        assertEquals(2, r.records().size());
        assertEquals(1, r.repeated(), "counted as a repeat, not imported twice");
    }

    /** test_create_call_log_missed_calls: a missed call, with no length ("N/A"). */
    @Test
    void richLewisMissedCall() throws IOException {
        Read r = read("calls", "richlewis007_calls-missed.xml");
        assertEquals(1, r.records().size());
        assertEquals(Set.of(MessageFlag.MISSED), r.get(0).flags(), "Call type Missed");
        assertEquals("Missed call", r.get(0).raw(), "Call duration N/A");
    }

    /**
     * test_create_call_log_with_new_fields: attributes split over lines, and read, subscription_id, post_dial_digits,
     * subscription_component_name. Both calls read as the plain ones do; Casebook does not keep the read mark, the
     * SIM slot or the digits dialled after connecting (the exporter's "Features").
     */
    @Test
    void richLewisCallsWithMoreFields() throws IOException {
        Read r = read("calls", "richlewis007_calls-enhanced.xml");
        assertEquals(List.of("Incoming call, 2 min 0 s", "Outgoing call, 45 s"), r.raws());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    // ------------------------------------------------------------------------------------------ Telegram

    /** chatpack telegram_simple: 4 messages, Alice "Hello!" then Bob. */
    @Test
    void chatpackTelegramSimple() throws IOException {
        Read r = read("telegram", "chatpack_telegram_simple.json");
        assertEquals(4, r.records().size());
        assertEquals("Alice", r.get(0).senderName());
        assertEquals("Hello!", r.get(0).raw());
        assertEquals("Bob", r.get(1).senderName());
        assertEquals(Instant.ofEpochSecond(1705314600L), r.get(0).time().instant());
    }

    /** chatpack telegram_complex: entity text joined, an edit marked, the pin a system line. */
    @Test
    void chatpackTelegramComplex() throws IOException {
        Read r = read("telegram", "chatpack_telegram_complex.json");
        assertEquals("Check out this link: https://example.com - it's great!", r.get(0).raw());
        assertEquals("Important: this is formatted text", r.get(1).raw());
        assertTrue(r.get(2).flags().contains(MessageFlag.EDITED));
        assertEquals(ImportedMessage.Kind.SYSTEM, r.get(3).kind());
        // chatpack drops the empty fifth message; Casebook keeps it: an empty message is still a message sent
        assertEquals(5, r.records().size());
    }

    /** chatpack tests/streaming_tests.rs test_streaming_skips_service_messages: 2 messages. */
    @Test
    void chatpackTelegramServiceWithoutADate() throws IOException {
        Read r = read("telegram", "chatpack_streaming_service.json");
        assertEquals(List.of("Hello", "Hi"), r.raws());
        assertTrue(r.warned("service line(s) without a date"), r.warnings().toString());
    }

    // ----------------------------------------------------------------------------------------- Messenger

    /**
     * chat-miner test_parsers.py test_facebookMessenger (target.json): John Doe's "Hello Allan" first, then
     * Allan Smith's "Hello John", both at 19:50:03 UTC. The two share one millisecond, so only the export's
     * order tells which came first: the download lists newest first, and chat-miner reverses it.
     */
    @Test
    void chatMinerMessenger() throws IOException {
        Read r = read("messenger", "chat-miner_facebookMessenger_testlog.json");
        assertEquals(List.of("John Doe", "Allan Smith"), r.records().stream().map(ImportedMessage::senderName).toList());
        assertEquals(List.of("Hello Allan", "Hello John"), r.raws());
        assertEquals(Instant.parse("2022-11-16T19:50:03.612Z"), r.get(0).time().instant());
        assertEquals("Messenger", r.get(0).channel());
    }

    /**
     * LangChain test_facebook_chat.py: the ten text messages, each "sender on time: text". LangChain prints the
     * file's (newest first) order in the local time of the machine the test was written on, two hours ahead of
     * UTC (1675597571851 ms is 11:46:11 UTC, printed "13:46:11"). It leaves out the photo-only message; Casebook
     * keeps it, with its picture recorded as not in the export.
     */
    @Test
    void langchainFacebookChat() throws IOException {
        Read r = read("messenger", "langchain_facebook_chat.json");
        assertEquals(11, r.records().size());
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<ImportedMessage> newestFirst = new ArrayList<>(r.records());
        Collections.reverse(newestFirst);
        StringBuilder asLangchain = new StringBuilder();
        for (ImportedMessage m : newestFirst) {
            if (!m.raw().isEmpty()) {
                asLangchain.append(m.senderName()).append(" on ")
                        .append(m.time().instant().atOffset(ZoneOffset.ofHours(2)).format(clock))
                        .append(": ").append(m.raw()).append("\n\n");
            }
        }
        assertEquals("User 2 on 2023-02-05 13:46:11: Bye!\n\n"
                + "User 1 on 2023-02-05 13:43:55: Oh no worries! Bye\n\n"
                + "User 2 on 2023-02-05 13:24:37: No Im sorry it was my mistake, the blue one is not for sale\n\n"
                + "User 1 on 2023-02-05 13:05:40: I thought you were selling the blue one!\n\n"
                + "User 1 on 2023-02-05 13:05:09: Im not interested in this bag. Im interested in the blue one!\n\n"
                + "User 2 on 2023-02-05 13:04:28: Here is $129\n\n"
                + "User 2 on 2023-02-05 13:04:05: Online is at least $100\n\n"
                + "User 1 on 2023-02-05 12:59:59: How much do you want?\n\n"
                + "User 2 on 2023-02-05 08:17:56: Goodmorning! $50 is too low.\n\n"
                + "User 1 on 2023-02-05 00:17:02: Hi! Im interested in your bag. Im offering $50. Let me know if you"
                + " are interested. Thanks!\n\n", asLangchain.toString());
        ImportedMessage photo = r.get(4);
        assertEquals("User 2", photo.senderName());
        assertEquals(List.of("url_of_some_picture.jpg"), names(photo));
        assertEquals(Set.of(MessageFlag.OMITTED), photo.flags());
        assertEquals("User 1 and User 2 chat", photo.conversationTitle());
    }

    /**
     * Sinex messaging_parser_test.rs, the end-to-end-encrypted export: five messages (sent, received, unsent,
     * media-only, and one with a reaction), in order; the unsent one flagged, the reaction kept.
     */
    @Test
    void sinexE2eeMixedThread() throws IOException {
        Read r = read("messenger", "sinex_e2ee_mixed_thread.json");
        assertEquals(5, r.records().size(), "messenger_parses_all_five_message_types");
        assertEquals(List.of("Alice", "Bob", "Alice", "Bob", "Bob"),
                r.records().stream().map(ImportedMessage::senderName).toList());
        assertEquals("Hey, how are you?", r.get(0).raw());
        assertEquals("Alice_Bob_thread", r.get(0).conversationTitle(), "thread_name");
        assertEquals(Set.of(MessageFlag.UNSENT), r.get(2).flags(), "messenger_unsent_message_flag_preserved");
        assertEquals("this was unsent", r.get(2).raw());
        assertEquals(List.of("photo1.jpg", "photo2.jpg"), names(r.get(3)));
        assertEquals(Set.of(MessageFlag.OMITTED), r.get(3).flags(), "the photos are named but not in the export");
        assertEquals("nice photo!\nReactions: ❤ Alice", r.get(4).raw());
        assertEquals(Instant.ofEpochMilli(1710000000000L), r.get(0).time().instant());
    }

    /** Sinex messaging_test.rs SAMPLE_THREAD: two messages; Bob's has two media and one reaction (counted by Sinex). */
    @Test
    void sinexE2eeSampleThread() throws IOException {
        Read r = read("messenger", "sinex_e2ee_sample_thread.json");
        assertEquals(List.of("Alice", "Bob"), r.records().stream().map(ImportedMessage::senderName).toList());
        assertEquals("hello there", r.get(0).raw());
        assertEquals(LocalDate.of(2024, 3, 16), r.get(0).time().instant().atZone(ZoneOffset.UTC).toLocalDate(),
                "epoch_ms_timestamp_parses_correctly");
        assertEquals(List.of("photo.jpg", "photo2.jpg"), names(r.get(1)), "media_count == 2");
        assertEquals("look at this\nReactions: love Bob", r.get(1).raw(), "reaction_count == 1");
        assertEquals("Bob", r.get(0).conversationTitle(), "threadName Bob_1 without its number");
    }

    /** Sinex FIXTURE_SHARE_TYPE: one message of type "share" with no text; it is still a message. */
    @Test
    void sinexE2eeShareWithoutText() throws IOException {
        Read r = read("messenger", "sinex_e2ee_share_type.json");
        assertEquals(1, r.records().size());
        assertEquals("", r.get(0).raw(), "text is null");
        assertEquals("Alice", r.get(0).senderName());
    }

    /** Sinex FIXTURE_SAME_TS_DIFFERENT_TEXT: one sender, one millisecond, two texts: two messages, in file order. */
    @Test
    void sinexE2eeSameMillisecondDifferentText() throws IOException {
        Read r = read("messenger", "sinex_e2ee_same_ts_different_text.json");
        assertEquals(List.of("first message", "second message"), r.raws());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    // ----------------------------------------------------------------------------------------- Instagram

    /** chatpack instagram: both senders, the shared link present, every message timed. */
    @Test
    void chatpackInstagram() throws IOException {
        Read r = read("instagram", "chatpack_instagram.json");
        Set<String> senders = Set.copyOf(r.records().stream().map(ImportedMessage::senderName).toList());
        assertEquals(Set.of("user_one", "user_two"), senders);
        assertTrue(r.records().stream().anyMatch(m -> m.raw().contains("https://instagram.com/p/xyz")),
                "test_shared_links");
        assertTrue(r.records().stream().allMatch(m -> m.time().instant() != null), "test_timestamps");
        assertEquals("Test Instagram Chat", r.get(0).conversationTitle());
        // chatpack drops the message with no content; Casebook keeps it (it was sent, whatever it held)
        assertEquals(6, r.records().size());
        assertEquals("Check this shared link: https://instagram.com/p/xyz\nCheck this out", r.get(4).raw());
    }

    /**
     * chat-miner test_instagram.py (testlog_target.csv), the older Instagram test: names, texts and reactions
     * with emoji written as Meta's latin-1 mojibake, shared links, media. chat-miner's eleven rows (author, message;
     * "sent…" for media) are all here, repaired. It drops the two poll notices as noise; Casebook keeps every
     * message the download holds.
     */
    @Test
    void chatMinerInstagramTestlog() throws IOException {
        Read r = read("instagram", "chat-miner_testlog.json");
        assertEquals(13, r.records().size());
        String[][] textRows = {{"Jane Doe", "Jane Doe joined the group."},
            {"John Doe", "Testing message with reactions."}, {"❤️", "Testing username only emoji: ❤️"},
            {"J❤️hn Doe", "Testing username with emoji: J❤️hn Doe"}, {"John Doe", "Testing message with emoji: ❤️"},
            {"John Doe", "Testing normal message."}, {"Lionel Messi", "John Doe sent an attachment."},
            {"John Doe", "John Doe's poll has multiple updates."}, {"Jane Doe", "This poll is no longer available."}};
        for (String[] row : textRows) {
            assertTrue(r.records().stream().anyMatch(m -> row[0].equals(m.senderName()) && m.raw().startsWith(row[1])),
                    row[1]);
        }
        String[][] mediaRows = {{"John Doe", ".jpg"}, {"Jane Doe", "_n_834308961406351.mp4"}, {"John Doe", "27657208126861.mp4"}};
        for (String[] row : mediaRows) {
            assertTrue(r.records().stream().anyMatch(m -> row[0].equals(m.senderName()) && names(m).size() == 1
                    && names(m).get(0).endsWith(row[1]) && m.flags().contains(MessageFlag.OMITTED)), "sent… " + row[1]);
        }
        assertTrue(r.records().stream().anyMatch(m -> m.raw().contains(
                "https://www.instagram.com/p/CmUv48DLvxd/?feed_type=reshare_chaining")), "sentshare");
        // chat-miner's "disappearingmessage": only a sender, a time and reactions; the reactions are what is left
        ImportedMessage disappeared = r.records().stream()
                .filter(m -> m.time().instant().equals(Instant.ofEpochMilli(1646025943621L))).findFirst().orElseThrow();
        assertEquals("Reactions: ❤️ J❤️hn Doe, 💖 Jane Doe", disappeared.raw());
        for (ImportedMessage m : r.records()) {
            for (String s : new String[] {m.raw(), m.senderName(), m.conversationTitle()}) {
                assertFalse(s.contains("Ã") || s.contains("â") || s.contains("ð\u009f") || s.contains("\u00ef\u00b8"), s);
            }
        }
        assertEquals("Test Log", r.get(0).conversationTitle());
        assertEquals("Instagram", r.get(0).channel());
    }

    /** chatpack src/streaming/instagram.rs test_streaming_parser_basic: user_one "Hello!", then user_two. */
    @Test
    void chatpackInstagramStreaming() throws IOException {
        Read r = read("instagram", "chatpack_instagram_streaming.json");
        assertEquals("user_one", r.get(0).senderName());
        assertEquals("Hello!", r.get(0).raw());
        assertEquals("user_two", r.get(1).senderName());
        // chatpack skips the third message, which has no content; Casebook keeps it: it was sent
        assertEquals(List.of("Hello!", "Hi there!", ""), r.raws());
        assertEquals("user_one, user_two", r.get(0).conversationTitle(), "no title: the participants");
    }

    /** chatpack test_braces_inside_json_strings: braces and an escaped quote inside the text, read exactly. */
    @Test
    void chatpackInstagramBraces() throws IOException {
        Read r = read("instagram", "chatpack_instagram_braces.json");
        assertEquals(List.of("has { brace and escaped \"quote\"", "has } brace"), r.raws());
    }

    /** chatpack test_shared_content: a share with only share_text reads as that text (Casebook keeps the link too). */
    @Test
    void chatpackInstagramShareText() throws IOException {
        Read r = read("instagram", "chatpack_instagram_share_text.json");
        assertEquals(1, r.records().size());
        assertEquals("https://example.com\nCheck this out!", r.get(0).raw());
    }

    /**
     * chatpack src/parsers/instagram.rs test_parse_str_filters_empty_content expects [Charlie, Alice]: it drops
     * Bob's empty message and reverses the list, as if it were newest first. Here the times run forward
     * (Alice 23:31:30, Bob :31, Charlie :32), so Casebook keeps that order, and Bob's message.
     */
    @Test
    void chatpackInstagramEmptyContentAndTimeOrder() throws IOException {
        Read r = read("instagram", "chatpack_instagram_filters_empty.json");
        assertEquals(List.of("Alice", "Bob", "Charlie"), r.records().stream().map(ImportedMessage::senderName).toList());
        assertEquals(List.of("Hello", "", "Hi"), r.raws());
        assertEquals(Instant.ofEpochMilli(1234567892000L), r.get(2).time().instant());
    }

    // ------------------------------------------------------------------------------------------- Discord

    /** chatpack discord.json: nickname over name, the attachment and the sticker listed. */
    @Test
    void chatpackDiscordJson() throws IOException {
        Read r = read("discord", "chatpack_discord.json");
        assertEquals(3, r.records().size());
        assertEquals("Alice", r.get(0).senderName(), "test_parse_json_nickname_fallback");
        assertEquals("alice", r.get(0).senderAddress());
        assertEquals("Hello Discord!", r.get(0).raw());
        assertEquals("bob", r.get(1).senderName());
        assertTrue(r.get(1).flags().contains(MessageFlag.EDITED));
        assertEquals(List.of("image.png"), names(r.get(1)));
        assertEquals(List.of("Wave"), names(r.get(2)));
    }

    /** chatpack discord.txt: Alice's "Hello Discord!" first, bob's attachment kept. */
    @Test
    void chatpackDiscordText() throws IOException {
        Read r = read("discord", "chatpack_discord.txt");
        assertEquals(3, r.records().size());
        assertEquals("Alice", r.get(0).senderName());
        assertEquals("Hello Discord!", r.get(0).raw());
        assertEquals(List.of("image.png"), names(r.get(1)), "test_parse_txt_attachments");
        assertEquals(List.of("789.json"), names(r.get(2)));
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 30), r.get(0).time().local());
    }

    /** chatpack discord.csv: 3 messages, Alice first, the attachment kept. */
    @Test
    void chatpackDiscordCsv() throws IOException {
        Read r = read("discord", "chatpack_discord.csv");
        assertEquals(3, r.records().size());
        assertEquals("Alice", r.get(0).senderName());
        assertEquals("Hello Discord!", r.get(0).raw());
        assertEquals(List.of("image.png"), names(r.get(1)), "test_parse_csv_attachments");
    }

    // ---------------------------------------------------------------------------------------------- eml

    /** mime4j mimetools-testmsgs/german-qp: the decoded text of german-qp_decoded_1.txt, read as ISO-8859-15. */
    @Test
    void mime4jGermanQuotedPrintable() throws IOException {
        Read r = read("eml", "mime4j_german-qp.eml");
        ImportedMessage m = r.get(0);
        assertEquals("Jörn Reder", m.senderName());
        assertEquals("joern@zyn.de", m.senderAddress());
        assertTrue(m.raw().startsWith("\nHallo,\n\ndas ist eine Testnachricht mit 8 Bit Sönderzäichen, und obendrein"
                + " noch \nquoted-printable kodiert.\n\nGrüße,\n\nJörn\n"), m.raw());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    /** mime4j russian.msg: a text part sent as an attachment whose name is KOI8-R encoded words. */
    @Test
    void mime4jRussianAttachmentName() throws IOException {
        Read r = read("eml", "mime4j_russian.eml");
        ImportedMessage m = r.get(0);
        assertEquals("Greetings", m.conversationTitle());
        assertTrue(names(m).contains("Список.doc"), names(m).toString());
        assertEquals("Salutations\r\n\r\n\r\n",
                new String(bytes(m.attachments().get(names(m).indexOf("Список.doc"))), StandardCharsets.US_ASCII));
    }

    /** mime4j re-fwd.msg: a reply forwarding a forward; the innermost message is kept whole. */
    @Test
    void mime4jNestedForward() throws IOException {
        Read r = read("eml", "mime4j_re-fwd.eml");
        ImportedMessage m = r.get(0);
        assertEquals("user2", m.senderName());
        assertEquals("hello world", m.conversationTitle(), "the thread: the subject without its Re: and Fwd:");
        String nested = new String(bytes(m.attachments().get(1)), StandardCharsets.US_ASCII);
        assertTrue(nested.contains("This is the original message.\r\nLet's see if we can embed it!"),
                "re-fwd_decoded_1_1_1.txt");
    }

    /** mikel/mail content_transfer_encoding_x_uuencode.eml: x-uuencode is a known encoding (unix_to_unix_spec). */
    @Test
    void mikelMailXUuencode() throws IOException {
        Read r = read("eml", "content_transfer_encoding_x_uuencode.eml");
        ImportedMessage m = r.get(0);
        assertTrue(m.raw().startsWith("Attached are the comments of the Public Generating Pool."));
        assertTrue(names(m).contains("PGP_Cmts_on_12-14-01_Pkg.doc"), names(m).toString());
        assertFalse(r.warned("transfer encoding"), r.warnings().toString());
        assertEquals("lpeters@PACIFIER.COM", m.senderAddress());
    }

    // --------------------------------------------------------------------------------------------- mbox

    /** mime4j mbox/src/test MboxIteratorTest: mbox.rlug holds the five messages of mbox.rlug-0 … -4. */
    @Test
    void mime4jMboxRlug() throws IOException {
        Read r = read("mbox", "mime4j_mbox.rlug.mbox");
        assertEquals(List.of("Din windows ma pot, din LINUX NU ma pot conecta (la ZAPP)", "RH 8.0 boot floppy",
                        "Qmail mysql virtualusers +ssl + smtp auth +pop3",
                        "Din windows ma pot, din LINUX NU ma pot conecta (la ZAPP)", "LSTP problem - solved"),
                r.records().stream().map(ImportedMessage::conversationTitle).toList());
    }

    /** Python's test_mailbox TestMbox.test_get_bytes_from, written by Python's mailbox: '0' and _sample_message. */
    @Test
    void pythonMailboxGetBytesFrom() throws IOException {
        Read r = read("mbox", "python-test_mailbox_get_bytes_from.mbox");
        assertEquals(2, r.records().size());
        assertEquals("0\n", r.get(0).raw(), "test_add_from_string: get_payload() == '0\\n'");
        ImportedMessage sample = r.get(1);
        assertEquals("This is a sample message.\n\n--\nGregory K. Johnson\n", sample.raw(), "_sample_payloads[0]");
        assertEquals("gkj@gregorykjohnson.com", sample.senderAddress());
        assertEquals("Gregory K. Johnson", sample.senderName());
        AttachmentRef gz = sample.attachments().get(names(sample).indexOf("text.gz"));
        try (InputStream in = new GZIPInputStream(gz.data().open())) {
            assertEquals("This is a text file.\nWith two lines.\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    /** Python's test_mailbox test_message_separator and test_terminating_newline, written by Python's mailbox. */
    @Test
    void pythonMailboxMessageSeparator() throws IOException {
        Read r = read("mbox", "python-test_mailbox_message_separator.mbox");
        assertEquals(List.of("0\n", "0\n", "No newline at the end\n"), r.raws());
        assertEquals("john@example.com", r.get(2).senderAddress());
    }

    // ------------------------------------------------------------------------------------------- Signal

    /** signal-export tests/test_create.py: replies to a photo, a voice note and a text; an empty quote. */
    @Test
    void signalExportQuotes() throws IOException {
        Read r = read("signal", "signal-export_quotes.md");
        assertEquals(4, r.records().size());
        assertTrue(r.get(0).raw().contains("> Photo"), "test_image_only_reply_is_labelled_photo");
        assertTrue(r.get(1).raw().contains("> Voice message"), "test_voice_note_reply_is_labelled");
        assertTrue(r.get(2).raw().contains("> original words"), "test_reply_with_text_keeps_text");
        assertEquals("hmm", r.get(3).raw().strip(), "test_reply_with_no_text_and_no_attachments_has_no_quote");
        assertEquals("Aya", r.get(0).senderName());
        assertEquals(LocalDateTime.of(2024, 1, 2, 10, 11, 12), r.get(0).time().local());
    }

    /** signal-export test_create.py: unexported media and files get placeholders; none without attachments. */
    @Test
    void signalExportAttachments() throws IOException {
        Read r = read("signal", "signal-export_attachments.md");
        assertEquals(Set.of(MessageFlag.OMITTED), r.get(0).flags(), "missing_kind == 'media'");
        assertEquals(List.of("(media not exported)"), names(r.get(0)));
        assertEquals(List.of("(attachment not exported)"), names(r.get(1)), "missing_kind == 'attachment'");
        assertEquals(List.of(), names(r.get(2)), "test_no_placeholder_when_message_had_no_attachments");
    }

    /** signal-export create._format_call: calls with their length; missed, unanswered and declined are missed. */
    @Test
    void signalExportCalls() throws IOException {
        Read r = read("signal", "signal-export_calls.md");
        assertEquals(4, r.of(ImportedMessage.Kind.CALL).size());
        assertEquals(125L, r.get(0).durationSeconds());
        assertEquals(Set.of(), r.get(0).flags());
        for (int i = 1; i < 4; i++) {
            assertEquals(Set.of(MessageFlag.MISSED), r.get(i).flags(), r.get(i).raw());
        }
        assertEquals("Me", r.get(2).senderName());
    }
}
