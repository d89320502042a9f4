package org.casebook.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Dates in file names, and the title a file goes by without its date. */
class FileNameDatesTest {
    @Test
    void readsTheDateAndOnlyATimeTheNameGives() {
        var letter = FileNameDates.find("2021-01-31 Letter from his solicitor.pdf").orElseThrow();
        assertEquals(LocalDate.of(2021, 1, 31), letter.date());
        assertTrue(letter.dateOnly(), "no time is invented");
        var photo = FileNameDates.find("IMG_20210131_143005.jpg").orElseThrow();
        assertEquals(LocalDate.of(2021, 1, 31), photo.date());
        assertEquals(LocalTime.of(14, 30, 5), photo.time());
        assertEquals(LocalDate.of(2022, 3, 4), FileNameDates.find("police letter 04.03.2022.pdf").orElseThrow().date());
        assertTrue(FileNameDates.find("invoice 12345678.pdf").isEmpty(), "not a date");
        assertTrue(FileNameDates.find("2021-13-45 scan.pdf").isEmpty(), "no such day");
        assertTrue(FileNameDates.find("letter.pdf").isEmpty());
    }

    @Test
    void theDefaultTitleIsTheNameWithoutItsDateAndExtension() {
        assertEquals("Letter from his solicitor", FileNameDates.title("2021-01-31 Letter from his solicitor.pdf"));
        assertEquals("Letter from his solicitor", FileNameDates.title("2021-01-31 - Letter from his solicitor.pdf"));
        assertEquals("police letter", FileNameDates.title("police letter 04.03.2022.pdf"));
        assertEquals("IMG", FileNameDates.title("IMG_20210131_143005.jpg"));
        assertEquals("letter", FileNameDates.title("letter.pdf"));
        assertEquals("2021-01-31", FileNameDates.title("2021-01-31.pdf"), "a name that is only a date keeps it");
    }
}
