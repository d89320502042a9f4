package org.casebook.imports.whatsapp;

import static org.casebook.imports.whatsapp.WhatsAppTestSupport.parse;
import static org.casebook.imports.whatsapp.WhatsAppTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.imports.whatsapp.WhatsAppTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per pitfall of FORMATS.md §1 (and §9 where it concerns WhatsApp). */
class WhatsAppPitfallsTest {
    @TempDir
    Path dir;

    private ImportedMessage only(String text) throws IOException {
        Result r = parse(dir, "WhatsApp Chat with Test.txt", text);
        assertEquals(1, r.size(), () -> "one record expected from: " + text + " but got " + r.messages());
        return r.get(0);
    }

    private static LocalDateTime at(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi);
    }

    // --- 1. invisible spaces in the time

    @Test
    void narrowNoBreakSpaceBeforePm() throws IOException {
        ImportedMessage m = only("12/31/23, 9:05\u202FPM - Alice: text\n");
        assertEquals(at(2023, 12, 31, 21, 5), m.time().local());
        assertEquals("Alice", m.senderName());
        assertEquals("text", m.raw());

        ImportedMessage ios = only("[12/31/23, 9:05:09\u202FPM] Alice: text\r\n");
        assertEquals(LocalDateTime.of(2023, 12, 31, 21, 5, 9), ios.time().local());
    }

    @Test
    void noBreakSpaceInsideSpanishPm() throws IOException {
        ImportedMessage m = only("31/12/2023, 9:05\u00A0p.\u00A0m. - Alice: hola\n");
        assertEquals(at(2023, 12, 31, 21, 5), m.time().local());
        assertEquals("hola", m.raw());
        ImportedMessage am = only("31/12/2023, 9:05 a. m. - Alice: hola\n");
        assertEquals(at(2023, 12, 31, 9, 5), am.time().local());
    }

    @Test
    void twelveAmIsMidnightAndTwelvePmIsNoon() throws IOException {
        Result r = parse(dir, "chat.txt", "1/13/23, 12:15 AM - A: night\n1/13/23, 12:15 PM - A: noon\n"
                + "1/13/23, 11:59 PM - A: late\n1/14/23, 1:00 am - A: lower case\n");
        assertEquals(at(2023, 1, 13, 0, 15), r.get(0).time().local());
        assertEquals(at(2023, 1, 13, 12, 15), r.get(1).time().local());
        assertEquals(at(2023, 1, 13, 23, 59), r.get(2).time().local());
        assertEquals(at(2023, 1, 14, 1, 0), r.get(3).time().local());
    }

    // --- 2 and 3. day/month order and two-digit years

    @Test
    void twoDigitYearsAreThisCentury() throws IOException {
        assertEquals(at(2099, 12, 31, 23, 0), only("31/12/99, 23:00 - A: b\n").time().local());
        assertEquals(at(2000, 1, 13, 0, 0), only("13/01/00, 00:00 - A: b\n").time().local());
    }

    // --- 5. multi-line messages and header look-alikes

    @Test
    void aPastedDateLineIsPartOfTheMessage() throws IOException {
        Result r = parse(dir, "chat.txt", "31/12/2023, 21:05 - Alice: look at this\n2016-04-29 10:30:00\n"
                + "12/01/2023, 10:00 the meeting\n31/12/2023, 21:06 - Bob: ok\n");
        assertEquals(2, r.size());
        assertEquals("look at this\n2016-04-29 10:30:00\n12/01/2023, 10:00 the meeting", r.get(0).raw());
        assertEquals("line 1", r.get(0).source());
        assertEquals("line 4", r.get(1).source());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void aQuotedHeaderInAnotherStyleStaysInTheBodyWithAWarning() throws IOException {
        Result r = parse(dir, "chat.txt", "31/12/2023, 21:05 - Alice: she wrote\n[01/01/2024, 09:00:00] Eve: hi\n"
                + "31/12/2023, 21:06 - Bob: ok\n");
        assertEquals(2, r.size());
        assertEquals("she wrote\n[01/01/2024, 09:00:00] Eve: hi", r.get(0).raw());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).contains("line 2"), r.warnings().get(0));
    }

    @Test
    void blankLinesInsideAMessageAreKept() throws IOException {
        Result r = parse(dir, "chat.txt", "\n\n31/12/2023, 21:05 - Alice: one\n\nthree\n31/12/2023, 21:06 - Bob: ok");
        assertEquals("one\n\nthree", r.get(0).raw());
        assertEquals("line 3", r.get(0).source());
    }

    // --- 6. author split

    @Test
    void theAuthorEndsAtTheFirstColonSpace() throws IOException {
        ImportedMessage m = only("31/12/2023, 21:05 - Alice - work: Time: 10:30: ok\n");
        assertEquals("Alice - work", m.senderName());
        assertEquals("Time: 10:30: ok", m.raw());
    }

    @Test
    void emojiAndZwjInAuthorNames() throws IOException {
        String author = "Mum \uD83D\uDC69\u200D\uD83D\uDCBB \uD83E\uDD13";
        ImportedMessage m = only("31/12/2023, 21:05 - " + author + ": \uD83D\uDE00\n");
        assertEquals(author, m.senderName());
        assertEquals("\uD83D\uDE00", m.raw());
    }

    @Test
    void bidiWrappedPhoneNumberAuthor() throws IOException {
        ImportedMessage m = only("31/12/2023, 21:05 - \u202A+44 7700 900123\u202C: \u202Bשלום\u202C\n");
        assertEquals("+44 7700 900123", m.senderName(), "bidi controls are not part of the name");
        assertEquals("+44 7700 900123", m.senderAddress());
        assertEquals("\u202Bשלום\u202C", m.raw(), "the body keeps them");

        ImportedMessage rtl = only("31/12/2023, 21:05 - \u2067\u200Fمريم\u2069: hi\n");
        assertEquals("مريم", rtl.senderName());
        assertNull(rtl.senderAddress());
    }

    @Test
    void aHeaderWithoutColonSpaceIsASystemLine() throws IOException {
        Result r = parse(dir, "chat.txt", "31/12/2023, 21:05 - Alice created group \"Plans 2024\"\n"
                + "31/12/2023, 21:05 - Messages and calls are end-to-end encrypted.\n31/12/2023, 21:06 - John Doe:.\n");
        assertEquals(Kind.SYSTEM, r.get(1).kind());
        assertNull(r.get(1).senderName());
        assertEquals("Messages and calls are end-to-end encrypted.", r.get(1).raw());
        assertEquals(Kind.SYSTEM, r.get(2).kind());
        assertEquals("John Doe:.", r.get(2).raw());
    }

    @Test
    void iosPseudoAuthoredSystemLine() throws IOException {
        Result r = parse(dir, "_chat.txt", "[20.06.19, 15:58:47] Group: \u200EAlice added Bob\r\n"
                + "[20.06.19, 15:58:48] Alice: \u200Eimage omitted\r\n"
                + "[20.06.19, 15:58:49] Alice: plain\r\n"
                + "[20.06.19, 15:58:50] Group: \u200EMessages and calls are end-to-end encrypted.\r\n");
        ImportedMessage sys = r.get(0);
        assertEquals(Kind.SYSTEM, sys.kind());
        assertNull(sys.senderName());
        assertEquals("Group: \u200EAlice added Bob", sys.raw(), "nothing is lost");
        assertEquals("\u200EMessages and calls are end-to-end encrypted.", r.get(3).raw(),
                "the encryption notice is WhatsApp's own line, not the group's");
        assertEquals(Kind.MESSAGE, r.get(1).kind(), "an LRM-marked omitted file is still Alice's message");
        assertEquals(Set.of(MessageFlag.OMITTED), r.get(1).flags());
        assertEquals(Kind.MESSAGE, r.get(2).kind());
    }

    // --- 7. BOM, CRLF, final newline, UTF-16

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        ImportedMessage m = only("\uFEFF31/12/2023, 21:05 - Alice: hi\n");
        assertEquals("Alice", m.senderName());
        assertEquals("line 1", m.source());
    }

    @Test
    void utf16WithByteOrderMark() throws IOException {
        String text = "\uFEFF31/12/2023, 21:05 - Ali \uD83E\uDD13: hi\n31/12/2023, 21:06 - Bob: \u00E9t\u00E9\n";
        for (var cs : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Result r = WhatsAppTestSupport.parse(write(dir, "u16.txt", text, cs));
            assertEquals(2, r.size(), cs.name());
            assertEquals("Ali \uD83E\uDD13", r.get(0).senderName());
            assertEquals("\u00E9t\u00E9", r.get(1).raw());
        }
    }

    @Test
    void crlfLineEndings() throws IOException {
        Result r = parse(dir, "chat.txt", "31/12/2023, 21:05 - Alice: one\r\ntwo\r\n31/12/2023, 21:06 - Bob: ok\r\n");
        assertEquals("one\ntwo", r.get(0).raw());
        assertEquals("ok", r.get(1).raw());
    }

    @Test
    void noFinalNewline() throws IOException {
        Result r = parse(dir, "chat.txt", "31/12/2023, 21:05 - Alice: one\n31/12/2023, 21:06 - Bob: last\nline");
        assertEquals("last\nline", r.get(1).raw());
    }

    @Test
    void controlCharactersInTheBodyAreKept() throws IOException {
        ImportedMessage m = only("31/12/2023, 21:05 - Alice: a\tb\u0007c\rd\u2028e\n");
        assertEquals("a\tb\u0007c\rd\u2028e", m.raw());
    }

    @Test
    void leftToRightMarkBeforeTheBracket() throws IOException {
        ImportedMessage m = only("\u200E[31/12/2023, 21:05:09] Alice: \u200E<attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg>\r\n");
        assertEquals("Alice", m.senderName());
        assertEquals("00000042-PHOTO-2020-06-07-15-13-20.jpg", m.attachments().get(0).name());
    }

    // --- 9. localised markers

    @Test
    void omittedMediaInSeveralLanguages() throws IOException {
        for (String body : new String[] {"<Media omitted>", "<Medien ausgeschlossen>", "<Multimedia omitido>",
            "\u200Eimage omitted", "\u200EGIF omitted", "\u200Esticker omitted", "\u200EBild weggelassen",
            "\u200E<Media omitted>"}) {
            ImportedMessage m = only("31/12/2023, 21:05 - Alice: " + body + "\n");
            assertEquals(Set.of(MessageFlag.OMITTED), m.flags(), body);
            assertEquals(1, m.attachments().size(), body);
            AttachmentRef a = m.attachments().get(0);
            assertNull(a.path(), body);
            assertEquals(body.replace("\u200E", ""), a.name());
            assertEquals(body, m.raw());
            assertEquals(Kind.MESSAGE, m.kind());
        }
        // ordinary words are not markers
        ImportedMessage plain = only("31/12/2023, 21:05 - Alice: the part I omitted\n");
        assertTrue(plain.flags().isEmpty());
        assertTrue(plain.attachments().isEmpty());
    }

    @Test
    void attachedFilesInSeveralFormsAndLanguages() throws IOException {
        String[][] cases = {
            {"IMG-20210428-WA0001.jpg (file attached)\nlook at this", "IMG-20210428-WA0001.jpg"},
            {"IMG-20210428-WA0002.jpg (Datei angehängt)", "IMG-20210428-WA0002.jpg"},
            {"DOC-20210428-WA0003.pdf (archivo adjunto)", "DOC-20210428-WA0003.pdf"},
            {"\u200E<attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg>", "00000042-PHOTO-2020-06-07-15-13-20.jpg"},
            {"\u200E<Anhang: 00000043-PHOTO-2020-06-07-15-13-21.jpg>", "00000043-PHOTO-2020-06-07-15-13-21.jpg"},
            {"2015-08-04-PHOTO-00004762.jpg <\u200Eattached>", "2015-08-04-PHOTO-00004762.jpg"},
            {"Report 2020.pdf \u2022 3 pages \u200E<attached: 00000005-Report 2020.pdf>", "00000005-Report 2020.pdf"},
        };
        for (String[] c : cases) {
            ImportedMessage m = only("31/12/2023, 21:05 - Alice: " + c[0] + "\n");
            assertEquals(1, m.attachments().size(), c[0]);
            assertEquals(c[1], m.attachments().get(0).name(), c[0]);
            assertNull(m.attachments().get(0).path(), "not in the export");
            assertEquals(c[0], m.raw(), "the caption stays in raw");
            assertTrue(m.flags().isEmpty());
        }
    }

    @Test
    void anAttachedFileBesideTheChatIsFound() throws IOException {
        write(dir, "IMG-20210428-WA0001.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1});
        Result r = parse(dir, "WhatsApp Chat with Bob.txt",
                "28/04/2021, 10:00 - Bob: IMG-20210428-WA0001.jpg (file attached)\ncaption\n"
                + "28/04/2021, 10:01 - Bob: notes.pdf (pièce jointe)\n");
        AttachmentRef a = r.get(0).attachments().get(0);
        assertEquals("IMG-20210428-WA0001.jpg", a.path());
        assertNotNull(a.data());
        assertEquals("Bob", r.get(0).conversation());
        assertTrue(r.get(1).attachments().get(0).path() == null);
        assertEquals(1, r.warnings().size(), "one missing file is reported");
        assertTrue(r.warnings().get(0).contains("notes.pdf"), r.warnings().get(0));
    }

    @Test
    void anUnknownPhraseCountsOnlyWhenTheFileIsThere() throws IOException {
        write(dir, "PTT-20210428-WA0009.opus", new byte[] {1, 2, 3});
        Result r = parse(dir, "chat.txt", "28/04/2021, 10:00 - Bob: PTT-20210428-WA0009.opus (liite lisätty)\n"
                + "28/04/2021, 10:01 - Bob: see notes.txt (later)\n"
                + "28/04/2021, 10:02 - Bob: notes.txt (later)\n");
        assertEquals("PTT-20210428-WA0009.opus", r.get(0).attachments().get(0).path());
        assertTrue(r.get(1).attachments().isEmpty());
        assertTrue(r.get(2).attachments().isEmpty());
    }

    @Test
    void deletedMessages() throws IOException {
        for (String body : new String[] {"This message was deleted", "You deleted this message",
            "\u200EThis message was deleted.", "\u200EYou deleted this message.", "Diese Nachricht wurde gelöscht.",
            "Se eliminó este mensaje."}) {
            ImportedMessage m = only("31/12/2023, 21:05 - Alice: " + body + "\n");
            assertEquals(Set.of(MessageFlag.DELETED), m.flags(), body);
            assertEquals(Kind.MESSAGE, m.kind(), body);
            assertEquals("Alice", m.senderName());
            assertEquals(body, m.raw());
        }
        ImportedMessage quoted = only("31/12/2023, 21:05 - Alice: he said This message was deleted\n");
        assertTrue(quoted.flags().isEmpty());
    }

    @Test
    void deletedOnIosIsNotASystemLine() throws IOException {
        ImportedMessage m = only("[31/12/2023, 21:05:00] Alice: \u200EThis message was deleted.\r\n");
        assertEquals(Kind.MESSAGE, m.kind());
        assertEquals(Set.of(MessageFlag.DELETED), m.flags());
    }

    @Test
    void editedMessages() throws IOException {
        ImportedMessage m = only("31/12/2023, 21:05 - Alice: see you at 8 <This message was edited>\n");
        assertEquals(Set.of(MessageFlag.EDITED), m.flags());
        assertEquals("see you at 8 <This message was edited>", m.raw());
        ImportedMessage ios = only("[31/12/2023, 21:05:00] Alice: two\nlines \u200E<This message was edited>\r\n");
        assertEquals(Set.of(MessageFlag.EDITED), ios.flags());
        ImportedMessage de = only("31.12.23, 21:05 - Alice: bis dann <Diese Nachricht wurde bearbeitet.>\n");
        assertEquals(Set.of(MessageFlag.EDITED), de.flags());
    }

    // --- header variants

    @Test
    void finnishKloWithDottedTime() throws IOException {
        ImportedMessage m = only("13.6.2018 klo 21.25.15 - a: m\n");
        assertEquals(LocalDateTime.of(2018, 6, 13, 21, 25, 15), m.time().local());
        assertEquals("a", m.senderName());
        assertEquals("m", m.raw());
    }

    @Test
    void croatianSerbianSpacedDateWithTrailingDot() throws IOException {
        ImportedMessage m = only("[13. 6. 2018. 21:25:15] a: m\r\n");
        assertEquals(LocalDateTime.of(2018, 6, 13, 21, 25, 15), m.time().local());
    }

    @Test
    void yearFirstDates() throws IOException {
        assertEquals(at(2023, 12, 31, 21, 5), only("2023/12/31 21:05 - Alice: hi\n").time().local());
        assertEquals(LocalDateTime.of(2018, 6, 13, 21, 25, 15), only("[2018/06/13, 21:25:15] a: m\n").time().local());
        assertEquals(at(2023, 1, 2, 3, 4), only("2023-01-02, 03:04 - a: m\n").time().local());
    }

    @Test
    void iosWithoutCommaAndMonthFirst() throws IOException {
        ImportedMessage m = only("[06.13.18 21:25:15] a: m\n");
        assertEquals(LocalDateTime.of(2018, 6, 13, 21, 25, 15), m.time().local());
    }

    @Test
    void eastAsianMarkers() throws IOException {
        assertEquals(at(2023, 12, 31, 21, 5), only("2023. 12. 31. 오후 9:05 - 이름: 메시지\n").time().local());
        assertEquals(at(2023, 12, 31, 9, 5), only("2023/12/31 午前9:05 - 名前: テキスト\n").time().local());
        assertEquals(at(2023, 12, 31, 21, 5), only("2023/12/31 下午9:05 - 名字: 文字\n").time().local());
    }

    @Test
    void androidGermanTwoDigitYear() throws IOException {
        ImportedMessage m = only("31.12.23, 21:05 - Alice: Hallo\n");
        assertEquals(at(2023, 12, 31, 21, 5), m.time().local());
    }

    @Test
    void androidWithSeconds() throws IOException {
        ImportedMessage m = only("31/12/2023, 21:05:59 - Alice: Hi\n");
        assertEquals(LocalDateTime.of(2023, 12, 31, 21, 5, 59), m.time().local());
    }
}
