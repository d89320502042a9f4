package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.casebook.vault.VaultException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading a typed time zone: exact names, other capitals, and close matches offered for a mistake. */
class TimeZonesTest {

    @ParameterizedTest(name = "\"{0}\" suggests {1}")
    @CsvSource({
        "Europe/Lon, Europe/London",
        "Europe/Londn, Europe/London",
        "london, Europe/London",
        "Amerca/New_York, America/New_York",
        "America/New_Yrok, America/New_York",
        "new york, America/New_York",
        "Europe/Berln, Europe/Berlin",
        "Australia/Sidney, Australia/Sydney",
    })
    void aMistakeSuggestsTheZoneMeant(String typed, String meant) {
        List<String> suggestions = TimeZones.suggestions(typed);
        assertTrue(!suggestions.isEmpty() && suggestions.size() <= 3, typed + " -> " + suggestions);
        assertEquals(meant, suggestions.get(0), typed + " -> " + suggestions);
    }

    @Test
    void anUnknownZoneIsBadInputNamingTheFieldAndTheMatches() {
        VaultException e = assertThrows(VaultException.class, () -> TimeZones.parse("--timezone", "Europe/Lon"));
        assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("--timezone: 'Europe/Lon' is not a time zone."), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean Europe/London?"), e.getMessage());
    }

    @Test
    void nothingCloseStillSaysWhatAZoneLooksLike() {
        VaultException e = assertThrows(VaultException.class, () -> TimeZones.parse("--timezone", "Mars/Olympus Mons"));
        assertTrue(e.getMessage().contains("such as Europe/London"), e.getMessage());
    }

    @Test
    void exactNamesOtherCapitalsAndOffsetsAreRead() {
        assertEquals(ZoneId.of("Europe/London"), TimeZones.parse("zone", " Europe/London "));
        assertEquals(ZoneId.of("Europe/London"), TimeZones.parse("zone", "EUROPE/LONDON"));
        assertEquals(ZoneId.of("Asia/Kolkata"), TimeZones.parse("zone", "asia/kolkata"));
        assertEquals(ZoneId.of("UTC"), TimeZones.parse("zone", "UTC"));
        assertEquals(ZoneId.of("+01:00"), TimeZones.parse("zone", "+01:00"));
    }

    @Test
    void theListOffersRegionNamesInOrder() {
        List<String> ids = TimeZones.ids();
        assertTrue(ids.contains("Europe/London") && ids.contains("America/New_York"));
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("SystemV/")), "no legacy names");
        assertEquals(ids.stream().sorted().toList(), ids);
    }
}
