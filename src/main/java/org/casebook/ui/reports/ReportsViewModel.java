package org.casebook.ui.reports;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.model.Case;
import org.casebook.model.Report;
import org.casebook.model.ReportDraft;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.CaseRecordsViewModel;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The case's reports (police, platforms, employers …) and the incidents each one covered. */
public final class ReportsViewModel extends CaseRecordsViewModel<Report> {
    private final ObservableList<TimelineItem> linked = FXCollections.observableArrayList();

    public ReportsViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        super(session, tasks, onError, "The reports could not be read");
        selectedProperty().addListener((o, a, report) -> loadLinked(report));
    }

    public ObservableList<Report> reports() {
        return records();
    }

    /** The items linked to the selected report, in time order. */
    public ObservableList<TimelineItem> linked() {
        return linked;
    }

    @Override
    protected List<Report> read(long caseId) {
        return session.reports().list(caseId);
    }

    @Override
    protected long idOf(Report report) {
        return report.id();
    }

    /** Keeps the selected report, or else selects the latest; always reads its incidents again. */
    @Override
    protected void select(List<Report> list, Report kept) {
        selectedProperty().set(null);
        selectedProperty().set(kept != null || list.isEmpty() ? kept : list.get(list.size() - 1));
    }

    private void loadLinked(Report report) {
        long mine = newRead();
        linked.clear();
        if (report == null) {
            return;
        }
        tasks.quick(p -> ItemLookup.load(session, report.incidentIds()), items -> {
            if (isLatest(mine)) {
                linked.setAll(items.values());
            }
        }, e -> onError.accept("The report's incidents could not be read", e));
    }

    public void add(ReportDraft draft) {
        Case c = shownCase();
        tasks.quick(p -> session.reports().add(c.id(), draft), report -> {
            selectedProperty().set(report);
            show(c);
        }, e -> onError.accept("The report could not be saved", e));
    }

    public void edit(Report report, ReportDraft draft) {
        change(p -> session.reports().edit(report.id(), draft), "The change could not be saved");
    }

    /** Links and unlinks so that exactly {@code itemIds} are linked to the report. */
    public void setLinks(Report report, Set<Long> itemIds) {
        change(p -> session.reports().setLinks(report.id(), itemIds), "The links could not be saved");
    }

    @Override
    public void clear() {
        super.clear();
        linked.clear();
    }
}
