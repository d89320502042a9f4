package org.casebook.imports.email;

import static org.casebook.imports.email.EmailTestSupport.attachment;
import static org.casebook.imports.email.EmailTestSupport.bytes;
import static org.casebook.imports.email.EmailTestSupport.names;
import static org.casebook.imports.email.EmailTestSupport.read;
import static org.casebook.imports.email.EmailTestSupport.readBytes;
import static org.casebook.imports.email.EmailTestSupport.text;
import static org.casebook.imports.email.EmailTestSupport.utf8;
import static org.casebook.imports.email.EmailTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per e-mail pitfall in FORMATS.md section 7, on mail written for the purpose. */
class EmailPitfallsTest {
    private static final String DATE = "Date: Mon, 4 Mar 2024 10:00:00 +0000";

    @TempDir
    Path dir;

    /** Lines joined with LF, and a final LF. */
    private static String lf(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String crlf(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    // ---- 3. encoded words and raw 8-bit headers ------------------------------------------------------------

    @Test
    void encodedWordsAdjacentSplitAndPartial() throws IOException {
        ImportedMessage m = readBytes(dir, "a.eml", lf(
                "From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <jm@example.de>",
                "Subject: =?UTF-8?Q?Hello_?= =?UTF-8?Q?World?= and =?UTF-8?B?4oI=?=",
                " =?UTF-8?B?rA==?= =?ISO-8859-1?Q?caf=E9?= tail",
                DATE,
                "",
                "body")).only();
        assertEquals("Jörg Müller", m.senderName());
        assertEquals("jm@example.de", m.senderAddress());
        // adjacent words join without their white space; a character split over two words survives; the
        // unencoded text between words stays
        assertEquals("Hello World and €café tail", m.conversation());

        ImportedMessage quoted = readBytes(dir, "b.eml", lf(
                "From: \"=?UTF-8?B?w6k=?= Dupont\" <d@example.fr>",
                "Subject: Re: Rendez-vous =?UTF-8?Q?=C3=A0?= 10h",
                DATE, "", "x")).only();
        assertEquals("é Dupont", quoted.senderName());
        assertEquals("Rendez-vous à 10h", quoted.conversation());
    }

    @Test
    void rawEightBitHeaders() throws IOException {
        EmailTestSupport.Result utf = readBytes(dir, "u.eml", lf(
                "From: " + utf8("Zoë Ünal") + " <zoe@example.com>",
                "Subject: " + utf8("Grüße aus Köln 🎉"),
                DATE, "", "x"));
        assertEquals("Zoë Ünal", utf.only().senderName());
        assertEquals("Grüße aus Köln 🎉", utf.only().conversation());
        assertEquals(List.of(), utf.warnings());

        // a Latin-1 byte that is not UTF-8: windows-1252, and a warning
        EmailTestSupport.Result latin = readBytes(dir, "l.eml", lf(
                "From: a@example.com", "Subject: caf\u00E9 \u0093ouvert\u0094", DATE, "", "x"));
        assertEquals("café “ouvert”", latin.only().conversation());
        assertTrue(latin.warned("not UTF-8; read as windows-1252"), latin.warnings().toString());

        // ISO-2022-JP written into a header without encoded words (old Japanese mail)
        EmailTestSupport.Result jis = readBytes(dir, "j.eml", lf(
                "From: a@example.com", "Subject: \u001B$B$3$s$K$A$O\u001B(B", DATE, "", "x"));
        assertEquals("こんにちは", jis.only().conversation());
    }

    // ---- 4. attachment names --------------------------------------------------------------------------------

    @Test
    void attachmentNamesRfc2231SplitAndContentTypeName() throws IOException {
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ImportedMessage m = readBytes(dir, "n.eml", lf(
                "From: a@example.com", "Subject: files", DATE,
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "see attached",
                "--b1",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf",
                "",
                "pdf",
                "--b1",
                "Content-Type: application/pdf",
                "Content-Disposition: attachment;",
                " filename*0*=UTF-8''Lebens;",
                " filename*1*=lauf%20J%C3%B6rg;",
                " filename*2=.pdf",
                "",
                "cv",
                "--b1",
                "Content-Type: image/png; name=\"photo.png\"",
                "Content-Transfer-Encoding: base64",
                "",
                png,
                "--b1",
                "Content-Type: image/jpeg",
                "Content-Disposition: inline; filename=\"=?UTF-8?B?w6kuanBn?=\"",
                "",
                "jpg",
                "--b1",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment",
                "",
                "nameless",
                "--b1",
                "Content-Type: text/plain",
                "Content-Disposition: attachment; filename=\"fallback.txt\"; filename*=UTF-8''na%C3%AFve.txt",
                "",
                "both",
                "--b1--")).only();
        assertEquals("see attached", m.raw());
        assertEquals(List.of("message-1.eml", "€ rates.pdf", "Lebenslauf Jörg.pdf", "photo.png", "é.jpg",
                "attachment-1.bin", "naïve.txt"), names(m));
        assertEquals("pdf", text(attachment(m, "€ rates.pdf")));
        assertEquals("cv", text(attachment(m, "Lebenslauf Jörg.pdf")));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, bytes(attachment(m, "photo.png")));
        assertEquals("image/png", attachment(m, "photo.png").mediaType());
        assertEquals("nameless", text(attachment(m, "attachment-1.bin")));
        assertEquals("both", text(attachment(m, "naïve.txt")));
    }

    // ---- 5. transfer encodings -----------------------------------------------------------------------------

    @Test
    void base64WithAndWithoutLineBreaks() throws IOException {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        String oneLine = Base64.getEncoder().encodeToString(data);
        String wrapped = Base64.getMimeEncoder().encodeToString(data).replace("\r\n", "\n");
        ImportedMessage m = readBytes(dir, "b.eml", lf(
                "From: a@example.com", "Subject: b64", DATE,
                "Content-Type: multipart/mixed; boundary=zz", "",
                "--zz", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
                Base64.getEncoder().encodeToString("héllo wörld".getBytes(StandardCharsets.UTF_8)),
                "--zz", "Content-Type: application/octet-stream; name=one.bin", "Content-Transfer-Encoding: base64", "",
                oneLine,
                "--zz", "Content-Type: application/octet-stream; name=wrapped.bin",
                "Content-Transfer-Encoding: base64", "",
                wrapped,
                "--zz--")).only();
        assertEquals("héllo wörld", m.raw());
        assertArrayEquals(data, bytes(attachment(m, "one.bin")));
        assertArrayEquals(data, bytes(attachment(m, "wrapped.bin")));
    }

    @Test
    void quotedPrintableSoftBreaksAndLineEndingsAsWritten() throws IOException {
        ImportedMessage crlfMail = readBytes(dir, "q.eml", crlf(
                "From: a@example.com", "Subject: qp", DATE,
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "caf=C3=A9 =3D soft=",
                "break and=20",
                "trailing   ",
                "lower =c3=a9 and a stray = sign")).only();
        assertEquals("café = softbreak and \r\ntrailing\r\nlower é and a stray = sign\r\n", crlfMail.raw());

        ImportedMessage lfMail = readBytes(dir, "q2.eml", lf(
                "From: a@example.com", "Subject: qp", DATE,
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "one=",
                "two",
                "three")).only();
        assertEquals("onetwo\nthree\n", lfMail.raw());
    }

    @Test
    void malformedTransferEncodingValues() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "m.eml", lf(
                "From: a@example.com", "Subject: cte", DATE,
                "Content-Type: multipart/mixed; boundary=zz", "",
                "--zz", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 7-bit", "",
                "plain text",
                "--zz", "Content-Type: text/plain; name=a.txt", "Content-Transfer-Encoding: Quoted-Printable ", "",
                "a=3Db",
                "--zz", "Content-Type: text/plain; name=b.txt", "Content-Transfer-Encoding: base-64", "",
                "aGVsbG8=",
                "--zz", "Content-Type: text/plain; name=c.txt", "Content-Transfer-Encoding: x-weird", "",
                "as=3Dis",
                "--zz--"));
        ImportedMessage m = r.only();
        assertEquals("plain text", m.raw());
        assertEquals("a=b", text(attachment(m, "a.txt")));
        assertEquals("hello", text(attachment(m, "b.txt")));
        assertEquals("as=3Dis", text(attachment(m, "c.txt")));
        assertTrue(r.warned("'7-bit' is malformed; read as unencoded"), r.warnings().toString());
        assertTrue(r.warned("'base-64' is malformed; read as base64"), r.warnings().toString());
        assertTrue(r.warned("'x-weird' is unknown"), r.warnings().toString());
        assertFalse(r.warned("Quoted-Printable"), r.warnings().toString()); // only case and a trailing blank
    }

    // ---- 6. charsets ---------------------------------------------------------------------------------------

    @Test
    void iso2022JpEncodedWordAndBody() throws IOException {
        ImportedMessage m = readBytes(dir, "j.eml", lf(
                "From: a@example.com",
                "Subject: =?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=",
                DATE,
                "Content-Type: text/plain; charset=ISO-2022-JP",
                "",
                "\u001B$B$3$s$K$A$O\u001B(B")).only();
        assertEquals("こんにちは", m.conversation());
        assertEquals("こんにちは\n", m.raw());
    }

    @Test
    void wrongOrUnknownCharsetsFallBackDeterministicallyAndWarn() throws IOException {
        String one = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: one", DATE, "Content-Type: text/plain; charset=iso-8859-1", "",
                "\u0093quoted\u0094 caf\u00E9", "");
        String two = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: two", DATE, "Content-Type: text/plain; charset=utf-8", "",
                "caf\u00E9", "");
        String three = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: three", DATE, "Content-Type: text/plain; charset=\"unknown-8bit\"", "",
                utf8("naïve"), "");
        String four = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: four", DATE, "", // no Content-Type at all
                utf8("naïve"), "");
        String five = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: five", DATE, "Content-Type: text/plain; charset=iso-8859-1", "",
                "caf\u00E9");
        EmailTestSupport.Result r = readBytes(dir, "c.mbox", one + two + three + four + five);
        int at2 = one.length();
        int at3 = at2 + two.length();
        int at4 = at3 + three.length();
        List<ImportedMessage> ms = r.messages();
        assertEquals(5, ms.size());
        assertEquals("“quoted” café\n", ms.get(0).raw());
        assertEquals("café\n", ms.get(1).raw());
        assertEquals("naïve\n", ms.get(2).raw());
        assertEquals("naïve\n", ms.get(3).raw());
        assertEquals("café\n", ms.get(4).raw());
        assertTrue(r.warned("c.mbox, message 1 (offset 0): the text/plain part declares iso-8859-1 but holds"
                + " windows-1252 characters"), r.warnings().toString());
        assertTrue(r.warned("message 2 (offset " + at2 + "): the text/plain part is not valid utf-8; read as windows-1252."),
                r.warnings().toString());
        assertTrue(r.warned("message 3 (offset " + at3 + "): the text/plain part declares the unknown charset 'unknown-8bit'"
                + " but holds 8-bit bytes; read as UTF-8."), r.warnings().toString());
        assertTrue(r.warned("message 4 (offset " + at4 + "): the text/plain part declares no charset but holds 8-bit bytes;"
                + " read as UTF-8."), r.warnings().toString());
        assertFalse(r.warned("message 5"), r.warnings().toString());
        assertEquals(4, r.warnings().size(), r.warnings().toString());
    }

    // ---- 7. dates ------------------------------------------------------------------------------------------

    @Test
    void missingOrMalformedDatesFallBackAndSaySo() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "d.mbox", lf(
                "From a@example.com Mon Mar  4 10:00:00 2024",
                "Received: from x by y; Tue, 5 Mar 2024 09:15:00 +0100 (CET)",
                "Received: from w by x; Tue, 5 Mar 2024 08:00:00 +0000",
                "From: a@example.com", "Subject: no date", "",
                "one",
                "",
                "From a@example.com Wed Mar  6 07:30:05 2024",
                "From: a@example.com", "Subject: bad date", "Date: sometime last week", "",
                "two",
                "",
                "From 1234@xxx Thu Mar 07 23:59:59 +0000 2024",
                "X-GM-THRID: 1792000000000000001",
                "From: a@example.com", "Subject: takeout", "Date: 32 Foo 2024", "",
                "three",
                "",
                "From a@example.com Fri Mar  8 10:00:00 2024",
                "From: a@example.com", "Subject: zoneless", "Date: Fri, 8 Mar 2024 10:00:00", "",
                "four",
                "",
                "From a@example.com Fri Mar  8 10:00:00 2024",
                "From: a@example.com", "Subject: obsolete", "Date: 8 Mar 99 10:00 EST", "",
                "five",
                "",
                "From a@example.com Fri Mar  8 10:00:00 2024",
                "From: a@example.com", "Subject: comment", "Date: Tue, 10 May 2005 10:26:39 -0700 (PDT)", "",
                "six"));
        List<ImportedMessage> ms = r.messages();
        assertEquals(6, ms.size());
        // 1: the first (topmost) Received header, with its offset
        assertEquals(Instant.parse("2024-03-05T08:15:00Z"), ms.get(0).time().instant());
        assertEquals(ZoneOffset.ofHours(1), ms.get(0).time().offset());
        assertTrue(r.warned("d.mbox, message 1 (offset 0): has no Date header; used the date of the first Received"
                + " header (Tue, 5 Mar 2024 09:15:00 +0100 (CET)) instead."), r.warnings().toString());
        // 2: the From line, which has no zone: a local time
        assertEquals(LocalDateTime.of(2024, 3, 6, 7, 30, 5), ms.get(1).time().local());
        assertTrue(r.warned("its Date header 'sometime last week' is not a date; used the date of the mbox From line"
                + " (From a@example.com Wed Mar  6 07:30:05 2024) instead, which has no time zone"),
                r.warnings().toString());
        // 3: Takeout's From line carries +0000
        assertEquals(Instant.parse("2024-03-07T23:59:59Z"), ms.get(2).time().instant());
        assertEquals(ZoneOffset.UTC, ms.get(2).time().offset());
        assertEquals("1792000000000000001", ms.get(2).conversation());
        assertEquals("takeout", ms.get(2).conversationTitle());
        // 4: no zone in Date: kept local
        assertEquals(LocalDateTime.of(2024, 3, 8, 10, 0), ms.get(3).time().local());
        assertTrue(r.warned("its Date header 'Fri, 8 Mar 2024 10:00:00' has no time zone"), r.warnings().toString());
        // 5: two-digit year and a named zone
        assertEquals(Instant.parse("1999-03-08T15:00:00Z"), ms.get(4).time().instant());
        assertEquals(ZoneOffset.ofHours(-5), ms.get(4).time().offset());
        // 6: a trailing comment
        assertEquals(Instant.parse("2005-05-10T17:26:39Z"), ms.get(5).time().instant());
        assertEquals(ZoneOffset.ofHours(-7), ms.get(5).time().offset());
        assertEquals(4, r.warnings().size(), r.warnings().toString());
    }

    @Test
    void timesDoNotDependOnTheComputersZone() throws IOException {
        Path file = write(dir, "tz.eml", lf("From: a@example.com", "Subject: tz", "Date: Sun, 31 Mar 2024 01:30:00 +0000",
                "", "x"));
        TimeZone original = TimeZone.getDefault();
        List<Instant> seen = new ArrayList<>();
        try {
            for (String zone : List.of("Europe/London", "America/New_York", "Asia/Kolkata", "UTC")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                seen.add(read(file).only().time().instant());
            }
        } finally {
            TimeZone.setDefault(original);
        }
        assertEquals(List.of(Instant.parse("2024-03-31T01:30:00Z"), Instant.parse("2024-03-31T01:30:00Z"),
                Instant.parse("2024-03-31T01:30:00Z"), Instant.parse("2024-03-31T01:30:00Z")), seen);
    }

    // ---- 1 and 2. splitting an mbox ------------------------------------------------------------------------

    @Test
    void mboxrdUnescapingAndAWarningForDeeperQuotes() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "rd.mbox", lf(
                "From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: escaped", DATE, "",
                ">From the start",
                ">>From quoted",
                ">>>From deeper",
                "> From with a space is not an escape",
                ">Fromage"));
        ImportedMessage m = r.only();
        assertEquals("From the start\n>From quoted\n>>From deeper\n> From with a space is not an escape\n>Fromage\n",
                m.raw());
        assertEquals(List.of("rd.mbox: 2 body line(s) starting '>>From ' were read as mboxrd (one '>' removed);"
                + " if this mbox is mboxo, they had one more '>'."), r.warnings());
        // the stored message is the un-escaped one
        assertTrue(text(m.attachments().get(0)).endsWith("\n\nFrom the start\n>From quoted\n>>From deeper\n"
                + "> From with a space is not an escape\n>Fromage\n"));
    }

    @Test
    void fromInABodyOnlySplitsAfterABlankLineAndBeforeHeaders() throws IOException {
        String first = lf(
                "From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: one", DATE, "",
                "Hello",
                "From here on, nothing splits",
                "Subject: looks like a header",
                "",
                "From the top, another paragraph",
                "and more",
                "");
        String second = lf(
                "From b@example.com Mon Mar  4 11:00:00 2024",
                "From: b@example.com", "Subject: two", "Date: Mon, 4 Mar 2024 11:00:00 +0000", "",
                "second");
        EmailTestSupport.Result r = readBytes(dir, "s.mbox", first + second);
        List<ImportedMessage> ms = r.messages();
        assertEquals(2, ms.size());
        assertEquals("Hello\nFrom here on, nothing splits\nSubject: looks like a header\n\n"
                + "From the top, another paragraph\nand more\n", ms.get(0).raw());
        assertEquals("message 1 (offset 0)", ms.get(0).source());
        assertEquals("second\n", ms.get(1).raw());
        assertEquals("message 2 (offset " + first.length() + ")", ms.get(1).source());
        assertEquals("b@example.com", ms.get(1).senderAddress());
        assertEquals(List.of("message-2.eml"), names(ms.get(1)));
    }

    @Test
    void crlfAndLfMixedInOneMbox() throws IOException {
        String one = crlf(
                "From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: crlf", DATE, "",
                "Line one",
                "Line two",
                "");
        String two = lf(
                "From b@example.com Mon Mar  4 11:00:00 2024",
                "From: b@example.com", "Subject: lf", DATE, "",
                "Only LF",
                "");
        String three = "From c@example.com Mon Mar  4 12:00:00 2024\r\nFrom: c@example.com\nSubject: mixed\r\n"
                + DATE + "\n\r\nmixed\r\nend";
        EmailTestSupport.Result r = readBytes(dir, "mix.mbox", one + two + three);
        List<ImportedMessage> ms = r.messages();
        assertEquals(3, ms.size());
        assertEquals("Line one\r\nLine two\r\n", ms.get(0).raw());
        assertEquals("Only LF\n", ms.get(1).raw());
        assertEquals("mixed\r\nend", ms.get(2).raw());
        assertEquals("crlf", ms.get(0).conversation());
        assertEquals("mixed", ms.get(2).conversation());
        assertEquals("message 2 (offset " + one.length() + ")", ms.get(1).source());
        assertEquals("message 3 (offset " + (one.length() + two.length()) + ")", ms.get(2).source());
        // the blank line that separates messages is not part of them
        assertTrue(text(ms.get(0).attachments().get(0)).endsWith("Line two\r\n"));
    }

    // ---- 8. nested messages and alternatives ---------------------------------------------------------------

    @Test
    void nestedMessageRfc822IsAnAttachment() throws IOException {
        String inner = lf(
                "From: Inner <inner@example.com>",
                "Subject: inner subject",
                "Content-Type: multipart/alternative; boundary=\"inner\"",
                "",
                "--inner",
                "Content-Type: text/plain",
                "",
                "inner text",
                "--inner",
                "Content-Type: text/html",
                "",
                "<p>inner html</p>",
                "--inner--");
        ImportedMessage m = readBytes(dir, "fwd.eml", lf(
                "From: Outer <outer@example.com>", "Subject: Fwd: inner subject", DATE,
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "See below.",
                "--outer",
                "Content-Type: message/rfc822",
                "",
                inner,
                "--outer",
                "Content-Type: message/rfc822; name=\"forwarded.eml\"",
                "Content-Disposition: attachment",
                "",
                "From: x@example.com",
                "Subject: second",
                "",
                "second body",
                "--outer--")).only();
        assertEquals("See below.", m.raw());
        assertEquals("inner subject", m.conversation());
        assertEquals(List.of("message-1.eml", "attached-message-1.eml", "forwarded.eml"), names(m));
        AttachmentRef nested = attachment(m, "attached-message-1.eml");
        assertEquals("message/rfc822", nested.mediaType());
        assertEquals(inner, text(nested));
        assertEquals("From: x@example.com\nSubject: second\n\nsecond body", text(attachment(m, "forwarded.eml")));
    }

    @Test
    void alternativesPreferPlainTextAndHtmlOnlyMailIsStripped() throws IOException {
        ImportedMessage alt = readBytes(dir, "alt.eml", lf(
                "From: a@example.com", "Subject: alt", DATE,
                "Content-Type: multipart/alternative; boundary=a1", "",
                "--a1", "Content-Type: multipart/related; boundary=r1", "",
                "--r1", "Content-Type: text/html; charset=utf-8", "", "<p>rich <img src=\"cid:logo\"></p>",
                "--r1", "Content-Type: image/gif", "Content-ID: <logo>", "", "GIF89a",
                "--r1--",
                "--a1", "Content-Type: text/plain; charset=utf-8", "", "plain version",
                "--a1--")).only();
        assertEquals("plain version", alt.raw());
        assertEquals(List.of("message-1.eml", "message-1.html", "attachment-1.gif"), names(alt));
        assertEquals("<p>rich <img src=\"cid:logo\"></p>", text(attachment(alt, "message-1.html")));

        ImportedMessage html = readBytes(dir, "html.eml", lf(
                "From: a@example.com", "Subject: html", DATE,
                "Content-Type: text/html; charset=utf-8", "",
                "<html><head><style>p {color: red}</style></head><body>",
                "<p>Hello&nbsp;<b>there</b></p><p>Line&amp;two<br>three &#8364;</p>",
                "<script>alert(1)</script></body></html>")).only();
        assertEquals("Hello there\nLine&two\nthree €", html.raw());
        assertEquals(List.of("message-1.eml", "message-1.html"), names(html));
        assertEquals("text/html", attachment(html, "message-1.html").mediaType());
    }

    // ---- 9. duplicates, threads, subjects ------------------------------------------------------------------

    @Test
    void duplicateMessageIdsAreKeptWithAWarning() throws IOException {
        String msg = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: same", DATE, "Message-ID: <abc@example.com>", "", "same", "");
        EmailTestSupport.Result r = readBytes(dir, "dup.mbox", msg + msg);
        assertEquals(2, r.messages().size());
        assertEquals(List.of("dup.mbox, message 2 (offset " + msg.length() + "): has the same Message-ID"
                + " <abc@example.com> as message 1; both are kept."), r.warnings());
    }

    @Test
    void subjectsAreNormalisedIntoThreads() {
        assertEquals("Hello world", EmailImporter.normaliseSubject("Re: Fwd: RE:  Hello   world"));
        assertEquals("Termin", EmailImporter.normaliseSubject("AW: WG: Termin"));
        assertEquals("Report", EmailImporter.normaliseSubject("Re[2]: Report"));
        assertEquals("Regarding this", EmailImporter.normaliseSubject("Regarding this"));
        assertEquals("", EmailImporter.normaliseSubject(null));
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void nonEmailFilesAreRefusedAndNotRecognised() throws IOException {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
        for (String name : List.of("photo.eml", "photo.mbox")) {
            Path file = dir.resolve(name);
            Files.write(file, jpeg);
            ImportException e = assertThrows(ImportException.class, () -> read(file));
            assertEquals(name + ": is not an e-mail file (it holds binary data).", e.getMessage());
            try (ExportFile f = ExportFile.open(file)) {
                assertFalse(new EmailImporter().recognises(f));
            }
        }
        Path notes = write(dir, "notes.eml", "hello world\nthis is not mail\n");
        ImportException e = assertThrows(ImportException.class, () -> read(notes));
        assertEquals("notes.eml: is not an e-mail file (it does not start with e-mail headers).", e.getMessage());
        Path text = write(dir, "notes.mbox", "hello world\n");
        e = assertThrows(ImportException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("notes.mbox: is not an e-mail file"), e.getMessage());
        Path empty = write(dir, "empty.mbox", "");
        e = assertThrows(ImportException.class, () -> read(empty));
        assertEquals("empty.mbox: is empty.", e.getMessage());
        try (ExportFile f = ExportFile.open(notes)) {
            assertFalse(new EmailImporter().recognises(f));
        }
    }

    @Test
    void aTruncatedMboxIsRefusedNamingTheMessage() throws IOException {
        String whole = lf("From a@example.com Mon Mar  4 10:00:00 2024",
                "From: a@example.com", "Subject: fine", DATE, "", "fine", "");
        String cut = "From b@example.com Mon Mar  4 11:00:00 2024\nFrom: b@example.com\nSubject: cut\n" + DATE + "\n"
                + "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nstart\n--zz\n"
                + "Content-Type: application/pdf; name=x.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQNCiXk9t";
        ImportException e = assertThrows(ImportException.class, () -> readBytes(dir, "cut.mbox", whole + cut));
        assertEquals("cut.mbox, message 2 (offset " + whole.length() + "): ends in the middle of its MIME parts;"
                + " the file looks truncated.", e.getMessage());

        // the same unclosed multipart in a complete file (it ends with a line break) is only a warning
        EmailTestSupport.Result r = readBytes(dir, "sloppy.mbox", whole + cut + "\n");
        assertEquals(2, r.messages().size());
        assertTrue(r.warned("message 2 (offset " + whole.length() + "): its MIME parts are not closed"),
                r.warnings().toString());
    }

    @Test
    void aMessageOverTheSizeLimitIsRefused() throws IOException {
        String big = lf("From a@example.com Mon Mar  4 10:00:00 2024", "From: a@example.com", "Subject: big", DATE, "",
                "x".repeat(3000));
        Path file = write(dir, "big.mbox", big);
        ImportException e = assertThrows(ImportException.class, () -> read(new EmailImporter(2048), file));
        assertEquals("big.mbox, message 1 (offset 0): is larger than 2048 bytes; Casebook refuses single messages"
                + " this large.", e.getMessage());
        Path eml = write(dir, "big.eml", big.substring(big.indexOf('\n') + 1));
        e = assertThrows(ImportException.class, () -> read(new EmailImporter(2048), eml));
        assertEquals("big.eml: is larger than 2048 bytes; Casebook refuses single messages this large.", e.getMessage());
        assertEquals(1, read(new EmailImporter(4096), file).messages().size());
    }

    @Test
    void aTakeoutZipIsReadEntryByEntry() throws IOException {
        Path zip = dir.resolve("takeout.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("Takeout/archive_browser.html"));
            z.write("<html></html>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Takeout/Mail/All mail Including Spam and Trash.mbox"));
            z.write(lf("From 1@xxx Mon Mar 04 10:00:00 +0000 2024", "X-GM-THRID: 42", "From: a@example.com",
                    "Subject: zipped", DATE, "Message-ID: <same@example.com>", "", "inside").getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("Saved/copy.eml"));
            z.write(lf("From: a@example.com", "Subject: zipped", DATE, "Message-ID: <same@example.com>", "", "copy")
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        try (ExportFile f = ExportFile.open(zip)) {
            assertTrue(new EmailImporter().recognises(f));
        }
        EmailTestSupport.Result r = read(zip);
        assertEquals(2, r.messages().size());
        ImportedMessage m = r.messages().get(0);
        assertEquals("inside\n", m.raw());
        assertEquals("42", m.conversation());
        assertEquals("Takeout/Mail/All mail Including Spam and Trash.mbox, message 1 (offset 0)", m.source());
        assertEquals("Saved/copy.eml, message", r.messages().get(1).source());
        assertEquals(List.of("takeout.zip, entry Saved/copy.eml: has the same Message-ID <same@example.com> as"
                + " takeout.zip, entry Takeout/Mail/All mail Including Spam and Trash.mbox, message 1; both are kept."),
                r.warnings());
    }

    @Test
    void noFromHeaderIsWarnedAndLeavesTheSenderEmpty() throws IOException {
        EmailTestSupport.Result r = readBytes(dir, "nofrom.eml", lf("Subject: anonymous", DATE, "", "x"));
        assertNull(r.only().senderName());
        assertNull(r.only().senderAddress());
        assertEquals(List.of("nofrom.eml: has no From header."), r.warnings());
    }
}
