package org.casebook.imports.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.MessageFlag;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fixture in {@code src/test/resources/fixtures/sms-backup-restore} (shruggietech/sms-backup-restore-parser's
 * test files), with the counts and values its README and content give; each element counted by hand.
 */
class SmsFixturesTest {
    static final Path DIR = Fixtures.ROOT.resolve("sms-backup-restore");

    private final SmsImporter sms = new SmsImporter();
    private final CallsImporter calls = new CallsImporter();

    @BeforeAll
    static void fixturesArePresent() {
        assertTrue(Files.isDirectory(DIR), () -> "The SMS Backup & Restore fixtures are missing: expected the folder "
                + DIR.toAbsolutePath().normalize() + " (src/test/resources/fixtures in the repository).");
    }

    private static Path fixture(String name) {
        Path file = DIR.resolve(name);
        assertTrue(Files.isRegularFile(file), () -> "fixture missing: " + file.toAbsolutePath().normalize());
        return file;
    }

    @Test
    void everyFixtureHasATest() throws IOException {
        Set<String> covered = Set.of("minimal_sms.xml", "minimal_mms.xml", "minimal_calls.xml", "mixed.xml",
                "edge_cases.xml", "malformed.xml",
                // read in OtherProjectsFixturesTest
                "sms-backup-reader-2_sample_small.xml", "sms-backup-reader-2_corrupt_attachments.xml",
                "sms-backup-reader-2_sample_mms.xml", "gvoice-sms-takeout-xml_sms-vm-gvoice.xml");
        Set<String> present;
        try (Stream<Path> files = Files.list(DIR)) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(covered), present, "a fixture was added or removed: give it a test");
    }

    @Test
    void eachFixtureIsRecognisedByItsImporterOnly() throws IOException {
        for (String name : List.of("minimal_sms.xml", "minimal_mms.xml", "mixed.xml", "edge_cases.xml",
                "malformed.xml")) {
            try (ExportFile f = ExportFile.open(fixture(name))) {
                assertTrue(sms.recognises(f), name);
                assertFalse(calls.recognises(f), name);
            }
        }
        try (ExportFile f = ExportFile.open(fixture("minimal_calls.xml"))) {
            assertTrue(calls.recognises(f));
            assertFalse(sms.recognises(f));
        }
    }

    @Test
    void minimalSmsIsOneReceivedSms() throws IOException {
        Imported result = Imported.run(sms, fixture("minimal_sms.xml"));
        ImportedMessage m = result.only();
        assertEquals(Kind.MESSAGE, m.kind());
        assertEquals("SMS", m.channel());
        assertEquals(Direction.INCOMING, m.direction());
        assertEquals("+15551234567", m.conversation());
        assertEquals("Alice Smith", m.conversationTitle());
        assertEquals("Alice Smith", m.senderName());
        assertEquals("+15551234567", m.senderAddress());
        assertEquals("Happy New Year! This is a test message.", m.raw());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), m.time().instant());
        assertFalse(m.time().isLocal());
        assertEquals(Set.of(), m.flags());
        assertEquals(List.of(), m.attachments());
        assertNull(m.durationSeconds());
        assertEquals("line 3", m.source());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void minimalMmsHasItsTextItsImageAndTheSenderFromAddr137() throws IOException {
        Imported result = Imported.run(sms, fixture("minimal_mms.xml"));
        ImportedMessage m = result.only();
        assertEquals("MMS", m.channel());
        assertEquals(Direction.INCOMING, m.direction());
        // The <addr type="137"> is the sender; mms/@address is the conversation.
        assertEquals("+15559876543", m.senderAddress());
        assertEquals("+15559876543", m.senderName(), "contact_name names mms/@address, not this sender");
        assertEquals("+15551234567", m.conversation());
        assertEquals("Alice Smith", m.conversationTitle());
        assertEquals("Hello from MMS!", m.raw(), "the SMIL part is skipped, the text part is the text");
        assertEquals(Instant.parse("2021-01-02T00:00:00Z"), m.time().instant());
        assertEquals("line 3", m.source());

        assertEquals(1, m.attachments().size());
        AttachmentRef image = m.attachments().get(0);
        assertEquals("image.jpg", image.name());
        assertEquals("image/jpeg", image.mediaType());
        assertNull(image.path());
        byte[] expected = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        assertArrayEquals(expected, result.bytes().get(0).get(0));
        assertEquals(70, expected.length);
        // The fixture's "image/jpeg" is in fact a 1x1 PNG: the stated type is kept as the export states it.
        assertEquals((byte) 0x89, expected[0]);
        assertEquals("PNG", new String(expected, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("1 message with a subject line")),
                result.warnings().toString());
    }

    @Test
    void minimalCallsIsOneIncomingCall() throws IOException {
        Imported result = Imported.run(calls, fixture("minimal_calls.xml"));
        ImportedMessage c = result.only();
        assertEquals(Kind.CALL, c.kind());
        assertEquals("Call", c.channel());
        assertEquals(Direction.INCOMING, c.direction());
        assertEquals(125L, c.durationSeconds());
        assertEquals("Incoming call, 2 min 5 s", c.raw());
        assertEquals("Alice Smith", c.senderName());
        assertEquals("+15551234567", c.senderAddress());
        assertEquals("+15551234567", c.conversation());
        assertEquals(Instant.parse("2021-01-03T00:00:00Z"), c.time().instant());
        assertEquals(Set.of(), c.flags());
        assertEquals("line 3", c.source());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void mixedHasThreeSmsAndOneMmsInFileOrder() throws IOException {
        Imported result = Imported.run(sms, fixture("mixed.xml"));
        List<ImportedMessage> m = result.messages();
        assertEquals(4, m.size());
        assertEquals(List.of("SMS", "MMS", "SMS", "SMS"), m.stream().map(ImportedMessage::channel).toList());
        assertEquals(List.of(Direction.INCOMING, Direction.INCOMING, Direction.OUTGOING, Direction.OUTGOING),
                m.stream().map(ImportedMessage::direction).toList());
        assertEquals(List.of("Hey, how are you?", "This is a text-only MMS from Alice.", "I'm good, thanks!",
                "Don't forget about..."), m.stream().map(ImportedMessage::raw).toList());
        assertEquals(List.of("line 3", "line 4", "line 13", "line 14"),
                m.stream().map(ImportedMessage::source).toList());

        assertEquals("Alice Smith", m.get(0).senderName());
        assertEquals("+15559876543", m.get(1).senderAddress());
        assertEquals(SmsImporter.OWNER, m.get(2).senderName());
        assertNull(m.get(2).senderAddress(), "an SMS file never names the phone's own number");
        assertEquals("+15551234567", m.get(2).conversation());
        assertEquals("Alice Smith", m.get(2).conversationTitle());

        // type 3: a draft, never sent
        assertEquals(Set.of(MessageFlag.NOT_SENT), m.get(3).flags());
        assertEquals(SmsImporter.OWNER, m.get(3).senderName());
        assertEquals("+15559990001", m.get(3).conversation());
        assertEquals("Bob Jones", m.get(3).conversationTitle());
        assertEquals(Set.of(), m.get(0).flags());
        assertEquals(Set.of(), m.get(2).flags());
        assertEquals(List.of(), m.get(1).attachments());
        assertEquals(List.of(), result.warnings(), "count=\"4\" is right");
    }

    @Test
    void edgeCasesKeepEntitiesEmojiAndEmptyParts() throws IOException {
        Imported result = Imported.run(sms, fixture("edge_cases.xml"));
        List<ImportedMessage> m = result.messages();
        assertEquals(4, m.size());
        assertEquals(List.of("SMS", "SMS", "SMS", "MMS"), m.stream().map(ImportedMessage::channel).toList());

        // 1: only the required attributes; no contact_name, so the sender is the number as written.
        assertEquals(Direction.INCOMING, m.get(0).direction());
        assertEquals("+15551112222", m.get(0).senderName());
        assertEquals("+15551112222", m.get(0).conversationTitle());
        assertEquals("Minimal fields, no optionals.", m.get(0).raw());

        // 2: character references (a supplementary one) and the five predefined entities.
        assertEquals(Direction.OUTGOING, m.get(1).direction());
        assertEquals("Hello \uD83C\uDF0D \u2014 this has \u00ABspecial\u00BB chars & symbols < > \" '", m.get(1).raw());
        assertEquals("Hello 🌍 — this has «special» chars & symbols < > \" '", m.get(1).raw());
        assertEquals("Charlie Unicode", m.get(1).conversationTitle());

        // 3: an empty body is an empty message, not a missing one.
        assertEquals("", m.get(2).raw());
        assertEquals("Dana Empty", m.get(2).senderName());

        // 4: an MMS with an empty <parts> and no <addrs>: the sender is its one address.
        assertEquals(Direction.INCOMING, m.get(3).direction());
        assertEquals("", m.get(3).raw());
        assertEquals(List.of(), m.get(3).attachments());
        assertEquals("+15557778888", m.get(3).senderAddress());
        assertEquals("Eve NoParts", m.get(3).senderName());
        assertEquals(Instant.ofEpochMilli(1609470000000L), m.get(3).time().instant());

        assertEquals(List.of("line 3", "line 4", "line 5", "line 6"), m.stream().map(ImportedMessage::source).toList());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void malformedIsRejectedWithItsLine() {
        ImportException e = assertThrows(ImportException.class, () -> Imported.run(sms, fixture("malformed.xml")));
        assertTrue(e.getMessage().startsWith("malformed.xml, line 4, column "), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }
}
