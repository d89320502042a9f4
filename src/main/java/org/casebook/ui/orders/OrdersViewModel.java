package org.casebook.ui.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
import org.casebook.ui.common.CaseScreen;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The case's orders; for the selected one, the possible breaches to decide on and the confirmed ones. */
public final class OrdersViewModel implements CaseScreen {
    /** How many suggestions are listed at once: deciding on them makes room for the next. */
    static final int SHOWN_SUGGESTIONS = 300;

    /** One item in a list of breaches or suggestions, described in a line. */
    public record ItemLine(long itemId, String text, OrderCondition condition) {
    }

    private final Session session;
    private final TaskRunner tasks;
    private final BiConsumer<String, Throwable> onError;
    private final ObservableList<CourtOrder> orders = FXCollections.observableArrayList();
    private final ObjectProperty<CourtOrder> selected = new SimpleObjectProperty<>();
    private final ObservableList<ItemLine> suggestions = FXCollections.observableArrayList();
    private final ObservableList<ItemLine> breaches = FXCollections.observableArrayList();
    private final StringProperty suggestionSummary = new SimpleStringProperty("");
    private Case shown;
    private long generation;

    public OrdersViewModel(Session session, TaskRunner tasks, BiConsumer<String, Throwable> onError) {
        this.session = session;
        this.tasks = tasks;
        this.onError = onError;
        selected.addListener((o, a, order) -> loadDecisions(order));
    }

    public ObservableList<CourtOrder> orders() {
        return orders;
    }

    public ObjectProperty<CourtOrder> selectedProperty() {
        return selected;
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

    public Case shownCase() {
        return shown;
    }

    @Override
    public void show(Case aCase) {
        show(aCase, selected.get() == null ? null : selected.get().id());
    }

    /** Reads the orders again and selects the one with id {@code keep} (or the first). */
    private void show(Case aCase, Long keep) {
        shown = aCase;
        long mine = ++generation;
        tasks.quick(p -> session.orders().list(aCase.id()), list -> {
            if (mine != generation) {
                return;
            }
            orders.setAll(list);
            CourtOrder again = list.stream().filter(o -> keep != null && o.id() == keep).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            // An equal record does not count as a change of selection, so its decisions are read here.
            if (again != null && again.equals(selected.get())) {
                loadDecisions(again);
            } else {
                selected.set(again);
            }
        }, e -> onError.accept("The orders could not be read", e));
    }

    private void loadDecisions(CourtOrder order) {
        long mine = ++generation;
        suggestions.clear();
        breaches.clear();
        suggestionSummary.set("");
        if (order == null) {
            return;
        }
        tasks.quick(p -> decisions(order), loaded -> {
            if (mine != generation) {
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
        Case c = shown;
        tasks.quick(p -> session.orders().add(c.id(), draft), order -> show(c, order.id()), e -> onError.accept("The order could not be saved", e));
    }

    public void edit(CourtOrder order, OrderDraft draft) {
        tasks.quick(p -> session.orders().edit(order.id(), draft), edited -> show(shown),
                e -> onError.accept("The change could not be saved", e));
    }

    /** Records that the item breached {@code condition}. */
    public void confirm(ItemLine suggestion, OrderCondition condition) {
        tasks.quick(p -> session.orders().confirm(suggestion.itemId(), condition.id(), null),
                d -> loadDecisions(selected.get()), e -> onError.accept("The breach could not be recorded", e));
    }

    /** Records that the item was not a breach of the order: it is not suggested again. */
    public void dismiss(ItemLine suggestion, CourtOrder order) {
        OrderCondition first = order.conditions().get(0);
        tasks.quick(p -> session.orders().dismiss(suggestion.itemId(), first.id(), null),
                d -> loadDecisions(selected.get()), e -> onError.accept("The decision could not be recorded", e));
    }

    @Override
    public void clear() {
        generation++;
        shown = null;
        selected.set(null);
        orders.clear();
        suggestions.clear();
        breaches.clear();
        suggestionSummary.set("");
    }
}
