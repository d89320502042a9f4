package org.casebook.ui.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
import org.casebook.evidence.Plural;
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
    /** How many rows of a case are shown before the rest has been read. */
    static final int FIRST_PAGE = 300;

    private final TaskRunner tasks;
    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TypeFilter> typeFilter = new SimpleObjectProperty<>(TypeFilter.EVERYTHING);
    private final ObjectProperty<Person> person = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty searching = new SimpleBooleanProperty(false);
    private final PauseTransition searchPause = new PauseTransition(SEARCH_PAUSE);
    private Session session;
    private long caseId = -1;
    private List<TimelineItem> items = List.of();
    /** Each merged person and the person they were merged into: a person's filter shows both's items. */
    private Map<Long, Long> mergedInto = Map.of();
    private Set<Long> matches;
    /** Tells a finished read or search whether it is still wanted (nothing newer started, no lock since). */
    private long loadGeneration;
    private long searchGeneration;
    private Runnable afterLoad = () -> { };

    public TimelineViewModel(TaskRunner tasks) {
        this.tasks = tasks;
        typeFilter.addListener((o, a, b) -> refresh());
        person.addListener((o, a, b) -> refresh());
        from.addListener((o, a, b) -> refresh());
        to.addListener((o, a, b) -> refresh());
        searchPause.setOnFinished(e -> runSearch());
        search.addListener((o, a, b) -> {
            searching.set(true);
            searchPause.playFromStart();
        });
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

    /** True from a change of the search text until its results are in the rows. */
    public BooleanProperty searchingProperty() {
        return searching;
    }

    public List<TimelineItem> items() {
        return items;
    }

    /** Loads a case's timeline in the background; {@code then} runs on the FX thread when it shows. */
    public void load(Session session, long caseId, Runnable then) {
        // A case opened afresh shows its first rows as soon as they are read; a reload (after an edit) keeps
        // showing the current rows until the new ones are complete.
        boolean fresh = caseId != this.caseId || items.isEmpty();
        this.session = session;
        this.caseId = caseId;
        this.afterLoad = then;
        long mine = ++loadGeneration;
        loading.set(true);
        tasks.quick(progress -> {
            Map<Long, Long> merges = session.people().mergedInto(caseId);
            Platform.runLater(() -> {
                if (mine == loadGeneration) {
                    mergedInto = merges;
                }
            });
            List<TimelineItem> all = new ArrayList<>();
            session.timeline().forEach(caseId, item -> {
                all.add(item);
                if (fresh && all.size() == FIRST_PAGE) {
                    List<TimelineItem> first = List.copyOf(all);
                    Platform.runLater(() -> showFirstPage(mine, first));
                }
            });
            return all;
        }, loaded -> {
            if (mine != loadGeneration) {
                return;
            }
            items = loaded;
            loading.set(false);
            if (search.get().isBlank()) {
                matches = null;
                refresh();
                Runnable shown = afterLoad;
                afterLoad = () -> { };
                shown.run();
            } else {
                runSearch();
            }
        }, error -> {
            if (mine == loadGeneration) {
                loading.set(false);
            }
        });
    }

    /** The person who sent an item, after merged identities are folded together. */
    private Long sentBy(TimelineItem item) {
        Long sender = item.senderId();
        return sender == null ? null : mergedInto.getOrDefault(sender, sender);
    }

    /** The first rows of a large case, shown while the rest is still being read. */
    private void showFirstPage(long mine, List<TimelineItem> first) {
        if (mine != loadGeneration || !loading.get() || !search.get().isBlank()) {
            return;
        }
        items = first;
        matches = null;
        refresh();
        summary.set("Loading… the first " + Plural.of(first.size(), "item is shown", "items are shown"));
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
        loadGeneration++;
        searchGeneration++;
        session = null;
        caseId = -1;
        items = List.of();
        mergedInto = Map.of();
        matches = null;
        rows.clear();
        summary.set("");
        search.set("");
    }

    private void runSearch() {
        long mine = ++searchGeneration; // also retires a search still running for older text
        Session current = session;
        if (current == null) {
            searching.set(false);
            return;
        }
        String text = search.get();
        if (text == null || text.isBlank()) {
            matches = null;
            refresh();
            searching.set(false);
            return;
        }
        long forCase = caseId;
        tasks.quick(progress -> current.timeline().searchIds(forCase, text, true), ids -> {
            if (mine == searchGeneration) {
                matches = ids;
                refresh();
                searching.set(false);
                afterLoad.run();
                afterLoad = () -> { };
            }
        }, error -> {
            if (mine == searchGeneration) {
                searching.set(false);
            }
        });
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
            if (!type.accepts().test(item) || personId != null && !personId.equals(sentBy(item))) {
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
        applyRows(out);
        summary.set(shown == items.size()
                ? Plural.of(items.size(), "item")
                : String.format("%,d of %s", shown, Plural.of(items.size(), "item")));
    }

    /**
     * Puts the rows in the list. When the new rows only continue the ones shown (the rest of a case after
     * its first page), they are added and the day counts fixed in place, so the selection and the scroll
     * position stay where the person left them.
     */
    private void applyRows(List<TimelineRow> out) {
        int shown = rows.size();
        if (shown == 0 || out.size() < shown || !continues(out)) {
            rows.setAll(out);
            return;
        }
        for (int i = 0; i < shown; i++) {
            if (!sameRow(rows.get(i), out.get(i))) {
                rows.set(i, out.get(i));
            }
        }
        rows.addAll(out.subList(shown, out.size()));
    }

    private boolean continues(List<TimelineRow> out) {
        for (int i = 0; i < rows.size(); i++) {
            TimelineRow was = rows.get(i);
            TimelineRow now = out.get(i);
            if (!sameRow(was, now) && !(was instanceof TimelineRow.Day a && now instanceof TimelineRow.Day b
                    && a.day().equals(b.day()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRow(TimelineRow a, TimelineRow b) {
        if (a instanceof TimelineRow.Entry x && b instanceof TimelineRow.Entry y) {
            return x.item() == y.item() || x.item().id() == y.item().id() && x.item().equals(y.item());
        }
        return a.equals(b);
    }
}
