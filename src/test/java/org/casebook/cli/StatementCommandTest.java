package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
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
import org.casebook.statement.Declarations;
import org.casebook.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code casebook statement} end to end: a real vault, the real command line, the PDF read back with PDFBox. */
class StatementCommandTest {
    @TempDir
    Path dir;

    private String vault;

    private void aCase() throws IOException {
        vault = dir.resolve("v.casebook").toString();
        ok(cli("init", "--vault", vault));
        ok(cli("case", "add", "--vault", vault, "--title", "Sam Morgan", "--initials", "SM"));
        ok(cli("person", "add", "--vault", vault, "--case", "Sam Morgan", "--name", "Dan Reeve", "--role",
                "perpetrator", "--phone", "+447700900123"));
        ok(cli("order", "add", "--vault", vault, "--case", "Sam Morgan", "--kind", "non-molestation-order",
                "--made", "2024-03-04", "--issuer", "Family Court at Leeds", "--reference", "LS24F001",
                "--condition", "Not to contact the applicant directly or indirectly"));
        ok(cli("incident", "add", "--vault", vault, "--case", "Sam Morgan", "--at", "2024-03-01T21:15", "--type",
                "in-person", "--description", "He stood outside my house for an hour", "--location", "my home"));
        String incident = cli("incident", "add", "--vault", vault, "--case", "Sam Morgan", "--at", "2024-03-06T08:30",
                "--type", "property-damage", "--description", "My car tyres were cut").out().strip();
        Path photo = dir.resolve("tyres.txt");
        Files.writeString(photo, "a note of the tyre marks");
        ok(cli("attach", "--vault", vault, "--case", "Sam Morgan", "--incident", incident, photo.toString()));
        ok(cli("import", "--vault", vault, "--case", "Sam Morgan", "--format", "whatsapp", "--date-order", "dmy",
                Fixtures.file("whatsapp", "chatpack_whatsapp_eu.txt").toString()));
        ok(cli("report", "add", "--vault", vault, "--case", "Sam Morgan", "--at", "2024-03-06T10:00", "--to", "police",
                "--recipient", "West Yorkshire Police", "--reference", "13/55555/24", "--contact", "PC 1234 Ahmed"));
    }

