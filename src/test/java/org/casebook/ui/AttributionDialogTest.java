package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.casebook.evidence.Attributions;
import org.casebook.model.Case;
import org.casebook.model.IdentifierKind;
import org.casebook.model.Person;
import org.junit.jupiter.api.Test;

/** The witness says why a number is the perpetrator's, and adds his car, through the people pane's dialog. */
class AttributionDialogTest extends UiTestBase {
    @Test
    void theBasisOfANumberAndANewVehicleAreStoredForTheWhoIsWhoPage() {
        openSeededVault();
        Case aCase = shell.session().cases().list().get(0);
        @SuppressWarnings("unchecked")
        ListView<Person> people = lookup("#people").queryAs(ListView.class);
        waitUntil("the people listed", () -> onFx(() -> people.getItems().size()) > 0);
        Person sam = onFx(() -> people.getItems().stream().filter(p -> p.name().equals(SeededVault.SAM))
                .findFirst().orElseThrow());
        interact(() -> people.getSelectionModel().select(sam));
        clickOn("#attribute-person");
        waitUntil("the form", () -> lookup("#attribution-basis").tryQuery().isPresent());
        choose("#attribution-existing", "Phone: " + sam.identifiers().get(0).raw());
        assertEquals("Say how you know it is theirs.", lookup("#attribution-problem").queryAs(Label.class).getText());
        clickOn("#attribution-basis");
        typeText("His number since 2019");
        clickOn("#attribution-save");
        waitUntil("the basis stored", () -> basisOf(aCase, sam, IdentifierKind.PHONE) != null);

        interact(() -> people.getSelectionModel().select(sam));
        clickOn("#attribute-person");
        waitUntil("the form", () -> lookup("#attribution-basis").tryQuery().isPresent());
        choose("#attribution-kind", "Vehicle");
        clickOn("#attribution-value");
        typeText("AB12 CDE");
        clickOn("#attribution-basis");
        typeText("I saw him drive it past my house");
        clickOn("#attribution-shown-in-export");
        clickOn("#attribution-shown-in-export");
        clickOn("#attribution-save");
        waitUntil("the vehicle stored", () -> basisOf(aCase, sam, IdentifierKind.VEHICLE) != null);

        Attributions.PersonAttributions stored = new Attributions(shell.session().vault()).forCase(aCase.id()).stream()
                .filter(p -> p.personId() == sam.id()).findFirst().orElseThrow();
        List<Attributions.Attribution> phones = stored.identifiers().stream()
                .filter(a -> a.kind() == IdentifierKind.PHONE).toList();
        assertEquals(1, phones.size(), "the basis goes on the number he has, not a second copy");
        assertEquals("His number since 2019", phones.get(0).basis());
        Attributions.Attribution car = stored.identifiers().stream().filter(a -> a.kind() == IdentifierKind.VEHICLE)
                .findFirst().orElseThrow();
        assertEquals("AB12 CDE", car.value());
        assertFalse(car.shownInExport(), "ticked and unticked again: her belief");
    }

    private String basisOf(Case aCase, Person person, IdentifierKind kind) {
        return new Attributions(shell.session().vault()).forCase(aCase.id()).stream()
                .filter(p -> p.personId() == person.id()).flatMap(p -> p.identifiers().stream())
                .filter(a -> a.kind() == kind).map(Attributions.Attribution::basis)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
