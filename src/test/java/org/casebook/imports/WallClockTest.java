package org.casebook.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A wall-clock time away from any clock change is placed at the zone's one offset for it, however the times before
 * it ran (forwards, backwards, across changes), in zones whose clocks change by an hour, by half an hour, twice a
 * year or never; the hours the clocks change are placed as the class says, whichever times came before.
 */
class WallClockTest {
    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Sydney",
            "Australia/Lord_Howe", "Asia/Kolkata", "UTC", "America/Sao_Paulo");

    @Test
    void aTimeAwayFromAClockChangeHasItsZonesOneOffset() {
        Random r = new Random(11);
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            WallClock clock = new WallClock(zone);
            LocalDateTime local = LocalDateTime.of(2015, 1, 1, 0, 0);
            for (int i = 0; i < 60_000; i++) {
                // mostly forwards by minutes, sometimes hours or days back or on, as chats and merged exports go
                int step = switch (r.nextInt(20)) {
                    case 0 -> -r.nextInt(3 * 24 * 60);
                    case 1 -> r.nextInt(40 * 24 * 60);
                    case 2 -> -r.nextInt(120);
                    default -> r.nextInt(90);
                };
                local = local.plusMinutes(step).withSecond(r.nextInt(60));
                WallClock.Reading reading = clock.read("chat " + r.nextInt(2), local);
                if (zone.getRules().getTransition(local) == null) {
                    assertEquals(ZonedDateTime.ofLocal(local, zone, null), reading.at(), id + " " + local);
                    assertNull(reading.change(), id + " " + local);
                }
            }
        }
    }

    @Test
    void theHoursOfAChangeArePlacedAsBeforeWhateverCameFirst() {
        ZoneId london = ZoneId.of("Europe/London");
        WallClock clock = new WallClock(london);
        clock.read("c", LocalDateTime.of(2024, 10, 26, 12, 0)); // a steady span ending at the change
        assertEquals("overlap", clock.read("c", LocalDateTime.of(2024, 10, 27, 1, 30)).change());
        assertEquals(ZonedDateTime.of(2024, 10, 27, 1, 50, 0, 0, london).withEarlierOffsetAtOverlap(),
                clock.read("c", LocalDateTime.of(2024, 10, 27, 1, 50)).at());
        assertEquals(ZonedDateTime.of(2024, 10, 27, 1, 10, 0, 0, london).withLaterOffsetAtOverlap(),
                clock.read("c", LocalDateTime.of(2024, 10, 27, 1, 10)).at());
        assertNull(clock.read("c", LocalDateTime.of(2024, 10, 27, 2, 0)).change());
        clock.read("c", LocalDateTime.of(2025, 3, 29, 23, 0));
        WallClock.Reading gap = clock.read("c", LocalDateTime.of(2025, 3, 30, 1, 30));
        assertEquals("gap", gap.change());
        assertEquals(ZonedDateTime.of(2025, 3, 30, 2, 0, 0, 0, london), gap.at());
        assertEquals(ZonedDateTime.of(2025, 3, 30, 2, 0, 0, 0, london),
                clock.read("c", LocalDateTime.of(2025, 3, 30, 2, 0)).at());
    }
}
