package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 12: control characters in evidence never reach the terminal. A file name, a sender, a warning
 * that quotes the evidence: each prints on its own line with the control characters shown as escapes, while
 * the vault keeps the original bytes; exported file names lose bidirectional overrides and invisible
 * formatting characters.
 */
class ControlCharactersTest {
    private static final String ESC = "\u001b";

    @TempDir
    Path dir;
    private String vault;
    private String caseId;

    @BeforeEach
    void setUp() {
        vault = dir.resolve("v.casebook").toString();
        assertEquals(0, cli("init", "--vault", vault).exit());
        caseId = cli("case", "add", "--vault", vault, "--title", "Controls", "--timezone", "UTC").out().strip();
    }

    private static void noRawControls(Result r) {
        String all = r.out() + r.err();
        assertFalse(all.contains(ESC), "a raw escape character reached the terminal:\n" + r);
        assertFalse(all.contains("\u202e"), "a raw bidi override reached the terminal:\n" + r);
    }

    @Test
    void attachPrintsAHostileFileNameOnOneLineWithTheEscapesVisible() throws IOException {
        String name = "photo" + ESC + "[2J\n4  0000  forged-line.jpg";
        Path file = dir.resolve(name);
        Files.writeString(file, "a photo");

        Result r = cli("attach", "--vault", vault, "--case", caseId, file.toString());

        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.lines().size(), "one line per file, no forged line:\n" + r);
        assertTrue(r.out().contains("photo\\u001b[2J\\n4  0000  forged-line.jpg"), r.out());
        noRawControls(r);

        Result json = cli("timeline", "--vault", vault, "--case", caseId, "--json");
        assertTrue(json.lines().size() >= 1);
        noRawControls(json);
        assertTrue(json.json().stream().anyMatch(n -> n.toString().contains("forged-line")), json.out());
        assertTrue(json.json().stream().anyMatch(n -> n.path("text").asText().equals(name)),
                "the vault keeps the original name, control characters and all: " + json.out());
    }

    @Test
    void importWarningsSendersAndTimelineShowControlCharactersEscaped() throws IOException {
        Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "13/02/2024, 10:00 - Sam" + ESC + "[31m: hello" + ESC + "]0;owned" + "\u0007\n"
                + "13/02/2024, 10:01 - Sam" + ESC + "[31m: IMG" + ESC + "[2J-1.jpg (file attached)\n",
                StandardCharsets.UTF_8);

        Result imported = cli("import", "--vault", vault, "--case", caseId, chat.toString());
        assertEquals(0, imported.exit(), imported.toString());
        noRawControls(imported);
        assertTrue(imported.out().contains("IMG\\u001b[2J-1.jpg"), "the warning quotes the name escaped:\n"
                + imported.out());

        Result people = cli("person", "list", "--vault", vault, "--case", caseId);
        noRawControls(people);
        assertTrue(people.out().contains("Sam\\u001b[31m"), people.out());

        Result timeline = cli("timeline", "--vault", vault, "--case", caseId);
        noRawControls(timeline);
        assertFalse(timeline.out().contains("\u0007"), timeline.out());
        assertTrue(timeline.out().contains("hello\\u001b]0;owned\\u0007"), timeline.out());

        Result search = cli("search", "--vault", vault, "--case", caseId, "hello");
        noRawControls(search);
    }

    @Test
    void errorsQuotingAHostileNameStayOnOneLine() {
        Result r = cli("attach", "--vault", vault, "--case", caseId, dir.resolve("gone" + ESC + "[2J.jpg").toString());
        assertEquals(2, r.exit());
        noRawControls(r);
        assertEquals(1, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().contains("gone\\u001b[2J.jpg"), r.err());
    }

    @Test
    void exportGivesAFileNamedWithABidiOverrideASafeName() throws IOException {
        Path file = dir.resolve("invoice\u202Etxt.exe");
        Files.writeString(file, "not really an invoice");
        Result attached = cli("attach", "--vault", vault, "--case", caseId, file.toString());
        assertEquals(0, attached.exit(), attached.toString());
        assertTrue(attached.out().contains("invoice\\u202etxt.exe"), attached.out());
        noRawControls(attached);

        Result json = cli("timeline", "--vault", vault, "--case", caseId, "--json");
        noRawControls(json);
        assertEquals("invoice\u202Etxt.exe", json.json().get(0).path("text").asText(),
                "the JSON escape reads back as the original name");

        Path out = dir.resolve("out");
        Result exported = cli("export", "--vault", vault, "--case", caseId, "--to", out.toString());
        assertEquals(0, exported.exit(), exported.toString());
        List<String> names;
        try (Stream<Path> files = Files.list(out)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.contains("invoicetxt.exe"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.chars().anyMatch(c -> c == 0x202E || c < 0x20)), names.toString());

        Path pdf = dir.resolve("bundle.pdf");
        Result bundle = cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString());
        assertEquals(0, bundle.exit(), bundle.toString());
        noRawControls(bundle);
        List<String> embedded = new java.util.ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
            for (PDComplexFileSpecification spec : tree.getNames().values()) {
                embedded.add(spec.getFileUnicode());
            }
        }
        assertTrue(embedded.stream().anyMatch(n -> n.endsWith(" invoicetxt.exe")), embedded.toString());
        Result verified = cli("verify-bundle", pdf.toString());
        assertEquals(0, verified.exit(), verified.toString());
        noRawControls(verified);
    }
}
