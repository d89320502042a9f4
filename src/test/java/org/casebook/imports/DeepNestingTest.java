package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.casebook.evidence.CaseService;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 11: input nested absurdly deep (MIME parts, JSON, XML) never overflows the stack: it meets a
 * depth limit with a clear message, and an e-mail is still kept whole.
 */
class DeepNestingTest {
    @TempDir
    Path dir;
    private Vault vault;
    private long caseId;
    private ImportService service;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        caseId = new CaseService(vault).add("Deep", "DP", TestVaults.LONDON).id();
        service = new ImportService(vault, Importers.standard());
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private ImportSummary run(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> service.importFile(caseId, file, ImportOptions.defaults(), Progress.NONE));
    }

    private long auditSize() {
        return vault.read(c -> vault.audit().size(c));
    }

    @Test
    void anEmailNestedTwentyThousandMultipartLevelsDeepImportsWithAWarning() throws IOException {
        int levels = 20_000;
        Path eml = dir.resolve("deep.eml");
        try (BufferedWriter w = Files.newBufferedWriter(eml, StandardCharsets.US_ASCII)) {
            w.write("From: Sam <sam@example.org>\r\nTo: me@example.org\r\nSubject: deep\r\n"
                    + "Date: Tue, 13 Feb 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
            for (int i = 0; i < levels; i++) {
                w.write("--b" + i + "\r\nContent-Type: multipart/mixed; boundary=\"b" + (i + 1) + "\"\r\n\r\n");
            }
            w.write("--b" + levels + "\r\nContent-Type: text/plain\r\n\r\nat the bottom\r\n--b" + levels + "--\r\n");
            for (int i = levels - 1; i >= 0; i--) {
                w.write("--b" + i + "--\r\n");
            }
        }
        ImportSummary s = run(eml);
        assertEquals(1, s.messages());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("deep.eml: ") && w.contains("nested more than")),
                s.warnings().toString());
        assertTrue(s.attachments() >= 1, "the whole message is kept as message-1.eml");
    }

    @Test
    void anEmailOfMessagesInsideMessagesImports() throws IOException {
        int levels = 20_000;
        Path eml = dir.resolve("forwarded.eml");
        try (BufferedWriter w = Files.newBufferedWriter(eml, StandardCharsets.US_ASCII)) {
            w.write("From: Sam <sam@example.org>\r\nSubject: fwd\r\nDate: Tue, 13 Feb 2024 10:00:00 +0000\r\n");
            for (int i = 0; i < levels; i++) {
                w.write("Content-Type: message/rfc822\r\n\r\nSubject: level " + i + "\r\n");
            }
            w.write("\r\nthe innermost text\r\n");
        }
        assertEquals(1, run(eml).messages());
    }

    @Test
    void jsonNestedTooDeepIsRefusedClearly() throws IOException {
        Path json = dir.resolve("result.json");
        int levels = 100_000;
        try (BufferedWriter w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            w.write("{\"name\": \"Sam\", \"type\": \"personal_chat\", \"id\": 1, \"messages\": [\n"
                    + "{\"id\": 1, \"type\": \"message\", \"date\": \"2024-02-13T10:00:00\", \"from\": \"Sam\", "
                    + "\"text\": ");
            w.write("[".repeat(levels));
            w.write("\"deep\"");
            w.write("]".repeat(levels));
            w.write("}\n]}\n");
        }
        long before = auditSize();
        ImportException e = assertThrows(ImportException.class, () -> run(json));
        assertTrue(e.getMessage().startsWith("result.json, line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        assertTrue(!e.getMessage().contains("StreamReadConstraints"), e.getMessage());
        assertEquals(before, auditSize());
    }

    @Test
    void xmlNestedTooDeepIsRefusedClearly() throws IOException {
        Path xml = dir.resolve("sms-deep.xml");
        int levels = 200_000;
        try (BufferedWriter w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
            w.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"1\">\n");
            w.write("<sms address=\"+15550001111\" date=\"1700000000000\" type=\"1\" body=\"hi\" />\n");
            w.write("<x>".repeat(levels));
            w.write("</x>".repeat(levels));
            w.write("\n</smses>\n");
        }
        long before = auditSize();
        ImportException e = assertThrows(ImportException.class, () -> run(xml));
        assertTrue(e.getMessage().startsWith("sms-deep.xml, line 4: "), e.getMessage());
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        assertEquals(before, auditSize());
    }
}
