package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.PASSPHRASE;
import static org.casebook.cli.CliTestSupport.cli;
import static org.casebook.cli.CliTestSupport.env;
import static org.casebook.cli.CliTestSupport.noTerminal;
import static org.casebook.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.casebook.Version;
import org.casebook.cli.CliTestSupport.Result;
import org.casebook.cli.CliTestSupport.TypingTerminal;
import org.casebook.model.IncidentType;
import org.casebook.vault.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, in-process, on real encrypted vaults. One shared vault holds a case with an
 * incident and an attached file (read-only tests use it); tests that change things use their own case or
 * their own vault.
 */
class CasebookCommandTest {
    private static final String TITLE = "Fictional case: R. Example";
    private static final String PHOTO_BYTES = "not really a photo, just bytes for the test\n";

    @TempDir
    static Path dir;

    private static Path vault;
    private static String caseId;
    private static String incidentId;
    private static String attachmentId;
    private static String attachmentSha;

    @BeforeAll
    static void createVaultWithOneCase() throws IOException {
        vault = dir.resolve("shared.cbk");
        Result init = cli("init", "--vault", vault.toString());
        assertEquals(0, init.exit(), init::toString);
        assertTrue(Files.size(vault) > 0);

        Result added = cli("case", "add", "--vault", vault.toString(), "--title", TITLE, "--initials", "js",
                "--timezone", "Europe/London");
        assertEquals(0, added.exit(), added::toString);
        caseId = added.out().strip();
        assertTrue(caseId.matches("\\d+"), "case add prints the id alone: " + added);

        Result incident = cli("incident", "add", "--vault", vault.toString(), "--case", TITLE,
                "--at", "2024-03-01T21:15", "--type", "following",
                "--description", "A grey hatchback followed me from the station to the bakery",
                "--location", "High Street", "--witness", "A. Shopkeeper", "--witness", "B. Passer-by",
                "--impact", "Could not sleep", "--police-ref", "REF-0001-FICTIONAL");
        assertEquals(0, incident.exit(), incident::toString);
        incidentId = incident.out().strip();
        assertTrue(incidentId.matches("\\d+"), "incident add prints the id alone: " + incident);

        Path photo = dir.resolve("doorstep.jpg.txt");
        Files.writeString(photo, PHOTO_BYTES, StandardCharsets.UTF_8);
        attachmentSha = Sha256.of(PHOTO_BYTES.getBytes(StandardCharsets.UTF_8));
        Result attach = cli("attach", "--vault", vault.toString(), "--case", caseId, "--incident", incidentId,
                photo.toString());
        assertEquals(0, attach.exit(), attach::toString);
        String[] fields = attach.out().strip().split(" {2}");
        assertEquals(3, fields.length, attach::toString);
        attachmentId = fields[0];
        assertEquals(attachmentSha, fields[1]);
        assertEquals("doorstep.jpg.txt", fields[2]);
    }

    private static String v() {
        return vault.toString();
    }

    // --- no command, version, usage errors ---

    @Test
    void noArgumentsPrintsUsageAndSucceeds() {
        Result r = cli();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: casebook"), r::toString);
        for (String command : List.of("init", "case", "incident", "attach", "timeline", "search", "export",
                "verify", "passwd", "backup", "delete", "history", "person")) {
            assertTrue(r.out().contains("\n  " + command + " "), "usage lists " + command + ":\n" + r.out());
        }
        assertEquals("", r.err());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Result r = cli("--version");
        assertEquals(0, r.exit());
        assertEquals("casebook " + Version.get(), r.out().strip());
        assertNotEquals("development", Version.get(), "the build filters the version in");
    }

