package org.casebook.imports.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The header-level pieces on their own: encoded words, parameters, addresses, dates. */
class HeaderTextTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void encodedWords() {
        assertEquals("Hello World", HeaderText.decodeWords("=?utf-8?q?Hello?=  \r\n =?UTF-8?Q?_World?=", warnings::add));
        assertEquals("a b", HeaderText.decodeWords("=?UTF-8*en?Q?a?= b", warnings::add)); // RFC 2231 language
        assertEquals("€", HeaderText.decodeWords("=?UTF-8?B?4oKs?=", warnings::add));
        assertEquals("=?UTF-8?B?not closed", HeaderText.decodeWords("=?UTF-8?B?not closed", warnings::add));
        assertEquals("plain", HeaderText.decodeWords("plain", warnings::add));
        assertEquals(List.of(), warnings);
        // an unknown charset: UTF-8 when the bytes are UTF-8, with a warning
        assertEquals("é", HeaderText.decodeWords("=?x-made-up?Q?=C3=A9?=", warnings::add));
        assertTrue(warnings.get(0).contains("unknown charset 'x-made-up'"), warnings.toString());
    }

    @Test
    void parameters() {
        HeaderText.Structured ct = HeaderText.structured(
                "multipart/mixed; boundary=\"a;b\\\"c\"; CHARSET=utf-8 ;name*=''plain%20name", warnings::add);
        assertEquals("multipart/mixed", ct.value());
        assertEquals("a;b\"c", ct.param("boundary"));
        assertEquals("utf-8", ct.param("charset"));
        assertEquals("plain name", ct.param("name"));
        HeaderText.Structured split = HeaderText.structured(
                "attachment; filename*1=\" part two.txt\"; filename*0=\"part one\"", warnings::add);
        assertEquals("part one part two.txt", split.param("filename"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void mailboxes() {
        assertMailbox("Last, First", "lf@example.com", "\"Last, First\" <lf@example.com>, other@example.com");
        assertMailbox("Name", "a@example.com", "a@example.com (Name)");
        assertMailbox(null, "a@example.com", "<a@example.com>");
        assertMailbox(null, "a@example.com", "a@example.com");
        assertMailbox("Only A Name", null, "Only A Name");
        assertMailbox("Quote \"in\" name", "q@example.com", "\"Quote \\\"in\\\" name\" <q@example.com>");
        assertMailbox("Ünal", "u@example.com", "=?UTF-8?Q?=C3=9Cnal?= <u@example.com>");
        assertMailbox(null, null, "   ");
    }

    private void assertMailbox(String name, String address, String header) {
        HeaderText.Mailbox m = HeaderText.mailbox(header, warnings::add);
        assertEquals(name, m.name(), header);
        assertEquals(address, m.address(), header);
    }

    @Test
    void dates() {
        MailDates.Parsed p = MailDates.rfc5322("Tue, 10 May 2005 11:26:39 -0600");
        assertEquals(Instant.parse("2005-05-10T17:26:39Z"), p.time().instant());
        assertEquals(ZoneOffset.ofHours(-6), p.time().offset());
        assertEquals(Instant.parse("2004-11-07T21:23:56Z"), MailDates.rfc5322("Sun, 07 Nov 2004 18:23:56 -0300").time().instant());
        assertEquals(Instant.parse("2024-03-04T10:00:00Z"), MailDates.rfc5322("4 Mar 2024 10:00 UT").time().instant());
        assertEquals(Instant.parse("2024-03-04T10:00:00Z"), MailDates.rfc5322("Mon,4 Mar 2024 10:00:00 Z").time().instant());
        assertEquals(Instant.parse("2024-03-04T08:30:00Z"), MailDates.rfc5322("04-Mar-2024 10:00:00 +01:30").time().instant());
        assertEquals(Instant.parse("2024-03-04T10:00:00Z"), MailDates.rfc5322("Mon, 4 March 2024 10:00:00 A").time().instant());
        assertTrue(MailDates.rfc5322("Mon, 4 Mar 2024 10:00:00 CEST").zoneless());
        assertNull(MailDates.rfc5322("31 Feb 2024 10:00 +0000"));
        assertNull(MailDates.rfc5322("4 Mar 2024 10:00 +9900"));
        assertNull(MailDates.rfc5322("<HR>"));
        assertNull(MailDates.rfc5322(null));
        assertEquals(Instant.parse("2010-12-11T03:20:19Z"),
                MailDates.received("from a by b with SMTP; Fri, 10 Dec 2010 19:20:19 -0800").time().instant());
        assertNull(MailDates.received("from a by b with SMTP"));
        assertEquals(LocalDateTime.of(2011, 7, 8, 12, 8, 34),
                MailDates.fromLine("From MAILER-DAEMON Fri Jul  8 12:08:34 2011").time().local());
        assertEquals(Instant.parse("2017-02-25T15:32:19Z"),
                MailDates.fromLine("From 1592@xxx Sat Feb 25 15:32:19 +0000 2017").time().instant());
        assertNull(MailDates.fromLine("From nobody"));
    }
}
