package org.casebook.imports.discord;

import static org.casebook.imports.json.JsonImportTesting.read;
import static org.casebook.imports.json.JsonImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.casebook.imports.AttachmentRef;
import org.casebook.imports.DateOrder;
import org.casebook.imports.ExportFile;
import org.casebook.imports.ImportContext;
import org.casebook.imports.ImportFormat;
import org.casebook.imports.ImportedMessage;
import org.casebook.imports.ImportedMessage.Kind;
import org.casebook.imports.Importers;
import org.casebook.imports.json.JsonImportTesting.Result;
import org.casebook.vault.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DiscordChatExporter's three machine-readable outputs, as its writers lay them out (JsonMessageWriter,
 * CsvMessageWriter, PlainTextMessageWriter): who wrote a message is the name shown in the channel (the
 * nickname) with the account beside it, every attachment listed is kept, and the CSV and plain-text exports are
 * read too and found by {@code casebook import} without {@code --format}.
 */
class DiscordExportsTest {
    @TempDir
    Path dir;

    private final DiscordImporter importer = new DiscordImporter();

    private static final String JSON = """
            {"guild": {"id": "0", "name": "Direct Messages"},
             "channel": {"id": "555", "type": "DirectTextChat", "name": "sam"},
             "messages": [
              {"id": "1", "type": "Default", "timestamp": "2024-02-10T21:15:03.123+00:00", "content": "look at this",
               "author": {"id": "77", "name": "sam_the_account", "discriminator": "0000", "nickname": "Sam"},
               "attachments": [
                 {"id": "11", "url": "https://cdn.discordapp.com/attachments/1/2/house.png?ex=65&is=66", "fileName": "house.png", "fileSizeBytes": 10}]},
              {"id": "2", "type": "Default", "timestamp": "2024-02-10T21:16:00.000+00:00", "content": "",
               "author": {"id": "78", "name": "Oldtimer", "discriminator": "4821", "nickname": "Oldtimer"},
               "attachments": [],
               "forwardedMessage": {"content": "", "timestamp": "2024-02-09T10:00:00.000+00:00",
                 "attachments": [{"id": "12", "url": "https://cdn.discordapp.com/attachments/1/3/car.jpg", "fileName": "car.jpg", "fileSizeBytes": 5}]}}
             ]}
            """;

    @Test
    void theNicknameIsTheSenderWithTheAccountBesideItAndEveryAttachmentIsKept() throws Exception {
        Result r = read(importer, write(dir.resolve("Direct Messages - sam [555].json"), JSON));
        assertEquals("Sam", r.get(0).senderName());
        assertEquals("sam_the_account", r.get(0).senderAddress());
        assertEquals("Oldtimer", r.get(1).senderName(), "no nickname: the name the channel showed");
        assertEquals("Oldtimer#4821", r.get(1).senderAddress());
        assertEquals(List.of("house.png"), r.get(0).attachments().stream().map(AttachmentRef::name).toList());
        assertNull(r.get(0).attachments().get(0).path(), "a link to Discord's servers is never fetched");
        assertEquals(List.of("car.jpg"), r.get(1).attachments().stream().map(AttachmentRef::name).toList(),
                "a forwarded message's attachment");
    }

    private static final String CSV = """
            "AuthorID","Author","Date","Content","Attachments","Reactions"
            "77","sam_the_account","2024-02-10T21:15:03.1230000+00:00","look at this","https://cdn.discordapp.com/attachments/1/2/house.png,https://cdn.discordapp.com/attachments/1/2/door.jpg","😡 (1)"
            "78","Oldtimer#4821","2024-02-10T21:16:00.0000000+00:00","line one
            line two",""," "
            """;

