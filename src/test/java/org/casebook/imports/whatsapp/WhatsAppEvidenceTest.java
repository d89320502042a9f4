package org.casebook.imports.whatsapp;

import static org.casebook.imports.whatsapp.WhatsAppTestSupport.parse;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.casebook.imports.AmbiguousDateOrderException;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.whatsapp.WhatsAppTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the export itself shows is used before the user is asked: the encryption notice is a system line in
 * any language and with or without its invisible mark, dates that read the same both ways need no answer, and
 * media file names and the order of the lines settle the date order. Every date style in whatsapp-chat-parser's
 * test suite (Pustur/whatsapp-chat-parser, tests/parser.test.ts and tests/index.test.ts, MIT) reads as it says.
 */
class WhatsAppEvidenceTest {
    @TempDir
    Path dir;

    // ---- the end-to-end encryption notice

    private static final String NOTICE = "Messages and calls are end-to-end encrypted. No one outside of this chat,"
            + " not even WhatsApp, can read or listen to them.";

    @Test
    void theEncryptionNoticeWithoutItsMarkIsASystemLineNotAPerson() throws IOException {
        Result r = parse(dir, "_chat.txt", "[12.03.21, 10:00:00] Sam Jones: " + NOTICE + "\n"
                + "[12.03.21, 10:01:00] Sam Jones: hello\n", DateOrder.DMY);
        ImportedMessage notice = r.get(0);
        assertEquals(Kind.SYSTEM, notice.kind());
        assertNull(notice.senderName(), "no person named after the chat");
        assertEquals(NOTICE, notice.raw());
        assertEquals(Kind.MESSAGE, r.get(1).kind());
    }

    @Test
    void theEncryptionNoticeWithItsMarkKeepsNoNamePrefix() throws IOException {
        Result r = parse(dir, "_chat.txt", "[12.03.21, 10:00:00] Sam Jones: \u200E" + NOTICE + "\n", DateOrder.DMY);
        assertEquals(Kind.SYSTEM, r.get(0).kind());
        assertEquals("\u200E" + NOTICE, r.get(0).raw(), "the notice as written, without 'Sam Jones: '");
    }

    @Test
    void theEncryptionNoticeIsASystemLineInOtherLanguages() throws IOException {
        List<String> notices = List.of(
                "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen.",
                "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat puede leerlos.",
                "Les messages et les appels sont chiffrés de bout en bout. Personne en dehors de cette discussion ne peut les lire.",
                "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.",
                "I messaggi e le chiamate sono crittografati end-to-end.",
                "Сообщения и звонки защищены сквозным шифрованием.",
                "Mesajlar ve aramalar uçtan uca şifrelidir.");
        StringBuilder chat = new StringBuilder();
        for (int i = 0; i < notices.size(); i++) {
            chat.append("[12.03.21, 10:0").append(i).append(":00] Sam: ").append(notices.get(i)).append('\n');
        }
        Result r = parse(dir, "WhatsApp Chat - Sam.txt", chat.toString(), DateOrder.DMY);
        for (ImportedMessage m : r.messages()) {
            assertEquals(Kind.SYSTEM, m.kind(), m.raw());
            assertNull(m.senderName(), m.raw());
        }
    }

    @Test
    void aPersonWhoMentionsEncryptionMidChatStillSpeaks() throws IOException {
        Result r = parse(dir, "_chat.txt", "[12.03.21, 10:00:00] Sam: hi\n"
                + "[12.03.21, 10:01:00] Sam: is this end-to-end encrypted?\n", DateOrder.DMY);
        assertEquals(Kind.MESSAGE, r.get(1).kind());
        assertEquals("Sam", r.get(1).senderName());
    }

    // ---- date order from the export's own evidence

    @Test
    void datesThatReadTheSameEitherWayNeedNoAnswer() throws IOException {
        Result r = parse(dir, "chat.txt", "01/01/21, 10:00 - Sam: happy new year\n01/01/21, 10:05 - Sam: answer\n"
                + "02/02/21, 09:00 - Sam: hello?\n");
        assertEquals(LocalDateTime.of(2021, 1, 1, 10, 0), r.get(0).time().local());
        assertEquals(LocalDateTime.of(2021, 2, 2, 9, 0), r.get(2).time().local());
    }

