package org.casebook.ui.common;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.casebook.evidence.TimeZones;
import org.controlsfx.control.textfield.TextFields;

/**
 * Where a time zone is typed: as the person types, a list of the zones that match offers itself (type "lond"
 * and pick Europe/London). A name that is no zone is never swapped for another one: {@link #problem()} says
 * what is wrong and which zones were probably meant, and the form's Save stays disabled until it is right.
 */
public final class ZoneField {
    private static final int LISTED = 12;
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final TextField field = new TextField();
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>();
    private final StringBinding problem;

    public ZoneField(String id, ZoneId initial) {
        field.setId(id);
        field.setPromptText("e.g. Europe/London");
        field.setAccessibleText("Time zone");
        field.setText(initial.getId());
        AutoCompletionBinding<String> list = TextFields.bindAutoCompletion(field,
                request -> matches(request.getUserText()));
        // The open list takes the keyboard from the field (JavaFX hands a popup its owner's keys): select-all
        // still selects the text typed, as it does when the list is closed.
        list.getAutoCompletionPopup().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SELECT_ALL.match(e)) {
                field.selectAll();
                e.consume();
            }
        });
        // A list worked out for earlier typing can arrive after a zone was picked from it: a complete zone
        // name needs no list, so it never reopens over the form's buttons.
        list.getAutoCompletionPopup().setOnShown(e -> {
            if (matches(field.getText()).isEmpty()) {
                javafx.application.Platform.runLater(() -> list.getAutoCompletionPopup().hide());
            }
        });
        zone.bind(Bindings.createObjectBinding(() -> TimeZones.find(field.getText()).orElse(null),
                field.textProperty()));
        problem = Bindings.createStringBinding(() -> zone.get() != null ? "" : field.getText().isBlank()
                ? "Choose a time zone." : "Time zone: " + TimeZones.problem(field.getText()), zone);
    }

    public TextField field() {
        return field;
    }

    /** The zone typed, or null while the text names none. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    /** Why the text is not a zone, with the zones probably meant; empty when it is one. */
    public StringBinding problem() {
        return problem;
    }

    /** A line describing {@code zone} now: "GMT+01:00 now, British Time", for the guidance beside the field. */
    public static String describe(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        String offset = now.getOffset().getTotalSeconds() == 0 ? "GMT" : "GMT" + now.getOffset().getId();
        return offset + " now (" + zone.getDisplayName(TextStyle.FULL, Locale.UK) + ")";
    }

    /** The zones whose names hold every word typed; failing that, the ones a typing mistake away. */
    static Collection<String> matches(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || TimeZones.find(typed).map(z -> z.getId().equalsIgnoreCase(typed.strip())).orElse(false)) {
            return List.of();
        }
        String[] words = text.replace('_', ' ').replace('/', ' ').split("\\s+");
        List<String> out = new ArrayList<>();
        for (String id : TimeZones.ids()) {
            String name = id.toLowerCase(Locale.ROOT).replace('_', ' ');
            boolean all = true;
            for (String w : words) {
                all &= name.contains(w);
            }
            if (all) {
                out.add(id);
                if (out.size() == LISTED) {
                    break;
                }
            }
        }
        return out.isEmpty() ? TimeZones.suggestions(typed) : out;
    }
}
