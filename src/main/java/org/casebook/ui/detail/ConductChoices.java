package org.casebook.ui.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.casebook.model.CourtOrder;
import org.casebook.model.OrderCondition;
import org.casebook.model.Report;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.Formats;

/** The small choices the detail pane asks for: which order condition, which report. */
public final class ConductChoices {
    private ConductChoices() {
    }

    /** One condition of one order, as the choice list shows it. */
    private record ConditionChoice(CourtOrder order, OrderCondition condition) {
        @Override
        public String toString() {
            return order.kind().label() + " (" + Formats.day(order.made()) + ") — " + condition.position() + ". "
                    + condition.text();
        }
    }

    private record ReportChoice(Report report) {
        @Override
        public String toString() {
            return Formats.DAY_TIME.format(report.at()) + " — " + report.recipientKind().label()
                    + (report.recipient() == null ? "" : " (" + report.recipient() + ")")
                    + (report.reference() == null ? "" : ", ref. " + report.reference());
        }
    }

    /** Asks which condition the item breached; empty when there is no order yet or the person cancels. */
    public static Optional<OrderCondition> condition(DialogService dialogs, List<CourtOrder> orders) {
        if (orders.isEmpty()) {
            dialogs.showInfo("No order recorded", "Record the order first (Orders, at the top of the window);"
                    + " then you can mark what breached it.");
            return Optional.empty();
        }
        List<ConditionChoice> choices = new ArrayList<>();
        orders.forEach(o -> o.conditions().forEach(c -> choices.add(new ConditionChoice(o, c))));
        return dialogs.choose("Possible breach of an order",
                "Which condition did this breach? It is then listed as a confirmed breach of the order.",
                "breach-condition-choice", choices, choices.get(0), ConditionChoice::toString)
                .map(ConditionChoice::condition);
    }

    /** Asks which report the item was part of; empty when there is none yet or the person cancels. */
    public static Optional<Report> report(DialogService dialogs, List<Report> reports) {
        if (reports.isEmpty()) {
            dialogs.showInfo("No report recorded", "Record the report first (Reports, at the top of the window);"
                    + " then you can link what it covered.");
            return Optional.empty();
        }
        List<ReportChoice> choices = reports.stream().map(ReportChoice::new).toList();
        return dialogs.choose("Part of a report", "Which report covered this?", "report-choice", choices,
                choices.get(choices.size() - 1), ReportChoice::toString).map(ReportChoice::report);
    }
}
