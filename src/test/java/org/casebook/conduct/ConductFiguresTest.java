package org.casebook.conduct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casebook.model.BehaviourTag;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.PersonRole;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure on small hand-made cases whose answers are worked out in the comments. */
class ConductFiguresTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    private static ZonedDateTime utc(String iso) {
        return Instant.parse(iso).atZone(ZoneOffset.UTC);
    }

    private static List<String> weeks(ConductSummary s) {
        return s.perWeek().stream().map(w -> w.week() + "=" + w.count()).toList();
    }

    @Test
    void everyFigureOfASmallLondonCase() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, "+44 7700 900123");
            long friend = t.person("Friend", PersonRole.OTHER, "+44 7700 900555");
            long whatsapp = t.conversation("WhatsApp", "sam");
            long sms = t.conversation("SMS", "sam");
            long calls = t.conversation("Call", "sam");
            // March 2024 is GMT in London until the 31st; 4 March is a Monday (2024-W10).
            t.messages(ItemKind.MESSAGE, whatsapp, sam, "incoming",
                    t.local(2024, 3, 4, 9, 0), t.local(2024, 3, 4, 21, 30), t.local(2024, 3, 6, 10, 0));
            t.messages(ItemKind.MESSAGE, sms, sam, "incoming", t.local(2024, 3, 15, 12, 0));
            t.messages(ItemKind.CALL, calls, sam, "incoming", t.local(2024, 3, 15, 13, 0));
            // Not contacts: a friend's message and the user's own reply.
            t.messages(ItemKind.MESSAGE, sms, friend, "incoming", t.local(2024, 3, 5, 12, 0));
            t.messages(ItemKind.MESSAGE, sms, null, "outgoing", t.local(2024, 3, 7, 12, 0));
            long threat = t.incident(IncidentType.THREAT, t.local(2024, 3, 10, 22, 0));
            t.incident(IncidentType.FOLLOWING, t.local(2024, 3, 18, 8, 0));
            new TagService(t.vault).add(threat, BehaviourTag.THREATS);

            ConductSummary s = t.summary(null, null);

            assertEquals(LocalDate.of(2024, 3, 4), s.from());
            assertEquals(LocalDate.of(2024, 3, 18), s.to());
            assertEquals(2, s.incidents());
            assertEquals(4, s.messages());
            assertEquals(1, s.calls());
            assertEquals(Instant.parse("2024-03-04T09:00:00Z"), s.first());
            assertEquals(Instant.parse("2024-03-18T08:00:00Z"), s.last());
            Map<String, Long> channels = new LinkedHashMap<>();
            channels.put("whatsapp", 3L);
            channels.put("diary", 2L);
            channels.put("call", 1L);
            channels.put("sms", 1L);
            assertEquals(List.copyOf(channels.entrySet()), List.copyOf(s.byChannel().entrySet()), "largest first");
            assertEquals(Map.of("threat", 1L, "following", 1L), s.byType());
            assertEquals(Map.of("threats", 1L), s.byTag());
            assertEquals(List.of("2024-W10=4", "2024-W11=2", "2024-W12=1"), weeks(s));
            assertEquals(List.of(1L, 0L, 1L), s.perWeek().stream().map(ConductSummary.WeekCount::severe).toList());
            long[] hours = new long[24];
            hours[9] = 1;
            hours[21] = 1;
            hours[10] = 1;
            hours[12] = 1;
            hours[13] = 1;
            hours[22] = 1;
            hours[8] = 1;
            assertArrayEquals(hours, s.byHour());
            assertArrayEquals(new long[] {3, 0, 1, 0, 2, 0, 1}, s.byDayOfWeek());
            // Contact days 4, 6, 10, 15, 18: the quiet days 11 to 14 are the longest run.
            assertEquals(4, s.longestGapDays());
            assertEquals(new ConductSummary.Gap(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 15), 4), s.longestGap());
            // 15 days: the first half is 4-10 March (4 contacts), the second 11-18 March (3).
            ConductSummary.Escalation e = s.escalation();
            assertEquals(4, e.firstHalf());
            assertEquals(3, e.secondHalf());
            assertEquals(1, e.severeFirstHalf(), "the tagged threat");
            assertEquals(1, e.severeSecondHalf(), "following is a severe incident type");
            // weeks 4, 2, 1: least-squares slope -1.5
            assertEquals(-1.5, e.perWeekSlope(), 1e-9);
            assertEquals("falling", e.direction());
            assertTrue(e.method().contains("least-squares") && e.method().contains("from the perpetrator"), e.method());
            assertEquals("Between 4 March 2024 and 18 March 2024 there were 7 contacts and incidents on 4 channels"
                    + " (WhatsApp: 3, Diary: 2, Call: 1, Text (SMS): 1), that is 2 diary incidents, 4 messages and 1 call.",
                    s.narrative().get(0));
            assertTrue(s.narrative().contains("The longest quiet period was 4 days, between 10 March 2024 and"
                    + " 15 March 2024."), s.narrative().toString());
        }
    }

    @Test
    void hoursFollowTheClocksChangingInLondon() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long sam = t.person("Sam", PersonRole.PERPETRATOR, null);
            long sms = t.conversation("SMS", "sam");
            t.messages(ItemKind.MESSAGE, sms, sam, "incoming",
                    utc("2024-03-30T23:30:00Z"),  // 23:30 GMT on the 30th: outside
                    utc("2024-03-31T00:30:00Z"),  // 00:30 GMT
                    utc("2024-03-31T01:30:00Z"),  // 02:30 BST: the clocks went forward at 01:00 GMT
                    utc("2024-03-31T22:30:00Z"),  // 23:30 BST, still the 31st
                    utc("2024-03-31T23:30:00Z"),  // 00:30 BST on 1 April: outside
                    utc("2024-10-27T00:30:00Z"),  // 01:30 BST
                    utc("2024-10-27T01:30:00Z")); // 01:30 GMT, after the clocks went back
            ConductSummary spring = t.summary(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 3, 31));
            assertEquals(3, spring.messages());
            assertEquals(1, spring.byHour()[0]);
            assertEquals(0, spring.byHour()[1], "01:00-02:00 did not exist that night");
            assertEquals(1, spring.byHour()[2]);
            assertEquals(1, spring.byHour()[23]);
            assertEquals(List.of("2024-W13=3"), weeks(spring));
            assertEquals(0, spring.longestGapDays());

            ConductSummary autumn = t.summary(LocalDate.of(2024, 10, 27), LocalDate.of(2024, 10, 27));
            assertEquals(2, autumn.byHour()[1], "01:30 happened twice");
            assertEquals(2, autumn.messages());
        }
    }

    @Test
    void tokyoDaysAndWeeksAreTokyos() {
        try (ConductTestCase t = new ConductTestCase(dir, TOKYO)) {
            long ken = t.person("Ken", PersonRole.PERPETRATOR, null);
            long line = t.conversation("LINE", "ken");
            // 20:00 UTC on New Year's Eve is 05:00 on 1 January 2024 in Tokyo: a Monday, 2024-W01.
            t.messages(ItemKind.MESSAGE, line, ken, "incoming", utc("2023-12-31T20:00:00Z"));
            t.incident(IncidentType.IN_PERSON, t.local(2024, 1, 1, 8, 30));
            ConductSummary s = t.summary(LocalDate.of(2023, 12, 25), LocalDate.of(2024, 1, 7));
            assertEquals(List.of("2023-W52=0", "2024-W01=2"), weeks(s));
            assertEquals(1, s.byHour()[5]);
            assertEquals(1, s.byHour()[8]);
            assertEquals(2, s.byDayOfWeek()[0], "both on Monday in Tokyo");
            assertEquals(Map.of("line", 1L, "diary", 1L), s.byChannel());
            assertEquals(7, s.longestGapDays(), "25 to 31 December");
            assertNull(s.longestGap().after());
            assertEquals(LocalDate.of(2024, 1, 1), s.longestGap().before());
        }
    }

    @Test
    void everyIsoWeekIsListedWithZerosIncludingWeek53() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            t.incident(IncidentType.GIFT, t.local(2020, 12, 31, 12, 0));
            ConductSummary s = t.summary(LocalDate.of(2020, 12, 1), LocalDate.of(2021, 1, 31));
            assertEquals(List.of("2020-W49=0", "2020-W50=0", "2020-W51=0", "2020-W52=0", "2020-W53=1",
                    "2021-W01=0", "2021-W02=0", "2021-W03=0", "2021-W04=0"), weeks(s));
            assertEquals(LocalDate.of(2020, 11, 30), s.perWeek().get(0).monday());
            // 1 to 30 December is 30 quiet days; 1 to 31 January is 31, up to the end of the period.
            assertEquals(new ConductSummary.Gap(LocalDate.of(2020, 12, 31), null, 31), s.longestGap());
            assertEquals("too little data", s.escalation().direction());
        }
    }

    @Test
    void withoutAPerpetratorEveryIncomingMessageCounts() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            long a = t.person("A", PersonRole.OTHER, null);
            long sms = t.conversation("SMS", "a");
            t.messages(ItemKind.MESSAGE, sms, a, "incoming", t.local(2024, 5, 1, 10, 0));
            t.messages(ItemKind.MESSAGE, sms, a, null, t.local(2024, 5, 2, 10, 0));
            t.messages(ItemKind.MESSAGE, sms, null, "outgoing", t.local(2024, 5, 3, 10, 0));
            ConductSummary s = t.summary(null, null);
            assertEquals(2, s.messages());
            assertEquals(LocalDate.of(2024, 5, 2), s.to());
            assertTrue(s.escalation().method().contains("no perpetrator is recorded"), s.escalation().method());
        }
    }

    @Test
    void anEmptyCaseAndABackwardsPeriod() {
        try (ConductTestCase t = new ConductTestCase(dir, LONDON)) {
            ConductSummary s = t.summary(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 7));
            assertEquals(0, s.incidents() + s.messages() + s.calls());
            assertNull(s.first());
            assertEquals(7, s.longestGapDays());
            assertEquals(List.of("2024-W01=0"), weeks(s));
            assertTrue(s.narrative().get(0).contains("no contacts or incidents"), s.narrative().toString());
            VaultException e = assertThrows(VaultException.class,
                    () -> t.summary(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)));
            assertTrue(e.getMessage().startsWith("from:"), e.getMessage());
        }
    }
}