    @Test
    void publicRunOverloadUsesTheGivenStreams() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CasebookCommand.run(new String[] {"--version"}, Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(Version.get()));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Result r = cli("incident", "add", "--vault", v(), "--case", caseId, "--at", "2024-03-02T10:00",
                "--type", "call");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("--description"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void otherUsageErrorsExitWithOne() {
        assertEquals(1, cli("no-such-command").exit());
        assertEquals(1, cli("case").exit(), "a group without its subcommand");
        assertEquals(1, cli("delete", "--vault", v(), "--item", "twelve", "--reason", "x").exit());
        Result unknownOption = cli("timeline", "--vault", v(), "--case", caseId, "--jsn");
        assertEquals(1, unknownOption.exit());
        assertTrue(unknownOption.err().contains("--jsn"), unknownOption::toString);
        assertEquals(1, cli("init", "--vault", dir.resolve("p.cbk").toString(), "--passphrase", "secret").exit(),
                "there is no --passphrase option");
        assertFalse(Files.exists(dir.resolve("p.cbk")));
    }

    @Test
    void helpForACommandSucceeds() {
        Result r = cli("help", "attach");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("--incident"), r::toString);
        Result h = cli("incident", "add", "--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("third-party"), h::toString);
        assertEquals(IncidentType.codes(), IncidentCommand.TYPES, "the --type help lists every type");
    }

    // --- timeline and search ---

    @Test
    void timelineJsonHasOneObjectPerLineWithTheContractFields() {
        Result r = cli("timeline", "--vault", v(), "--case", caseId, "--json");
        assertEquals(0, r.exit(), r::toString);
        List<JsonNode> items = r.json();
        assertEquals(2, items.size(), r::toString);
        for (JsonNode item : items) {
            for (String field : List.of("id", "kind", "type", "at", "approximate", "added_at", "sender", "text",
                    "sha256", "source")) {
                assertTrue(item.has(field), field + " missing in " + item);
            }
            OffsetDateTime.parse(item.get("added_at").asText());
        }
        JsonNode incident = items.stream().filter(i -> i.get("kind").asText().equals("incident")).findFirst()
                .orElseThrow();
        assertEquals(Long.parseLong(incidentId), incident.get("id").asLong());
        assertEquals("following", incident.get("type").asText());
        assertEquals(OffsetDateTime.parse("2024-03-01T21:15:00Z"), OffsetDateTime.parse(incident.get("at").asText()));
        assertEquals("2024-03-01T21:15:00+00:00", incident.get("at").asText());
        assertFalse(incident.get("approximate").asBoolean());
        assertTrue(incident.get("sender").isNull());
        assertTrue(incident.get("sha256").isNull());
        assertTrue(incident.get("source").isNull());
        assertTrue(incident.get("text").asText().contains("grey hatchback"));

        JsonNode attachment = items.stream().filter(i -> i.get("kind").asText().equals("attachment")).findFirst()
                .orElseThrow();
        assertEquals(attachmentSha, attachment.get("sha256").asText());
        assertEquals("doorstep.jpg.txt", attachment.get("source").asText());
        assertEquals("doorstep.jpg.txt", attachment.get("text").asText());
        assertEquals(incident.get("at").asText(), attachment.get("at").asText(),
                "a file without EXIF time, attached to an incident, takes the incident's time");
    }

    @Test
    void timelineTableShowsLocalTimesAndTheCaseByTitle() {
        Result r = cli("timeline", "--vault", v(), "--case", TITLE);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Europe/London"), r::toString);
        assertTrue(r.out().contains("2024-03-01 21:15"), r::toString);
        assertTrue(r.out().contains("A grey hatchback followed me"), r::toString);
        assertTrue(r.out().contains("doorstep.jpg.txt"), r::toString);
        assertTrue(r.out().strip().endsWith("2 items"), r::toString);
    }

    @Test
    void searchFindsByWord() {
        Result r = cli("search", "--vault", v(), "--case", caseId, "--json", "hatchback");
        assertEquals(0, r.exit(), r::toString);
        List<JsonNode> found = r.json();
        assertEquals(1, found.size(), r::toString);
        assertEquals(incidentId, found.get(0).get("id").asText());
        assertTrue(found.get(0).has("at") && found.get(0).has("sha256"));

        Result twoWords = cli("search", "--vault", v(), "--case", caseId, "GREY", "station");
        assertEquals(0, twoWords.exit(), twoWords::toString);
        assertTrue(twoWords.out().contains("A grey hatchback"), twoWords::toString);

        Result none = cli("search", "--vault", v(), "--case", caseId, "--json", "submarine");
        assertEquals(0, none.exit());
        assertEquals("", none.out());
        Result noneTable = cli("search", "--vault", v(), "--case", caseId, "submarine");
        assertTrue(noneTable.out().contains("No items match"), noneTable::toString);

        Result nothing = cli("search", "--vault", v(), "--case", caseId, "\"*\"");
        assertEquals(2, nothing.exit(), nothing::toString);
    }

    @Test
    void caseListAndPeople() {
        Result list = cli("case", "list", "--vault", v(), "--json");
        assertEquals(0, list.exit(), list::toString);
        JsonNode first = list.json().get(0);
        assertEquals(TITLE, first.get("title").asText());
        assertEquals("JS", first.get("initials").asText());
        assertEquals("Europe/London", first.get("timezone").asText());

        Result table = cli("case", "list", "--vault", v());
        assertTrue(table.out().contains(TITLE) && table.out().contains("JS"), table::toString);

        Result person = cli("person", "add", "--vault", v(), "--case", caseId, "--name", "R. Example",
                "--role", "perpetrator", "--phone", "+44 7700 900123", "--email", "R.Example@example.invalid",
                "--handle", "@r_example");
        assertEquals(0, person.exit(), person::toString);
        String personId = person.out().strip();
        JsonNode listed = cli("person", "list", "--vault", v(), "--case", caseId, "--json").json().stream()
                .filter(p -> p.get("id").asText().equals(personId)).findFirst().orElseThrow();
        assertEquals("perpetrator", listed.get("role").asText());
        assertEquals(3, listed.get("identifiers").size());
        assertEquals("+447700900123", listed.get("identifiers").get(0).get("normalized").asText());

        Result badRole = cli("person", "add", "--vault", v(), "--case", caseId, "--name", "X", "--role", "boss");
        assertEquals(2, badRole.exit(), badRole::toString);
        assertTrue(badRole.err().contains("role"), badRole::toString);
    }

    // --- bad input ---

    @Test
    void unknownTypeIsBadInputAndWritesNothing() {
        Result r = cli("incident", "add", "--vault", v(), "--case", caseId, "--at", "2024-03-02T10:00",
                "--type", "carrier-pigeon", "--description", "Should not be stored");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("casebook: type:"), r::toString);
        assertTrue(r.err().contains("social-media"), "lists the types: " + r);
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
        assertFalse(cli("timeline", "--vault", v(), "--case", caseId).out().contains("Should not be stored"));
    }

