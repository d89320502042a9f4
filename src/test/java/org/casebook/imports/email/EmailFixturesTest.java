package org.casebook.imports.email;

import static org.casebook.imports.email.EmailTestSupport.attachment;
import static org.casebook.imports.email.EmailTestSupport.bytes;
import static org.casebook.imports.email.EmailTestSupport.fixture;
import static org.casebook.imports.email.EmailTestSupport.names;
import static org.casebook.imports.email.EmailTestSupport.read;
import static org.casebook.imports.email.EmailTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportedMessage;
import org.junit.jupiter.api.Test;

/** Every .eml and .mbox fixture in the repository's fixtures, with what reading the files by hand shows. */
class EmailFixturesTest {

    private static void assertTime(ImportedMessage m, String instant, String offset) {
        assertEquals(Instant.parse(instant), m.time().instant(), "instant");
        assertEquals(ZoneOffset.of(offset), m.time().offset(), "offset");
        assertNull(m.time().local());
    }

    private static void assertCommon(ImportedMessage m) throws IOException {
        assertEquals(ImportedMessage.Kind.MESSAGE, m.kind());
        assertEquals("E-mail", m.channel());
        assertEquals(ImportedMessage.Direction.UNKNOWN, m.direction());
        AttachmentRef original = m.attachments().get(0);
        assertEquals("message/rfc822", original.mediaType());
        assertNull(original.path());
        assertTrue(original.name().matches("message-\\d+\\.eml"), original.name());
        // the original can be read, twice (the vault reads once to store and once to inspect)
        assertArrayEquals(bytes(original), bytes(original));
    }

