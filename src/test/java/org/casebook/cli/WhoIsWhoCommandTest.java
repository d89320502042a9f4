package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is who in imported conversations, end to end through the command line on a real vault and real bundles
 * read back with PDFBox: the user's own side ({@code --me}), the perpetrator's numbers in any form, one marking
 * for a merged person everywhere, and attribution shown as attribution.
 */
class WhoIsWhoCommandTest {
    @TempDir
    Path dir;

    private String vault;

    private String newCase() {
        vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        return ok(cli("case", "add", "--vault", vault, "--title", "Fictional case", "--initials", "SE",
                "--timezone", "Europe/London"));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<JsonNode> timeline(String caseId) {
        return cli("timeline", "--vault", vault, "--case", caseId, "--json").json();
    }

    private static JsonNode byText(List<JsonNode> items, String text) {
        return items.stream().filter(i -> i.get("text").asText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + text + " in " + items));
    }

    private JsonNode summary(String caseId) {
        return new Result(0, ok(cli("summary", "--vault", vault, "--case", caseId, "--json")), "").json().get(0);
    }

    private String bundleText(String caseId) throws IOException {
        Path pdf = dir.resolve("bundle-" + System.nanoTime() + ".pdf");
        ok(cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static final String CHAT = """
            14/03/2024, 21:15 - Daniel Reeves: I saw you at the station
            14/03/2024, 21:20 - Sarah: Please stop contacting me.
            15/03/2024, 07:02 - Daniel Reeves: Answer me
            """;

    /** The line of a transcript that heads the message whose text is on the next line. */
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
    void meTellsTheWitnessOwnMessagesFromContactsEverywhere() throws IOException {
        String caseId = newCase();
        Path chat = write("WhatsApp Chat with Daniel Reeves.txt", CHAT);
        ok(cli("import", "--vault", vault, "--case", caseId, "--me", "sarah", chat.toString()));

        JsonNode own = byText(timeline(caseId), "Please stop contacting me.");
        assertEquals("outgoing", own.get("direction").asText(), own::toString);
        assertEquals(2, summary(caseId).get("messages").asLong(), "her own message is not a contact");
        ok(cli("order", "add", "--vault", vault, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-01", "--condition", "No contact"));
        JsonNode order = new Result(0, ok(cli("order", "list", "--vault", vault, "--case", caseId, "--json")), "")
                .json().get(0);
        List<String> suggested = new ArrayList<>();
        order.get("suggested").forEach(s -> suggested.add(s.asText()));
        assertEquals(2, suggested.size(), order::toString);
        assertFalse(suggested.contains(own.get("id").asText()), "her own message is never suggested as a breach");
        String people = ok(cli("person", "list", "--vault", vault, "--case", caseId));
        assertTrue(people.lines().anyMatch(l -> l.contains("witness") && l.contains("Sarah")), people);

        String text = bundleText(caseId);
        String header = headerOf(text, "Please stop contacting me.");
        assertTrue(header.contains("Sarah") && header.contains("sent"), header);
        assertFalse(header.contains("received"), header);

        // a later export of hers is read with what the case now knows: she is the witness
        Path other = write("WhatsApp Chat with Mum.txt", """
                16/03/2024, 10:00 - Sarah: On my way
                16/03/2024, 10:05 - Mum: ok
                """);
        ok(cli("import", "--vault", vault, "--case", caseId, other.toString()));
        assertEquals("outgoing", byText(timeline(caseId), "On my way").get("direction").asText());
        assertEquals(3, summary(caseId).get("messages").asLong(), "Mum's message counts, hers does not");
    }

    @Test
    void meOrPerpetratorNamingNoSenderIsBadInputListingTheSendersFound() throws IOException {
        String caseId = newCase();
        Path chat = write("WhatsApp Chat with Daniel Reeves.txt", CHAT);
        Result me = cli("import", "--vault", vault, "--case", caseId, "--me", "Sara", chat.toString());
        assertEquals(2, me.exit(), me::toString);
        assertTrue(me.err().contains("--me") && me.err().contains("Sara"), me.err());
        assertTrue(me.err().contains("Sarah") && me.err().contains("Daniel Reeves"), me.err());
        assertTrue(me.err().contains("WhatsApp Chat with Daniel Reeves.txt"), me.err());
        assertTrue(timeline(caseId).isEmpty(), "nothing written");

        Path sms = write("sms.xml", smsBackup());
        Result perpetrator = cli("import", "--vault", vault, "--case", caseId, "--perpetrator", "+44 7700 900124",
                "--dry-run", sms.toString());
        assertEquals(2, perpetrator.exit(), perpetrator::toString);
        assertTrue(perpetrator.err().contains("--perpetrator") && perpetrator.err().contains("+44 7700 900124"),
                perpetrator.err());
        assertTrue(perpetrator.err().contains("07700 900123") && perpetrator.err().contains("+44 7700 900999"),
                "the senders as written: " + perpetrator.err());
    }

    private static String smsBackup() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <smses count="3">
                  <sms protocol="0" address="07700 900123" date="1710450900000" type="1" body="I saw you at the station" contact_name="(Unknown)" />
                  <sms protocol="0" address="07700 900123" date="1710486120000" type="1" body="Answer me" contact_name="(Unknown)" />
                  <sms protocol="0" address="+44 7700 900999" date="1710490000000" type="1" body="Dentist reminder" contact_name="Dentist" />
                </smses>
                """;
    }

    @Test
    void aPerpetratorNumberMatchesItsNationalFormAndNamesMatchWithoutCaseSpacesOrAccents() throws IOException {
        String caseId = newCase();
        Path sms = write("sms.xml", smsBackup());
        ok(cli("import", "--vault", vault, "--case", caseId, "--perpetrator", "+44 7700 900123", sms.toString()));
        JsonNode s = summary(caseId);
        assertEquals(2, s.get("messages").asLong(), "the two from 07700 900123, not the dentist's: " + s);

        Path chat = write("WhatsApp Chat with Zoë.txt", """
                20/03/2024, 09:00 - Zoë  Reeves: hello again
                20/03/2024, 09:05 - Sarah: no
                """);
        ok(cli("import", "--vault", vault, "--case", caseId, "--perpetrator", "zoe reeves", "--me", "SARAH",
                chat.toString()));
        String people = ok(cli("person", "list", "--vault", vault, "--case", caseId));
        assertTrue(people.lines().anyMatch(l -> l.contains("perpetrator") && l.contains("Zoë")), people);
        assertEquals(3, summary(caseId).get("messages").asLong());
    }

    @Test
    void aMergedPersonIsThePerpetratorInTheTranscriptAsInTheSummary() throws IOException {
        String caseId = newCase();
        ok(cli("person", "add", "--vault", vault, "--case", caseId, "--name", "Sam", "--role", "perpetrator",
                "--phone", "+44 7700 900123"));
        Path texts = write("texts.csv", """
                time,sender,number,text
                2024-03-04 21:15,Sam,+44 7700 900123,I saw you at the station
                2024-03-04 21:16,Other,+44 7700 900999,why won't you answer
                """);
        ok(cli("import", "--vault", vault, "--case", caseId, "--format", "csv", texts.toString()));
        String other = null;
        for (JsonNode p : cli("person", "list", "--vault", vault, "--case", caseId, "--json").json()) {
            if (p.get("name").asText().equals("Other")) {
                other = p.get("id").asText();
            }
        }
        String sam = ok(cli("person", "list", "--vault", vault, "--case", caseId)).lines()
                .filter(l -> l.contains("Sam")).findFirst().orElseThrow().strip().split("\\s+")[0];
        ok(cli("person", "merge", "--vault", vault, "--into", sam, other));
        assertEquals(2, summary(caseId).get("messages").asLong(), "the summary counts the merged number's message");

        Path pdf = dir.resolve("merged.pdf");
        ok(cli("bundle", "--vault", vault, "--case", caseId, "--out", pdf.toString()));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(boldText(d).contains("Other"), "the merged number's sender is marked as the perpetrator's");
            assertTrue(boldText(d).contains("Sam"));
        }
    }

    /** The text a bundle draws in a bold face. */
    private static String boldText(PDDocument d) throws IOException {
        StringBuilder bold = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                for (TextPosition p : positions) {
                    if (p.getFont().getName() != null && p.getFont().getName().contains("Bold")) {
                        bold.append(p.getUnicode());
                    }
                }
                bold.append('\n');
                super.writeString(text, positions);
            }
        };
        stripper.getText(d);
        return bold.toString();
    }

    @Test
    void anAttributedSenderIsShownAsTheExportWroteItWithTheAttributionBeside() throws IOException {
        String caseId = newCase();
        ok(cli("person", "add", "--vault", vault, "--case", caseId, "--name", "Daniel Reeves", "--role",
                "perpetrator", "--phone", "+44 7700 900123"));
        Path sms = write("sms.xml", smsBackup());
        ok(cli("import", "--vault", vault, "--case", caseId, sms.toString()));

        JsonNode item = byText(timeline(caseId), "Answer me");
        assertEquals("07700 900123", item.get("sender").asText(), item::toString);
        assertEquals("Daniel Reeves", item.get("attributed_to").asText(), item::toString);
        JsonNode dentist = byText(timeline(caseId), "Dentist reminder");
        assertNull(dentist.get("attributed_to").textValue(), "a sender known by the name the export gives");

        String text = bundleText(caseId);
        String header = headerOf(text, "Answer me");
        assertTrue(header.contains("07700 900123") && header.contains("attributed to Daniel Reeves"), header);
        // the chronology's summary cell wraps beside the other columns: "first from 07700 900123 (attributed" /
        // "... by the witness to Daniel Reeves): ..."
        assertTrue(text.lines().anyMatch(l -> l.contains("first from 07700 900123 (attributed"))
                && text.lines().anyMatch(l -> l.contains("by the witness to Daniel Reeves)")),
                "the chronology says it is an attribution:\n" + text);
        assertNotNull(header);
    }
}