    @Test
    void policeStatementCarriesTheMg11DeclarationAndProducesEveryExhibit() throws IOException {
        aCase();
        Path out = dir.resolve("statement.pdf");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", out.toString(),
                "--witness", "Sam Morgan", "--occupation", "Nurse", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode json = r.json().get(0);
        assertTrue(json.get("missing").isEmpty(), json::toString);
        assertTrue(json.get("unknown").isEmpty(), json::toString);
        assertTrue(json.get("produced").size() >= 3, json::toString); // the file, the messages, the diary
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertEquals(pdf.getNumberOfPages(), json.get("pages").asInt());
            String text = flat(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains(Declarations.police(pdf.getNumberOfPages())), text);
            assertTrue(text.contains(Declarations.POLICE_AUTHORITY), text);
            assertTrue(text.contains("Statement page " + pdf.getNumberOfPages() + " of " + pdf.getNumberOfPages()));
            assertTrue(text.contains("Occupation: Nurse"), text);
            assertTrue(text.contains("I am Sam Morgan."), text);
            for (JsonNode mark : json.get("produced")) {
                assertTrue(text.contains("exhibit " + mark.asText()), mark + " is not produced in:\n" + text);
            }
            assertTrue(text.contains("Dan Reeve uses the phone number +447700900123"), text);
            assertTrue(text.contains("non-molestation order against Dan Reeve (reference LS24F001)"), text);
            assertTrue(text.contains("West Yorkshire Police (reference 13/55555/24)"), text);
        }
    }

    @Test
    void aFamilyStatementTakesTheCourtThePartiesTheWitnessAndHerBasisForHisNumberFromTheCaseAndSaysWhenTheOrderWasServed()
            throws IOException {
        aCase();
        ok(cli("case", "edit", "--vault", vault, "--case", "Sam Morgan", "--court", "Family Court at Leeds",
                "--case-number", "LS24F00123", "--applicant", "Sam Morgan", "--respondent", "Daniel Reeve",
                "--witness", "Samantha Morgan"));
        ok(cli("order", "edit", "--vault", vault, "--order", "1", "--served", "2024-03-05", "--served-how",
                "personally by a process server"));
        String dan = cli("person", "list", "--vault", vault, "--case", "Sam Morgan", "--json").json().stream()
                .filter(p -> p.get("name").asText().equals("Dan Reeve")).findFirst().orElseThrow().get("id").asText();
        ok(cli("person", "attribute", "--vault", vault, "--person", dan, "--phone", "+447700900123", "--basis",
                "his number since 2019; he called me from it"));
        Path out = dir.resolve("family.pdf");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--profile", "family",
                "--out", out.toString());
        assertEquals(0, r.exit(), r::toString);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("IN THE FAMILY COURT AT LEEDS"), text);
            assertTrue(text.contains("Case No: LS24F00123"), text);
            assertTrue(text.contains("SAM MORGAN Applicant - and - DANIEL REEVE Respondent"), text);
            assertTrue(text.contains("I am Samantha Morgan"), text);
            assertTrue(text.contains("WITNESS STATEMENT OF SAMANTHA MORGAN"), text);
            assertTrue(text.contains("It was served on Dan Reeve on Tuesday 5 March 2024, personally by a process"
                    + " server."), text);
            // the witness's own basis for the number, as she recorded it, instead of a place to write it
            assertTrue(text.contains("Dan Reeve uses the phone number +447700900123 (his number since 2019; he called"
                    + " me from it)."), text);
            assertFalse(text.contains("[court]") || text.contains("[number]") || text.contains("[your full name]")
                    || text.contains("[Say how you know each"), text);
        }
    }

    @Test
    void civilStatementHasItsHeadingNumberedParagraphsAndTheStatementOfTruth() throws IOException {
        aCase();
        Path out = dir.resolve("civil.pdf");
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--profile", "civil",
                "--out", out.toString(), "--witness", "Sam Morgan", "--dated", "2024-04-02");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("civil statement"), r.out());
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains(Declarations.TRUTH + " " + Declarations.CONTEMPT), text);
            assertTrue(text.contains("Witness: S Morgan"), text);
            assertTrue(text.contains("Dated: 2 April 2024"), text);
            assertTrue(text.contains("FIRST WITNESS STATEMENT OF SAM MORGAN"), text);
            assertTrue(text.contains("1. I am Sam Morgan."), text);
            assertTrue(text.contains("2. [Say how you know Dan Reeve"), text);
        }
    }

    @Test
    void theWitnessesOwnWordingSurvivesRedraftingAndEveryEarlierWordingIsKept() throws IOException {
        aCase();
        Path words = dir.resolve("mine.txt");
        Files.writeString(words, "I am Sam Morgan and I have known Dan since 2019.\n\nI produce my diary as SM/3.\n");
        Path out = dir.resolve("s.pdf");
        CliTestSupport.Result first = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out",
                out.toString(), "--text", words.toString(), "--json");
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.json().get(0).get("edited").asBoolean());
        // new evidence and a re-draft: the witness's wording is still what is printed
        ok(cli("incident", "add", "--vault", vault, "--case", "Sam Morgan", "--at", "2024-03-09T12:00", "--type",
                "message", "--description", "A note through my door"));
        CliTestSupport.Result again = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out",
                out.toString(), "--json");
        assertEquals(0, again.exit(), again::toString);
        JsonNode json = again.json().get(0);
        assertTrue(json.get("edited").asBoolean());
        assertEquals(1, json.get("versions").asInt());
        assertFalse(json.get("missing").isEmpty(), "the wording leaves exhibits out and says so: " + json);
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = flat(new PDFTextStripper().getText(pdf));
            assertTrue(text.contains("I have known Dan since 2019."), text);
            assertFalse(text.contains("A note through my door"), text);
        }
        Files.writeString(words, "I am Sam Morgan.\n\nSecond wording.\n");
        assertEquals(0, cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", out.toString(), "--text",
                words.toString()).exit());
        CliTestSupport.Result history = cli("verify", "--vault", vault);
        assertEquals(0, history.exit(), history::toString); // the audit chain holds the edits
        try (org.casebook.vault.Vault v = org.casebook.vault.Vault.open(Path.of(vault),
                org.casebook.vault.Passphrase.of(CliTestSupport.PASSPHRASE))) {
            var versions = new org.casebook.statement.StatementService(v).versions(1,
                    org.casebook.statement.StatementProfile.POLICE);
            assertEquals(2, versions.size());
            assertTrue(versions.get(0).text().contains("known Dan since 2019"));
            long edits = v.read(c -> v.audit().entriesFor(c, "statement:1/police")).stream()
                    .filter(e -> e.action().equals("statement-edited")).count();
            assertEquals(2, edits);
        }
    }

    @Test
    void aFamilyStatementLongerThanFifteenPagesIsFlagged() throws IOException {
        aCase();
        StringBuilder long_ = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            long_.append("On this day something happened that I describe in full, with where it was, who was there,"
                    + " what was said and done, and how it made me feel afterwards, in my own words. ").append(i)
                    .append("\n\n");
        }
        Path words = dir.resolve("long.txt");
        Files.writeString(words, long_);
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--profile", "family",
                "--out", dir.resolve("long.pdf").toString(), "--text", words.toString(), "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode json = r.json().get(0);
        assertTrue(json.get("pages").asInt() > 15, json::toString);
        assertTrue(json.get("warnings").toString().contains("should as a general standard not exceed 15 pages"),
                json::toString);
        CliTestSupport.Result police = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out",
                dir.resolve("short.pdf").toString(), "--json");
        assertFalse(police.json().get(0).get("warnings").toString().contains("15 pages"));
    }

    @Test
    void badInputIsRefusedWithExitTwoAndNothingWritten() throws IOException {
        aCase();
        Path out = dir.resolve("x.pdf");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        CliTestSupport.Result r = cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", out.toString(),
                "--text", latin1.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("latin1.txt") && r.err().contains("UTF-8"), r.err());
        assertEquals(2, cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", out.toString(),
                "--dated", "2024-02-30").exit());
        assertEquals(2, cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out",
                dir.resolve("x.txt").toString()).exit());
        assertEquals(2, cli("statement", "--vault", vault, "--case", "Sam Morgan", "--out", out.toString(),
                "--profile", "crown").exit());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void aConversationWithFilesIsOneExhibitWhoseFrontSheetListsWhatItHolds() throws IOException {
        vault = dir.resolve("z.casebook").toString();
        ok(cli("init", "--vault", vault));
        ok(cli("case", "add", "--vault", vault, "--title", "Zip", "--initials", "AB"));
        ok(cli("import", "--vault", vault, "--case", "Zip", "--format", "whatsapp",
                Fixtures.file("whatsapp", "whatsapp-chat-parser-example.zip").toString()));
        Path bundle = dir.resolve("b.pdf");
        CliTestSupport.Result r = cli("bundle", "--vault", vault, "--case", "Zip", "--out", bundle.toString(),
                "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode exhibit = r.json().get(0).get("exhibits").get(0);
        assertTrue(exhibit.get("files").size() >= 3, exhibit::toString);
        try (PDDocument pdf = Loader.loadPDF(bundle.toFile())) {
            int page = exhibit.get("page").asInt();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page - 1);
            stripper.setEndPage(page - 1);
            String sheet = flat(stripper.getText(pdf));
            assertTrue(sheet.contains("This is the exhibit marked \u2018AB/1\u2019 referred to in the witness statement"
                    + " of [your full name] dated"), sheet);
            assertTrue(sheet.contains("This exhibit holds " + (exhibit.get("files").size() + 1) + " documents"), sheet);
            for (JsonNode f : exhibit.get("files")) {
                assertTrue(sheet.contains(f.get("reference").asText()), f + " in " + sheet);
            }
            String all = flat(new PDFTextStripper().getText(pdf));
            assertTrue(all.contains("as exhibit AB/1."), all);
            assertTrue(all.contains("The files sent in them are shown with their messages as AB/1.1 to AB/1."), all);
        }
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static void ok(CliTestSupport.Result r) {
        assertEquals(0, r.exit(), r::toString);
    }
}
