package org.casebook.ui.reports;

import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.model.Case;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The case's reports (police, platforms, employers …) and the incidents each one covered. */
public final class ReportsViewModel implements CaseScreen {
    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObservableList<Report> reports = FXCollections.observableArrayList();
    private final ObjectProperty<Report> selected = new SimpleObjectProperty<>();
    private final ObservableList<TimelineItem> linked = FXCollections.observableArrayList();
    private Case shown;
    private long generation;

    public ReportsViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
        selected.addListener((o, a, report) -> loadLinked(report));
    }

    public ObservableList<Report> reports() {
        return reports;
    }

    public ObjectProperty<Report> selectedProperty() {
        return selected;
    }

    /** The items linked to the selected report, in time order. */
    public ObservableList<TimelineItem> linked() {
        return linked;
    }

    @Override
    public void show(Case aCase) {
        shown = aCase;
        long mine = ++generation;
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.quick(p -> session.reports().list(aCase.id()), list -> {
            if (mine != generation) {
                return;
            }
            reports.setAll(list);
            Report again = list.stream().filter(r -> keep != null && r.id() == keep).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(list.size() - 1));
            selected.set(null);
            selected.set(again);
        }, e -> onError.accept("The reports could not be read", e));
    }

    private void loadLinked(Report report) {
        long mine = ++generation;
        linked.clear();
        if (report == null) {
            return;
        }
        tasks.quick(p -> ItemLookup.load(session, report.incidentIds()), items -> {
            if (mine == generation) {
                linked.setAll(items.values());
            }
        }, e -> onError.accept("The report's incidents could not be read", e));
    }

    public void add(ReportDraft draft) {
        Case c = shown;
        tasks.quick(p -> session.reports().add(c.id(), draft), report -> {
            selected.set(report);
            show(c);
        }, e -> onError.accept("The report could not be saved", e));
    }

    public void edit(Report report, ReportDraft draft) {
        tasks.quick(p -> session.reports().edit(report.id(), draft), edited -> show(shown),
                e -> onError.accept("The change could not be saved", e));
    }

    /** Links and unlinks so that exactly {@code itemIds} are linked to the report. */
    public void setLinks(Report report, Set<Long> itemIds) {
        tasks.quick(p -> {
            for (long id : report.incidentIds()) {
                if (!itemIds.contains(id)) {
                    session.reports().unlink(report.id(), id);
                }
            }
            for (long id : itemIds) {
                if (!report.incidentIds().contains(id)) {
                    session.reports().link(report.id(), id);
                }
            }
            return report.id();
        }, id -> show(shown), e -> onError.accept("The links could not be saved", e));
    }

    @Override
    public void clear() {
        generation++;
        shown = null;
        selected.set(null);
        reports.clear();
        linked.clear();
    }
}
