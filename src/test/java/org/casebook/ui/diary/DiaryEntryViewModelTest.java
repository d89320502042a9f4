package org.casebook.ui.diary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.casebook.model.IncidentDraft;
import org.junit.jupiter.api.Test;

/** The diary form's rules, without the form. */
class DiaryEntryViewModelTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void tickingNotSureOfTheTimeLetsAnEntryWithoutATimeBeSaved() {
        DiaryEntryViewModel vm = new DiaryEntryViewModel(LONDON, ZonedDateTime.now(LONDON).minusDays(2));
        vm.descriptionProperty().set("A parcel left on the doorstep");
        vm.timeProperty().set("");
        assertTrue(vm.problemProperty().get().startsWith("Write the time like 21:15"));
        vm.approximateProperty().set(true);
        assertEquals("", vm.problemProperty().get(), "the message updates when the box is ticked");
        IncidentDraft draft = vm.toDraft();
        assertTrue(draft.when().approximate());
        assertEquals(LocalTime.NOON, draft.when().at().toLocalTime());
    }

    @Test
    void newEntryDefaultsToNowInTheCaseTimeZone() {
        ZonedDateTime now = ZonedDateTime.of(2024, 3, 31, 0, 30, 0, 0, ZoneId.of("UTC"));
        DiaryEntryViewModel vm = new DiaryEntryViewModel(LONDON, now);
        assertEquals(now.toLocalDate(), vm.dateProperty().get());
        assertEquals("00:30", vm.timeProperty().get());
        DiaryEntryViewModel summer = new DiaryEntryViewModel(LONDON, now.plusHours(2));
        assertEquals("03:30", summer.timeProperty().get(), "after the clocks went forward");
    }
}
