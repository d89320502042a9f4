package org.casebook.imports.sms;

import static org.casebook.imports.sms.Imported.sms;
import static org.casebook.imports.sms.Imported.smses;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportException;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Direction;
import org.casebook.imports.MessageFlag;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pitfalls of FORMATS.md section 2, one by one, on hand-written files. */
class SmsImporterTest {
    private static final long T = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final SmsImporter importer = new SmsImporter();

    private Imported importXml(String xml) throws IOException {
        return Imported.run(importer, Imported.write(dir, "sms-test.xml", xml));
    }

    private ImportException rejected(String xml) {
        return assertThrows(ImportException.class, () -> importXml(xml));
    }

    private static String mms(int box, String address, String contact, String parts, String addrs) {
        return "<mms date=\"" + T + "\" ct_t=\"application/vnd.wap.multipart.related\" msg_box=\"" + box
                + "\" sub=\"null\" address=\"" + address + "\" m_id=\"id\" read=\"1\" m_type=\"132\" text_only=\"0\""
                + " contact_name=\"" + contact + "\">\n    <parts>\n" + parts + "    </parts>\n    <addrs>\n" + addrs
                + "    </addrs>\n  </mms>";
    }

    private static String part(String ct, String name, String chset, String text, String data) {
        return "      <part seq=\"0\" ct=\"" + ct + "\" name=\"" + name + "\" chset=\"" + chset
                + "\" cd=\"null\" fn=\"null\" cid=\"&lt;x&gt;\" cl=\"" + name + "\" ctt_s=\"null\" ctt_t=\"null\" text=\""
                + text + "\"" + (data == null ? "" : " data=\"" + data + "\"") + " />\n";
    }

    private static String addr(String address, int type) {
        return "      <addr address=\"" + address + "\" type=\"" + type + "\" charset=\"106\" />\n";
    }

    // --- surrogate-pair character references ---

