package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course-of-conduct commands end to end on a real vault: summary --json, orders, reports, impact, tags, merge. */
class ConductCommandsTest {
    @TempDir
    Path dir;

    @Test
    void summaryJsonHoldsTheContractFieldsAndTheRecordsMadeFromTheCommandLine() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional case", "--timezone", "Europe/London"));
        String sam = ok(cli("person", "add", "--vault", v, "--case", caseId, "--name", "Sam", "--role", "perpetrator",
                "--phone", "+44 7700 900123"));
        Path texts = dir.resolve("texts.csv");
        Files.writeString(texts, """
                time,sender,number,text
                2024-03-04 21:15,Sam,+44 7700 900123,I saw you at the station
                2024-03-20 21:16,Other,+44 7700 900999,why won't you answer
                2024-03-25 08:00,Me,,Please stop contacting me
                """);
        ok(cli("import", "--vault", v, "--case", caseId, "--format", "csv", texts.toString()));
        String threat = ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-12T22:00",
                "--type", "threat", "--description", "Note through the door"));
        ok(cli("tag", "add", "--vault", v, threat, "threats"));
        ok(cli("tag", "add", "--vault", v, threat, "turning-up-home"));
        assertTrue(ok(cli("tag", "remove", "--vault", v, threat, "turning-up-home")).endsWith("tags: threats"));

        String people = ok(cli("person", "list", "--vault", v, "--case", caseId, "--json"));
        String other = null;
        for (JsonNode p : CliTestSupport.JSON.readerFor(JsonNode.class).<JsonNode>readValues(people).readAll()) {
            if (p.get("name").asText().equals("Other")) {
                other = p.get("id").asText();
            }
        }
        ok(cli("person", "merge", "--vault", v, "--into", sam, other));

        String order = ok(cli("order", "add", "--vault", v, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-10", "--reference", "RO-77", "--condition", "No contact directly or indirectly"));
        JsonNode listed = new Result(0, ok(cli("order", "list", "--vault", v, "--case", caseId, "--json")), "")
                .json().get(0);
        String condition = listed.get("conditions").get(0).get("id").asText();
        assertEquals(2, listed.get("suggested").size(), "the threat and the merged number's message");
        ok(cli("order", "breach", "--vault", v, "--item", threat, "--condition", condition, "--note", "came to the house"));
        String otherMessage = listed.get("suggested").get(0).asText().equals(threat)
                ? listed.get("suggested").get(1).asText() : listed.get("suggested").get(0).asText();
        Result confirmWholeOrder = cli("order", "breach", "--vault", v, "--item", otherMessage, "--order", order);
        assertEquals(1, confirmWholeOrder.exit(), "a breach is confirmed per condition: " + confirmWholeOrder);
        assertTrue(confirmWholeOrder.err().contains("--condition"), confirmWholeOrder.err());
        assertTrue(ok(cli("order", "breach", "--vault", v, "--item", otherMessage, "--order", order, "--dismiss",
                "--note", "about the children")).contains("dismissed as a breach of order " + order));
        assertEquals(0, new Result(0, ok(cli("order", "list", "--vault", v, "--case", caseId, "--json")), "")
                .json().get(0).get("suggested").size(), "neither is suggested now");
        ok(cli("report", "add", "--vault", v, "--case", caseId, "--at", "2024-03-13T10:00", "--to", "police",
                "--reference", "13/999/24", "--incident", threat));
        ok(cli("impact", "add", "--vault", v, "--case", caseId, "--date", "2024-03-14", "--kind", "fear-of-violence",
                "--text", "Afraid to be at home alone", "--item", threat));
        assertTrue(ok(cli("report", "list", "--vault", v, "--case", caseId)).contains("13/999/24"));
        assertTrue(ok(cli("impact", "list", "--vault", v, "--case", caseId)).contains("fear-of-violence"));

        JsonNode s = new Result(0, ok(cli("summary", "--vault", v, "--case", caseId, "--json")), "").json().get(0);
        assertEquals(1, s.get("incidents").asLong());
        assertEquals(2, s.get("messages").asLong(), "Sam's and the merged number's, not the user's own");
        assertEquals(0, s.get("calls").asLong());
        assertEquals("2024-03-04T21:15:00+00:00", s.get("first").asText());
        assertEquals("2024-03-20T21:16:00+00:00", s.get("last").asText());
        assertEquals(1, s.get("by_channel").get("diary").asLong());
        assertEquals(1, s.get("by_type").get("threat").asLong());
        assertEquals(1, s.get("by_tag").get("threats").asLong());
        assertEquals("2024-W10", s.get("per_week").get(0).get("week").asText());
        assertEquals(3, s.get("per_week").size(), "W10, W11 and W12, each listed");
        assertEquals(24, s.get("by_hour").size());
        assertEquals(1, s.get("by_hour").get(22).asLong());
        assertEquals(7, s.get("longest_gap_days").asLong(), "13 to 19 March");
        JsonNode o = s.get("orders").get(0);
        assertEquals(order, o.get("id").asText());
        assertEquals(2, o.get("contacts_during_order").asLong());
        assertEquals(threat, o.get("breaches").get(0).get("item").asText());
        assertEquals(1, s.get("reports").asLong());
        assertEquals("13/999/24", s.get("report_list").get(0).get("reference").asText());
        assertEquals("fear-of-violence", s.get("impacts").get(0).get("kind").asText());
        assertTrue(s.get("escalation").get("method").asText().contains("least-squares"));
        assertTrue(s.get("narrative").get(0).asText().startsWith("Between 4 March 2024 and 20 March 2024"));

        JsonNode week = new Result(0, ok(cli("summary", "--vault", v, "--case", caseId, "--from", "2024-03-25",
                "--to", "2024-04-07", "--json")), "").json().get(0);
        assertEquals("[{\"week\":\"2024-W13\",\"monday\":\"2024-03-25\",\"count\":0,\"severe\":0},"
                + "{\"week\":\"2024-W14\",\"monday\":\"2024-04-01\",\"count\":0,\"severe\":0}]",
                week.get("per_week").toString());
        assertTrue(week.get("first").isNull());
        assertTrue(ok(cli("summary", "--vault", v, "--case", caseId)).contains("Method: "));
        assertEquals(0, cli("verify", "--vault", v).exit());
    }

    @Test
    void badInputExitsTwoNamingTheOption() {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Case"));
        Result badFrom = cli("summary", "--vault", v, "--case", caseId, "--from", "31/03/2024");
        assertEquals(2, badFrom.exit(), badFrom::toString);
        assertTrue(badFrom.err().contains("--from: '31/03/2024' is not a date"), badFrom.err());
        Result backwards = cli("summary", "--vault", v, "--case", caseId, "--from", "2024-04-01", "--to", "2024-03-01");
        assertEquals(2, backwards.exit(), backwards::toString);
        Result kind = cli("order", "add", "--vault", v, "--case", caseId, "--kind", "asbo", "--made", "2024-01-01",
                "--condition", "x");
        assertEquals(2, kind.exit(), kind::toString);
        assertTrue(kind.err().contains("--kind: Unknown order kind 'asbo'"), kind.err());
        Result made = cli("order", "add", "--vault", v, "--case", caseId, "--kind", "injunction", "--made", "soon",
                "--condition", "x");
        assertEquals(2, made.exit());
        assertTrue(made.err().contains("--made"), made.err());
        Result tag = cli("tag", "add", "--vault", v, "1", "nasty");
        assertEquals(2, tag.exit());
        assertTrue(tag.err().contains("Unknown behaviour tag 'nasty'"), tag.err());
        Result impact = cli("impact", "add", "--vault", v, "--case", caseId, "--date", "2024-02-30", "--kind", "health",
                "--text", "x");
        assertEquals(2, impact.exit());
        assertTrue(impact.err().contains("--date"), impact.err());
        assertEquals(1, cli("summary", "--vault", v).exit(), "no --case is a usage error");
        Result wrong = CliTestSupport.run(CliTestSupport.env(Passphrases.ENV, "not it"), CliTestSupport.noTerminal(), "",
                "summary", "--vault", v, "--case", caseId);
        assertEquals(4, wrong.exit());
    }
}
