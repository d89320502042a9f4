package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.evidence.ExportMade;
import org.casebook.imports.discord.DiscordImporter;
import org.casebook.imports.sms.SmsImporter;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an export says of when it was made, read by the importers and from a zip's file times. */
class ExportMadeTest {
    @TempDir
    Path dir;

    @Test
    void aDiscordExportsExportedAtIsTheMomentItNames() throws Exception {
        Path file = Files.writeString(dir.resolve("general.json"), """
                {"guild": {"id": "1", "name": "G"}, "channel": {"id": "2", "name": "general"},
                 "exportedAt": "2024-03-01T12:00:00.0000000+01:00", "messages": []}""");
        ImportContext context = read(new DiscordImporter(), file);
        ExportMade made = context.exportMade().orElseThrow();
        assertEquals(Instant.parse("2024-03-01T11:00:00Z"), made.at());
        assertTrue(made.basis().contains("exportedAt"), made.basis());
    }

    @Test
    void anSmsBackupDateThatIsNotATimeIsWarnedOfAndNotUsed() throws Exception {
        Path file = Files.writeString(dir.resolve("sms.xml"), """
                <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
                <smses count="1" backup_date="yesterday">
                  <sms protocol="0" address="+447700900123" date="1512226167463" type="1" body="Hi" read="1" />
                </smses>""");
        ImportContext context = read(new SmsImporter(), file);
        assertTrue(context.exportMade().isEmpty());
        assertTrue(context.warnings().stream().anyMatch(w -> w.contains("backup_date \"yesterday\" is not a time")),
                context.warnings()::toString);
    }

    @Test
    void aZipTimeWithoutAZoneIsReadInTheImportsZoneAndSaysSo() throws Exception {
        Path zip = dir.resolve("WhatsApp Chat - Sam.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : new String[] {"IMG-20240401-WA0001.jpg", "_chat.txt"}) {
                ZipEntry e = new ZipEntry(name);
                e.setTimeLocal(name.startsWith("IMG") ? LocalDateTime.of(2024, 4, 1, 9, 0)
                        : LocalDateTime.of(2024, 4, 2, 21, 14, 6));
                z.putNextEntry(e);
                z.write(new byte[] {1});
                z.closeEntry();
            }
        }
        try (SafeZip safe = SafeZip.open(zip)) {
            ExportMade made = safe.newestEntryTime(ZoneId.of("Europe/London")).orElseThrow();
            assertEquals(Instant.parse("2024-04-02T20:14:06Z"), made.at(), "21:14 BST");
            assertTrue(made.basis().contains("_chat.txt") && made.basis().contains("read as Europe/London"),
                    made.basis());
        }
    }

    private static ImportContext read(Importer importer, Path file) throws Exception {
        ImportContext context = new ImportContext(null, Progress.NONE);
        try (ExportFile export = ExportFile.open(file)) {
            importer.read(export, context, new ArrayList<ImportedMessage>()::add);
        }
        return context;
    }
}
