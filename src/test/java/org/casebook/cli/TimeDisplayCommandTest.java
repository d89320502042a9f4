package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times a reader cannot take at face value, end to end on a real vault and real bundles: the hour the clocks go
 * back (happens twice), the hour they go forward (never happens), and a day written without a time.
 */
class TimeDisplayCommandTest {
    @TempDir
    Path dir;

    private String vault;

    private String newCase() {
        vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        return ok(cli("case", "add", "--vault", vault, "--title", "Fictional case", "--initials", "SE",
                "--timezone", "Europe/London"));
    }

    private static JsonNode byText(List<JsonNode> items, String text) {
        return items.stream().filter(i -> i.get("text").asText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + text + " in " + items));
    }

    private String bundleText(String caseId) throws IOException {
        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** The transcript line heading the message whose text is on the next line. */
    private static String headerOf(String text, String message) {
        List<String> lines = text.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(message)) {
                return lines.get(i - 1);
            }
        }
        throw new AssertionError("no transcript line " + message + " in:\n" + text);
    }

    @Test
    void clockChangeTimesShowTheirOffsetKeepTheExportOrderAndAreMarked() throws IOException {
        String caseId = newCase();
        // 31 March 2024: London's clocks jump from 01:00 to 02:00; 27 October 2024: from 02:00 BST back to 01:00 GMT
        Path chat = Files.writeString(dir.resolve("WhatsApp Chat with Daniel Reeves.txt"), """
                31/03/2024, 01:30 - Daniel Reeves: in the skipped hour
                31/03/2024, 02:10 - Daniel Reeves: after the jump
                27/10/2024, 01:30 - Daniel Reeves: first half past one
                27/10/2024, 01:50 - Daniel Reeves: still summer time
                27/10/2024, 01:10 - Daniel Reeves: after the clocks went back
                27/10/2024, 01:30 - Daniel Reeves: second half past one
                """);
        Result imported = cli("import", "--vault", vault, "--case", caseId, chat.toString());
        assertEquals(0, imported.exit(), imported::toString);

        List<JsonNode> items = cli("timeline", "--vault", vault, "--case", caseId, "--json").json();
        assertEquals(List.of("in the skipped hour", "after the jump", "first half past one", "still summer time",
                        "after the clocks went back", "second half past one"),
                items.stream().map(i -> i.get("text").asText()).toList(), "the export's own order");
        assertEquals("2024-10-27T01:30:00+01:00", byText(items, "first half past one").get("at").asText());
        assertEquals("2024-10-27T01:10:00+00:00", byText(items, "after the clocks went back").get("at").asText());
        assertEquals("2024-10-27T01:30:00+00:00", byText(items, "second half past one").get("at").asText());
        JsonNode skipped = byText(items, "in the skipped hour");
        assertEquals("2024-03-31T01:30", skipped.get("written").asText(), skipped::toString);
        assertEquals("skipped", skipped.get("clock_change").asText(), skipped::toString);

        String table = ok(cli("timeline", "--vault", vault, "--case", caseId));
        assertTrue(table.lines().anyMatch(l -> l.contains("01:30 BST") && l.contains("first half past one")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("01:30 GMT") && l.contains("second half past one")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("01:30") && l.contains("in the skipped hour")
                && l.contains("no such time")), table);

        String text = bundleText(caseId);
        String first = headerOf(text, "first half past one");
        String second = headerOf(text, "second half past one");
        assertTrue(first.contains("01:30 BST") && first.contains("clock change"), first);
        assertTrue(second.contains("01:30 GMT") && second.contains("clock change"), second);
        String gap = headerOf(text, "in the skipped hour");
        assertTrue(gap.contains("01:30") && gap.contains("no such time"), gap);
        assertFalse(headerOf(text, "after the jump").contains("clock change"), "a time the zone showed once");
    }

    @Test
    void aDayWithoutATimeIsMarkedApproximateAndLeftOutOfTheHourOfDay() throws IOException {
        String caseId = newCase();
        ok(cli("incident", "add", "--vault", vault, "--case", caseId, "--at", "2024-03-12", "--type", "following",
                "--description", "Followed me home, some time that day"));
        ok(cli("incident", "add", "--vault", vault, "--case", caseId, "--at", "2024-03-13T21:15", "--type", "threat",
                "--description", "Note through the door"));

        JsonNode s = new Result(0, ok(cli("summary", "--vault", vault, "--case", caseId, "--json")), "").json().get(0);
        long hours = 0;
        for (JsonNode h : s.get("by_hour")) {
            hours += h.asLong();
        }
        assertEquals(1, hours, "only the entry with a real time: " + s.get("by_hour"));
        assertEquals(0, s.get("by_hour").get(12).asLong(), "not counted at midday");
        assertEquals(1, s.get("by_hour_left_out").asLong(), s::toString);
        assertTrue(ok(cli("summary", "--vault", vault, "--case", caseId)).contains("1 with no exact time left out"));

        String table = ok(cli("timeline", "--vault", vault, "--case", caseId));
        assertTrue(table.lines().anyMatch(l -> l.contains("Followed me home") && l.contains("~2024-03-12")), table);

        String text = bundleText(caseId);
        // the chronology's date cell wraps: "Tue 12 Mar 2024," / "about 12:00 GMT" / "(time approximate)"
        List<String> lines = text.lines().map(String::strip).toList();
        int about = lines.indexOf("about 12:00 GMT");
        assertTrue(about > 0 && lines.get(about - 1).startsWith("Tue 12 Mar 2024, Following")
                && lines.get(about + 1).equals("(time approximate)"), "the chronology says the time is not exact:\n"
                + text);
        assertFalse(text.contains("12 Mar 2024, 12:00"), "never as if it were at midday:\n" + text);
        assertTrue(text.replaceAll("\\s+", " ").contains("1 contact with no exact time"), "the summary page says what the hours leave out:\n" + text);
    }
}
