package org.casebook.ui.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.casebook.conduct.BreachSuggestions.Suggestion;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.Case;
import org.casebook.model.CourtOrder;
import org.casebook.model.OrderCondition;
import org.casebook.model.OrderDraft;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.CaseRecordsViewModel;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The case's orders; for the selected one, the possible breaches to decide on and the confirmed ones. */
public final class OrdersViewModel extends CaseRecordsViewModel<CourtOrder> {
    /** How many suggestions are listed at once: deciding on them makes room for the next. */
    static final int SHOWN_SUGGESTIONS = 300;

    /** One item in a list of breaches or suggestions, described in a line. */
    public record ItemLine(long itemId, String text, OrderCondition condition) {
    }

    private final ObservableList<ItemLine> suggestions = FXCollections.observableArrayList();
    private final ObservableList<ItemLine> breaches = FXCollections.observableArrayList();
    private final StringProperty suggestionSummary = new SimpleStringProperty("");

    public OrdersViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        super(session, tasks, onError, "The orders could not be read");
        selectedProperty().addListener((o, a, order) -> loadDecisions(order));
    }

    public ObservableList<CourtOrder> orders() {
        return records();
    }

    public ObservableList<ItemLine> suggestions() {
        return suggestions;
    }

    public ObservableList<ItemLine> breaches() {
        return breaches;
    }

    public StringProperty suggestionSummaryProperty() {
        return suggestionSummary;
    }

    @Override
    protected List<CourtOrder> read(long caseId) {
        return session.orders().list(caseId);
    }

    @Override
    protected long idOf(CourtOrder order) {
        return order.id();
    }

    /** Keeps the selected order, or else selects the first; always reads its decisions again. */
    @Override
    protected void select(List<CourtOrder> list, CourtOrder kept) {
        CourtOrder again = kept != null || list.isEmpty() ? kept : list.get(0);
        // An equal record does not count as a change of selection, so its decisions are read here.
        if (again != null && again.equals(selectedProperty().get())) {
            loadDecisions(again);
        } else {
            selectedProperty().set(again);
        }
    }

    private void loadDecisions(CourtOrder order) {
        long mine = newRead();
        suggestions.clear();
        breaches.clear();
        suggestionSummary.set("");
        if (order == null) {
            return;
        }
        tasks.quick(p -> decisions(order), loaded -> {
            if (!isLatest(mine)) {
                return;
            }
            breaches.setAll(loaded.breaches());
            suggestions.setAll(loaded.suggestions());
            suggestionSummary.set(loaded.total() == 0
                    ? "Nothing to decide: no contact in this order's period is waiting for a decision."
                    : loaded.total() + (loaded.total() == 1 ? " contact" : " contacts") + " in the order's period"
                    + " may have breached it. Decide on each: only you know the circumstances."
                    + (loaded.total() > SHOWN_SUGGESTIONS ? " The first " + SHOWN_SUGGESTIONS + " are listed." : ""));
        }, e -> onError.accept("The order's breaches could not be read", e));
    }

    private record Decisions(List<ItemLine> breaches, List<ItemLine> suggestions, int total) {
    }

    private Decisions decisions(CourtOrder order) {
        List<BreachDecision> confirmed = session.orders().breaches(order.id()).stream()
                .filter(d -> d.status() == BreachStatus.CONFIRMED).toList();
        List<Suggestion> all = session.breachSuggestions().forOrder(order.id());
        List<Suggestion> listed = all.subList(0, Math.min(SHOWN_SUGGESTIONS, all.size()));
        List<Long> ids = new ArrayList<>();
        confirmed.forEach(d -> ids.add(d.itemId()));
        listed.forEach(s -> ids.add(s.itemId()));
        Map<Long, TimelineItem> items = ItemLookup.load(session, ids);
        List<ItemLine> breachLines = new ArrayList<>();
        for (BreachDecision d : confirmed) {
            OrderCondition condition = order.conditions().stream().filter(c -> c.id() == d.conditionId())
                    .findFirst().orElse(null);
            breachLines.add(new ItemLine(d.itemId(), line(items.get(d.itemId()), d.itemId()), condition));
        }
        List<ItemLine> suggestionLines = new ArrayList<>();
        for (Suggestion s : listed) {
            suggestionLines.add(new ItemLine(s.itemId(), line(items.get(s.itemId()), s.itemId()), null));
        }
        return new Decisions(breachLines, suggestionLines, all.size());
    }

    private static String line(TimelineItem item, long id) {
        return item == null ? "Item " + id : ItemLookup.describe(item);
    }

    public void add(OrderDraft draft) {
        Case c = shownCase();
        tasks.quick(p -> session.orders().add(c.id(), draft), order -> show(c, order.id()),
                e -> onError.accept("The order could not be saved", e));
    }

    public void edit(CourtOrder order, OrderDraft draft) {
        change(p -> session.orders().edit(order.id(), draft), "The change could not be saved");
    }

    /** Records that the item breached {@code condition}. */
    public void confirm(ItemLine suggestion, OrderCondition condition) {
        tasks.quick(p -> session.orders().confirm(suggestion.itemId(), condition.id(), null),
                d -> loadDecisions(selectedProperty().get()), e -> onError.accept("The breach could not be recorded", e));
    }

    /** Records that the item was not a breach of the order: it is not suggested again. */
    public void dismiss(ItemLine suggestion, CourtOrder order) {
        tasks.quick(p -> session.orders().dismissForOrder(suggestion.itemId(), order.id(), null),
                d -> loadDecisions(selectedProperty().get()), e -> onError.accept("The decision could not be recorded", e));
    }

    @Override
    public void clear() {
        super.clear();
        suggestions.clear();
        breaches.clear();
        suggestionSummary.set("");
    }
}
