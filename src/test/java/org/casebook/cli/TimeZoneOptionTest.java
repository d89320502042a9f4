package org.casebook.cli;

import static org.casebook.cli.CliTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.casebook.cli.CliTestSupport.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A time zone typed wrongly is refused (exit 2) with the option named and the close matches suggested, on
 * every command that takes one; nothing is written. Without the option a new case takes this computer's zone.
 */
class TimeZoneOptionTest {
    @TempDir
    static Path dir;
    private static Path vault;

    @BeforeAll
    static void vault() {
        vault = dir.resolve("zones.casebook");
        Result init = cli("init", "--vault", vault.toString());
        assertEquals(0, init.exit(), init::toString);
    }

    private static String v() {
        return vault.toString();
    }

    private static List<JsonNode> cases() {
        return cli("case", "list", "--vault", v(), "--json").json();
    }

    @Test
    void caseAddRefusesAMistypedZoneAndSuggestsTheCloseOnes() {
        int before = cases().size();
        Result added = cli("case", "add", "--vault", v(), "--title", "Typo", "--timezone", "Europe/Lon");
        assertEquals(2, added.exit(), added::toString);
        String err = added.err();
        assertTrue(err.contains("--timezone") && err.contains("'Europe/Lon'"), err);
        assertTrue(err.contains("Europe/London"), "suggests the close match: " + err);
        assertEquals(1, added.err().strip().lines().count(), "one line: " + err);
        assertEquals(before, cases().size(), "no case was added");
    }

    @Test
    void aZoneTypedInOtherCapitalsIsTheSameZone() {
        Result added = cli("case", "add", "--vault", v(), "--title", "Capitals", "--timezone", "europe/london");
        assertEquals(0, added.exit(), added::toString);
        JsonNode c = cases().stream().filter(n -> n.get("title").asText().equals("Capitals")).findFirst().orElseThrow();
        assertEquals("Europe/London", c.get("timezone").asText());
    }

    @Test
    void withoutTheOptionACaseTakesThisComputersZone() {
        Result added = cli("case", "add", "--vault", v(), "--title", "Default zone");
        assertEquals(0, added.exit(), added::toString);
        JsonNode c = cases().stream().filter(n -> n.get("title").asText().equals("Default zone")).findFirst()
                .orElseThrow();
        assertEquals(ZoneId.systemDefault().getId(), c.get("timezone").asText());
    }

    @Test
    void caseEditChangesTheZoneAndRefusesAMistypedOne() {
        String id = cli("case", "add", "--vault", v(), "--title", "Edit me", "--timezone", "Europe/London").out().strip();
        Result bad = cli("case", "edit", "--vault", v(), "--case", id, "--timezone", "America/New_Yrok");
        assertEquals(2, bad.exit(), bad::toString);
        assertTrue(bad.err().contains("--timezone") && bad.err().contains("America/New_York"), bad::toString);
        JsonNode unchanged = cases().stream().filter(n -> n.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertEquals("Europe/London", unchanged.get("timezone").asText(), "nothing changed");

        Result good = cli("case", "edit", "--vault", v(), "--case", id, "--timezone", "Europe/Dublin",
                "--title", "Edited");
        assertEquals(0, good.exit(), good::toString);
        JsonNode edited = cases().stream().filter(n -> n.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertEquals("Europe/Dublin", edited.get("timezone").asText());
        assertEquals("Edited", edited.get("title").asText());
    }

    @Test
    void importRefusesAMistypedZoneAndWritesNothing() throws Exception {
        String id = cli("case", "add", "--vault", v(), "--title", "Import zone", "--timezone", "Europe/London")
                .out().strip();
        Path chat = dir.resolve("WhatsApp Chat with Sam.txt");
        Files.writeString(chat, "13/03/2024, 21:15 - Sam: I saw you at the station\n");
        Result imported = cli("import", "--vault", v(), "--case", id, "--timezone", "Europe/Lon", chat.toString());
        assertEquals(2, imported.exit(), imported::toString);
        assertTrue(imported.err().contains("--timezone") && imported.err().contains("Europe/London"),
                imported::toString);
        assertEquals(0, cli("timeline", "--vault", v(), "--case", id, "--json").lines().size(), "nothing imported");
    }

    /**
     * A case kept in a fixed offset (Z, +01:00, UTC+01:00) imports, with or without {@code --timezone UTC}: the
     * zone's country for reading phone numbers was looked up by a library that knows only named zones, and every
     * import into such a case failed with "Unknown system zone id: Z".
     */
    @ParameterizedTest
    @ValueSource(strings = {"Z", "+01:00", "UTC+01:00", "Etc/GMT+5"})
    void aCaseInAFixedOffsetImportsWithAndWithoutTheOption(String zone) throws Exception {
        String id = cli("case", "add", "--vault", v(), "--title", "Offset " + zone, "--timezone", zone).out().strip();
        Path chat = dir.resolve("WhatsApp Chat with Sam " + zone.replace('/', '-') + ".txt");
        Files.writeString(chat, "13/03/2024, 21:15 - Sam: I saw you at the station\n"
                + "13/03/2024, 21:16 - +44 7700 900123: and again\n");
        Result plain = cli("import", "--vault", v(), "--case", id, "--perpetrator", "Sam", chat.toString());
        assertEquals(0, plain.exit(), plain::toString);
        Result utc = cli("import", "--vault", v(), "--case", id, "--timezone", "UTC", chat.toString());
        assertEquals(0, utc.exit(), utc::toString);
        assertEquals(2, cli("timeline", "--vault", v(), "--case", id, "--json").lines().size(),
                "imported once, the second time found to be the same file");
    }

    @Test
    void utcTypedAsAnOffsetIsKeptAsUtc() {
        for (String typed : List.of("Z", "+00:00", "UTC")) {
            Result added = cli("case", "add", "--vault", v(), "--title", "Utc " + typed, "--timezone", typed);
            assertEquals(0, added.exit(), added::toString);
            JsonNode c = cases().stream().filter(n -> n.get("title").asText().equals("Utc " + typed)).findFirst()
                    .orElseThrow();
            assertEquals("UTC", c.get("timezone").asText(), "what the bundle prints as \"Times in ...\"");
        }
    }
}
