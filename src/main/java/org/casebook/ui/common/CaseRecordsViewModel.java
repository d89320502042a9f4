package org.casebook.ui.common;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.model.Case;

/**
 * A screen listing one kind of a case's records with one of them selected (orders, reports, impact). Reads run
 * off the FX thread; an answer overtaken by a newer read (another case, a new selection) is dropped.
 */
public abstract class CaseRecordsViewModel<T> implements CaseScreen {
    protected final Session session;
    protected final TaskRunner tasks;
    protected final BiConsumer<String, Throwable> onError;
    private final ObservableList<T> records = FXCollections.observableArrayList();
    private final ObjectProperty<T> selected = new SimpleObjectProperty<>();
    private final String readFailure;
    private Case shown;
    private long generation;

    /** {@code readFailure}: the message shown when the records cannot be read. */
    protected CaseRecordsViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError,
                                   String readFailure) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
        this.readFailure = readFailure;
    }

    /** Reads the case's records in the order they are listed. Runs off the FX thread. */
    protected abstract List<T> read(long caseId);

    protected abstract long idOf(T record);

    public ObjectProperty<T> selectedProperty() {
        return selected;
    }

    public Case shownCase() {
        return shown;
    }

    protected ObservableList<T> records() {
        return records;
    }

    @Override
    public void show(Case aCase) {
        show(aCase, selected.get() == null ? null : idOf(selected.get()));
    }

    /** Reads the records again and selects the one with id {@code keep} (see {@link #select}). */
    protected void show(Case aCase, Long keep) {
        shown = aCase;
        long mine = newRead();
        tasks.quick(p -> read(aCase.id()), list -> {
            if (!isLatest(mine)) {
                return;
            }
            records.setAll(list);
            select(list, list.stream().filter(r -> keep != null && idOf(r) == keep).findFirst().orElse(null));
        }, e -> onError.accept(readFailure, e));
    }

    /** Selects after a read: {@code kept} is the record that was to stay selected, or null. */
    protected void select(List<T> list, T kept) {
        selected.set(kept);
    }

    /** Starts a read whose answer counts only if no newer one has started by the time it comes. */
    protected long newRead() {
        return ++generation;
    }

    protected boolean isLatest(long read) {
        return read == generation;
    }

    /** Runs a change off the FX thread, then reads the records again. */
    protected <R> void change(TaskRunner.Work<R> work, String failure) {
        tasks.quick(work, done -> show(shown), e -> onError.accept(failure, e));
    }

    @Override
    public void clear() {
        generation++;
        shown = null;
        selected.set(null);
        records.clear();
    }
}
