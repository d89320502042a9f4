package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.testsupport.TestPdfs;
import org.casebook.bundle.BundleReader;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order served after it was made, end to end from the command line to the bundle: service recorded with
 * {@code order add --served --served-how} and changed with {@code order edit}, breaches suggested and counted from
 * service, the order's document produced as an exhibit, and each breach row linking to the page proving it.
 */
class OrderServiceAndBreachesBundleTest {
    @TempDir
    Path dir;

    private static JsonNode orderJson(String v, String caseId) {
        return new Result(0, ok(cli("order", "list", "--vault", v, "--case", caseId, "--json")), "").json().get(0);
    }

    @Test
    void breachesCountFromServiceAndEachBreachRowLinksToThePageThatProvesIt() throws Exception {
        String v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        String caseId = ok(cli("case", "add", "--vault", v, "--title", "Fictional order case", "--initials", "JS",
                "--timezone", "Europe/London"));
        CliTestSupport.samTextsAroundAnOrder(dir, v, caseId);
        Path orderPdf = dir.resolve("2024-03-05 Restraining order.pdf");
        onePagePdf(orderPdf, "RESTRAINING ORDER made at Anytown Magistrates");
        String document = ok(cli("attach", "--vault", v, "--case", caseId, orderPdf.toString())).split("\\s+")[0];

        Result servedHowAlone = cli("order", "add", "--vault", v, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-05", "--served-how", "by post", "--condition", "No contact");
        assertEquals(2, servedHowAlone.exit(), servedHowAlone::toString);
        assertTrue(servedHowAlone.err().contains("served-how"), servedHowAlone.err());
        Result servedEarly = cli("order", "add", "--vault", v, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-05", "--served", "2024-03-01", "--condition", "No contact");
        assertEquals(2, servedEarly.exit(), servedEarly::toString);
        assertTrue(servedEarly.err().contains("served: 2024-03-01 is before"), servedEarly.err());
        Result notAFile = cli("order", "add", "--vault", v, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-05", "--document", "999", "--condition", "No contact");
        assertEquals(2, notAFile.exit(), notAFile::toString);

        String order = ok(cli("order", "add", "--vault", v, "--case", caseId, "--kind", "restraining-order",
                "--made", "2024-03-05", "--reference", "RO-77", "--served", "2024-03-08", "--document", document,
                "--condition", "No contact directly or indirectly"));
        JsonNode listed = orderJson(v, caseId);
        assertEquals("2024-03-08", listed.get("served").asText());
        assertEquals(2, listed.get("suggested").size(), "the 12th and the 15th; the 7th came before service");

        // Service was in fact on the 10th, personally: the edit changes only what is given.
        assertTrue(ok(cli("order", "edit", "--vault", v, "--order", order, "--served", "2024-03-10",
                "--served-how", "personally by PC 1234 Smith")).contains("breaches counted from 2024-03-10"));
        listed = orderJson(v, caseId);
        assertEquals("2024-03-10", listed.get("served").asText());
        assertEquals("personally by PC 1234 Smith", listed.get("served_how").asText());
        assertEquals("RO-77", listed.get("reference").asText(), "unchanged by the edit");
        assertEquals(Long.parseLong(document), listed.get("document").asLong());
        String condition = listed.get("conditions").get(0).get("id").asText();
        List<String> ids = new ArrayList<>();
        for (JsonNode line : new Result(0, ok(cli("timeline", "--vault", v, "--case", caseId, "--json")), "").json()) {
            if ("message".equals(line.get("kind").asText())) {
                ids.add(line.get("id").asText());
            }
        }
        assertEquals(3, ids.size());
        ok(cli("order", "breach", "--vault", v, "--item", ids.get(0), "--condition", condition));
        ok(cli("order", "breach", "--vault", v, "--item", ids.get(1), "--condition", condition));

        JsonNode summary = new Result(0, ok(cli("summary", "--vault", v, "--case", caseId, "--json")), "").json().get(0)
                .get("orders").get(0);
        assertEquals(1, summary.get("breaches").size(), "only the breach after service counts");
        assertEquals(1, summary.get("breaches_before_service").size());
        assertEquals(2, summary.get("contacts_during_order").asLong(), "the 12th and the 15th");
        assertEquals("2024-03-10", summary.get("binds_from").asText());

        // The breach was reported: the reports table names the officer with their collar number.
        ok(cli("report", "add", "--vault", v, "--case", caseId, "--at", "2024-03-13T10:00", "--to", "police",
                "--reference", "13/999/24", "--contact", "PC Smith", "--collar", "1234", "--incident", ids.get(1)));
        assertEquals("1234", new Result(0, ok(cli("report", "list", "--vault", v, "--case", caseId, "--json")), "")
                .json().get(0).get("collar").asText());

        Path pdf = dir.resolve("bundle.pdf");
        ok(cli("bundle", "--vault", v, "--case", caseId, "--out", pdf.toString(), "--profile", "police"));
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            int summaryPage = pageWith(d, "Orders and their breaches");
            String text = text(d, summaryPage);
            assertTrue(text.contains("Served on 10 Mar 2024 (personally by PC 1234 Smith); contacts and breaches are"
                    + " counted from that day."), text);
            assertTrue(text.contains("1 confirmed breach"), text);
            assertTrue(text.contains("Officer"), "the reports table's officer column: " + text);
            assertTrue(text.contains("PC Smith (1234)"), "the officer and collar number: " + text);
            assertTrue(text.contains("Before it was served (not counted as breaches)"), text);
            String documentLine = text.lines().filter(l -> l.startsWith("The order itself: exhibit JS/"))
                    .findFirst().orElseThrow(() -> new AssertionError(text));
            String documentRef = documentLine.substring("The order itself: exhibit ".length(), documentLine.indexOf(','));
            int documentPage = Integer.parseInt(documentLine.replaceAll(".*page (\\d+)\\.$", "$1"));
            assertTrue(text(d, documentPage).contains(documentRef), "the order's exhibit page");

            List<BundleReader.Link> links = BundleReader.links(d, summaryPage);
            BundleReader.Link proving = links.stream().filter(l -> l.text().contains("JS/") && l.text().contains("p."))
                    .findFirst().orElseThrow(() -> new AssertionError("no breach link on the summary page"));
            int target = proving.target();
            assertEquals(proving.text().replaceAll(".*p\\. (\\d+).*", "$1"), String.valueOf(target),
                    "the printed page is the page the link opens");
            assertTrue(text(d, target).contains("I will be outside your work tomorrow"), "the link opens the message");
            assertFalse(links.stream().anyMatch(l -> l.text().contains(documentRef) && l.target() != documentPage),
                    "the order's document link opens its exhibit");
        }
    }

    private static void onePagePdf(Path file, String words) throws Exception {
        TestPdfs.write(file, 12, words);
    }

    private static String text(PDDocument d, int page) throws Exception {
        PDFTextStripper s = new PDFTextStripper();
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(d);
    }

    private static int pageWith(PDDocument d, String words) throws Exception {
        for (int p = 1; p <= d.getNumberOfPages(); p++) {
            if (text(d, p).contains(words)) {
                return p;
            }
        }
        throw new AssertionError("no page holds " + words);
    }

}
