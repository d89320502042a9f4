package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Sha256;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3, format by format: a text longer than a message keeps ({@link MessageText#MAX_CHARS}) keeps
 * its start, is marked "shortened", and the import warns naming the file and where in it; what follows it in
 * the file imports as usual, and the export file itself is kept whole. (HugeLineTest shows the memory side in a
 * small heap.)
 */
class LongTextImportTest {
    /** More than the readers keep of one text, so each reader's skipping is used. */
    private static final int LONG = MessageText.READ_LIMIT + (1 << 20);

    @TempDir
    Path dir;
    private Vault vault;
    private long caseId;
    private ImportService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        caseId = new CaseService(vault).add("Long", "LG", TestVaults.LONDON).id();
        service = new ImportService(vault, Importers.standard());
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private ImportSummary run(Path file) {
        return service.importFile(caseId, file, ImportOptions.defaults(), Progress.NONE);
    }

    private List<TimelineItem> messages() {
        return new TimelineService(vault).timeline(caseId).stream()
                .filter(t -> t.kind() == ItemKind.MESSAGE).toList();
    }

    /** The one shortened message: exactly MAX_CHARS long, starting as written, marked. */
    private TimelineItem shortened(String start) {
        List<TimelineItem> cut = messages().stream().filter(m -> m.flags() != null && m.flags().contains("shortened"))
                .toList();
        assertEquals(1, cut.size(), "one message is marked shortened");
        TimelineItem m = cut.get(0);
        assertEquals(MessageText.MAX_CHARS, m.text().length());
        assertTrue(m.text().startsWith(start), m.text().substring(0, 40));
        return m;
    }

    private static void warned(ImportSummary s, String where) {
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith(where) && w.contains("longer than")
                && w.contains("original export file")), s.warnings().toString());
    }

    private void keptWhole(Path export) throws IOException {
        String sha;
        try (InputStream in = Files.newInputStream(export)) {
            java.security.MessageDigest d = Sha256.newDigest();
            byte[] b = new byte[1 << 16];
            for (int n; (n = in.read(b)) > 0; ) {
                d.update(b, 0, n);
            }
            sha = Sha256.hex(d.digest());
        }
        assertTrue(vault.read(c -> vault.blobs().findId(c, sha)).isPresent(), "the export file is kept whole");
    }

    private static void repeat(BufferedWriter w, String piece, long chars) throws IOException {
        for (long done = 0; done < chars; done += piece.length()) {
            w.write(piece);
        }
    }

    @Test
    void whatsAppMessageOfManyLinesKeepsItsStartAndTheNextMessageItsLine() throws IOException {
        Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
        long lines;
        try (BufferedWriter w = Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            w.write("13/02/2024, 10:00 - Sam: first line of a long one\n");
            String line = "and it goes on and on, line after line ж\n";
            lines = LONG / line.length() + 1;
            for (long i = 0; i < lines; i++) {
                w.write(line);
            }
            w.write("13/02/2024, 10:05 - Sam: the next message\n");
        }
        ImportSummary s = run(chat);
        assertEquals(2, s.messages());
        warned(s, "WhatsApp Chat with Sam.txt, line 1: ");
        shortened("first line of a long one\nand it goes on");
        TimelineItem next = messages().stream().filter(m -> m.text().equals("the next message")).findFirst()
                .orElseThrow();
        assertTrue(next.source().endsWith("line " + (lines + 2)), next.source());
        keptWhole(chat);
        assertEquals(1, new TimelineService(vault).search(caseId, "next", false, 10).size(), "search still works");
    }

    @Test
    void signalLineKeepsItsStart() throws IOException {
        Path chat = Files.createDirectories(dir.resolve("Sam")).resolve("chat.md");
        try (BufferedWriter w = Files.newBufferedWriter(chat, StandardCharsets.UTF_8)) {
            w.write("[2024-01-02 10:11:12] Sam: ");
            repeat(w, "one very long line ж ", LONG);
            w.write("\n[2024-01-02 10:12:00] Sam: after it\n");
        }
        ImportSummary s = run(chat);
        assertEquals(2, s.messages());
        warned(s, "chat.md, line 1: ");
        shortened("one very long line");
        keptWhole(chat);
    }

    @Test
    void csvFieldKeepsItsStartAndExtraColumnsAreSkipped() throws IOException {
        Path csv = dir.resolve("texts.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("time,sender,text\n2024-03-01 21:15,Sam,\"");
            repeat(w, "a \"\"quoted\"\" field, with commas\nand lines ж ", LONG);
            w.write("\"\n2024-03-01 21:16,Sam,short");
            w.write(",x".repeat(5000));
            w.write("\n2024-03-01 21:17,Sam,\"after \"\"them\"\"\"\n");
        }
        ImportSummary s = run(csv);
        assertEquals(3, s.messages());
        warned(s, "texts.csv, row 2: ");
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("more than 1000 columns")), s.warnings().toString());
        shortened("a \"quoted\" field, with commas\nand lines");
        assertTrue(messages().stream().anyMatch(m -> m.text().equals("short")));
        assertTrue(messages().stream().anyMatch(m -> m.text().equals("after \"them\"")));
    }

    @Test
    void emailBodyKeepsItsStartAndTheWholeMessageTravelsAsItsEml() throws IOException {
        Path eml = dir.resolve("long.eml");
        try (BufferedWriter w = Files.newBufferedWriter(eml, StandardCharsets.UTF_8)) {
            w.write("From: Sam <sam@example.org>\nSubject: long\nDate: Tue, 13 Feb 2024 10:00:00 +0000\n"
                    + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n");
            repeat(w, "a very long e-mail ж\n", LONG);
        }
        ImportSummary s = run(eml);
        assertEquals(1, s.messages());
        warned(s, "long.eml, message: ");
        shortened("a very long e-mail");
        keptWhole(eml);
    }

    @Test
    void telegramTextKeepsItsStart() throws IOException {
        Path json = dir.resolve("result.json");
        try (BufferedWriter w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            w.write("{\"messages\": [\n{\"type\": \"message\", \"date_unixtime\": \"1544006350\", \"from\": \"Sam\", "
                    + "\"text\": \"");
            repeat(w, "long \\\"text\\\" \\u0436 ж ", LONG);
            w.write("\"},\n{\"type\": \"message\", \"date_unixtime\": \"1544006964\", \"from\": \"Sam\", "
                    + "\"text\": \"after it\"}\n]}\n");
        }
        ImportSummary s = run(json);
        assertEquals(2, s.messages());
        warned(s, "result.json, ");
        shortened("long \"text\" ж ж long");
        assertTrue(messages().stream().anyMatch(m -> m.text().equals("after it")));
    }

    @Test
    void smsBodyKeepsItsStartAndTheLinesAfterItKeepTheirNumbers() throws IOException {
        Path xml = dir.resolve("sms-long.xml");
        try (BufferedWriter w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n");
            w.write("<sms address=\"+15550001111\" date=\"1700000000000\" type=\"1\" body=\"");
            for (int i = 0; i < 40; i++) {
                w.write("line " + i + " &amp; more\n"); // line breaks inside the value
            }
            repeat(w, "a long text &amp; &#1078; ж 'quoted' &lt;b&gt; ", LONG);
            w.write("\n\" />\n<sms address=\"+15550001111\" date=\"1700000000001\" type=\"1\" body=\"after it\" />\n"
                    + "</smses>\n");
        }
        ImportSummary s = run(xml);
        assertEquals(2, s.messages());
        warned(s, "sms-long.xml, line 3");
        shortened("line 0 & more");
        TimelineItem after = messages().stream().filter(m -> m.text().equals("after it")).findFirst().orElseThrow();
        assertTrue(after.source().endsWith("line 45"), after.source());
        keptWhole(xml);
    }
}
