package org.casebook.ui.diary;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.casebook.model.Incident;
import org.casebook.model.IncidentDraft;
import org.casebook.model.IncidentType;
import org.casebook.model.When;

/** The diary entry form's state and rules; the dialog only binds to it. */
public final class DiaryEntryViewModel {
    private final ZoneId zone;
    private final ObjectProperty<IncidentType> type = new SimpleObjectProperty<>(IncidentType.OTHER);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty time = new SimpleStringProperty();
    private final BooleanProperty approximate = new SimpleBooleanProperty(false);
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty witnesses = new SimpleStringProperty("");
    private final StringProperty impact = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");
    private final StringBinding problem;

    /** A new entry, defaulting to now in the case's time zone. */
    public DiaryEntryViewModel(ZoneId zone, ZonedDateTime now) {
        this.zone = zone;
        ZonedDateTime local = now.withZoneSameInstant(zone);
        date.set(local.toLocalDate());
        time.set(String.format("%02d:%02d", local.getHour(), local.getMinute()));
        problem = Bindings.createStringBinding(this::findProblem, date, time, approximate, description);
    }

    /** Editing an existing entry. */
    public DiaryEntryViewModel(ZoneId zone, Incident incident) {
        this(zone, incident.when().at());
        ZonedDateTime at = incident.when().at().withZoneSameInstant(zone);
        type.set(incident.type());
        date.set(at.toLocalDate());
        time.set(String.format("%02d:%02d", at.getHour(), at.getMinute()));
        approximate.set(incident.when().approximate());
        location.set(orEmpty(incident.location()));
        description.set(orEmpty(incident.description()));
        witnesses.set(String.join(", ", incident.witnesses()));
        impact.set(orEmpty(incident.impact()));
        reference.set(orEmpty(incident.policeRef()));
    }

    /** What stops the entry being saved, in words; empty when it can be saved. */
    public StringBinding problemProperty() {
        return problem;
    }

    private String findProblem() {
        if (date.get() == null) {
            return "Choose the day it happened.";
        }
        if (parseTime() == null) {
            return "Write the time like 21:15 (or tick \"not sure of the exact time\").";
        }
        if (description.get() == null || description.get().isBlank()) {
            return "Describe what happened.";
        }
        if (date.get().isAfter(LocalDate.now(zone).plusDays(1))) {
            return "The day is in the future.";
        }
        return "";
    }

    private LocalTime parseTime() {
        String text = time.get() == null ? "" : time.get().strip();
        if (text.isEmpty()) {
            return approximate.get() ? LocalTime.NOON : null;
        }
        return org.casebook.ui.common.Formats.parseTime(text);
    }

    public IncidentDraft toDraft() {
        if (!findProblem().isEmpty()) {
            throw new IllegalStateException(findProblem());
        }
        ZonedDateTime at = ZonedDateTime.of(date.get(), parseTime(), zone);
        List<String> who = Arrays.stream(witnesses.get().split("[,;\\n]")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new IncidentDraft(type.get(), new When(at, null, approximate.get()), description.get(),
                location.get(), who, impact.get(), reference.get());
    }

    public ZoneId zone() {
        return zone;
    }

    public ObjectProperty<IncidentType> typeProperty() {
        return type;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public BooleanProperty approximateProperty() {
        return approximate;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty witnessesProperty() {
        return witnesses;
    }

    public StringProperty impactProperty() {
        return impact;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
