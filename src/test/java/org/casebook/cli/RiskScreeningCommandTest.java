package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.casebook.bundle.BundleReader;
import java.util.ArrayList;
import java.util.List;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.testsupport.TestVaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, risk-screening support from the command line on a real vault: the warning signs counted from the
 * evidence and answered by the witness, screenings recorded with other tools, the escalation view in
 * {@code summary --json}, all audited so that {@code verify} finds a screening changed outside Casebook.
 */
class RiskScreeningCommandTest {
    @TempDir
    Path dir;

    private String v;
    private String caseId;

    private String add(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--vault", v));
        return ok(cli(all.toArray(String[]::new)));
    }

    private JsonNode json(String... args) {
        return new Result(0, add(args), "").json().get(0);
    }

    private static JsonNode sign(JsonNode signs, String code) {
        for (JsonNode s : signs.get("signs")) {
            if (s.get("sign").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no sign " + code + " in " + signs);
    }

    private void aCaseThatTurnsToVisitsAfterTheOrder() {
        v = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", v));
        caseId = add("case", "add", "--title", "Fictional case", "--timezone", "Europe/London");
        add("person", "add", "--case", caseId, "--name", "Sam", "--role", "perpetrator", "--phone", "+44 7700 900123");
        for (String day : List.of("2024-04-01", "2024-04-02", "2024-04-03", "2024-04-08")) {
            add("incident", "add", "--case", caseId, "--at", day + "T09:00", "--type", "message", "--description",
                    "A message");
        }
        add("order", "add", "--case", caseId, "--kind", "restraining-order", "--made", "2024-04-10", "--reference",
                "RO-9", "--condition", "No contact", "--served", "2024-04-12", "--served-how", "by hand");
        add("incident", "add", "--case", caseId, "--at", "2024-04-15T23:00", "--type", "loitering", "--description",
                "Outside my house");
        add("incident", "add", "--case", caseId, "--at", "2024-04-17T23:00", "--type", "loitering", "--description",
                "Outside my house again");
        String note = add("incident", "add", "--case", caseId, "--at", "2024-04-24T07:00", "--type", "threat",
                "--description", "Note on the car");
        add("tag", "add", note, "property-damage");
    }

    @Test
    void warningSignsAreCountedFromTheEvidenceAnsweredByTheWitnessAndScreeningsListed() {
        aCaseThatTurnsToVisitsAfterTheOrder();
        assertEquals("Fear: Yes", add("warning-signs", "answer", "--case", caseId, "--sign", "fear", "--answer", "yes",
                "--note", "I sleep at my sister's"));
        add("warning-signs", "answer", "--case", caseId, "--sign", "previous-stalking", "--answer", "unsure");
        add("warning-signs", "answer", "--case", caseId, "--sign", "previous-stalking", "--answer", "yes", "--note",
                "His ex-partner had an injunction");
        String screening = add("screening", "add", "--case", caseId, "--tool", "S-DASH (2009)", "--date", "2024-04-25",
                "--by", "Jo Bloggs, ISAC, Safe Steps", "--outcome", "High risk; referred to MARAC");

        JsonNode signs = json("warning-signs", "show", "--case", caseId, "--json");

        assertTrue(signs.get("label").asText().startsWith("A screening aid, not a risk assessment"));
        JsonNode loitering = sign(signs, "loitering");
        assertEquals(2, loitering.get("count").asLong());
        assertTrue(loitering.get("evidence").asText().contains("In 1 of the 4 weeks; at most 2 in one week (the week"
                + " of 15 Apr 2024)"), loitering.toString());
        assertEquals(2, loitering.get("items").size());
        JsonNode threats = sign(signs, "threats");
        assertEquals(1, threats.get("count").asLong());
        assertEquals(1, sign(signs, "property-damage").get("count").asLong(), "the tag on the threat");
        JsonNode escalation = sign(signs, "escalation");
        assertTrue(escalation.get("shown").asBoolean());
        assertTrue(escalation.get("evidence").asText().contains("Following, watching or turning up began on 15 April"
                + " 2024 (2 in all from then), 3 days after: restraining order (ref. RO-9) served (by hand)"),
                escalation.toString());
        JsonNode fear = sign(signs, "fear");
        assertTrue(fear.get("shown").asBoolean(), "answered yes, though no impact entry records it");
        assertEquals(0, fear.get("count").asLong());
        assertEquals("I sleep at my sister's", fear.get("note").asText());
        assertEquals("yes", sign(signs, "previous-stalking").get("answer").asText(), "the later answer replaces");
        assertFalse(sign(signs, "violence").get("shown").asBoolean());
        assertTrue(sign(signs, "visits").get("answer").isNull());
        assertEquals(6, signs.get("shown").asLong(), "fear, escalation, threats, loitering, damage, previous");
        JsonNode s = signs.get("screenings").get(0);
        assertEquals(screening, s.get("id").asText());
        assertEquals("S-DASH (2009)", s.get("tool").asText());
        assertEquals("2024-04-25", s.get("date").asText());
        assertEquals("High risk; referred to MARAC", s.get("outcome").asText());
        assertTrue(add("screening", "list", "--case", caseId).contains("Jo Bloggs, ISAC"));
        String text = add("warning-signs", "show", "--case", caseId);
        assertTrue(text.contains("[shown] Fear"), text);
        assertTrue(text.contains("Your answer: Yes — I sleep at my sister's"), text);

        // summary --json keeps every field and adds the escalation view
        JsonNode summary = json("summary", "--case", caseId, "--json");
        assertTrue(summary.has("escalation") && summary.get("escalation").has("direction"));
        JsonNode view = summary.get("escalation_view");
        assertEquals("presence", view.get("changes_in_kind").get(0).get("kind").asText());
        assertEquals("order-served", view.get("changes_in_kind").get(0).get("after").get("kind").asText());
        assertEquals("threats-damage", view.get("most_serious_lately").asText());
        assertEquals("week", view.get("bucket").asText());
        assertEquals(4, view.get("buckets").size());
        assertEquals(3, view.get("buckets").get(0).get("by_kind").get("contact").asLong());
        assertTrue(view.get("headline").asText().startsWith("It changed in kind"), view.toString());
        assertEquals(List.of("order-made", "order-served"), List.of(view.get("milestones").get(0).get("kind").asText(),
                view.get("milestones").get(1).get("kind").asText()));

        assertEquals(0, cli("verify", "--vault", v).exit());
        add("screening", "delete", "--id", screening, "--reason", "entered twice");
        assertEquals(0, json("warning-signs", "show", "--case", caseId, "--json").get("screenings").size());
        assertEquals(0, cli("verify", "--vault", v).exit(), "a deletion with its reason is not tampering");
    }

    @Test
    void thePoliceBundleShowsTheChangeInKindTheWarningSignsLinkedToTheirPagesAndTheScreenings() throws Exception {
        aCaseThatTurnsToVisitsAfterTheOrder();
        add("warning-signs", "answer", "--case", caseId, "--sign", "fear", "--answer", "yes", "--note",
                "I sleep at my sister's");
        add("screening", "add", "--case", caseId, "--tool", "S-DASH (2009)", "--date", "2024-04-25", "--by",
                "Jo Bloggs, ISAC, Safe Steps", "--outcome", "High risk; referred to MARAC");
        Path police = dir.resolve("police.pdf");
        Path family = dir.resolve("family.pdf");
        add("bundle", "--case", caseId, "--out", police.toString(), "--profile", "police");
        add("bundle", "--case", caseId, "--out", family.toString(), "--profile", "family");
        if (System.getProperty("bundle.keep") != null) {
            Files.copy(police, Path.of(System.getProperty("bundle.keep")).resolve("risk-police.pdf"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        try (PDDocument d = Loader.loadPDF(police.toFile())) {
            String index = text(d, 2);
            assertTrue(index.contains("Warning signs (a screening aid)"), index);
            int summary = pageWith(d, "What kind of conduct, over time");
            String page = text(d, summary) + text(d, summary + 1);
            assertTrue(page.contains("It changed in kind: following, watching or turning up from 15 April 2024"), page);
            assertTrue(page.contains("most serious lately"), page);
            assertTrue(page.contains("Restraining order (ref. RO-9) served (by hand)"), page);
            int signs = pageWith(d, "Warning signs: a screening aid");
            String signsPage = (text(d, signs) + text(d, signs + 1)).replaceAll("\\s+", " ");
            assertTrue(signsPage.contains("A screening aid, not a risk assessment"), signsPage);
            // the table's columns interleave in extracted text: each cell's own words are checked, line by line
            for (String words : List.of("SHOWN: Following,", "SHOWN: Fear", "SHOWN: Threats", "the 4 weeks; at most 2",
                    "Yes. I sleep at my", "Not shown: Violence", "Diary, p. ")) {
                assertTrue(signsPage.contains(words), words + " in " + signsPage);
            }
            assertFalse(signsPage.matches(".*(Diary, p\\. \\d+); \\1.*"), "a page is named once: " + signsPage);
            assertTrue(signsPage.contains("Risk screenings run by others"), signsPage);
            assertTrue(signsPage.contains("S-DASH (2009)") && signsPage.contains("High risk; referred to MARAC"),
                    signsPage);
            // each sign's row links to where the bundle shows its first item: the diary entry
            List<BundleReader.Link> links = BundleReader.links(d, signs);
            assertTrue(links.size() >= 3, "the rows of the signs the diary shows link to it: " + links);
            for (BundleReader.Link link : links) {
                assertTrue(text(d, link.target()).contains("Diary"), "lands on the diary: " + link);
            }
        }
        try (PDDocument d = Loader.loadPDF(family.toFile())) {
            int signs = pageWith(d, "Warning signs: a screening aid");
            assertFalse((text(d, signs) + text(d, signs + 1)).contains("Risk screenings run by others"),
                    "screenings are printed in the police profile");
        }
        assertEquals(0, cli("verify-bundle", police.toString()).exit());
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

    @Test
    void aScreeningOrAnswerChangedOutsideCasebookFailsVerify() throws Exception {
        aCaseThatTurnsToVisitsAfterTheOrder();
        String screening = add("screening", "add", "--case", caseId, "--tool", "Force form 124D", "--date",
                "2024-04-25", "--by", "PC 1234 Smith", "--outcome", "Medium");
        add("warning-signs", "answer", "--case", caseId, "--sign", "fear", "--answer", "yes");
        try (var c = TestVaults.raw(Path.of(v), CliTestSupport.PASSPHRASE); var st = c.createStatement()) {
            st.execute("UPDATE screening SET outcome = 'Standard' WHERE id = " + screening);
            st.execute("UPDATE warning_sign_answer SET answer = 'no'");
        }
        Result r = cli("verify", "--vault", v);
        assertEquals(ExitCodes.INTEGRITY, r.exit(), r::toString);
        assertTrue(r.out().contains("screening #" + screening + " (Force form 124D, PC 1234 Smith, 2024-04-25) was"
                + " changed outside Casebook"), r::toString);
        assertTrue(r.out().contains("warning-sign answer #1 (fear) was changed outside Casebook"), r::toString);
    }

    @Test
    void badInputExitsTwoNamingTheOptionAndWritesNothing() {
        aCaseThatTurnsToVisitsAfterTheOrder();
        Result sign = cli("warning-signs", "answer", "--vault", v, "--case", caseId, "--sign", "jealousy",
                "--answer", "yes");
        assertEquals(2, sign.exit(), sign::toString);
        assertTrue(sign.err().contains("--sign: Unknown warning sign 'jealousy'. Use one of: fear, escalation"),
                sign.err());
        Result answer = cli("warning-signs", "answer", "--vault", v, "--case", caseId, "--sign", "fear",
                "--answer", "maybe");
        assertEquals(2, answer.exit(), answer::toString);
        assertTrue(answer.err().contains("--answer: Unknown answer 'maybe'. Use one of: yes, no, unsure"),
                answer.err());
        Result date = cli("screening", "add", "--vault", v, "--case", caseId, "--tool", "X", "--date", "25/04/2024",
                "--by", "Y", "--outcome", "Z");
        assertEquals(2, date.exit(), date::toString);
        assertTrue(date.err().contains("--date: '25/04/2024' is not a date"), date.err());
        Result blank = cli("screening", "add", "--vault", v, "--case", caseId, "--tool", " ", "--date", "2024-04-25",
                "--by", "Y", "--outcome", "Z");
        assertEquals(2, blank.exit(), blank::toString);
        assertTrue(blank.err().contains("tool"), blank.err());
        assertTrue(add("screening", "list", "--case", caseId).startsWith("No screenings in case"));
        assertTrue(json("warning-signs", "show", "--case", caseId, "--json").get("signs").get(0).get("answer").isNull());
    }
}