    @Test
    void badValuesNameTheField() {
        Result at = cli("incident", "add", "--vault", v(), "--case", caseId, "--at", "yesterday evening",
                "--type", "call", "--description", "x");
        assertEquals(2, at.exit(), at::toString);
        assertTrue(at.err().contains("at:"), at::toString);

        Result zone = cli("case", "add", "--vault", v(), "--title", "Zone test", "--timezone", "Mars/Olympus");
        assertEquals(2, zone.exit(), zone::toString);
        assertTrue(zone.err().contains("timezone"), zone::toString);

        Result noCase = cli("timeline", "--vault", v(), "--case", "No such case");
        assertEquals(2, noCase.exit(), noCase::toString);
        assertTrue(noCase.err().contains("No such case"), noCase::toString);

        Result missingFile = cli("attach", "--vault", v(), "--case", caseId, dir.resolve("nope.jpg").toString());
        assertEquals(2, missingFile.exit(), missingFile::toString);
        assertTrue(missingFile.err().contains("nope.jpg"), missingFile::toString);
    }

    @Test
    void missingVaultIsBadInput() {
        Path missing = dir.resolve("missing.cbk");
        Result r = cli("timeline", "--vault", missing.toString(), "--case", "1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("missing.cbk"), r::toString);
        assertFalse(Files.exists(missing), "opening never creates a vault");
    }

    @Test
    void initRefusesAnExistingFile() {
        Result r = cli("init", "--vault", v());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("already exists"), r::toString);
    }

