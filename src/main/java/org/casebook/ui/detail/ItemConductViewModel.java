package org.casebook.ui.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.casebook.model.BehaviourTag;
import org.casebook.model.BreachDecision;
import org.casebook.model.BreachStatus;
import org.casebook.model.CourtOrder;
import org.casebook.model.Report;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.Session;
import org.casebook.ui.common.TaskRunner;

/** The course-of-conduct side of the selected item: its behaviour tags, breaches and reports. */
public final class ItemConductViewModel {
    /**
     * What is known about the item.
     *
     * @param breaches the conditions the person confirmed it breached, in words
     * @param inReports the reports it is linked to
     */
    public record State(TimelineItem item, Set<BehaviourTag> tags, List<CourtOrder> orders, List<Report> reports,
                        List<String> breaches, List<Report> inReports) {
    }

    private final TaskRunner tasks;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private Session session;
    private long generation;
    private Consumer<Throwable> onError = e -> { };

    public ItemConductViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public void setOnError(Consumer<Throwable> onError) {
        this.onError = onError;
    }

    public void load(Session session, TimelineItem item) {
        this.session = session;
        long mine = ++generation;
        state.set(null);
        if (item == null) {
            return;
        }
        tasks.quick(p -> read(session, item), s -> {
            if (mine == generation) {
                state.set(s);
            }
        }, e -> { });
    }

    private static State read(Session session, TimelineItem item) {
        List<CourtOrder> orders = session.orders().list(item.caseId());
        List<String> breaches = new ArrayList<>();
        for (CourtOrder o : orders) {
            for (BreachDecision d : session.orders().breaches(o.id())) {
                if (d.itemId() == item.id() && d.status() == BreachStatus.CONFIRMED) {
                    breaches.add(o.kind().label() + ": " + d.condition());
                }
            }
        }
        List<Report> reports = session.reports().list(item.caseId());
        List<Report> inReports = reports.stream().filter(r -> r.incidentIds().contains(item.id())).toList();
        return new State(item, session.tags().tags(item.id()), orders, reports, breaches, inReports);
    }

    /** Adds or removes one tag, then shows the item's tags as stored. */
    public void setTag(BehaviourTag tag, boolean on) {
        State s = state.get();
        if (s == null) {
            return;
        }
        long itemId = s.item().id();
        tasks.quick(p -> on ? session.tags().add(itemId, tag) : session.tags().remove(itemId, tag),
                tags -> reload(s.item()), onError);
    }

    public void confirmBreach(long conditionId) {
        State s = state.get();
        tasks.quick(p -> session.orders().confirm(s.item().id(), conditionId, null), d -> reload(s.item()), onError);
    }

    public void linkToReport(long reportId) {
        State s = state.get();
        tasks.quick(p -> session.reports().link(reportId, s.item().id()), r -> reload(s.item()), onError);
    }

    private void reload(TimelineItem item) {
        State shown = state.get();
        if (shown != null && shown.item().id() == item.id() && session != null) {
            long mine = ++generation;
            tasks.quick(p -> read(session, item), s -> {
                if (mine == generation) {
                    state.set(s);
                }
            }, e -> { });
        }
    }

    public void clear() {
        generation++;
        session = null;
        state.set(null);
    }
}
