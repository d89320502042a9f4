package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code casebook import} on exports that once read differently in a dry run and a real import, or counted one
 * record twice: the dry run and the import agree, a broken attachment is kept as unreadable, and a record the
 * export holds twice is imported once and reported.
 */
class ImportReadingsCommandTest {
    @TempDir
    Path dir;
    private String vault;
    private String caseId;

    @BeforeEach
    void setUp() {
        vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        caseId = ok(cli("case", "add", "--vault", vault, "--title", "Readings", "--timezone", "Europe/London"));
    }

    private JsonNode importJson(Path file, String... more) {
        String[] args = new String[] {"import", "--vault", vault, "--case", caseId, "--json"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        all = java.util.Arrays.copyOf(all, all.length + 1);
        all[all.length - 1] = file.toString();
        return new Result(0, ok(cli(all)), "").json().get(0);
    }

    private List<JsonNode> timeline() {
        return new Result(0, ok(cli("timeline", "--vault", vault, "--case", caseId, "--json")), "").json();
    }

    private static final String BROKEN_MMS = """
            <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
            <smses count="3">
            <sms protocol="0" address="+447700900123" date="1700000000000" type="1" body="before" read="1" status="-1" />
            <mms date="1700000060000" msg_box="1" address="+447700900123" m_type="132">
              <parts>
                <part seq="0" ct="image/jpeg" name="photo.jpg" cl="photo.jpg" data="!!!not*base64" />
                <part seq="1" ct="text/plain" text="with a picture" />
              </parts>
              <addrs><addr address="+447700900123" type="137" charset="106" /></addrs>
            </mms>
            <sms protocol="0" address="+447700900123" date="1700000120000" type="1" body="after" read="1" status="-1" />
            </smses>
            """;

    @Test
    void anMmsPartWithInvalidBase64ImportsAsTheDryRunSaidKeptAsUnreadable() throws Exception {
        Path file = Files.writeString(dir.resolve("sms-20231114.xml"), BROKEN_MMS);
        JsonNode dry = importJson(file, "--dry-run");
        JsonNode real = importJson(file);
        assertEquals(3, real.get("messages").asLong());
        assertEquals(3, real.get("added").asLong(), "the messages around the broken part import");
        for (JsonNode s : List.of(dry, real)) {
            assertTrue(s.get("warnings").toString().contains("photo.jpg"), s::toString);
            assertTrue(s.get("warnings").toString().contains("not base64"), s::toString);
        }
        assertEquals(dry.get("warnings"), real.get("warnings"), "the dry run reads the same way as the import");
        List<JsonNode> items = timeline();
        assertEquals(List.of("before", "with a picture", "after"),
                items.stream().map(i -> i.get("text").asText()).toList(), "no attachment item for the broken part");

        Result verify = cli("verify", "--vault", vault);
        assertEquals(0, verify.exit(), verify::toString);
    }

    private static final String CALLS_TWICE = """
            <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
            <calls count="3">
              <call number="+447700900123" duration="125" date="1700000000000" type="1" presentation="1" contact_name="Sam" />
              <call number="+447700900123" duration="125" date="1700000000000" type="1" presentation="1" contact_name="Sam" />
              <call number="+447700900123" duration="0" date="1700000600000" type="3" presentation="1" contact_name="Sam" />
            </calls>
            """;

    @Test
    void theSameCallTwiceInOneBackupCountsOnceAndIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("calls-20231114.xml"), CALLS_TWICE);
        JsonNode dry = importJson(file, "--dry-run");
        assertEquals(2, dry.get("calls").asLong());
        assertEquals(1, dry.get("duplicates_in_file").asLong());
        JsonNode s = importJson(file);
        assertEquals(2, s.get("calls").asLong());
        assertEquals(2, s.get("added").asLong());
        assertEquals(1, s.get("duplicates_in_file").asLong());
        assertEquals(0, s.get("duplicates").asLong(), "the field for what the case already held keeps its meaning");
        assertEquals(2, timeline().size());

        Result text = cli("import", "--vault", vault, "--case", caseId, "--dry-run", file.toString());
        assertTrue(text.out().contains("1 record appears twice in the file and counts once"), text::toString);
    }

    private static final String DISCORD_TWICE = """
            {
              "guild": {"id": "0", "name": "Direct Messages", "iconUrl": ""},
              "channel": {"id": "555", "type": "DirectTextChat", "categoryId": null, "category": null, "name": "sam", "topic": null},
              "dateRange": {"after": null, "before": null},
              "exportedAt": "2024-01-02T10:00:00.000+00:00",
              "messages": [
                {"id": "1001", "type": "Default", "timestamp": "2024-01-01T09:00:00.000+00:00", "timestampEdited": null,
                 "callEndedTimestamp": null, "isPinned": false, "content": "answer me",
                 "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam", "isBot": false},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []},
                {"id": "1001", "type": "Default", "timestamp": "2024-01-01T09:00:00.000+00:00", "timestampEdited": null,
                 "callEndedTimestamp": null, "isPinned": false, "content": "answer me",
                 "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam", "isBot": false},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []},
                {"id": "1002", "type": "Default", "timestamp": "2024-01-01T09:00:00.000+00:00", "timestampEdited": null,
                 "callEndedTimestamp": null, "isPinned": false, "content": "answer me",
                 "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam", "isBot": false},
                 "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []}
              ],
              "messageCount": 3
            }
            """;

    @Test
    void theSameDiscordMessageIdTwiceCountsOnceButTwoMessagesWithTheSameTextStayTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("Direct Messages - sam [555].json"), DISCORD_TWICE);
        JsonNode s = importJson(file);
        assertEquals(2, s.get("messages").asLong(), "1001 twice is one message; 1002 is another with the same words");
        assertEquals(1, s.get("duplicates_in_file").asLong());
        assertEquals(2, s.get("added").asLong());
    }
}
