package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.casebook.evidence.Continuity;
import org.casebook.evidence.ExportMade;
import org.casebook.testsupport.Fixtures;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuity page prints, beside what the witness recorded, when each export says it was made, read from
 * the file itself at import: an SMS backup's backup_date, the newest file time in a WhatsApp zip, a Discord
 * export's exportedAt. A file that says nothing (a CSV) gets no such sentence.
 */
class ExportSaysContinuityTest {
    @TempDir
    Path dir;

    @Test
    void anSmsBackupsDateAndAWhatsAppZipsNewestFileTimeArePrintedBesideTheWitnesssRecord() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        String caseId = caseWithAnSmsBackup(v);
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "whatsapp",
                Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip").toString()));
        Path texts = dir.resolve("texts.csv");
        Files.writeString(texts, "time,sender,number,text\n2024-03-07 21:15,Sam,+44 7700 900123,Where are you\n");
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "csv", texts.toString()));

        try (Vault vault = Vault.open(Path.of(v), org.casebook.vault.Passphrase.of(CliTestSupport.PASSPHRASE))) {
            java.util.List<ExportMade> said = new Continuity(vault).forCase(Long.parseLong(caseId)).values().stream()
                    .map(Continuity.Record::exportSays).filter(java.util.Objects::nonNull).toList();
            assertEquals(2, said.size(), "the backup and the zip say when they were made; the CSV does not: " + said);
            assertTrue(said.stream().anyMatch(m -> m.at().equals(Instant.ofEpochMilli(1721556032311L))), said::toString);
            // _chat.txt carries a UTC time (the extended-timestamp field): taken as it is, not as local time
            assertTrue(said.stream().anyMatch(m -> m.at().equals(Instant.parse("2024-10-26T00:05:24Z"))
                    && m.basis().contains("_chat.txt") && !m.basis().contains("without a zone")), said::toString);
        }

        String page = continuityPage(v, caseId);
        assertTrue(page.contains("Not recorded by the witness. The file itself says it was made Sun 21 Jul 2024, 11:00"
                + " BST (the backup_date the app wrote into sms-backup-reader-2_sample_small.xml)."), page);
        assertTrue(page.contains("The file itself says it was made Sat 26 Oct 2024, 01:05 BST (the time of the newest"
                + " file in the zip, _chat.txt)."), page);
        assertEquals(5, page.split("Not recorded\\.", -1).length - 1, "the CSV says nothing of when it was made,"
                + " nor do the four files sent in the chat: " + page);

        String message = new CliTestSupport.Result(0, ok(cli("timeline", "--vault", v, "--case", caseId, "--json")),
                "").json().get(0).get("id").asText();
        ok(cli("continuity", "--vault", v, "--item", message, "--exported-by", "Alex Example"));
        assertTrue(continuityPage(v, caseId).contains("By Alex Example. The file itself says it was made"),
                "the witness's record first, then the file's own word");
    }

    @Test
    void anSmsBackupHoldingFourConversationsHasOneRowNamingEachOfItsExhibits() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        String caseId = caseWithAnSmsBackup(v);
        String page = continuityPage(v, caseId);
        assertEquals(1, page.split("backup_date the app wrote", -1).length - 1, "one row for the one backup: " + page);
        String column = continuityColumn(v, caseId, 0, 52);
        java.util.regex.Matcher marks = java.util.regex.Pattern.compile("JS/\\d+(, JS/\\d+)*").matcher(column);
        assertTrue(marks.find(), column);
        assertEquals("JS/1, JS/2, JS/3, JS/4", marks.group(), "the backup's row names each conversation's exhibit");
        assertFalse(marks.find(), "and no other row: " + column);
    }

    private String continuityPage(String v, String caseId) throws Exception {
        return continuityColumn(v, caseId, 170, 218);
    }

    /** The text of one column of the continuity page's table (the table starts in the 56 pt margin). */
    private String continuityColumn(String v, String caseId, float x, float width) throws Exception {
        Path pdf = dir.resolve("bundle-" + System.nanoTime() + ".pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--profile", "police"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int page = -1;
            for (PDOutlineItem item : d.getDocumentCatalog().getDocumentOutline().children()) {
                if (item.getTitle().startsWith("Continuity of the exhibits")) {
                    page = d.getPages().indexOf(item.findDestinationPage(d)) + 1;
                }
            }
            assertTrue(page > 0, "a bookmark for the page");
            org.apache.pdfbox.text.PDFTextStripperByArea area = new org.apache.pdfbox.text.PDFTextStripperByArea();
            area.addRegion("record", new java.awt.geom.Rectangle2D.Float(56 + x, 0, width, 842));
            area.extractRegions(d.getPage(page - 1));
            return area.getTextForRegion("record").replaceAll("\\s+", " ").replace("- ", "-");
        }
    }

    /** A new vault at {@code v} with one case (JS, Europe/London) holding the small SMS backup; its id. */
    private static String caseWithAnSmsBackup(String v) {
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional exports", "--initials", "JS",
                "--timezone", "Europe/London"));
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "sms",
                Fixtures.file("sms-backup-restore", "sms-backup-reader-2_sample_small.xml").toString()));
        return caseId;
    }
}
