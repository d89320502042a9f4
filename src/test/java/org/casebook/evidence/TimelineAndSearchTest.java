package org.casebook.evidence;

import static org.casebook.testsupport.TestVaults.LONDON;
import static org.casebook.testsupport.TestVaults.draft;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.casebook.model.Attachment;
import org.casebook.model.Case;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.Person;
import org.casebook.model.PersonRole;
import org.casebook.model.TimelineItem;
import org.casebook.model.When;
import org.casebook.testsupport.Images;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Progress;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases, people, incidents, the merged timeline and search, in one shared vault. */
class TimelineAndSearchTest {
    @TempDir
    static Path dir;
    static Vault vault;
    static Case main;
    static Case other;
    static Incident evening;
    static Incident morning;
    static Attachment photo;
    static Attachment screenshot;

    @BeforeAll
    static void fill() throws IOException {
        vault = TestVaults.create(dir, "timeline.casebook");
        CaseService cases = new CaseService(vault);
        main = cases.add("R v Example (harassment)", "JS", LONDON);
        other = cases.add("Another matter", "AM", ZoneId.of("Europe/Berlin"));
        IncidentService incidents = new IncidentService(vault);
        // added out of order on purpose
        evening = incidents.add(main.id(), new IncidentDraft(IncidentType.THREAT,
                When.exactly(ZonedDateTime.of(2024, 3, 3, 21, 0, 0, 0, LONDON)),
                "Said he'd be waiting at 6 o'clock — \"you'll see\"", "Outside the café", List.of("Ana"), null,
                "CAD-1234")); 
        morning = incidents.add(main.id(), draft(IncidentType.FOLLOWING,
                ZonedDateTime.of(2024, 3, 1, 8, 0, 0, 0, LONDON), "Followed me to the station; NOT a coincidence"));
        Path src = Files.createDirectories(dir.resolve("src"));
        Path jpg = Files.write(src.resolve("car.jpg"),
                Images.jpegWithExif("Acme", "Cam 9", "2024:03:02 12:30:00", null));
        Path png = Files.write(src.resolve("screenshot.png"), Images.png());
        Files.setLastModifiedTime(png, FileTime.from(Instant.parse("2024-02-28T10:00:00Z")));
        List<Attachment> attached = new AttachmentService(vault).attach(main.id(), List.of(jpg, png), null,
                Progress.NONE);
        photo = attached.get(0);
        screenshot = attached.get(1);
        incidents.add(other.id(), draft(IncidentType.CALL, ZonedDateTime.of(2024, 3, 2, 9, 0, 0, 0,
                ZoneId.of("Europe/Berlin")), "Station call in the other case"));
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    private static List<Long> ids(List<TimelineItem> items) {
        return items.stream().map(TimelineItem::id).toList();
    }

    // ---- timeline ------------------------------------------------------------------------------------------

    @Test
    void timelineMergesIncidentsAndAttachmentsByWhenTheyHappened() {
        List<TimelineItem> timeline = new TimelineService(vault).timeline(main.id());
        assertEquals(List.of(screenshot.id(), morning.id(), photo.id(), evening.id()), ids(timeline));
        assertEquals(List.of(ItemKind.ATTACHMENT, ItemKind.INCIDENT, ItemKind.ATTACHMENT, ItemKind.INCIDENT),
                timeline.stream().map(TimelineItem::kind).toList());
        for (int i = 1; i < timeline.size(); i++) {
            assertFalse(timeline.get(i).when().at().isBefore(timeline.get(i - 1).when().at()));
        }
        TimelineItem first = timeline.get(0);
        assertEquals("screenshot.png", first.text());
        assertEquals(screenshot.sha256(), first.sha256());
        assertEquals("screenshot.png", first.source());
        TimelineItem threat = timeline.get(3);
        assertEquals("threat", threat.type());
        assertNull(threat.sha256());
        assertTrue(threat.added().isAfter(threat.when().at().toInstant()), "when it was added is kept separately");
        assertEquals(4, new TimelineService(vault).count(main.id()));
    }

    @Test
    void timelineStreamsTheSameRowsAndKeepsCasesApart() {
        List<TimelineItem> streamed = new ArrayList<>();
        new TimelineService(vault).forEach(main.id(), streamed::add);
        assertEquals(new TimelineService(vault).timeline(main.id()), streamed);
        List<TimelineItem> otherItems = new TimelineService(vault).timeline(other.id());
        assertEquals(1, otherItems.size());
        assertEquals(ZoneId.of("Europe/Berlin"), otherItems.get(0).when().at().getZone());
        assertEquals(List.of(), new TimelineService(vault).timeline(424242));
    }

    // ---- search --------------------------------------------------------------------------------------------

    @Test
    void searchFindsWordsInTextAndDetails() {
        TimelineService t = new TimelineService(vault);
        assertEquals(List.of(morning.id()), ids(t.search(main.id(), "station", false, 10)));
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "waiting", false, 10)));
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "cafe", false, 10)), "diacritics are ignored");
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "Ana", false, 10)), "witness names");
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "cad-1234", false, 10)), "police reference");
        assertEquals(List.of(photo.id()), ids(t.search(main.id(), "acme", false, 10)), "camera");
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "WAIT", true, 10)), "prefix of the last word");
        assertEquals(List.of(), t.search(main.id(), "WAIT", false, 10));
        assertEquals(List.of(morning.id(), evening.id()), ids(t.search(main.id(), "the", false, 10)),
                "in timeline order");
        assertEquals(List.of(morning.id()), ids(t.search(main.id(), "the", false, 1)), "limit");
        assertEquals(1, t.search(other.id(), "station", false, 10).size(), "each case searches only itself");
    }

    @Test
    void punctuationQuotesAndSearchOperatorsAreTakenLiterally() {
        TimelineService t = new TimelineService(vault);
        String[] nasty = {"\"", "\"\"", "'", "o'clock", "he'd", "\"you'll see\"", "NOT", "AND", "OR", "NEAR",
            "NEAR(station coincidence)", "station AND", "OR station", "NOT coincidence", "*", "station*", "^station",
            "text:station", "searchable:ana", "{text}: station", "(", ")", "()", "a + b", "-station", "station -",
            "%", "_", "\\", ";", "DROP TABLE item; --", "\u0000", "café'\"", "🙂", "日本語", "     ", "", "--", ":", "."};
        for (String q : nasty) {
            for (boolean prefix : new boolean[] {false, true}) {
                assertDoesNotThrow(() -> t.search(main.id(), q, prefix, 50), "query " + q);
            }
        }
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "o'clock", false, 10)));
        assertEquals(List.of(evening.id()), ids(t.search(main.id(), "\"you'll see\"", false, 10)));
        assertEquals(List.of(morning.id()), ids(t.search(main.id(), "NOT coincidence", false, 10)),
                "NOT is a word here, not an operator");
        assertEquals(List.of(morning.id()), ids(t.search(main.id(), "station;", false, 10)));
        assertEquals(List.of(), t.search(main.id(), "   ", false, 10));
        assertEquals(List.of(), t.search(main.id(), null, false, 10));
        assertEquals(List.of(), t.search(main.id(), "*", false, 10));
    }

    @Test
    void ftsQueryQuotesEveryTerm() {
        assertEquals("\"a\" \"b\"", FtsQuery.of(" a  b ", false));
        assertEquals("\"a\" \"bus\"*", FtsQuery.of("a bus", true));
        assertEquals("\"say\"", FtsQuery.of("\"say\"", false));
        assertNull(FtsQuery.of("* ( ) \"", false));
    }

    @Test
    void prefixesStartAtThreeLettersExceptInChineseJapaneseAndKorean() {
        assertEquals("\"wh\"", FtsQuery.of("wh", true), "two letters match a whole word while typing");
        assertEquals("\"whe\"*", FtsQuery.of("whe", true));
        assertEquals("\"住\"*", FtsQuery.of("住", true));
        assertEquals("\"네가\"*", FtsQuery.of("네가", true));
    }

    // ---- cases ---------------------------------------------------------------------------------------------

    @Test
    void caseIsFoundByIdOrExactTitle() {
        CaseService cases = new CaseService(vault);
        assertEquals(main, cases.find(String.valueOf(main.id())));
        assertEquals(main, cases.find("R v Example (harassment)"));
        assertEquals(main, cases.find("  R v Example (harassment) "), "surrounding spaces do not matter");
        assertEquals(main, cases.get(main.id()));
        assertTrue(cases.list().containsAll(List.of(main, other)));
    }

    @Test
    void unknownCaseIsBadInputListingTheCases() {
        CaseService cases = new CaseService(vault);
        for (String key : new String[] {"r v example (harassment)", "999", "R v Example"}) {
            VaultException e = assertThrows(VaultException.class, () -> cases.find(key));
            assertEquals(VaultException.Kind.BAD_INPUT, e.kind());
            assertTrue(e.getMessage().contains(main.id() + " (R v Example (harassment))"), e.getMessage());
            assertTrue(e.getMessage().contains(other.id() + " (Another matter)"), e.getMessage());
        }
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class, () -> cases.find(" ")).kind());
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class, () -> cases.get(999)).kind());
    }

    @Test
    void emptyVaultSaysHowToAddACase(@TempDir Path empty) {
        try (Vault v = TestVaults.create(empty, "empty.casebook")) {
            VaultException e = assertThrows(VaultException.class, () -> new CaseService(v).find("1"));
            assertTrue(e.getMessage().contains("casebook case add"), e.getMessage());
        }
    }

    @Test
    void caseTitlesAreUniqueAndInitialsChecked() {
        CaseService cases = new CaseService(vault);
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> cases.add("Another matter", null, LONDON)).kind());
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> cases.add("Bad initials", "J5", LONDON)).kind());
        assertEquals(VaultException.Kind.BAD_INPUT,
                assertThrows(VaultException.class, () -> cases.add("  ", null, LONDON)).kind());
        assertEquals("JS", cases.add("jane smith v someone", null, LONDON).initials());
        assertEquals("ÉO", cases.add("Case with accents", "éo", LONDON).initials());
    }

    // ---- people and incidents ------------------------------------------------------------------------------

    @Test
    void personKeepsIdentifiersRawAndNormalised() {
        Person p = new PersonService(vault).add(main.id(), " Sam Example ", PersonRole.PERPETRATOR, List.of(
                Identifier.of(IdentifierKind.PHONE, "0044 7700 900-123"),
                Identifier.of(IdentifierKind.EMAIL, "Sam.Example@Example.ORG"),
                Identifier.of(IdentifierKind.HANDLE, "@SamX")));
        assertEquals("Sam Example", p.name());
        assertEquals(List.of("+447700900123", "sam.example@example.org", "samx"),
                p.identifiers().stream().map(Identifier::normalized).toList());
        assertEquals("0044 7700 900-123", p.identifiers().get(0).raw());
        assertTrue(new PersonService(vault).list(main.id()).contains(p));
        assertThrows(VaultException.class, () -> new PersonService(vault).add(999, "x", PersonRole.OTHER, List.of()));
    }

    @Test
    void incidentFieldsAreValidatedAndCleaned() {
        IncidentService incidents = new IncidentService(vault);
        ZonedDateTime at = ZonedDateTime.of(2024, 3, 9, 10, 0, 0, 0, LONDON);
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> incidents.add(main.id(), draft(IncidentType.OTHER, at, "  "))).kind());
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> incidents.add(main.id(), new IncidentDraft(IncidentType.OTHER,
                        new When(at, at.minusHours(1), false), "ends before it starts", null, null, null, null)))
                .kind());
        assertEquals(VaultException.Kind.BAD_INPUT, assertThrows(VaultException.class,
                () -> incidents.add(999_999, draft(IncidentType.OTHER, at, "no such case"))).kind());
        Incident i = incidents.add(main.id(), new IncidentDraft(IncidentType.LOITERING,
                new When(at, at.plusMinutes(45), true), "  Stood across the road  ", " ", List.of(" Bo ", " "),
                " Scared ", null));
        assertEquals("Stood across the road", i.description());
        assertNull(i.location());
        assertEquals(List.of("Bo"), i.witnesses());
        assertEquals("Scared", i.impact());
        assertEquals(at.plusMinutes(45), i.when().end());
        assertTrue(i.when().approximate());
        assertEquals(i, incidents.get(i.id()));
        assertThrows(VaultException.class, () -> incidents.get(photo.id()), "an attachment is not an incident");
        new ItemService(vault).delete(i.id(), "test entry");
    }

    @Test
    void typedTimesAreReadInTheCaseZone() {
        assertEquals(ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON),
                Inputs.when("at", "2024-03-01T21:15", LONDON).at());
        assertEquals(ZonedDateTime.of(2024, 3, 1, 21, 15, 0, 0, LONDON),
                Inputs.when("at", "2024-03-01 21:15", LONDON).at());
        assertEquals(ZonedDateTime.of(2024, 7, 1, 21, 15, 0, 0, LONDON), Inputs.when("at", "2024-07-01T20:15Z", LONDON)
                .at().withZoneSameInstant(LONDON), "an offset is honoured");
        When day = Inputs.when("at", "2024-03-01", LONDON);
        assertTrue(day.approximate());
        assertEquals(12, day.at().getHour());
        VaultException e = assertThrows(VaultException.class, () -> Inputs.when("at", "1st March", LONDON));
        assertTrue(e.getMessage().startsWith("at:"), e.getMessage());
    }
}
