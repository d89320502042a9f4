package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.TimelineService;
import org.casebook.model.Case;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call keeps its length whatever app it came from: the timeline shows it in words and as the call's end, a
 * missed call is marked missed, and media the export left out is marked as not exported in every format.
 */
class CallsAcrossFormatsTest {
    @TempDir
    Path dir;
    private Vault vault;
    private Case aCase;

    @BeforeEach
    void setUp() {
        vault = TestVaults.create(dir, "v.casebook");
        aCase = new CaseService(vault).add("Calls", "CA", ZoneId.of("UTC"));
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private List<TimelineItem> importAll(Path file) {
        new ImportService(vault, Importers.standard()).importFile(aCase.id(), file, ImportOptions.defaults(),
                Progress.NONE);
        return new TimelineService(vault).timeline(aCase.id());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static void assertCall(TimelineItem call, String text, Long seconds, boolean missed) {
        assertEquals(ItemKind.CALL, call.kind(), call::toString);
        assertEquals(text, call.text().strip(), "as the export words it (Signal ends lines with spaces)");
        if (seconds == null) {
            assertNull(call.when().end(), call::toString);
        } else {
            assertEquals(Duration.ofSeconds(seconds), Duration.between(call.when().at(), call.when().end()));
        }
        assertEquals(missed, call.flags() != null && call.flags().contains("missed"), call::toString);
    }

    @Test
    void telegramCallsKeepTheirLengthAndHowTheyEnded() throws Exception {
        List<TimelineItem> items = importAll(write("result.json", """
                {"name": "Sam", "type": "personal_chat", "id": 42, "messages": [
                 {"id": 1, "type": "service", "date": "2023-05-01T10:00:00", "date_unixtime": "1682935200",
                  "actor": "Sam", "actor_id": "user99", "action": "phone_call", "duration_seconds": 125,
                  "discard_reason": "hangup", "text": "", "text_entities": []},
                 {"id": 2, "type": "service", "date": "2023-05-01T11:00:00", "date_unixtime": "1682938800",
                  "actor": "Sam", "actor_id": "user99", "action": "phone_call", "discard_reason": "missed",
                  "text": "", "text_entities": []},
                 {"id": 3, "type": "service", "date": "2023-05-01T12:00:00", "date_unixtime": "1682942400",
                  "actor": "Sam", "actor_id": "user99", "action": "phone_call", "discard_reason": "busy",
                  "text": "", "text_entities": []},
                 {"id": 4, "type": "message", "date": "2023-05-01T13:00:00", "date_unixtime": "1682946000",
                  "from": "Sam", "from_id": "user99", "photo": "(File not included. Change data exporting settings to download.)",
                  "text": "", "text_entities": []}
                ]}
                """));
        assertCall(items.get(0), "Call, 2 min 5 s", 125L, false);
        assertCall(items.get(1), "Missed call", null, true);
        assertCall(items.get(2), "Call not answered (busy)", null, false);
        assertTrue(items.get(3).flags().contains("omitted"), items.get(3)::toString);
    }

    @Test
    void discordCallsKeepTheirLength() throws Exception {
        List<TimelineItem> items = importAll(write("Direct Messages - sam [555].json", """
                {"guild": {"id": "0", "name": "Direct Messages"},
                 "channel": {"id": "555", "type": "DirectTextChat", "name": "sam"},
                 "messages": [
                  {"id": "1", "type": "Call", "timestamp": "2024-02-10T23:00:00.000+00:00",
                   "callEndedTimestamp": "2024-02-10T23:07:30.000+00:00", "content": "Started a call that lasted 8 minutes.",
                   "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam"}, "attachments": []},
                  {"id": "2", "type": "Call", "timestamp": "2024-02-11T23:00:00.000+00:00",
                   "callEndedTimestamp": null, "content": "",
                   "author": {"id": "77", "name": "sam", "discriminator": "0000", "nickname": "Sam"}, "attachments": []}
                 ]}
                """));
        assertCall(items.get(0), "Started a call that lasted 8 minutes.", 450L, false);
        assertCall(items.get(1), "Call", null, false);
    }

    @Test
    void signalCallsAreCallsAndUnexportedMediaIsMarked() throws Exception {
        List<TimelineItem> items = importAll(write("Sam/chat.md", """
                [2024-01-02 10:11:12] Sam: Incoming voice call (accepted, 2m 5s)  \s
                [2024-01-02 11:00:00] Sam: Missed video call  \s
                [2024-01-02 12:00:00] Me: Outgoing voice call (declined)  \s
                [2024-01-02 13:00:00] Sam: (media not exported)  \s
                [2024-01-02 14:00:00] Sam: see the call log  \s
                """));
        assertCall(items.get(0), "Incoming voice call (accepted, 2m 5s)", 125L, false);
        assertCall(items.get(1), "Missed video call", null, true);
        assertCall(items.get(2), "Outgoing voice call (declined)", null, true);
        assertTrue(items.get(3).flags().contains("omitted"), items.get(3)::toString);
        assertEquals(ItemKind.MESSAGE, items.get(4).kind());
    }

    @Test
    void messengerMediaLeftOutOfTheDownloadIsMarkedAsNotExported() throws Exception {
        List<TimelineItem> items = importAll(write("facebook-me/messages/inbox/sam_1/message_1.json", """
                {"participants": [{"name": "Sam"}, {"name": "Me"}],
                 "messages": [
                  {"sender_name": "Sam", "timestamp_ms": 1700000100000,
                   "photos": [{"uri": "messages/inbox/sam_1/photos/gone.jpg", "creation_timestamp": 1700000099}]},
                  {"sender_name": "Sam", "timestamp_ms": 1700000000000, "content": "The call ended.", "call_duration": 95}
                 ],
                 "title": "Sam", "thread_path": "inbox/sam_1"}
                """));
        assertCall(items.get(0), "The call ended.", 95L, false);
        assertTrue(items.get(1).flags().contains("omitted"), items.get(1)::toString);
    }
}
