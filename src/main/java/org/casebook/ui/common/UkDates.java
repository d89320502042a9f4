package org.casebook.ui.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Date pickers that show and read dates the UK way (27/11/2026), whatever the computer's locale: a date read
 * as 11 July when 7 November was meant would put evidence on the wrong day.
 */
public final class UkDates {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK);
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK)
            .withResolverStyle(ResolverStyle.STRICT);

    private UkDates() {
    }

    /** Sets {@code picker} to UK day/month/year, with that as its prompt if it has none; returns it. */
    public static DatePicker picker(DatePicker picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : SHOWN.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                String typed = text == null ? "" : text.strip().replace('.', '/').replace('-', '/');
                if (typed.isEmpty()) {
                    return null;
                }
                // The picker keeps its previous value when this throws: nothing is silently changed.
                return LocalDate.parse(typed, TYPED);
            }
        });
        if (picker.getPromptText() == null || picker.getPromptText().isEmpty()) {
            picker.setPromptText("dd/mm/yyyy");
        }
        return picker;
    }

    /** A new UK picker showing {@code date} (or empty). */
    public static DatePicker picker(LocalDate date) {
        return picker(new DatePicker(date));
    }
}
