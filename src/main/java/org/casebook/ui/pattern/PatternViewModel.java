package org.casebook.ui.pattern;

import java.time.LocalDate;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import java.util.Map;
import org.casebook.conduct.ConductSummary;
import org.casebook.conduct.ScreeningService;
import org.casebook.conduct.WarningSigns;
import org.casebook.model.WarningSign;
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
    private final ObjectProperty<WarningSigns.Assessment> signs = new SimpleObjectProperty<>();
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

    /** The warning signs over the same period, with the witness's answers and the screenings recorded. */
    public ObjectProperty<WarningSigns.Assessment> signsProperty() {
        return signs;
    }

    /** Saves the witness's answers (each one audited), then shows the signs again. */
    public void answer(Map<WarningSign, WarningSignsDialog.Answer> answers) {
        Case c = shown;
        if (c == null || answers.isEmpty()) {
            return;
        }
        tasks.quick(p -> {
            ScreeningService service = new ScreeningService(session.vault());
            answers.forEach((sign, a) -> service.answer(c.id(), sign, a.answer(), a.note()));
            return null;
        }, done -> recompute(), e -> onError.accept("The answers could not be saved", e));
    }

    /** Records a screening run with another tool, then shows the signs again. */
    public void addScreening(ScreeningDialog.Fields f) {
        Case c = shown;
        if (c == null) {
            return;
        }
        tasks.quick(p -> new ScreeningService(session.vault()).add(c.id(), f.tool(), f.date(), f.by(), f.outcome(),
                f.notes()), done -> recompute(), e -> onError.accept("The screening could not be saved", e));
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    @Override
    public void show(Case aCase) {
        if (shown == null || shown.id() != aCase.id()) {
            summary.set(null);
            signs.set(null);
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
        tasks.quick(p -> {
            ConductSummary s = session.figures().summarise(c.id(), start, end);
            return Map.entry(s, new WarningSigns(session.vault()).assess(c.id(), s));
        }, both -> {
            if (mine == generation) {
                loading.set(false);
                signs.set(both.getValue());
                summary.set(both.getKey());
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
        signs.set(null);
        loading.set(false);
        from.set(null);
        to.set(null);
    }
}
