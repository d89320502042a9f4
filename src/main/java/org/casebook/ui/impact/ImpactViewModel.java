package org.casebook.ui.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;
import org.casebook.model.Case;
import org.casebook.model.ImpactEntry;
import org.casebook.model.ImpactKind;
import org.casebook.ui.common.CaseRecordsViewModel;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The impact log: how it is affecting the person, most recent first, each linked to what caused it. */
public final class ImpactViewModel extends CaseRecordsViewModel<ImpactEntry> {
    /** What the impact form returns. */
    public record Fields(LocalDate date, ImpactKind kind, String text) {
    }

    public ImpactViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        super(session, tasks, onError, "The impact log could not be read");
    }

    public ObservableList<ImpactEntry> entries() {
        return records();
    }

    @Override
    protected List<ImpactEntry> read(long caseId) {
        List<ImpactEntry> newestFirst = new ArrayList<>(session.impact().list(caseId));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    protected long idOf(ImpactEntry entry) {
        return entry.id();
    }

    public void add(Fields f) {
        Case c = shownCase();
        tasks.quick(p -> session.impact().add(c.id(), f.date(), f.kind(), f.text(), List.of()), entry -> {
            selectedProperty().set(entry);
            show(c);
        }, e -> onError.accept("The entry could not be saved", e));
    }

    public void edit(ImpactEntry entry, Fields f) {
        change(p -> session.impact().edit(entry.id(), f.date(), f.kind(), f.text()), "The change could not be saved");
    }

    /** Links and unlinks so that exactly {@code itemIds} are linked to the entry. */
    public void setLinks(ImpactEntry entry, Set<Long> itemIds) {
        change(p -> session.impact().setLinks(entry.id(), itemIds), "The links could not be saved");
    }
}
