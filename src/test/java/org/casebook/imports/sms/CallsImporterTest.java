package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsImporterTest {
    private static final long T = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final CallsImporter importer = new CallsImporter();

    private Imported importXml(String... calls) throws IOException {
        StringBuilder b = new StringBuilder("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"calls.xsl\"?>\n<calls count=\"" + calls.length + "\">\n");
        for (String c : calls) {
            b.append("  ").append(c).append('\n');
        }
        return Imported.run(importer, Imported.write(dir, "calls-20240101.xml", b.append("</calls>\n").toString()));
    }

    private static String call(String number, String duration, int type, int presentation, String contact) {
        return "<call number=\"" + number + "\" duration=\"" + duration + "\" date=\"" + T + "\" type=\"" + type
                + "\" presentation=\"" + presentation + "\" subscription_id=\"89440000000000000000\""
                + " readable_date=\"x\" contact_name=\"" + contact + "\" />";
    }

    @Test
    void everyCallTypeHasItsDirectionFlagAndText() throws IOException {
        Imported r = importXml(
                call("+447700900123", "125", 1, 1, "Sam"),
                call("+447700900123", "3725", 2, 1, "Sam"),
                call("+447700900123", "0", 3, 1, "Sam"),
                call("+447700900123", "35", 4, 1, "Sam"),
                call("+447700900123", "0", 5, 1, "Sam"),
                call("+447700900123", "0", 6, 1, "Sam"),
                call("+447700900123", "61", 7, 1, "Sam"),
                call("+447700900123", "9", 42, 1, "Sam"));
        List<ImportedMessage> c = r.messages();
        assertEquals(List.of("Incoming call, 2 min 5 s", "Outgoing call, 1 h 2 min 5 s", "Missed call", "Voicemail, 35 s",
                "Rejected call", "Blocked call", "Incoming call answered on another device, 1 min 1 s",
                "Call (type 42), 9 s"), c.stream().map(ImportedMessage::raw).toList());
        assertEquals(List.of(Direction.INCOMING, Direction.OUTGOING, Direction.INCOMING, Direction.INCOMING,
                Direction.INCOMING, Direction.INCOMING, Direction.INCOMING, Direction.UNKNOWN),
                c.stream().map(ImportedMessage::direction).toList());
        assertEquals(Set.of(MessageFlag.MISSED), c.get(2).flags());
        assertTrue(c.stream().filter(m -> m != c.get(2)).allMatch(m -> m.flags().isEmpty()));
        assertEquals(List.of(125L, 3725L, 0L, 35L, 0L, 0L, 61L, 9L),
                c.stream().map(ImportedMessage::durationSeconds).toList());
        assertTrue(c.stream().allMatch(m -> m.kind() == Kind.CALL && m.channel().equals("Call")));
        assertTrue(c.stream().allMatch(m -> m.conversation().equals("+447700900123")));
        assertTrue(c.stream().allMatch(m -> m.time().instant().equals(Instant.ofEpochMilli(T))));

        assertEquals("Sam", c.get(0).senderName());
        assertEquals("+447700900123", c.get(0).senderAddress());
        assertEquals(SmsImporter.OWNER, c.get(1).senderName());
        assertNull(c.get(1).senderAddress());
        assertEquals("Sam", c.get(1).conversationTitle());
        assertEquals("line 4", c.get(0).source());
        assertEquals(1, r.countWarningsContaining("1 call without a known type"), r.warnings().toString());
    }

    @Test
    void aWithheldOrUnknownNumberIsNamedSo() throws IOException {
        Imported r = importXml(
                call("", "0", 3, 2, "null"),
                call("-2", "10", 1, 1, "null"),
                call("", "0", 1, 3, "null"),
                call("-1", "0", 1, 1, "null"),
                call("", "4", 1, 4, "null"),
                call("null", "4", 1, 1, "(Unknown)"),
                call("07700 900123", "4", 1, 1, "(Unknown)"));
        List<ImportedMessage> c = r.messages();
        assertEquals(List.of("Withheld number", "Withheld number", "Unknown number", "Unknown number", "Payphone",
                "Unknown number", "07700 900123"), c.stream().map(ImportedMessage::senderName).toList());
        assertEquals(List.of("Withheld number", "Withheld number", "Unknown number", "Unknown number", "Payphone",
                "Unknown number", "07700900123"), c.stream().map(ImportedMessage::conversation).toList());
        assertNull(c.get(0).senderAddress());
        assertNull(c.get(1).senderAddress(), "-2 is Android's code for a private number, not a number");
        assertEquals("07700 900123", c.get(6).senderAddress(), "the raw number is kept");
        assertEquals("Missed call", c.get(0).raw());
    }

    @Test
    void nullAndMissingAttributesAreAbsent() throws IOException {
        Imported r = importXml("<call number=\"+15550001111\" date=\"" + T + "\" />",
                call("+15550001111", "null", 1, 1, "null"));
        assertEquals("Call (type not given)", r.messages().get(0).raw());
        assertNull(r.messages().get(0).durationSeconds());
        assertEquals("Incoming call", r.messages().get(1).raw());
        assertNull(r.messages().get(1).durationSeconds());
        assertEquals("+15550001111", r.messages().get(1).senderName());
    }

    @Test
    void countMismatchTruncationAndXxeAsForMessages() throws IOException {
        Path wrongCount = Imported.write(dir, "calls-1.xml", "<calls count=\"3\">\n" + call("1", "1", 1, 1, "A")
                + "\n</calls>\n");
        Imported r = Imported.run(importer, wrongCount);
        assertEquals(1, r.messages().size());
        assertEquals(List.of("calls-1.xml: the file says it holds 3 calls (count=\"3\") but holds 1; all 1 were read."
                + " It may be an incomplete copy or have been edited."), r.warnings());

        Path cut = Imported.write(dir, "calls-2.xml", "<calls count=\"1\">\n" + call("1", "1", 1, 1, "A") + "\n");
        ImportException truncated = assertThrows(ImportException.class, () -> Imported.run(importer, cut));
        assertEquals("calls-2.xml: the file ends early (truncated) at line 3; it was not imported. Make a new backup,"
                + " or copy the file again.", truncated.getMessage());

        Path xxe = Imported.write(dir, "calls-3.xml", "<?xml version='1.0'?>\n<!DOCTYPE calls [<!ENTITY e SYSTEM"
                + " \"file:///etc/passwd\">]>\n<calls><call number=\"&e;\" date=\"1\"/></calls>");
        ImportException refused = assertThrows(ImportException.class, () -> Imported.run(importer, xxe));
        assertTrue(refused.getMessage().startsWith("calls-3.xml, line 2: declares a document type"), refused.getMessage());
    }

    @Test
    void recognisesCallLogsOnly() throws IOException {
        Path calls = Imported.write(dir, "x.xml", "<?xml version='1.0'?>\n<calls count=\"0\"/>");
        Path sms = Imported.write(dir, "y.xml", "<?xml version='1.0'?>\n<smses count=\"0\"/>");
        try (ExportFile c = ExportFile.open(calls); ExportFile s = ExportFile.open(sms)) {
            assertTrue(importer.recognises(c));
            assertFalse(importer.recognises(s));
        }
        assertEquals(List.of(), Imported.run(importer, calls).messages());
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0 s", org.casebook.imports.CallText.duration(0));
        assertEquals("59 s", org.casebook.imports.CallText.duration(59));
        assertEquals("1 min 0 s", org.casebook.imports.CallText.duration(60));
        assertEquals("2 min 5 s", org.casebook.imports.CallText.duration(125));
        assertEquals("1 h 0 min 0 s", org.casebook.imports.CallText.duration(3600));
        assertEquals("26 h 0 min 1 s", org.casebook.imports.CallText.duration(93601));
    }
}
