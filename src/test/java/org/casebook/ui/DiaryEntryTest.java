package org.casebook.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.casebook.model.IncidentType;
import org.casebook.model.ItemKind;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Settings;
import org.casebook.ui.timeline.TimelineRow;
import org.junit.jupiter.api.Test;

/** A new vault, a first case, and a diary entry written through the form, shown under its day. */
class DiaryEntryTest extends UiTestBase {
    private static final String DESCRIPTION = "He was waiting by my car after work and would not let me leave";

    @Override
    void configure(Settings settings) {
        settings.defaultZoneProperty().set(LONDON);
    }

    @Test
    void diaryEntryAppearsInTheTimelineUnderItsDay() {
        Path vault = createVaultThroughDialog("mine.casebook");
        assertTrue(Files.exists(vault));
        assertEquals(vault, shell.session().file());

        // A new vault has no case: the app asks for the first one by itself.
        waitUntil("the first-case dialog", () -> lookup("#case-title").tryQuery().isPresent());
        clickOn("#case-title");
        typeText("Harassment");
        clickOn("#case-initials");
        typeText("JS");
        clickOn("Create case");
        waitUntil("the case to be selected", () -> !lookup("#new-diary-entry").query().isDisabled());

        clickOn("#new-diary-entry");
        waitUntil("the diary form", () -> lookup("#diary-description").tryQuery().isPresent());
        clickOn("#diary-type").clickOn(IncidentType.IN_PERSON.label());
        LocalDate day = LocalDate.of(2024, 2, 29);
        DatePicker date = lookup("#diary-date").queryAs(DatePicker.class);
        String typed = onFx(() -> date.getConverter().toString(day));
        clickOn(date.getEditor()).push(KeyCode.CONTROL, KeyCode.A);
        typeText(typed).type(KeyCode.ENTER);
        replaceText("#diary-time", "17:40");
        clickOn("#diary-location");
        typeText("Car park behind the office");
        clickOn("#diary-description");
        typeText(DESCRIPTION);
        assertEquals(day, date.getValue());
        clickOn("#diary-save");

        waitForTexts(List.of(DESCRIPTION));
        List<TimelineRow> rows = rows();
        assertEquals(2, rows.size());
        assertEquals(new TimelineRow.Day(day, 1), rows.get(0), "the day heading comes first");
        TimelineItem item = ((TimelineRow.Entry) rows.get(1)).item();
        assertEquals(ItemKind.INCIDENT, item.kind());
        assertEquals(IncidentType.IN_PERSON.code(), item.type());
        assertEquals(day.atTime(17, 40), item.when().at().toLocalDateTime());
        assertEquals(LONDON, item.when().at().getZone(), "the case's time zone (the default from the settings)");
        Label heading = onFx(() -> (Label) timeline().lookup(".day-header"));
        assertEquals("Thursday 29 February 2024  ·  1 item", heading.getText());
        waitUntil("the new entry selected and shown in the detail pane",
                () -> lookup("#detail-edit").tryQuery().isPresent());
        assertFalse(lookup(DESCRIPTION).tryQuery().isEmpty(), "the detail pane shows the description");
    }
}
