package org.casebook.imports.email;

import static org.casebook.imports.email.EmailTestSupport.attachment;
import static org.casebook.imports.email.EmailTestSupport.bytes;
import static org.casebook.imports.email.EmailTestSupport.readBytes;
import static org.casebook.imports.email.EmailTestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.casebook.imports.ImportedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail read as it was written: an mbox whose messages are not separated by a blank line still splits at each
 * real envelope line, one bad byte spoils only itself, HTML-only text is not lost beside an empty plain part, a
 * cut-off message says so, uuencoded attachments are decoded, and a display name that is an address does not
 * stand in for the address the mail came from.
 */
class EmailReadingsTest {
    private static final String DATE = "Date: Mon, 4 Mar 2024 10:00:00 +0000";

    @TempDir
    Path dir;

    private static String lf(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    // ---- item 2: mbox envelope lines without a blank line before them

    @Test
    void anEnvelopeLineWithoutABlankLineBeforeItStillStartsAMessage() throws IOException {
        String mbox = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: one", DATE, "",
                "first body",
                "From here on the body goes on",
                "From b@example.com Mon Mar  4 11:00:00 2024",
                "From: b@example.com", "Subject: two", "Date: Mon, 4 Mar 2024 11:00:00 +0000", "",
                "second body");
        EmailTestSupport.Result r = readBytes(dir, "tight.mbox", mbox);
        List<ImportedMessage> ms = r.messages();
        assertEquals(2, ms.size(), ms.toString());
        assertEquals("first body\nFrom here on the body goes on\n", ms.get(0).raw(),
                "a body line that merely starts with From does not split");
        assertEquals("second body\n", ms.get(1).raw());
        assertEquals("b@example.com", ms.get(1).senderAddress());
        assertTrue(r.warned("without a blank line before"), r.warnings().toString());
    }

    // ---- item 4: charsets

    @Test
    void oneInvalidByteInRussianUtf8SpoilsOnlyThatByte() throws IOException {
        String body = utf8("Привет, это Саша. Перезвони мне") + "\u00FF" + utf8(" завтра.");
        EmailTestSupport.Result r = readBytes(dir, "ru.eml", lf("From: a@example.com", "Subject: ru", DATE,
                "Content-Type: text/plain; charset=utf-8", "", body));
        assertEquals("Привет, это Саша. Перезвони мне\uFFFD завтра.\n", r.only().raw());
        assertTrue(r.warned("1 byte"), r.warnings().toString());
    }

    @Test
    void textWithNoCharsetIsReadByDetection() throws IOException {
        String russian = "Здравствуйте! Я больше не хочу получать от вас сообщения. Пожалуйста, прекратите мне писать"
                + " и звонить. Если это продолжится, я обращусь в полицию.";
        String body = new String(russian.getBytes(Charset.forName("windows-1251")), StandardCharsets.ISO_8859_1);
        EmailTestSupport.Result r = readBytes(dir, "cp1251.eml", lf("From: a@example.com", "Subject: ru", DATE,
                "Content-Type: text/plain", "", body));
        assertEquals(russian + "\n", r.only().raw());
        assertTrue(r.warned("windows-1251"), r.warnings().toString());
    }

    // ---- item 4: HTML-only text beside an empty plain part

    @Test
    void htmlTextIsUsedWhenThePlainAlternativeIsEmpty() throws IOException {
        ImportedMessage m = readBytes(dir, "alt.eml", lf("From: a@example.com", "Subject: alt", DATE,
                "Content-Type: multipart/alternative; boundary=b1", "",
                "--b1", "Content-Type: text/plain; charset=utf-8", "", "",
                "--b1", "Content-Type: text/html; charset=utf-8", "", "<p>I know where you <b>live</b></p>",
                "--b1--")).only();
        assertEquals("I know where you live", m.raw());
        assertTrue(EmailTestSupport.names(m).contains("message-1.html"), EmailTestSupport.names(m).toString());
    }

    // ---- item 4: a truncated message

    @Test
    void aMessageCutShortSaysSo() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "cut.eml", "From: a@example.com\nSubject: cut\n" + DATE + "\n"
                + "Content-Type: application/pdf; name=x.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQNCiXk9t");
        assertEquals(1, r.messages().size());
        assertTrue(r.warned("cut short"), r.warnings().toString());
    }

    // ---- item 4: x-uuencode

    @Test
    void uuencodedAttachmentsAreDecoded() throws IOException {
        ImportedMessage m = readBytes(dir, "uu.eml", lf("From: a@example.com", "Subject: uu", DATE,
                "Content-Type: multipart/mixed; boundary=m1", "",
                "--m1", "Content-Type: text/plain", "", "see attached",
                "--m1", "Content-Type: application/octet-stream; name=\"cat.txt\"",
                "Content-Transfer-Encoding: x-uuencode", "",
                "begin 644 cat.txt",
                "#0V%T",
                "`",
                "end",
                "--m1--")).only();
        assertArrayEquals("Cat".getBytes(StandardCharsets.US_ASCII), bytes(attachment(m, "cat.txt")));
    }

    // ---- item 4: a display name that is itself an address

    @Test
    void aDisplayNameThatIsAnAddressDoesNotStandInForTheRealAddress() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "spoof.eml", lf(
                "From: \"alice@example.com\" <mallory@evil.example>", "Subject: hi", DATE, "", "it's me"));
        ImportedMessage m = r.only();
        assertEquals("mallory@evil.example", m.senderAddress());
        assertEquals("mallory@evil.example", m.senderName());
        assertTrue(r.warned("alice@example.com"), r.warnings().toString());

        ImportedMessage same = readBytes(dir, "same.eml", lf(
                "From: \"bob@example.com\" <bob@example.com>", "Subject: hi", DATE, "", "hello")).only();
        assertEquals("bob@example.com", same.senderName());
    }

    // ---- item 4: encoded words through mime4j

    @Test
    void encodedWordsAcrossCharsetsAndSplitCharacters() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "w.eml", lf("From: =?UTF-8?Q?Zo=C3?= =?UTF-8?Q?=AB?= <z@example.com>",
                "Subject: =?iso-8859-1?Q?=93quoted=94?= and =?UTF-8*en?B?w6k=?=", DATE, "", "x"));
        ImportedMessage m = r.only();
        assertEquals("Zoë", m.senderName());
        assertEquals("“quoted” and é", m.conversationTitle());
        assertFalse(r.warnings().stream().anyMatch(w -> w.contains("Subject")), r.warnings().toString());
    }
}
