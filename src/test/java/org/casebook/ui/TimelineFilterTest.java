package org.casebook.ui;

import static org.casebook.ui.SeededVault.ALL;
import static org.casebook.ui.SeededVault.CALLS;
import static org.casebook.ui.SeededVault.FOLLOWED;
import static org.casebook.ui.SeededVault.IGNORING;
import static org.casebook.ui.SeededVault.SAFE;
import static org.casebook.ui.SeededVault.STATION;
import static org.casebook.ui.SeededVault.THREAT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.casebook.model.Person;
import org.casebook.ui.main.MainViewModel;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.Test;

/** The type, person and date filters and the search field narrow the timeline, alone and together. */
class TimelineFilterTest extends UiTestBase {

    @Test
    void typeAndPersonFiltersNarrowTheTimeline() {
        openSeededVault();
        choose("#timeline-type-filter", "Messages");
        waitForTexts(List.of(IGNORING, STATION, SAFE));
        choose("#timeline-person-filter", SeededVault.SAM);
        waitForTexts(List.of(IGNORING, STATION));
        assertEquals("2 of 6 items", summary());
        choose("#timeline-type-filter", "Diary entries");
        waitForTexts(List.of());
        clickOn("#timeline-clear-filters");
        waitForTexts(ALL);
        choose("#timeline-type-filter", "Diary: Following");
        waitForTexts(List.of(FOLLOWED));
    }

    @Test
    void aPersonsFilterAlsoShowsThePeopleMergedIntoThem() {
        openSeededVault();
        MainViewModel vm = mainView().viewModel();
        Person sam = onFx(() -> person(vm, SeededVault.SAM));
        Person wendy = onFx(() -> person(vm, SeededVault.WENDY));
        interact(() -> vm.mergePerson(wendy, sam));
        waitUntil("Wendy merged into Sam", () -> onFx(() -> vm.people().stream()
                .noneMatch(p -> p.name().equals(SeededVault.WENDY))));
        choose("#timeline-type-filter", "Messages");
        choose("#timeline-person-filter", SeededVault.SAM);
        waitForTexts(List.of(IGNORING, STATION, SAFE));
    }

    private static Person person(MainViewModel vm, String name) {
        return vm.people().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void dateRangeNarrowsTheTimelineAndKeepsDayHeadings() {
        openSeededVault();
        pickDate("#timeline-from", SeededVault.march(5));
        waitForTexts(List.of(FOLLOWED, STATION, SAFE, CALLS));
        pickDate("#timeline-to", SeededVault.march(8));
        waitForTexts(List.of(FOLLOWED, STATION, SAFE));
        List<TimelineRow> rows = rows();
        assertEquals(new TimelineRow.Day(SeededVault.march(5), 1), rows.get(0));
        assertEquals(new TimelineRow.Day(SeededVault.march(7), 1), rows.get(2));
        assertEquals(new TimelineRow.Day(SeededVault.march(8), 1), rows.get(4));
        assertEquals(6, rows.size());
        pickDate("#timeline-from", SeededVault.march(1));
        pickDate("#timeline-to", SeededVault.march(1));
        waitForTexts(List.of(THREAT));
    }

    @Test
    void searchAsYouTypeNarrowsTheTimelineWithTheOtherFilters() {
        openSeededVault();
        clickOn("#timeline-search");
        typeText("stat");
        waitForTexts(List.of(STATION));
        replaceText("#timeline-search", "you");
        waitForTexts(List.of(IGNORING, STATION, SAFE));
        choose("#timeline-person-filter", SeededVault.WENDY);
        waitForTexts(List.of(SAFE));
        assertEquals("1 of 6 items", summary());
        clickOn("#timeline-search").push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE);
        waitForTexts(List.of(SAFE));
        clickOn("#timeline-clear-filters");
        waitForTexts(ALL);
        replaceText("#timeline-search", "nothing matches this");
        waitForTexts(List.of());
        assertEquals("0 of 6 items", summary());
    }

    private String summary() {
        return onFx(() -> lookup("#timeline-summary").queryAs(Label.class).getText());
    }

    private void pickDate(String query, java.time.LocalDate day) {
        DatePicker picker = lookup(query).queryAs(DatePicker.class);
        String text = onFx(() -> picker.getConverter().toString(day));
        clickOn(picker.getEditor()).push(KeyCode.CONTROL, KeyCode.A);
        typeText(text).type(KeyCode.ENTER);
        waitUntil(query + " set to " + day, () -> day.equals(picker.getValue()));
    }
}