    @Test
    void attachmentNonAsciiFilename() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "attachment_nonascii_filename.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("foo@example.com", m.senderAddress());
        assertEquals("foo@example.com", m.senderName());
        assertEquals("testing", m.conversation());
        assertEquals("testing", m.conversationTitle());
        assertTime(m, "2005-06-06T20:21:22Z", "+02:00");
        assertEquals("This is the first part.\r\n", m.raw());
        assertEquals("message", m.source());
        assertEquals(List.of("message-1.eml", "ciële.txt"), names(m));
        AttachmentRef file = attachment(m, "ciële.txt");
        assertEquals("text/plain", file.mediaType());
        assertEquals("Hi there.\r\n", text(file));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void attachmentPdfWithRawEmojiSubjectAndFromLine() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "attachment_pdf.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Test Tester", m.senderName());
        assertEquals("xxxx@xxxx.com", m.senderAddress());
        assertEquals("Another PDF with \uD83C\uDF89 Unicode chars in it \uD83C\uDF7F", m.conversation());
        assertTime(m, "2005-05-10T17:26:39Z", "-06:00");
        assertEquals("Just attaching another PDF, here, to see what the message looks like,\r\n"
                + "and to see if I can figure out what is going wrong here.\r\n", m.raw());
        assertEquals(List.of("message-1.eml", "broken.pdf"), names(m));
        AttachmentRef pdf = attachment(m, "broken.pdf");
        assertEquals("application/pdf", pdf.mediaType());
        byte[] data = bytes(pdf);
        assertEquals(1026, data.length);
        assertEquals("%PDF-1.4", new String(data, 0, 8, StandardCharsets.ISO_8859_1));
        // the mbox-style From line at the top is not part of the stored message
        assertTrue(text(m.attachments().get(0)).startsWith("Return-Path: <xxxx@xxxx.com>\r\n"));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void attachmentWithRfc2231NameInAWrongCharset() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "attachment_with_encoded_name.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("xxxxxxxxx xxxxxxx", m.senderName());
        assertEquals("xxxxxxxxx.xxxxxxx@gmail.com", m.senderAddress());
        assertEquals("Signed email causes file attachments", m.conversation());
        assertTime(m, "2005-05-08T19:09:11Z", "-05:00");
        assertTrue(m.raw().startsWith("We should not include these files or vcards as attachments.\r\n\r\n"
                + "---------- Forwarded message ----------\r\n"), m.raw());
        assertTrue(m.raw().endsWith("Test attachments oddly encoded with japanese charset.\r\n\r\n"), m.raw());
        assertEquals(313, m.raw().length());
        // %8A is not ISO-2022-JP (a 7-bit charset): read as windows-1252, and said so
        assertEquals(List.of("message-1.eml", "01 Quien Te Dij\u0160at. Pitbull.mp3"), names(m));
        AttachmentRef mp3 = m.attachments().get(1);
        assertEquals("application/octet-stream", mp3.mediaType());
        assertEquals(399, bytes(mp3).length);
        assertTrue(r.warned("iso-2022-jp"), r.warnings().toString());
        assertTrue(r.warned("windows-1252"), r.warnings().toString());
    }

    @Test
    void badDateHeaderFallsBackToTheFirstReceivedHeader() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "bad_date_header.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Grants-Notification", m.senderName());
        assertEquals("infoz@reactive-outpost.com", m.senderAddress());
        assertEquals("You may_be Eligible for Legitimate_Cash from_GovAgencies!", m.conversation());
        assertTime(m, "2010-12-11T03:20:19Z", "-08:00");
        assertEquals("", m.raw());
        assertEquals(List.of("message-1.eml"), names(m)); // the HTML part is empty
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("bad_date_header.eml: its Date header '<HR>' is not a date"), w);
        assertTrue(w.contains("first Received header (Fri, 10 Dec 2010 19:20:19 -0800)"), w);
    }

    @Test
    void quotedPrintableWrittenWithASpaceIsStillDecoded() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "content_transfer_encoding_qp_with_space.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Wilmer Capps", m.senderName());
        assertEquals("fyouizjnp@swissonline.ch", m.senderAddress());
        assertEquals("Low or High Blood Pressure? We can help.", m.conversation());
        assertTime(m, "2004-11-07T21:23:56Z", "-03:00");
        assertEquals("If you're in need of a good RX site for online purchases, we are your answer.\r\n\r\n"
                + "With Tens of Thousands of happy customers who saved huge, you can't go wrong.\r\n\r\n"
                + "http://magyar8stator.com/26 Lots More Info Here\r\n\r\n"
                + "Above URL is for more info & if you are interested.", m.raw());
        // multipart/alternative: text/plain is the text, the HTML rendition is kept
        assertEquals(List.of("message-1.eml", "message-1.html"), names(m));
        AttachmentRef html = attachment(m, "message-1.html");
        assertEquals("text/html", html.mediaType());
        String decoded = text(html);
        assertTrue(decoded.contains("<a href=\"http://magyar8stator.com/26\">Lots More Info Here</a>"), decoded);
        assertTrue(decoded.contains("we are your answer.<br>"), decoded); // soft line break joined
        assertTrue(r.warned("'quoted printable' is malformed; read as quoted-printable"), r.warnings().toString());
    }

    @Test
    void iso2022JpBodyAndEncodedSubject() throws IOException {
        Path file = fixture("eml", "japanese_iso_2022.eml");
        EmailTestSupport.Result r = read(file);
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Mikel Lindsaar", m.senderName());
        assertEquals("raasdnil@gmail.com", m.senderAddress());
        assertEquals("まみむめも", m.conversation());
        assertEquals("すみません。\r\n\r\n", m.raw());
        // no Date, no Received, no From line: the file's time, with a warning that says what it is
        assertEquals(Files.getLastModifiedTime(file).toInstant(), m.time().instant());
        assertTrue(r.warned("has no Date header"), r.warnings().toString());
        assertTrue(r.warned("not when the mail was sent"), r.warnings().toString());
    }

    @Test
    void partiallyEncodedSubjectAndBase64EucKrBody() throws IOException {
        EmailTestSupport.Result r = read(fixture("eml", "raw_email_with_partially_quoted_subject.eml"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Jamis Buck", m.senderName());
        assertEquals("jamis@37signals.com", m.senderAddress());
        assertEquals("Test: \"漢字\" mid \"漢字\" tail", m.conversation());
        assertTime(m, "2005-05-02T22:07:05Z", "-06:00");
        assertEquals("대부분의 마찬가지로, 우리는 하나님을 믿습니다.\r\n\r\n제 이름은 Jamis입니다.", m.raw());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void mboxHeadersOnly() throws IOException {
        EmailTestSupport.Result r = read(fixture("mbox", "nobody.mbox"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Sho Kusano", m.senderName());
        assertEquals("sho-kusano@zeny.io", m.senderAddress());
        assertEquals("テストメール", m.conversation());
        assertTime(m, "2017-02-25T15:32:19Z", "+09:00");
        assertEquals("", m.raw());
        assertEquals("message 1 (offset 0)", m.source());
        assertEquals(List.of("message-1.eml"), names(m));
        assertTrue(text(m.attachments().get(0)).startsWith("From: Sho Kusano <sho-kusano@zeny.io>\n"));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void mboxPlainText() throws IOException {
        EmailTestSupport.Result r = read(fixture("mbox", "plain.mbox"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Sho Kusano", m.senderName());
        assertEquals("テストメール", m.conversation());
        assertTime(m, "2017-02-25T15:32:19Z", "+09:00");
        assertEquals("This is a test\n", m.raw());
        assertEquals("message 1 (offset 0)", m.source());
        assertEquals(List.of("message-1.eml"), names(m));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void mboxAlternativeWithQuotedPrintableUtf8() throws IOException {
        EmailTestSupport.Result r = read(fixture("mbox", "simple.mbox"));
        ImportedMessage m = r.only();
        assertCommon(m);
        assertEquals("Sho Kusano", m.senderName());
        assertEquals("テストメール", m.conversation());
        assertTime(m, "2017-02-25T15:32:19Z", "+09:00");
        assertEquals("テスト\n\n-- \nSho Kusano\nE-Mail: sho-kusano@zeny.io\n\nhttp://zeny.io\n", m.raw());
        assertEquals(List.of("message-1.eml", "message-1.html"), names(m));
        String html = new String(bytes(attachment(m, "message-1.html")), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<div dir=\"ltr\">テスト<br clear=\"all\"><div><br></div>--"), html);
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void everyFixtureIsRecognisedAsEmail() throws IOException {
        for (String name : List.of("attachment_nonascii_filename.eml", "attachment_pdf.eml",
                "attachment_with_encoded_name.eml", "bad_date_header.eml", "content_transfer_encoding_qp_with_space.eml",
                "japanese_iso_2022.eml", "raw_email_with_partially_quoted_subject.eml")) {
            try (ExportFile f = ExportFile.open(fixture("eml", name))) {
                assertTrue(new EmailImporter().recognises(f), name);
            }
        }
        for (String name : List.of("nobody.mbox", "plain.mbox", "simple.mbox")) {
            try (ExportFile f = ExportFile.open(fixture("mbox", name))) {
                assertTrue(new EmailImporter().recognises(f), name);
            }
        }
    }

    @Test
    void otherFormatsFixturesAreNotEmail() throws IOException {
        for (Path p : List.of(fixture("signal", "chat-miner_test_export.txt"),
                fixture("whatsapp", "chat-miner_test_ddmmyy_24hrs.txt"),
                fixture("whatsapp", "whatsapp-chat-parser-example.zip"),
                fixture("whatsapp", "chat-miner_target.json"))) {
            try (ExportFile f = ExportFile.open(p)) {
                assertFalse(new EmailImporter().recognises(f), p.toString());
            }
        }
    }
}