    @Test
    void wrongPassphraseExitsFourWithAClearMessage() {
        Result r = run(env(Passphrases.ENV, "not the passphrase"), noTerminal(), "", "case", "list", "--vault", v());
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().toLowerCase(Locale.ROOT).contains("wrong passphrase or not a casebook vault"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void aFileThatIsNotAVaultExitsFour() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.write(notes, new byte[8192]);
        Result r = cli("verify", "--vault", notes.toString());
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().toLowerCase(Locale.ROOT).contains("not a casebook vault"), r::toString);
    }

    // --- passphrase sources ---

    @Test
    void passphraseFromFileOrStandardInput() throws IOException {
        Path file = dir.resolve("pass.txt");
        Files.writeString(file, PASSPHRASE + "\r\nsecond line ignored\n", StandardCharsets.UTF_8);
        Result fromFile = run(Map.of(), noTerminal(), "", "case", "list", "--vault", v(),
                "--passphrase-file", file.toString());
        assertEquals(0, fromFile.exit(), fromFile::toString);
        assertTrue(fromFile.out().contains(TITLE));

        Result fromStdin = run(Map.of(), noTerminal(), PASSPHRASE + "\n", "case", "list", "--vault", v(),
                "--passphrase-file", "-");
        assertEquals(0, fromStdin.exit(), fromStdin::toString);

        Result both = run(env(Passphrases.ENV, PASSPHRASE), noTerminal(), "", "case", "list", "--vault", v(),
                "--passphrase-file", dir.resolve("unused.txt").toString());
        assertEquals(0, both.exit(), "the environment variable comes first: " + both);
        assertTrue(both.err().contains("--passphrase-file is not used"), both::toString);

        Result missing = run(Map.of(), noTerminal(), "", "case", "list", "--vault", v(),
                "--passphrase-file", dir.resolve("no-such-pass.txt").toString());
        assertEquals(2, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("no-such-pass.txt"), missing::toString);
    }