    @Test
    void theCsvExportIsReadWithItsAttachments() throws Exception {
        Path file = write(dir.resolve("Direct Messages - sam [555].csv"), CSV);
        assertEquals(ImportFormat.DISCORD, detect(file));
        Result r = read(importer, file);
        assertEquals(2, r.size());
        ImportedMessage first = r.get(0);
        assertEquals("Discord", first.channel());
        assertEquals("sam_the_account", first.senderName());
        assertEquals("sam_the_account", first.senderAddress());
        assertEquals("look at this", first.raw());
        assertEquals(java.time.Instant.parse("2024-02-10T21:15:03.123Z"), first.time().instant());
        assertEquals(List.of("house.png", "door.jpg"), first.attachments().stream().map(AttachmentRef::name).toList());
        assertEquals("line one\nline two", r.get(1).raw());
        assertEquals("Oldtimer#4821", r.get(1).senderName());
    }

    private static final String TXT = """
            ==============================================================
            Guild: Direct Messages
            Channel: sam
            ==============================================================

            [2/10/2024 9:15 PM] sam_the_account
            look at this
            and this

            {Attachments}
            https://cdn.discordapp.com/attachments/1/2/house.png

            {Reactions}
            😡 (2)

            [2/13/2024 8:02 AM] Oldtimer#4821 (pinned)
            Started a call that lasted 12 minutes.


            [2/13/2024 8:30 AM] sam_the_account
            [2/10/2024 9:15 PM] is when I wrote


            ==============================================================
            Exported 3 message(s)
            ==============================================================
            """;

    @Test
    void thePlainTextExportIsReadAndDetected() throws Exception {
        Path file = write(dir.resolve("Direct Messages - sam [555].txt"), TXT);
        assertEquals(ImportFormat.DISCORD, detect(file));
        Result r = read(importer, file);
        assertEquals(3, r.size(), r.messages().toString());
        ImportedMessage first = r.get(0);
        assertEquals("sam_the_account", first.senderName());
        assertEquals(LocalDateTime.of(2024, 2, 10, 21, 15), first.time().local(),
                "13/02 only fits month first, so 2/10 is 10 February");
        assertEquals("look at this\nand this", first.raw());
        assertEquals(List.of("house.png"), first.attachments().stream().map(AttachmentRef::name).toList());
        assertEquals("555", first.conversation(), "the channel id in the file name, as the JSON export's");
        assertEquals("sam", first.conversationTitle());
        ImportedMessage call = r.get(1);
        assertEquals(Kind.CALL, call.kind());
        assertEquals(720L, call.durationSeconds());
        assertEquals("Oldtimer#4821", call.senderName());
        assertEquals("[2/10/2024 9:15 PM] is when I wrote", r.get(2).raw(), "a quoted header inside a message");
    }

    @Test
    void plainTextDatesThatFitBothReadingsAreAskedAbout() throws Exception {
        String ambiguous = TXT.replace("2/13/2024", "2/11/2024");
        Path file = write(dir.resolve("sam.txt"), ambiguous);
        List<ImportedMessage> dmy = readWith(file, DateOrder.DMY);
        assertEquals(LocalDateTime.of(2024, 10, 2, 21, 15), dmy.get(0).time().local());
        org.junit.jupiter.api.Assertions.assertThrows(org.casebook.imports.AmbiguousDateOrderException.class,
                () -> readWith(file, null));
    }

    private List<ImportedMessage> readWith(Path file, DateOrder order) throws Exception {
        List<ImportedMessage> out = new java.util.ArrayList<>();
        try (ExportFile export = ExportFile.open(file)) {
            importer.read(export, new ImportContext(order, Progress.NONE), out::add);
        }
        return out;
    }

    private static ImportFormat detect(Path file) {
        try (ExportFile export = ExportFile.open(file)) {
            return Importers.standard().detect(export).format();
        }
    }

    @Test
    void theJsonTimestampsOfTheGuiExportWithSevenDigitFractionsRead() throws Exception {
        Result r = read(importer, write(dir.resolve("x.json"), JSON.replace("21:15:03.123+00:00", "21:15:03.1230000+00:00")));
        assertTrue(r.get(0).time().instant().toString().startsWith("2024-02-10T21:15:03.123"));
    }
}
