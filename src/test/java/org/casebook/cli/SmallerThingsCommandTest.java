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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small things a reader trips over: counts with the wrong noun, "null", one channel counted twice, help. */
class SmallerThingsCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneOfAnythingIsSingularAReportWithoutANameReadsAsItsKindAndOneChannelIsCountedOnce() throws IOException {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional case", "--initials", "SE",
                "--timezone", "Europe/London"));
        String incident = ok(cli("incident", "add", "--vault", v, "--case", caseId, "--at", "2024-03-13T21:15",
                "--type", "threat", "--description", "Note through the door"));
        assertTrue(ok(cli("timeline", "--vault", v, "--case", caseId)).endsWith("\n1 item"));
        ok(cli("report", "add", "--vault", v, "--case", caseId, "--at", "2024-03-14T10:00", "--to", "police",
                "--incident", incident));
        assertFalse(ok(cli("report", "list", "--vault", v, "--case", caseId)).contains("1 items"));

        // a text and a picture message from one number: two channel codes, one channel to a reader
        Path sms = Files.writeString(dir.resolve("sms.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <smses count="2">
                  <sms protocol="0" address="+447700900123" date="1710450900000" type="1" body="I saw you" contact_name="Sam" />
                  <mms date="1710451000000" msg_box="1" address="+447700900123" m_type="132" contact_name="Sam">
                    <parts>
                      <part seq="0" ct="text/plain" name="text.txt" chset="106" text="Look at this" />
                    </parts>
                    <addrs>
                      <addr address="+447700900123" type="137" charset="106" />
                    </addrs>
                  </mms>
                </smses>
                """);
        ok(cli("import", "--vault", v, "--case", caseId, sms.toString()));
        JsonNode s = new Result(0, ok(cli("summary", "--vault", v, "--case", caseId, "--json")), "").json().get(0);
        String narrative = s.get("narrative").toString();
        assertTrue(narrative.contains("Text (SMS): 2"), narrative);
        assertFalse(narrative.contains("Text (SMS): 1"), narrative);
        String summary = ok(cli("summary", "--vault", v, "--case", caseId));
        assertTrue(summary.contains("1 incident,"), summary);

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString()));
        String text;
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(d);
        }
        assertFalse(text.contains("null"), "no \"null\" anywhere in the bundle:\n" + text);
        assertTrue(text.contains("Police"), text);
        for (String wrong : new String[] {"1 entries", "1 items", "1 incidents", "1 attachments", "1 exhibits",
            "1 messages", "1 pages", "1 contacts"}) {
            assertFalse(text.contains(wrong), "\"" + wrong + "\" in the bundle:\n" + text);
        }
        assertFalse(text.contains("Text (SMS): 1"), text);
    }

    @Test
    void theHelpNamesTheDemo() {
        Result help = cli("--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().contains("--demo"), help.out());
    }
}
