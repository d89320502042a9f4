package org.casebook.ui.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.casebook.model.Person;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/**
 * A case's timeline: every item loaded once (one query), then filtered in memory by kind, person and
 * dates, and by full-text search as the person types (the vault's FTS index, off the FX thread).
 */
public final class TimelineViewModel {
    private static final Duration SEARCH_PAUSE = Duration.millis(120);

    private final TaskRunner tasks;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TypeFilter> typeFilter = new SimpleObjectProperty<>(TypeFilter.EVERYTHING);
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final PauseTransition searchPause = new PauseTransition(SEARCH_PAUSE);
    private Session session;
    private long caseId = -1;
    private List<TimelineItem> items = List.of();
    private Set<Long> matches;
    private long generation;
    private Runnable afterLoad = () -> { };

    public TimelineViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        typeFilter.addListener((o, a, b) -> refresh());
        person.addListener((o, a, b) -> refresh());
        from.addListener((o, a, b) -> refresh());
        to.addListener((o, a, b) -> refresh());
        searchPause.setOnFinished(e -> runSearch());
        search.addListener((o, a, b) -> searchPause.playFromStart());
    }

    public ObservableList<TimelineRow> rows() {
        return rows;
    }

    public ObjectProperty<TypeFilter> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<Person> personProperty() {
        return person;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public List<TimelineItem> items() {
        return items;
    }

    /** Loads a case's timeline in the background; {@code then} runs on the FX thread when it shows. */
    public void load(Session session, long caseId, Runnable then) {
        this.session = session;
        this.caseId = caseId;
        this.afterLoad = then;
        long mine = ++generation;
        loading.set(true);
        tasks.quick(progress -> session.timeline().timeline(caseId), loaded -> {
            if (mine != generation) {
                return;
            }
            items = loaded;
            loading.set(false);
            if (search.get().isBlank()) {
                matches = null;
                refresh();
                afterLoad.run();
            } else {
                runSearch();
            }
        }, error -> loading.set(false));
    }

    /** Re-reads the current case (after an edit or new evidence). */
    public void reload(Runnable then) {
        if (session != null && caseId >= 0) {
            load(session, caseId, then);
        }
    }

    public void clearFilters() {
        typeFilter.set(TypeFilter.EVERYTHING);
        person.set(null);
        from.set(null);
        to.set(null);
        search.set("");
    }

    /** Drops everything (on lock). */
    public void clear() {
        generation++;
        session = null;
        caseId = -1;
        items = List.of();
        matches = null;
        rows.clear();
        summary.set("");
        search.set("");
    }

    private void runSearch() {
        Session current = session;
        if (current == null) {
            return;
        }
        String text = search.get();
        if (text == null || text.isBlank()) {
            matches = null;
            refresh();
            return;
        }
        long mine = ++generation;
        long forCase = caseId;
        tasks.quick(progress -> current.timeline().searchIds(forCase, text, true), ids -> {
            if (mine == generation) {
                matches = ids;
                refresh();
                afterLoad.run();
                afterLoad = () -> { };
            }
        }, error -> { });
    }

    /** Rebuilds the visible rows from the loaded items; fast enough for 100,000 items on every change. */
    void refresh() {
        TypeFilter type = typeFilter.get() == null ? TypeFilter.EVERYTHING : typeFilter.get();
        Long personId = person.get() == null ? null : person.get().id();
        LocalDate start = from.get();
        LocalDate end = to.get();
        Set<Long> found = matches;
        List<TimelineRow> out = new ArrayList<>();
        LocalDate currentDay = null;
        int dayIndex = -1;
        int dayCount = 0;
        int shown = 0;
        for (TimelineItem item : items) {
            if (found != null && !found.contains(item.id())) {
                continue;
            }
            if (!type.accepts().test(item) || personId != null && !personId.equals(item.senderId())) {
                continue;
            }
            LocalDate day = item.when().at().toLocalDate();
            if (start != null && day.isBefore(start) || end != null && day.isAfter(end)) {
                continue;
            }
            if (!day.equals(currentDay)) {
                if (dayIndex >= 0) {
                    out.set(dayIndex, new TimelineRow.Day(currentDay, dayCount));
                }
                currentDay = day;
                dayIndex = out.size();
                dayCount = 0;
                out.add(null);
            }
            out.add(new TimelineRow.Entry(item));
            dayCount++;
            shown++;
        }
        if (dayIndex >= 0) {
            out.set(dayIndex, new TimelineRow.Day(currentDay, dayCount));
        }
        rows.setAll(out);
        summary.set(shown == items.size()
                ? String.format("%,d items", items.size())
                : String.format("%,d of %,d items", shown, items.size()));
    }
}
