package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 3: one huge line in an export (here 48 MB, generated on the fly) imports in a child JVM with a
 * 96 MB heap, the real command line each time: its text is cut to {@link MessageText#MAX_CHARS} with a warning
 * naming the file and line, the rest of the file imports as usual, and a bundle is then made for the case and
 * passes {@code verify-bundle}. Before the cap, the line was read into memory several times over (a 500 MB line
 * took 4.5 GB) and no bundle could be made for the case.
 */
class HugeLineTest {
    private static final long LINE_BYTES = 48L << 20;
    private static final String PASSPHRASE = "huge line test passphrase 17";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aWhatsAppChatWithOneHugeLineImportsInASmallHeapAndBundles() throws Exception {
        Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(chat), 1 << 16)) {
            out.write("13/02/2024, 10:00 - Sam: before it\n13/02/2024, 10:01 - Sam: ".getBytes(StandardCharsets.UTF_8));
            repeat(out, "wall of text é ", LINE_BYTES);
            out.write("\n13/02/2024, 10:02 - Sam: after it\n".getBytes(StandardCharsets.UTF_8));
        }
        Path vault = dir.resolve("v.casebook");
        assertEquals(0, run("init", "--vault", vault.toString()).exit);
        String caseId = run("case", "add", "--vault", vault.toString(), "--title", "Huge", "--timezone", "UTC").out.strip();

        Run imported = run("import", "--vault", vault.toString(), "--case", caseId, "--json", chat.toString());
        assertEquals(0, imported.exit, imported.toString());
        JsonNode summary = JSON.readTree(imported.out.strip());
        assertEquals(3, summary.path("messages").asLong(), imported.out);
        List<String> warnings = new ArrayList<>();
        summary.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("WhatsApp Chat with Sam.txt, line 2: ")
                && w.contains("longer than") && w.contains("original export file")), warnings.toString());

        Run timeline = run("timeline", "--vault", vault.toString(), "--case", caseId, "--json");
        assertEquals(0, timeline.exit, timeline.toString());
        List<JsonNode> items = new ArrayList<>();
        for (String line : timeline.out.strip().split("\n")) {
            items.add(JSON.readTree(line));
        }
        JsonNode huge = items.stream().filter(i -> i.path("text").asText().startsWith("wall of text")).findFirst()
                .orElseThrow();
        assertEquals(MessageText.MAX_CHARS, huge.path("text").asText().length());
        assertTrue(huge.path("flags").toString().contains("shortened"), huge.path("flags").toString());
        assertTrue(items.stream().anyMatch(i -> i.path("text").asText().equals("after it")));

        Path pdf = dir.resolve("bundle.pdf");
        Run bundle = run("bundle", "--vault", vault.toString(), "--case", caseId, "--out", pdf.toString());
        assertEquals(0, bundle.exit, bundle.toString());
        Run verified = run("verify-bundle", pdf.toString());
        assertEquals(0, verified.exit, verified.toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("[Shortened: this message is longer than Casebook keeps in one message."),
                    "the transcript says the message was shortened");
            assertTrue(text.contains("after it"));
        }
    }

    /**
     * The same for every other reader of text: a Signal line, a CSV field, an e-mail body, a Telegram JSON
     * string and an SMS body, each 32 MB of Cyrillic (two bytes a character in the file and in memory).
     */
    @Test
    void otherFormatsWithOneHugeTextImportInASmallHeapAndBundle() throws Exception {
        long size = 32L << 20;
        Path signal = Files.createDirectories(dir.resolve("Sam")).resolve("chat.md");
        write(signal, "[2024-01-02 10:11:12] Sam: ", size, "\n[2024-01-02 10:12:00] Sam: after it\n");
        Path csv = dir.resolve("texts.csv");
        write(csv, "time,sender,text\n2024-03-01 21:15,Sam,\"", size, "\"\n2024-03-01 21:16,Sam,after it\n");
        Path eml = dir.resolve("long.eml");
        write(eml, "From: Sam <sam@example.org>\nSubject: long\nDate: Tue, 13 Feb 2024 10:00:00 +0000\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n", size, "\n");
        Path json = dir.resolve("result.json");
        write(json, "{\"messages\": [\n{\"type\": \"message\", \"date_unixtime\": \"1544006350\", \"from\": "
                + "\"Sam\", \"text\": \"", size, "\"},\n{\"type\": \"message\", \"date_unixtime\": \"1544006964\", "
                + "\"from\": \"Sam\", \"text\": \"after it\"}\n]}\n");

        Path sms = dir.resolve("sms-long.xml");
        write(sms, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"2\">\n<sms address="
                + "\"+15550001111\" date=\"1700000000000\" type=\"1\" body=\"", size, "\" />\n<sms address=\"+15550001111\""
                + " date=\"1700000000001\" type=\"1\" body=\"after it\" />\n</smses>\n");

        Path vault = dir.resolve("v.casebook");
        assertEquals(0, run("init", "--vault", vault.toString()).exit);
        String caseId = run("case", "add", "--vault", vault.toString(), "--title", "Huge", "--timezone", "UTC").out.strip();
        String mailCase = run("case", "add", "--vault", vault.toString(), "--title", "Mail", "--timezone", "UTC")
                .out.strip();
        for (Path file : List.of(signal, csv, eml, json, sms)) {
            Run imported = run("import", "--vault", vault.toString(), "--case", file == eml ? mailCase : caseId,
                    "--json", file.toString());
            assertEquals(0, imported.exit, file.getFileName() + ": " + imported);
            assertTrue(imported.out.contains("longer than"), file.getFileName() + ": " + imported.out.substring(0,
                    Math.min(2000, imported.out.length())));
            Files.delete(file); // the vault has it now; the disk need not hold it twice
        }
        Path pdf = dir.resolve("bundle.pdf");
        Run bundle = run("bundle", "--vault", vault.toString(), "--case", caseId, "--out", pdf.toString());
        assertEquals(0, bundle.exit, bundle.toString());
        Run verified = run("verify-bundle", pdf.toString());
        assertEquals(0, verified.exit, verified.toString());
    }

    private static void write(Path file, String before, long bytes, String after) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            repeat(out, "стена текста ", bytes);
            out.write(after.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void repeat(OutputStream out, String piece, long bytes) throws IOException {
        byte[] unit = piece.getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[unit.length * 4096];
        for (int i = 0; i < 4096; i++) {
            System.arraycopy(unit, 0, block, i * unit.length, unit.length);
        }
        for (long done = 0; done < bytes; done += block.length) {
            out.write(block);
        }
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    /** The real command line in a child JVM with a 96 MB heap. */
    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("CASEBOOK_PASSPHRASE", PASSPHRASE);
        Path err = dir.resolve("child-err.txt");
        pb.redirectError(err.toFile());
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(240, TimeUnit.SECONDS), "the child JVM did not finish");
        return new Run(child.exitValue(), out, Files.readString(err));
    }
}