    @Test
    void noPassphraseAndNoTerminalIsAUsageErrorThatSaysWhatToDo() {
        Result r = run(Map.of(), noTerminal(), "", "case", "list", "--vault", v());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("CASEBOOK_PASSPHRASE") && r.err().contains("--passphrase-file"), r::toString);
    }

    @Test
    void promptsWithoutEchoWhenAtATerminal() {
        TypingTerminal terminal = new TypingTerminal(PASSPHRASE);
        Result r = run(Map.of(), terminal, "", "case", "list", "--vault", v());
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, terminal.prompts.size());
    }

    @Test
    void initAsksTwiceAndRefusesAMismatch() {
        Path mismatch = dir.resolve("mismatch.cbk");
        TypingTerminal typo = new TypingTerminal("first attempt here", "first attempt hera");
        Result r = run(Map.of(), typo, "", "init", "--vault", mismatch.toString());
        assertEquals(2, r.exit(), r::toString);
        assertEquals(2, typo.prompts.size());
        assertTrue(r.err().contains("do not match"), r::toString);
        assertFalse(Files.exists(mismatch));

        Path ok = dir.resolve("prompted.cbk");
        TypingTerminal same = new TypingTerminal("same words twice", "same words twice");
        Result created = run(Map.of(), same, "", "init", "--vault", ok.toString());
        assertEquals(0, created.exit(), created::toString);
        assertEquals(0, run(env(Passphrases.ENV, "same words twice"), noTerminal(), "", "case", "list", "--vault",
                ok.toString()).exit());
    }

    @Test
    void anEmptyPassphraseIsRefused() {
        Path empty = dir.resolve("empty-pass.cbk");
        Result r = run(env(Passphrases.ENV, "   "), noTerminal(), "", "init", "--vault", empty.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("empty"), r::toString);
        assertFalse(Files.exists(empty));
    }

    // --- attach, export ---

    @Test
    void attachFolderThenExportMatchesSha256sum() throws Exception {
        String exportCase = cli("case", "add", "--vault", v(), "--title", "Export test", "--timezone", "UTC")
                .out().strip();
        Path folder = dir.resolve("screenshots");
        Files.createDirectories(folder.resolve("inner"));
        Map<String, byte[]> contents = new HashMap<>();
        contents.put("a message.png", "first fake screenshot".getBytes(StandardCharsets.UTF_8));
        contents.put("b-voicemail.m4a", new byte[] {0, 1, 2, 3, (byte) 0xff, 10, 13});
        Files.write(folder.resolve("a message.png"), contents.get("a message.png"));
        Files.write(folder.resolve("inner").resolve("b-voicemail.m4a"), contents.get("b-voicemail.m4a"));

        Result attach = cli("attach", "--vault", v(), "--case", exportCase, folder.toString());
        assertEquals(0, attach.exit(), attach::toString);
        assertEquals(2, attach.lines().size(), attach::toString);
        for (String line : attach.lines()) {
            String[] f = line.split(" {2}", 3);
            assertTrue(f[0].matches("\\d+"), line);
            assertEquals(Sha256.of(contents.get(f[2])), f[1], line);
        }

        Path out = dir.resolve("export-out");
        Result export = cli("export", "--vault", v(), "--case", "Export test", "--to", out.toString());
        assertEquals(0, export.exit(), export::toString);
        assertTrue(export.out().contains("sha256sum -c"), export::toString);
        List<String> sums = Files.readAllLines(out.resolve("SHA256SUMS"), StandardCharsets.UTF_8);
        assertEquals(2, sums.size());
        for (String line : sums) {
            String sha = line.substring(0, 64);
            String name = line.substring(66);
            assertEquals("  ", line.substring(64, 66));
            byte[] written = Files.readAllBytes(out.resolve(name));
            assertEquals(Sha256.of(written), sha, name);
            assertEquals(Sha256.of(contents.get(name)), sha, name);
        }
        assertTrue(Files.exists(out.resolve("manifest.json")));
        JsonNode manifest = CliTestSupport.JSON.readTree(out.resolve("manifest.json").toFile());
        assertEquals(2, manifest.get("files").size());

        if (onPath("sha256sum")) {
            Process p = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(out.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
        }

        Result again = cli("export", "--vault", v(), "--case", "Export test", "--to", out.toString());
        assertEquals(2, again.exit(), "a non-empty folder is refused: " + again);
    }

    @Test
    void exportOneIncidentBringsItsFiles() throws IOException {
        Path out = dir.resolve("export-incident");
        Result r = cli("export", "--vault", v(), "--case", caseId, "--to", out.toString(), "--item", incidentId);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(attachmentSha + "  doorstep.jpg.txt"),
                Files.readAllLines(out.resolve("SHA256SUMS"), StandardCharsets.UTF_8));
        assertEquals(PHOTO_BYTES, Files.readString(out.resolve("doorstep.jpg.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void progressGoesToStandardErrorOnlyAtATerminal() throws IOException {
        String progressCase = cli("case", "add", "--vault", v(), "--title", "Progress test").out().strip();
        Path file = dir.resolve("progress.bin");
        Files.write(file, new byte[300_000]);
        TypingTerminal terminal = new TypingTerminal(PASSPHRASE);
        Result atTerminal = run(Map.of(), terminal, "", "attach", "--vault", v(), "--case", progressCase,
                file.toString());
        assertEquals(0, atTerminal.exit(), atTerminal::toString);
        assertTrue(atTerminal.err().contains("Attaching progress.bin"), atTerminal::toString);
        assertFalse(atTerminal.out().contains("Attaching"), "progress never on stdout");
        assertEquals(1, atTerminal.lines().size());

        Result piped = cli("attach", "--vault", v(), "--case", progressCase, file.toString());
        assertEquals(0, piped.exit(), piped::toString);
        assertEquals("", piped.err());
    }

    @Test
    void jsonOutputIsUtf8WhateverTheText() {
        String unicodeCase = cli("case", "add", "--vault", v(), "--title", "Unicode test", "--timezone", "Asia/Tokyo")
                .out().strip();
        String text = "Café naïve — «quoted» \"and\" a line\nbreak, 日本語, 😀";
        Result add = cli("incident", "add", "--vault", v(), "--case", unicodeCase, "--at", "2024-05-05 08:30",
                "--type", "message", "--description", text);
        assertEquals(0, add.exit(), add::toString);
        Result r = cli("timeline", "--vault", v(), "--case", unicodeCase, "--json");
        assertEquals(1, r.lines().size(), "a newline in the text stays inside the JSON line");
        JsonNode item = r.json().get(0);
        assertEquals(text, item.get("text").asText());
        assertEquals("2024-05-05T08:30:00+09:00", item.get("at").asText());
    }

    // --- edit, delete, history ---

    @Test
    void editKeepsUnchangedFieldsAndHistoryShowsTheOldValue() {
        String editCase = cli("case", "add", "--vault", v(), "--title", "Edit test", "--timezone", "Europe/Paris")
                .out().strip();
        String id = cli("incident", "add", "--vault", v(), "--case", editCase, "--at", "2024-02-10T18:00",
                "--type", "call", "--description", "Three silent calls", "--location", "Home").out().strip();

        Result edit = cli("incident", "edit", "--vault", v(), "--item", id, "--description", "Five silent calls",
                "--police-ref", "REF-0002-FICTIONAL");
        assertEquals(0, edit.exit(), edit::toString);
        assertTrue(edit.out().contains("description"), edit::toString);

        JsonNode item = cli("timeline", "--vault", v(), "--case", editCase, "--json").json().get(0);
        assertEquals("Five silent calls", item.get("text").asText());
        assertEquals("call", item.get("type").asText());
        assertEquals("2024-02-10T18:00:00+01:00", item.get("at").asText());

        Result history = cli("history", "--vault", v(), "--item", id);
        assertEquals(0, history.exit(), history::toString);
        assertTrue(history.out().contains("incident-added"), history::toString);
        assertTrue(history.out().contains("incident-edited"), history::toString);
        assertTrue(history.out().contains("\"Three silent calls\" -> \"Five silent calls\""), history::toString);
        assertFalse(history.out().contains("location"), "unchanged fields are not edits: " + history);

        List<JsonNode> entries = cli("history", "--vault", v(), "--item", id, "--json").json();
        assertEquals(2, entries.size());
        JsonNode change = entries.get(1).get("detail").get("changes").get("description");
        assertEquals("Three silent calls", change.get("old").asText());
        assertEquals("Five silent calls", change.get("new").asText());
        assertTrue(entries.get(1).get("detail").get("changes").get("police_ref").get("old").isNull());
        OffsetDateTime.parse(entries.get(1).get("at").asText());

        Result noSuch = cli("incident", "edit", "--vault", v(), "--item", "999999", "--description", "x");
        assertEquals(2, noSuch.exit(), noSuch::toString);
    }

    @Test
    void deleteRequiresAReasonAndIsRecorded() throws IOException {
        String deleteCase = cli("case", "add", "--vault", v(), "--title", "Delete test").out().strip();
        Path photo = dir.resolve("private.jpg.txt");
        Files.writeString(photo, "a private photo that should go", StandardCharsets.UTF_8);
        String id = cli("attach", "--vault", v(), "--case", deleteCase, photo.toString()).out().split(" ")[0];

        Result noReason = cli("delete", "--vault", v(), "--item", id);
        assertEquals(1, noReason.exit(), noReason::toString);
        assertTrue(noReason.err().contains("--reason"), noReason::toString);
        assertEquals(1, cli("timeline", "--vault", v(), "--case", deleteCase, "--json").lines().size());

        Result blankReason = cli("delete", "--vault", v(), "--item", id, "--reason", "  ");
        assertEquals(2, blankReason.exit(), blankReason::toString);

        Result deleted = cli("delete", "--vault", v(), "--item", id, "--reason", "Private photo, not relevant");
        assertEquals(0, deleted.exit(), deleted::toString);
        assertEquals(0, cli("timeline", "--vault", v(), "--case", deleteCase, "--json").lines().size());

        Result history = cli("history", "--vault", v(), "--item", id);
        assertTrue(history.out().contains("deleted"), history::toString);
        assertTrue(history.out().contains("Private photo, not relevant"), history::toString);
        assertFalse(history.out().contains("a private photo that should go"));

        assertEquals(2, cli("history", "--vault", v(), "--item", "999999").exit());
        assertEquals(2, cli("delete", "--vault", v(), "--item", id, "--reason", "again").exit());
    }

    // --- verify, passwd, backup (own vaults) ---

    @Test
    void verifyIntactVault() {
        Result r = cli("verify", "--vault", v());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Vault intact"), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void verifyDamagedVaultExitsThree() throws IOException {
        Path damaged = dir.resolve("damaged.cbk");
        assertEquals(0, cli("init", "--vault", damaged.toString()).exit());
        String id = cli("case", "add", "--vault", damaged.toString(), "--title", "Damage test").out().strip();
        Path file = dir.resolve("big.bin");
        byte[] data = new byte[200_000];
        new java.util.Random(7).nextBytes(data);
        Files.write(file, data);
        assertEquals(0, cli("attach", "--vault", damaged.toString(), "--case", id, file.toString()).exit());

        byte[] bytes = Files.readAllBytes(damaged);
        int offset = bytes.length - 4096 + 2000;
        bytes[offset] ^= 0x5a;
        Files.write(damaged, bytes);

        Result r = cli("verify", "--vault", damaged.toString());
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("PROBLEM: ") || r.err().contains("damaged"), r::toString);
    }

    @Test
    void passwdThenOldFailsAndNewWorks() {
        Path own = dir.resolve("passwd.cbk");
        assertEquals(0, cli("init", "--vault", own.toString()).exit());
        assertEquals(0, cli("case", "add", "--vault", own.toString(), "--title", "Kept across rekey").exit());

        Result noNew = cli("passwd", "--vault", own.toString());
        assertEquals(1, noNew.exit(), noNew::toString);
        assertTrue(noNew.err().contains("CASEBOOK_NEW_PASSPHRASE"), noNew::toString);

        String newPass = "quince meadow harbour 7";
        Result changed = run(env(Passphrases.ENV, PASSPHRASE, Passphrases.NEW_ENV, newPass), noTerminal(), "",
                "passwd", "--vault", own.toString());
        assertEquals(0, changed.exit(), changed::toString);

        Result old = cli("case", "list", "--vault", own.toString());
        assertEquals(4, old.exit(), old::toString);
        Result fresh = run(env(Passphrases.ENV, newPass), noTerminal(), "", "case", "list", "--vault", own.toString());
        assertEquals(0, fresh.exit(), fresh::toString);
        assertTrue(fresh.out().contains("Kept across rekey"));

        TypingTerminal mismatch = new TypingTerminal("one new phrase", "one new phrasf");
        Result typo = run(env(Passphrases.ENV, newPass), mismatch, "", "passwd", "--vault", own.toString());
        assertEquals(2, typo.exit(), typo::toString);
        assertEquals(0, run(env(Passphrases.ENV, newPass), noTerminal(), "", "verify", "--vault", own.toString())
                .exit(), "a refused change leaves the passphrase as it was");
    }

    @Test
    void backupOpensAndVerifies() {
        Path backup = dir.resolve("backup-copy.cbk");
        Result r = cli("backup", "--vault", v(), "--to", backup.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.exists(backup));

        Result verify = cli("verify", "--vault", backup.toString());
        assertEquals(0, verify.exit(), verify::toString);
        Result timeline = cli("timeline", "--vault", backup.toString(), "--case", TITLE, "--json");
        assertEquals(0, timeline.exit(), timeline::toString);
        assertTrue(timeline.json().stream().anyMatch(i -> i.get("sha256").asText().equals(attachmentSha)));

        Result exists = cli("backup", "--vault", v(), "--to", backup.toString());
        assertEquals(2, exists.exit(), exists::toString);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
