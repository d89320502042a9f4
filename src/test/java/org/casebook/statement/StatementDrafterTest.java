package org.casebook.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.casebook.conduct.OrderService;
import org.casebook.evidence.CaseService;
import org.casebook.evidence.IncidentService;
import org.casebook.evidence.PersonService;
import org.casebook.evidence.VerifyService;
import org.casebook.vault.Progress;
import org.casebook.model.Case;
import org.casebook.model.CourtOrder;
import org.casebook.model.Identifier;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.OrderDraft;
import org.casebook.model.OrderKind;
import org.casebook.model.PersonRole;
import org.casebook.model.When;
import org.casebook.testsupport.TestVaults;
import org.casebook.vault.Vault;
import org.casebook.vault.VaultException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draft on a real vault: what it says from the case, and what it leaves for the witness to say. */
class StatementDrafterTest {
    @TempDir
    Path dir;
    Vault vault;
    Case aCase;

    @BeforeEach
    void open() {
        vault = TestVaults.create(dir, "d.casebook");
        aCase = new CaseService(vault).add("Sam Morgan", "SM", TestVaults.LONDON);
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private Incident incident(int day, String what, String where) {
        return new IncidentService(vault).add(aCase.id(), new IncidentDraft(IncidentType.IN_PERSON,
                When.exactly(ZonedDateTime.of(2024, 3, day, 21, 15, 0, 0, TestVaults.LONDON)), what, where, List.of(),
                null, null));
    }

    @Test
    void theDraftTellsTheCaseInOrderInTheFirstPersonAndInventsNothing() {
        new PersonService(vault).add(aCase.id(), "Dan Reeve", PersonRole.PERPETRATOR,
                List.of(new Identifier(IdentifierKind.PHONE, "07700 900123", "+447700900123")));
        incident(1, "He waited by my car", "Tesco car park");
        CourtOrder order = new OrderService(vault).add(aCase.id(), new OrderDraft(OrderKind.RESTRAINING_ORDER,
                "Leeds Magistrates' Court", "R-1", LocalDate.of(2024, 3, 4), null, null, null,
                List.of("Not to contact Sam Morgan directly or indirectly.")));
        Incident after = incident(8, "He followed me home", "outside my home");
        new OrderService(vault).confirm(after.id(), order.conditions().get(0).id(), null);

        StatementDrafter.Draft draft = new StatementDrafter(vault).draft(aCase.id(), StatementProfile.FAMILY,
                StatementDetails.empty(), List.of());
        List<String> p = StatementText.paragraphs(draft.text());
        assertTrue(p.get(0).startsWith("I am [your full name]. I make this statement about the behaviour of Dan"
                + " Reeve towards me."), p.get(0));
        assertTrue(p.get(1).startsWith("[Say how you know Dan Reeve"), "how they know each other is the witness's to say");
        assertTrue(p.get(2).startsWith("Dan Reeve uses the phone number 07700 900123."), p.get(2));
        int first = indexOf(p, "On Friday 1 March 2024 at 21:15, at Tesco car park: He waited by my car.");
        int made = indexOf(p, "On Monday 4 March 2024 the Leeds Magistrates' Court made a restraining order against Dan"
                + " Reeve (reference R-1).");
        int followed = indexOf(p, "On Friday 8 March 2024 at 21:15, outside my home: He followed me home. This was in"
                + " breach of the order's condition \u201CNot to contact Sam Morgan directly or indirectly\u201D.");
        assertTrue(first < made && made < followed, draft.text());
        assertTrue(p.get(p.size() - 1).contains("[Read every paragraph"), "the witness is asked to check it");
        assertTrue(draft.exhibits().isEmpty());
    }

    @Test
    void aRedraftNeverReplacesTheWitnessesWordingAndEachWordingIsKept() {
        StatementService service = new StatementService(vault);
        service.saveDraft(aCase.id(), StatementProfile.POLICE, "Draft one.", Map.of());
        service.edit(aCase.id(), StatementProfile.POLICE, "Mine.\n\n\n\nSecond   paragraph.");
        Statement s = service.saveDraft(aCase.id(), StatementProfile.POLICE, "Draft two.", Map.of("SM/1", 5L));
        assertEquals("Mine.\n\nSecond   paragraph.", s.text());
        assertEquals("Draft two.", s.draft());
        assertEquals(1, s.versions());
        service.edit(aCase.id(), StatementProfile.POLICE, "Mine.\n\nSecond   paragraph.");
        assertEquals(1, service.find(aCase.id(), StatementProfile.POLICE).orElseThrow().versions(),
                "saving the same wording again is no new version");
        assertThrows(VaultException.class, () -> service.edit(aCase.id(), StatementProfile.POLICE, " \n\n "));
        assertThrows(VaultException.class, () -> service.edit(aCase.id(), StatementProfile.POLICE, "a\0b"));
        assertThrows(VaultException.class, () -> service.edit(aCase.id(), StatementProfile.CIVIL, "not drafted"));
        assertFalse(service.find(aCase.id(), StatementProfile.CIVIL).isPresent());
        List<String> actions = vault.read(c -> vault.audit().entriesFor(c, "statement:" + aCase.id() + "/police"))
                .stream().map(e -> e.action()).toList();
        assertEquals(List.of("statement-drafted", "statement-edited", "statement-redrafted"), actions);
        assertTrue(vault.read(c -> vault.audit().verifyChain(c)).isEmpty());
    }

    @Test
    void verifyFindsAStatementOrAnEarlierWordingChangedOutsideCasebook() throws Exception {
        StatementService service = new StatementService(vault);
        service.saveDraft(aCase.id(), StatementProfile.CIVIL, "Draft.", Map.of());
        service.edit(aCase.id(), StatementProfile.CIVIL, "What I said first.");
        service.edit(aCase.id(), StatementProfile.CIVIL, "What I say now.");
        assertEquals(List.of(), new VerifyService(vault).verify(Progress.NONE).problems());
        Path file = vault.file();
        vault.close();
        TestVaults.rawExecute(file, "UPDATE statement_version SET text = 'Something else.' WHERE id = 1");
        vault = TestVaults.open(file);
        assertEquals(List.of("the civil statement of case " + aCase.id() + " was changed outside Casebook (it no"
                + " longer matches its audit record)"), new VerifyService(vault).verify(Progress.NONE).problems());
        vault.close();
        TestVaults.rawExecute(file, "DELETE FROM statement_version", "DELETE FROM statement");
        vault = TestVaults.open(file);
        assertEquals(List.of("the statement " + aCase.id() + "/civil is missing: it was removed outside Casebook"),
                new VerifyService(vault).verify(Progress.NONE).problems());
    }

    @Test
    void marksAndPlaceholdersAreFoundInTheWording() {
        String text = "I produce SM/1, SM/12.1 and SM/3. Not XSM/4 nor SM/55x. [your name] and [date].";
        assertEquals(List.of("SM/1", "SM/12.1", "SM/3"), List.copyOf(StatementText.marksNamed(text, "SM")));
        assertEquals(List.of("[your name]", "[date]"), StatementText.placeholders(text));
        assertEquals("This statement (consisting of 3 page(s) each signed by me) is true to the best of my knowledge"
                + " and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to"
                + " prosecution if I have wilfully stated in it anything which I know to be false, or do not believe"
                + " to be true.", Declarations.police(3));
    }

    private static int indexOf(List<String> paragraphs, String start) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph starts \"" + start + "\" in:\n" + String.join("\n", paragraphs));
    }
}