    @Test
    void surrogatePairReferencesBecomeTheirCharacterWithOneWarning() throws IOException {
        Imported r = importXml(smses("3",
                sms("+447700900123", T, 1, "Hi &#55357;&#56832; and &#55357;&#56397;", "A"),
                sms("+447700900123", T + 1, 1, "hex &#xD83D;&#xDE00;, mixed &#55357;&#xDE00;", "A"),
                sms("+447700900123", T + 2, 1, "already fine: &#x1F600; &#128512; \uD83D\uDE00", "A")));
        assertEquals(List.of("Hi \uD83D\uDE00 and \uD83D\uDC4D", "hex \uD83D\uDE00, mixed \uD83D\uDE00",
                "already fine: \uD83D\uDE00 \uD83D\uDE00 \uD83D\uDE00"), r.messages().stream().map(ImportedMessage::raw).toList());
        assertEquals("Hi 😀 and 👍", r.messages().get(0).raw());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("sms-test.xml: 4 characters (emoji and the like) written as pairs of surrogate"),
                r.warnings().get(0));
    }

    @Test
    void aLoneSurrogateReferenceBecomesTheReplacementCharacterWithAWarning() throws IOException {
        Imported r = importXml(smses("2",
                sms("+447700900123", T, 1, "half &#55357; an emoji", "A"),
                sms("+447700900123", T, 1, "low &#56832; first, then &#55357;&#55357;&#56832;", "A")));
        assertEquals("half \uFFFD an emoji", r.messages().get(0).raw());
        assertEquals("low \uFFFD first, then \uFFFD\uD83D\uDE00", r.messages().get(1).raw());
        assertEquals(1, r.countWarningsContaining("3 lone surrogate character references"), r.warnings().toString());
        assertEquals(1, r.countWarningsContaining("1 character (emoji and the like)"), r.warnings().toString());
    }

    // --- "null" ---

    @Test
    void theWordNullMeansAbsent() throws IOException {
        Imported r = importXml(smses("3",
                sms("+447700900123", T, 1, "null", "null"),
                sms("+447700900123", T, 1, "text", "(Unknown)"),
                mms(1, "+447700900123", "null",
                        part("image/jpeg", "null", "null", "null", "AAEC").replace("cl=\"null\"", "cl=\"photo.jpg\""),
                        addr("+447700900123", 137))));
        ImportedMessage first = r.messages().get(0);
        assertEquals("", first.raw());
        assertEquals("+447700900123", first.senderName(), "no contact name: the number as written");
        assertEquals("+447700900123", first.conversationTitle());
        assertEquals("+447700900123", r.messages().get(1).senderName(), "(Unknown) is no name either");
        ImportedMessage mms = r.messages().get(2);
        assertEquals("", mms.raw(), "text=\"null\" on a binary part is not text");
        assertEquals("photo.jpg", mms.attachments().get(0).name(), "name=\"null\": the cl is the name");
        assertArrayEquals(new byte[] {0, 1, 2}, r.bytes().get(2).get(0));
        assertEquals(List.of(), r.warnings(), "subject=\"null\" is no subject");
    }

    // --- MMS: sender, participants, text, parts ---

    @Test
    void aReceivedMmsIsFromTheAddrOfType137() throws IOException {
        Imported r = importXml(smses("1", mms(1, "+15550001111", "Ann",
                part("text/plain", "text_0.txt", "106", "hello", null),
                addr("+15559990000", 151) + addr("+15550001111", 137))));
        ImportedMessage m = r.only();
        assertEquals(Direction.INCOMING, m.direction());
        assertEquals("+15550001111", m.senderAddress());
        assertEquals("Ann", m.senderName());
        assertEquals("+15550001111", m.conversation());
        assertEquals("hello", m.raw());
    }

    @Test
    void aGroupMmsIsOneConversationOfItsSortedParticipants() throws IOException {
        String addrs = addr("+1 555 000 2222", 137) + addr("+15559990000", 151) + addr("+15550001111", 151)
                + addr("+15550003333", 151);
        Imported r = importXml(smses("3",
                mms(1, "+15550003333~+1 555 000 2222~+15550001111", "Cat, Bob, Ann",
                        part("text/plain", "t.txt", "106", "from Bob", null), addrs),
                mms(1, "+15550001111~+15550002222~+15550003333", "Ann, Bob, Cat",
                        part("text/plain", "t.txt", "106", "again", null),
                        addr("+15550003333", 137) + addr("+15559990000", 151)),
                mms(2, "+15550002222~+15550001111~+15550003333", "Bob, Ann, Cat",
                        part("text/plain", "t.txt", "106", "from me", null),
                        addr("+15559990000", 137) + addr("+15550001111", 151) + addr("+15550002222", 151)
                                + addr("+15550003333", 151))));
        String group = "+15550001111, +15550002222, +15550003333";
        assertEquals(List.of(group, group, group), r.messages().stream().map(ImportedMessage::conversation).toList());

        ImportedMessage fromBob = r.messages().get(0);
        assertEquals("+1 555 000 2222", fromBob.senderAddress(), "the raw address is kept");
        assertEquals("+1 555 000 2222", fromBob.senderName(), "a group's contact_name lists everyone: not the sender");
        assertEquals("Cat, Bob, Ann", fromBob.conversationTitle());
        assertEquals("+15550003333", r.messages().get(1).senderAddress());

        ImportedMessage mine = r.messages().get(2);
        assertEquals(Direction.OUTGOING, mine.direction());
        assertEquals(SmsImporter.OWNER, mine.senderName());
        assertEquals("+15559990000", mine.senderAddress(), "a sent MMS's 137 is the phone's own number");
    }

    @Test
    void anMmsWithoutAnAddressTakesItsParticipantsFromItsAddrs() throws IOException {
        String xml = smses("1", mms(2, "X", "null", part("text/plain", "t.txt", "106", "hi", null),
                addr("insert-address-token", 137) + addr("+15550002222", 151) + addr("+15550001111", 151))
                .replace(" address=\"X\"", ""));
        ImportedMessage m = importXml(xml).only();
        assertEquals("+15550001111, +15550002222", m.conversation());
        assertEquals(SmsImporter.OWNER, m.senderName());
        assertNull(m.senderAddress(), "insert-address-token is no number");
    }

    @Test
    void textPartsAreDecodedInTheirCharset() throws IOException {
        String latin1 = b64("Grüße aus Köln", StandardCharsets.ISO_8859_1);
        String utf16 = b64("Привет 😀", StandardCharsets.UTF_16);
        String ascii = b64("plain", StandardCharsets.US_ASCII);
        String utf8 = b64("naïve ☕", StandardCharsets.UTF_8);
        Imported r = importXml(smses("4",
                mms(1, "+15550001111", "A", part("text/plain", "a.txt", "4", "null", latin1), addr("+15550001111", 137)),
                mms(1, "+15550001111", "A", part("text/plain", "b.txt", "1015", "null", utf16), addr("+15550001111", 137)),
                mms(1, "+15550001111", "A", part("text/plain", "c.txt", "3", "null", ascii)
                        + part("text/plain", "d.txt", "106", "null", utf8), addr("+15550001111", 137)),
                mms(1, "+15550001111", "A", part("text/plain", "e.txt", "4", "already decoded: é", null),
                        addr("+15550001111", 137))));
        assertEquals(List.of("Grüße aus Köln", "Привет 😀", "plain\nnaïve ☕", "already decoded: é"),
                r.messages().stream().map(ImportedMessage::raw).toList());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8AndReported() throws IOException {
        Imported r = importXml(smses("1", mms(1, "+15550001111", "A",
                part("text/plain", "a.txt", "9999", "null", b64("hi", StandardCharsets.UTF_8)), addr("+15550001111", 137))));
        assertEquals("hi", r.only().raw());
        assertEquals(1, r.countWarningsContaining("1 MMS text part in a character set Casebook does not know"), r.warnings().toString());
    }

    @Test
    void aBase64ImageIsDecodedToTheExactBytesOnlyWhileItsMessageIsImported() throws IOException {
        byte[] jpeg = new byte[100_003];
        new Random(7).nextBytes(jpeg);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        String smil = part("application/smil", "smil.xml", "null", "&lt;smil&gt;&lt;body/&gt;&lt;/smil&gt;", null);
        String image = part("image/jpeg", "IMG_0001.jpg", "null", "null", Base64.getEncoder().encodeToString(jpeg));
        String wrapped = part("image/png", "wrapped.png", "null", "null",
                Base64.getMimeEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5}));
        String external = part("video/mp4", "clip.mp4", "null", "null", null);
        Imported r = importXml(smses("1", mms(1, "+15550001111", "A",
                smil + part("text/plain", "t.txt", "106", "look", null) + image + wrapped + external,
                addr("+15550001111", 137))));
        ImportedMessage m = r.only();
        assertEquals("look", m.raw());
        assertEquals(List.of("IMG_0001.jpg", "wrapped.png", "clip.mp4"),
                m.attachments().stream().map(AttachmentRef::name).toList());
        assertEquals(List.of("image/jpeg", "image/png", "video/mp4"),
                m.attachments().stream().map(AttachmentRef::mediaType).toList());
        assertArrayEquals(jpeg, r.bytes().get(0).get(0));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, r.bytes().get(0).get(1));
        assertNull(r.bytes().get(0).get(2), "a part without data refers to a file the export does not hold");
        assertNull(m.attachments().get(2).data());

        IOException afterwards = assertThrows(IOException.class, () -> m.attachments().get(0).data().open());
        assertTrue(afterwards.getMessage().contains("only be read while its message is being imported"),
                afterwards.getMessage());
    }

    @Test
    void damagedBase64FailsWhenRead() throws IOException {
        List<IOException> failures = new ArrayList<>();
        try (ExportFile f = ExportFile.open(Imported.write(dir, "sms-bad.xml", smses("1", mms(1, "+15550001111", "A",
                part("image/jpeg", "a.jpg", "null", "null", "AAEC*AAA"), addr("+15550001111", 137)))))) {
            importer.read(f, new ImportContext(null, Progress.NONE), m -> {
                try (InputStream in = m.attachments().get(0).data().open()) {
                    in.readAllBytes();
                } catch (IOException e) {
                    failures.add(e);
                }
            });
        }
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).getMessage().contains("not base64 ('*'"), failures.get(0).getMessage());
        assertTrue(failures.get(0).getMessage().startsWith("sms-bad.xml, line 5, part a.jpg"), failures.get(0).getMessage());
    }

    @Test
    void aTwentyMegabyteAttributeIsReadInFull() throws Exception {
        byte[] video = new byte[15 * 1024 * 1024];
        new Random(11).nextBytes(video);
        Path file = dir.resolve("sms-big.xml");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n");
            w.write("  <mms date=\"" + T + "\" msg_box=\"1\" address=\"+15550001111\">\n    <parts>\n");
            w.write("      <part seq=\"0\" ct=\"video/mp4\" name=\"big.mp4\" text=\"null\" data=\"");
            w.write(Base64.getEncoder().encodeToString(video));
            w.write("\" />\n    </parts>\n    <addrs>\n" + addr("+15550001111", 137) + "    </addrs>\n  </mms>\n");
            w.write("  " + sms("+15550001111", T + 1, 1, "after the big one", "A") + "\n</smses>\n");
        }
        assertTrue(Files.size(file) > 20 * 1024 * 1024);
        List<String> digests = new ArrayList<>();
        List<ImportedMessage> messages = new ArrayList<>();
        try (ExportFile f = ExportFile.open(file)) {
            importer.read(f, new ImportContext(null, Progress.NONE), m -> {
                messages.add(m);
                for (AttachmentRef a : m.attachments()) {
                    try (InputStream in = a.data().open()) {
                        MessageDigest sha = MessageDigest.getInstance("SHA-256");
                        byte[] buf = new byte[8192];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            sha.update(buf, 0, n);
                        }
                        digests.add(HexFormat.of().formatHex(sha.digest()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        assertEquals(2, messages.size());
        assertEquals(List.of(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(video))), digests);
        assertEquals("after the big one", messages.get(1).raw());
        assertEquals("line 11", messages.get(1).source());
    }

    // --- counts, truncation, malformed ---

    @Test
    void aWrongCountIsReportedAndEveryRecordStillRead() throws IOException {
        Imported r = importXml(smses("5", sms("+15550001111", T, 1, "a", "A"), sms("+15550001111", T, 2, "b", "A"),
                mms(1, "+15550001111", "A", "", addr("+15550001111", 137))));
        assertEquals(3, r.messages().size());
        assertEquals(List.of("sms-test.xml: the file says it holds 5 messages (count=\"5\") but holds 3 (2 SMS, 1 MMS);"
                + " all 3 were read. It may be an incomplete copy or have been edited."), r.warnings());
        assertEquals(List.of(), importXml(smses(null, sms("+15550001111", T, 1, "a", "A"))).warnings(),
                "no count: nothing to check");
        assertEquals(1, importXml(smses("lots", sms("+15550001111", T, 1, "a", "A"))).warnings().size());
    }

    @Test
    void aFileCutAnywhereBeforeItsClosingTagIsTruncated() throws IOException {
        String xml = smses("3",
                sms("+15550001111", T, 1, "first &amp; &#55357;&#56832; ünïcödé 😀 a &gt; b", "A"),
                mms(1, "+15550001111~+15550002222", "A, B",
                        part("application/smil", "smil.xml", "null", "&lt;smil/&gt;", null)
                                + part("text/plain", "t.txt", "106", "caption", null)
                                + part("image/jpeg", "i.jpg", "null", "null", "AAECAwQF"),
                        addr("+15550001111", 137) + addr("+15559990000", 151)),
                "<!-- a comment > with a bracket -->\r\n  " + sms("+15550001111", T, 2, "last", "A"))
                .replace("\n", "\r\n");
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        int closing = xml.substring(0, xml.lastIndexOf("</smses>") + "</smses>".length()).getBytes(StandardCharsets.UTF_8).length;
        assertEquals(3, importXml(xml).messages().size());
        for (int cut = 1; cut < closing; cut++) {
            InputStream in = new java.io.ByteArrayInputStream(bytes, 0, cut);
            int at = cut;
            ImportException e = assertThrows(ImportException.class,
                    () -> importer.read(in, "sms-cut.xml", new ImportContext(null, Progress.NONE), m -> { }),
                    () -> "cut at byte " + at);
            assertTrue(e.getMessage().startsWith("sms-cut.xml: the file ends early (truncated) at line "),
                    () -> "cut at byte " + at + ": " + e.getMessage());
        }
        for (int cut = closing; cut <= bytes.length; cut++) {
            List<ImportedMessage> read = new ArrayList<>();
            importer.read(new java.io.ByteArrayInputStream(bytes, 0, cut), "sms-cut.xml",
                    new ImportContext(null, Progress.NONE), read::add);
            assertEquals(3, read.size());
        }
    }

    @Test
    void truncationNamesTheLastLine() {
        String xml = smses("2", sms("+15550001111", T, 1, "a", "A"), sms("+15550001111", T, 1, "b", "A"));
        ImportException e = rejected(xml.substring(0, xml.indexOf("</smses>")));
        assertEquals("sms-test.xml: the file ends early (truncated) at line 5; it was not imported. Make a new backup,"
                + " or copy the file again.", e.getMessage());
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        ImportException e = rejected("<smses count=\"1\">\n  <sms address=\"1\" date=\"1\" type=\"1\" body=\"a\" body=\"b\"/>\n"
                + "</smses>\n");
        assertTrue(e.getMessage().startsWith("sms-test.xml, line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML (Attribute \"body\" was already specified"),
                e.getMessage());

        ImportException mismatched = rejected("<smses>\n<sms address=\"1\" date=\"1\"></mms>\n</smses>\n");
        assertTrue(mismatched.getMessage().startsWith("sms-test.xml, line 2, column "), mismatched.getMessage());
    }

    @Test
    void contentAfterTheRootIsRejected() {
        ImportException e = rejected(smses("1", sms("+15550001111", T, 1, "a", "A")) + "<sms/>\n");
        assertTrue(e.getMessage().contains("unexpected content after the closing </smses>"), e.getMessage());
    }

    @Test
    void anEmptyFileOrTheWrongRootIsRejected() {
        assertEquals("sms-test.xml: is empty.", rejected("").getMessage());
        ImportException wrong = rejected("<?xml version='1.0'?>\n<calls count=\"0\"></calls>");
        assertEquals("sms-test.xml, line 2: the XML's root element is <calls>, not <smses>: not an SMS Backup &"
                + " Restore messages file.", wrong.getMessage());
    }

    @Test
    void theDateIsRequiredAndMustBeMilliseconds() {
        ImportException missing = rejected(smses("1", sms("+15550001111", T, 1, "a", "A").replace(" date=\"" + T + "\"", "")));
        assertEquals("sms-test.xml, line 3: <sms> has no date; every record needs one.", missing.getMessage());
        ImportException bad = rejected(smses("1", "<!-- x -->", sms("+15550001111", T, 1, "a", "A").replace(
                String.valueOf(T), "yesterday")));
        assertEquals("sms-test.xml, line 4: <sms> has the date \"yesterday\", which is not a time in milliseconds.",
                bad.getMessage());
        ImportException mmsDate = rejected(smses("1", mms(1, "+1", "A", "", "").replace(" date=\"" + T + "\"", "")));
        assertTrue(mmsDate.getMessage().startsWith("sms-test.xml, line 3: <mms> has no date"), mmsDate.getMessage());
    }

    @Test
    void datesThatLookLikeSecondsAreReadAsTheFormatSaysAndReported() throws IOException {
        Imported r = importXml(smses("2", sms("+15550001111", 1_609_459_200L, 1, "seconds?", "A"),
                sms("+15550001111", 1_609_459_200_000L, 1, "milliseconds", "A")));
        assertEquals(Instant.parse("1970-01-19T15:04:19.200Z"), r.messages().get(0).time().instant());
        assertEquals(List.of("sms-test.xml: 1 message dated before 1973, as if the date were written in seconds rather"
                + " than milliseconds; read as milliseconds, as the format says."), r.warnings());
    }

    @Test
    void noOtherAttributeIsRequired() throws IOException {
        Imported r = importXml(smses("3", "<sms address=\"12345\" date=\"" + T + "\" />",
                "<sms address=\"\" date=\"" + T + "\" type=\"1\" />",
                "<mms date=\"" + T + "\"><parts><part ct=\"text/plain\" text=\"x\"/></parts></mms>"));
        assertEquals(3, r.messages().size());
        ImportedMessage bare = r.messages().get(0);
        assertEquals(Direction.UNKNOWN, bare.direction());
        assertEquals("", bare.raw());
        assertEquals("12345", bare.conversation());
        assertNull(bare.senderName());
        assertEquals(SmsImporter.NO_ADDRESS, r.messages().get(1).conversation());
        assertEquals("x", r.messages().get(2).raw());
        assertEquals(1, r.countWarningsContaining("2 messages without a known type"), r.warnings().toString());
        assertEquals(1, r.countWarningsContaining("2 messages without an address"), r.warnings().toString());
    }

    @Test
    void draftsOutboxFailedAndQueuedAreOutgoingAndNotSent() throws IOException {
        Imported r = importXml(smses("6", sms("1", T, 1, "", "A"), sms("1", T, 2, "", "A"), sms("1", T, 3, "", "A"),
                sms("1", T, 4, "", "A"), sms("1", T, 5, "", "A"), sms("1", T, 6, "", "A")));
        assertEquals(List.of(Direction.INCOMING, Direction.OUTGOING, Direction.OUTGOING, Direction.OUTGOING,
                Direction.OUTGOING, Direction.OUTGOING), r.messages().stream().map(ImportedMessage::direction).toList());
        assertEquals(List.of(Set.of(), Set.of(), Set.of(MessageFlag.NOT_SENT), Set.of(MessageFlag.NOT_SENT),
                Set.of(MessageFlag.NOT_SENT), Set.of(MessageFlag.NOT_SENT)),
                r.messages().stream().map(ImportedMessage::flags).toList());
    }

    @Test
    void theSourceLineIsWhereTheElementStarts() throws IOException {
        String xml = "<smses count=\"2\">\n<sms\n  address=\"1\"\n  date=\"" + T + "\"\n  type=\"1\"\n  body=\"a\" />"
                + "<sms address=\"1\" date=\"" + T + "\" type=\"1\" body=\"b\"\n/>\n</smses>\n";
        assertEquals(List.of("line 2", "line 6"), importXml(xml).messages().stream().map(ImportedMessage::source).toList());
    }

    // --- security ---

    @Test
    void aDoctypeIsRefusedAndNoEntityIsRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String xxe = "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE smses [\n  <!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">\n]>\n<smses count=\"1\">\n  <sms address=\"1\" date=\"1\" type=\"1\" body=\"&xxe;\"/>\n</smses>\n";
        ImportException e = rejected(xxe);
        assertTrue(e.getMessage().startsWith("sms-test.xml, line 4: declares a document type (<!DOCTYPE …>)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));

        String laughs = "<?xml version='1.0'?>\n<!DOCTYPE smses [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                + "<smses><sms address=\"1\" date=\"1\" body=\"&b;\"/></smses>";
        assertTrue(rejected(laughs).getMessage().contains("line 2: declares a document type"));
    }

    @Test
    void nothingIsFetchedFromTheNetwork() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + server.getLocalPort();
            Imported r = importXml("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                    + "<?xml-stylesheet type=\"text/xsl\" href=\"" + base + "/sms.xsl\"?>\n"
                    + smses("1", sms("+15550001111", T, 1, "styled", "A")).substring(smses("0").indexOf('\n') + 1));
            assertEquals("styled", r.only().raw());
            ImportException e = rejected("<?xml version='1.0'?>\n<!DOCTYPE smses SYSTEM \"" + base + "/x.dtd\">\n"
                    + smses("0").substring(smses("0").indexOf('\n') + 1));
            assertTrue(e.getMessage().contains("line 2: declares a document type"), e.getMessage());

            server.setSoTimeout(300);
            try (Socket connection = server.accept()) {
                throw new AssertionError("the importer connected to " + connection.getLocalSocketAddress());
            } catch (SocketTimeoutException expected) {
                // nobody came
            }
        }
    }

    // --- time zone, encodings, detection, zip, errors from the caller ---

    @Test
    void resultsDoNotDependOnTheComputersTimeZone() throws IOException {
        String xml = smses("2", sms("+15550001111", 1_711_846_800_000L, 1, "DST night in London", "A"),
                sms("+15550001111", 0L, 2, "epoch", "A"));
        TimeZone saved = TimeZone.getDefault();
        List<List<ImportedMessage>> runs = new ArrayList<>();
        try {
            for (String zone : List.of("UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                runs.add(importXml(xml).messages());
            }
        } finally {
            TimeZone.setDefault(saved);
        }
        for (List<ImportedMessage> run : runs) {
            assertEquals(runs.get(0), run);
        }
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), runs.get(0).get(0).time().instant());
        assertEquals(Instant.EPOCH, runs.get(0).get(1).time().instant());
        assertNull(runs.get(0).get(0).time().local());
    }

    @Test
    void otherEncodingsAndInvalidBytes() throws IOException {
        String xml = smses("1", sms("+15550001111", T, 1, "Grüße 😀", "Jürgen"));
        Path utf16 = dir.resolve("sms-16.xml");
        Files.write(utf16, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                xml.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE)));
        assertEquals("Grüße 😀", Imported.run(importer, utf16).only().raw());
        try (ExportFile f = ExportFile.open(utf16)) {
            assertTrue(importer.recognises(f));
        }
        Path bom = dir.resolve("sms-bom.xml");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Grüße 😀", Imported.run(importer, bom).only().raw());
        Path latin1 = dir.resolve("sms-latin1.xml");
        Files.write(latin1, xml.replace("😀", "").replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Jürgen", Imported.run(importer, latin1).only().senderName());

        Path broken = dir.resolve("sms-broken.xml");
        byte[] b = xml.getBytes(StandardCharsets.UTF_8);
        int at = xml.indexOf("Grüße") + 2;
        b[at] = (byte) 0xC3;
        b[at + 1] = (byte) 0x28;
        Imported r = Imported.run(importer, Files.write(broken, b));
        assertEquals("Gr\uFFFD(ße 😀", r.only().raw());
        assertEquals(List.of("sms-broken.xml: 1 byte sequence not valid in the file's encoding (UTF-8) was replaced by"
                + " the character \uFFFD."), r.warnings());
    }

    @Test
    void recognisesByRootElementThenByName() throws IOException {
        assertTrue(recognised("backup.xml", smses("0")));
        assertTrue(recognised("anything", "\uFEFF<?xml version='1.0'?>\n<!-- c -->\n<?xml-stylesheet href=\"sms.xsl\"?>\n<smses>"));
        assertFalse(recognised("sms-1.xml", "<?xml version='1.0'?>\n<calls count=\"0\"></calls>"),
                "the root decides over the name");
        assertFalse(recognised("chat.txt", "12/01/2024, 10:00 - Ann: hi\n"));
        assertFalse(recognised("page.xml", "<html><body/></html>"));
        assertTrue(recognised("sms-20240101120000.xml", "\0\0\0 garbage"), "named like a backup: read() explains");
        assertTrue(recognised("SMS-1.XML", ""));
        assertFalse(recognised("calls-1.xml", ""));
    }

    private boolean recognised(String name, String content) throws IOException {
        Path file = Imported.write(dir, name, content);
        try (ExportFile f = ExportFile.open(file)) {
            return importer.recognises(f);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aZipWithBothBackupsGivesEachImporterItsOwn() throws IOException {
        Path zip = dir.resolve("phone.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("backup/sms-20240101.xml"));
            out.write(smses("1", sms("+15550001111", T, 1, "zipped", "A")).getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("backup/calls-20240101.xml"));
            out.write(("<calls count=\"1\">\n<call number=\"+15550001111\" duration=\"5\" date=\"" + T
                    + "\" type=\"2\" presentation=\"1\" />\n</calls>\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        Imported texts = Imported.run(importer, zip);
        assertEquals("zipped", texts.only().raw());
        assertEquals("entry backup/sms-20240101.xml, line 3", texts.only().source());
        Imported calls = Imported.run(new CallsImporter(), zip);
        assertEquals("Outgoing call, 5 s", calls.only().raw());
        try (ExportFile f = ExportFile.open(zip)) {
            assertTrue(importer.recognises(f));
        }
    }

    @Test
    void errorsFromTheSinkAndCancellingPassThroughUntouched() throws IOException {
        Path file = Imported.write(dir, "sms-1.xml", smses("2", sms("1", T, 1, "a", "A"), sms("1", T, 1, "b", "A")));
        IllegalStateException boom = new IllegalStateException("vault full");
        try (ExportFile f = ExportFile.open(file)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> importer.read(f, new ImportContext(null, Progress.NONE), m -> {
                        throw boom;
                    }));
            assertSame(boom, thrown);
        }
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Progress.CancelledException.class, () -> Imported.run(importer, file, cancelled));
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
