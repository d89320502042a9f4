package org.casebook.ui.pattern;

import java.time.LocalDate;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.Case;
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The course-of-conduct figures of the shown case for the chosen period (default: the whole case). */
public final class PatternViewModel implements CaseScreen {
    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ConductSummary> summary = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private Case shown;
    private long generation;

    public PatternViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
        from.addListener((o, a, b) -> recompute());
        to.addListener((o, a, b) -> recompute());
    }

    /** First day of the period, or null for the first contact of the case. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day of the period, or null for the most recent contact. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<ConductSummary> summaryProperty() {
        return summary;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    @Override
    public void show(Case aCase) {
        if (shown == null || shown.id() != aCase.id()) {
            summary.set(null);
        }
        shown = aCase;
        recompute();
    }

    /** Back to the whole case. */
    public void wholeCase() {
        from.set(null);
        to.set(null);
    }

    private void recompute() {
        Case c = shown;
        if (c == null) {
            return;
        }
        LocalDate start = from.get();
        LocalDate end = to.get();
        if (start != null && end != null && start.isAfter(end)) {
            return; // the pickers show the problem; nothing sensible to compute until it is fixed
        }
        long mine = ++generation;
        loading.set(true);
        tasks.quick(p -> session.figures().summarise(c.id(), start, end), s -> {
            if (mine == generation) {
                loading.set(false);
                summary.set(s);
            }
        }, e -> {
            if (mine == generation) {
                loading.set(false);
                onError.accept("The pattern could not be worked out", e);
            }
        });
    }

    @Override
    public void clear() {
        generation++;
        shown = null;
        summary.set(null);
        loading.set(false);
        from.set(null);
        to.set(null);
    }
}