    @Test
    void aMediaFileNameSettlesTheOrder() throws IOException {
        Result r = parse(dir, "chat.txt", "03/04/24, 10:00 - Sam: IMG-20240403-WA0001.jpg (file attached)\n"
                + "03/04/24, 10:01 - Sam: look\n");
        assertEquals(LocalDateTime.of(2024, 4, 3, 10, 0), r.get(0).time().local(), "3 April, as the file says");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("IMG-20240403-WA0001.jpg")), r.warnings()::toString);

        Result ios = parse(dir, "_chat.txt", "[04/03/24, 10:00:00] Sam: \u200E<attached: 00000042-PHOTO-2024-04-03-10-00-00.jpg>\n");
        assertEquals(LocalDateTime.of(2024, 4, 3, 10, 0), ios.get(0).time().local(), "month first, as the file says");
    }

    @Test
    void datesNeverRunBackwards() throws IOException {
        // Day first, 2 January would come after 1 March; month first, the dates run Jan 2, Jan 3, Feb 1.
        Result r = parse(dir, "chat.txt", "01/02/24, 10:00 - Sam: one\n01/03/24, 10:00 - Sam: two\n"
                + "02/01/24, 10:00 - Sam: three\n");
        assertEquals(LocalDateTime.of(2024, 1, 2, 10, 0), r.get(0).time().local());
        assertEquals(LocalDateTime.of(2024, 2, 1, 10, 0), r.get(2).time().local());
    }

    @Test
    void whenTheEvidenceIsOpenTheUserIsAsked() {
        Path file = write(dir, "chat.txt", "01/02/24, 10:00 - Sam: one\n03/04/24, 10:00 - Sam: two\n");
        assertThrows(AmbiguousDateOrderException.class, () -> parse(file));
    }

    @Test
    void whenMediaAndOrderDisagreeTheUserIsAsked() {
        Path file = write(dir, "chat.txt", "01/02/24, 10:00 - Sam: one\n01/03/24, 10:00 - Sam: two\n"
                + "02/01/24, 10:00 - Sam: IMG-20240102-WA0001.jpg (file attached)\n");
        assertThrows(AmbiguousDateOrderException.class, () -> parse(file));
    }

    // ---- every date style of whatsapp-chat-parser's tests/parser.test.ts ("formats")

    @Test
    void everyDateStyleOfWhatsappChatParsersTestsReads() throws IOException {
        LocalDateTime expected1 = LocalDateTime.of(2018, 6, 3, 13, 55);
        LocalDateTime expected2 = LocalDateTime.of(2018, 6, 13, 21, 25, 15);
        String[][] formats = {
            {"3/6/18, 1:55 p.m. - a: m", "1"},
            {"03-06-2018, 01.55 PM - a: m", "1"},
            {"13.06.18 21.25.15: a: m", "2"},
            {"[06.13.18 21:25:15] a: m", "2"},
            {"13.6.2018 klo 21.25.15 - a: m", "2"},
            {"13. 6. 2018. 21:25:15 a: m", "2"},
            {"[3/6/18 1:55:00 p. m.] a: m", "1"},
            {"\u200E[3/6/18 1:55:00 p. m.] a: m", "1"},
            {"[2018/06/13, 21:25:15] a: m", "2"},
            {"[06/2018/13, 21:25:15] a: m", "2"},
            {"3/6/2018 1:55 p.\u00A0m. - a: m", "1"},
            {"3/6/18, 1:55\u202FPM - a: m", "1"},
        };
        int n = 0;
        for (String[] f : formats) {
            n++;
            // whatsapp-chat-parser reads the ambiguous ones day first when told so (its daysFirst option)
            Result r = parse(dir, "format" + n + ".txt", f[0] + "\n", f[1].equals("1") ? DateOrder.DMY : null);
            assertEquals(1, r.size(), f[0]);
            ImportedMessage m = r.get(0);
            assertEquals(f[1].equals("1") ? expected1 : expected2, m.time().local(), f[0]);
            assertEquals("a", m.senderName(), f[0]);
            assertEquals("m", m.raw(), f[0]);
        }
    }

    /** whatsapp-chat-parser's tests/index.test.ts: its chatExample and the fix for its issue #237. */
    @Test
    void whatsappChatParsersIndexTests() throws IOException {
        String chatExample = """
                06/03/2017, 00:45 - Messages to this group are now secured with end-to-end encryption. Tap for more info.
                06/03/2017, 00:45 - You created group "ShortChat"
                06/03/2017, 00:45 - Sample User: This is a test message
                08/05/2017, 01:48 - TestBot: Hey I'm a test too!
                09/04/2017, 01:50 - +410123456789: How are you?

                Is everything alright?
                """;
        Result r = parse(dir, "chatExample.txt", chatExample);
        assertEquals(5, r.size(), "\"should contain a correct amount of parsed messages\"");
        assertEquals(2, r.system().size());
        // whatsapp-chat-parser keeps the file's last newline in the message; here a line ending ends its line
        assertEquals("How are you?\n\nIs everything alright?", r.get(4).raw(), "\"should not swallow empty lines\"");
        // Read day first, 9 April would come before 8 May: month first, as whatsapp-chat-parser's own
        // checkDecreasing concludes for these dates.
        assertEquals(LocalDateTime.of(2017, 9, 4, 1, 50), r.get(4).time().local());

        Result fix = parse(dir, "issue237.txt", "30/12/2020 13:00 - a: m\n13/1/2021 13:00 - a: m\n");
        assertEquals(LocalDateTime.of(2020, 12, 30, 13, 0), fix.get(0).time().local());
        assertEquals(LocalDateTime.of(2021, 1, 13, 13, 0), fix.get(1).time().local());
    }
}
