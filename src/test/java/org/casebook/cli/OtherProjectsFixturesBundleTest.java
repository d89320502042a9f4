package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other projects' Messenger, Instagram and call-log test files (see each fixture folder's README) taken the whole
 * way through the command line: imported into one encrypted vault, read back in the timeline as their projects
 * read them, bundled, and the bundle passes check-bundle and verify-bundle.
 */
class OtherProjectsFixturesBundleTest {
    @TempDir
    Path dir;

    private static JsonNode json(String line) {
        return new Result(0, line, "").json().get(0);
    }

    @Test
    void messengerInstagramAndCallsImportBundleAndVerify() {
        String vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        String caseId = ok(cli("case", "add", "--vault", vault, "--title", "Fixtures", "--timezone", "Europe/London"));

        JsonNode langchain = importJson(vault, caseId, Fixtures.file("messenger", "langchain_facebook_chat.json"));
        assertEquals("facebook", langchain.get("format").asText());
        assertEquals(11, langchain.get("added").asLong());
        assertEquals(1, langchain.get("missing_attachments").asLong(), "url_of_some_picture.jpg is not in the export");

        JsonNode e2ee = importJson(vault, caseId, Fixtures.file("messenger", "sinex_e2ee_mixed_thread.json"));
        assertEquals(5, e2ee.get("added").asLong());

        JsonNode instagram = importJson(vault, caseId, Fixtures.file("instagram", "chat-miner_testlog.json"));
        assertEquals("instagram", instagram.get("format").asText());
        assertEquals(13, instagram.get("added").asLong());

        JsonNode calls = importJson(vault, caseId, Fixtures.file("calls", "richlewis007_calls-duplicate.xml"));
        assertEquals("calls", calls.get("format").asText());
        assertEquals(2, calls.get("added").asLong(), "the call written twice is one call");
        assertEquals(1, calls.get("duplicates_in_file").asLong());

        List<JsonNode> timeline = new Result(0, ok(cli("timeline", "--vault", vault, "--case", caseId, "--json")), "")
                .json();
        assertEquals(11 + 5 + 13 + 2, timeline.size());
        List<String> texts = timeline.stream().map(n -> n.path("text").asText()).toList();
        assertTrue(texts.contains("Testing username with emoji: J❤️hn Doe"), "Instagram's mojibake repaired in the vault");
        assertTrue(texts.contains("nice photo!\nReactions: ❤ Alice"), "the E2EE reaction kept");
        assertTrue(texts.contains("Bye!"), texts::toString);
        assertFalse(texts.stream().anyMatch(t -> t.contains("Ã") || t.contains("ð\u009f")), texts::toString);

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString()));
        Result checked = cli("check-bundle", pdf.toString());
        assertEquals(0, checked.exit(), checked::toString);
        Result verified = cli("verify-bundle", pdf.toString());
        assertEquals(0, verified.exit(), verified::toString);
        for (String original : List.of("langchain_facebook_chat.json", "sinex_e2ee_mixed_thread.json",
                "chat-miner_testlog.json", "richlewis007_calls-duplicate.xml")) {
            assertTrue(verified.lines().stream().anyMatch(l -> l.startsWith("MATCH") && l.contains(" " + original + " ")),
                    original + ": " + verified);
        }
        assertTrue(verified.out().matches("(?s).*\\n(\\d+) exhibits: \\1 match .*"), verified::toString);
    }

    private static JsonNode importJson(String vault, String caseId, Path file) {
        return json(ok(cli("import", "--vault", vault, "--case", caseId, "--json", file.toString())));
    }
}
