package org.casebook.ui.impact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.model.Case;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The impact log: how it is affecting the person, most recent first, each linked to what caused it. */
public final class ImpactViewModel implements CaseScreen {
    /** What the impact form returns. */
    public record Fields(LocalDate date, ImpactKind kind, String text) {
    }

    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObservableList<ImpactEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<ImpactEntry> selected = new SimpleObjectProperty<>();
    private Case shown;
    private long generation;

    public ImpactViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
    }

    public ObservableList<ImpactEntry> entries() {
        return entries;
    }

    public ObjectProperty<ImpactEntry> selectedProperty() {
        return selected;
    }

    @Override
    public void show(Case aCase) {
        shown = aCase;
        long mine = ++generation;
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.quick(p -> session.impact().list(aCase.id()), list -> {
            if (mine != generation) {
                return;
            }
            List<ImpactEntry> newestFirst = new java.util.ArrayList<>(list);
            java.util.Collections.reverse(newestFirst);
            entries.setAll(newestFirst);
            selected.set(newestFirst.stream().filter(e -> keep != null && e.id() == keep).findFirst().orElse(null));
        }, e -> onError.accept("The impact log could not be read", e));
    }

    public void add(Fields f) {
        Case c = shown;
        tasks.quick(p -> session.impact().add(c.id(), f.date(), f.kind(), f.text(), List.of()), entry -> {
            selected.set(entry);
            show(c);
        }, e -> onError.accept("The entry could not be saved", e));
    }

    public void edit(ImpactEntry entry, Fields f) {
        tasks.quick(p -> session.impact().edit(entry.id(), f.date(), f.kind(), f.text()), edited -> show(shown),
                e -> onError.accept("The change could not be saved", e));
    }

    /** Links and unlinks so that exactly {@code itemIds} are linked to the entry. */
    public void setLinks(ImpactEntry entry, Set<Long> itemIds) {
        tasks.quick(p -> {
            for (long id : entry.itemIds()) {
                if (!itemIds.contains(id)) {
                    session.impact().unlink(entry.id(), id);
                }
            }
            for (long id : itemIds) {
                if (!entry.itemIds().contains(id)) {
                    session.impact().link(entry.id(), id);
                }
            }
            return entry.id();
        }, id -> show(shown), e -> onError.accept("The links could not be saved", e));
    }

    @Override
    public void clear() {
        generation++;
        shown = null;
        selected.set(null);
        entries.clear();
    }
}
