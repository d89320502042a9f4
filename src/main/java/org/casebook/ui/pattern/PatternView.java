package org.casebook.ui.pattern;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.casebook.evidence.Plural;
import org.casebook.ui.common.UkDates;
import org.casebook.conduct.Channels;
import java.time.LocalDate;
import org.casebook.conduct.ConductLevel;
import org.casebook.conduct.ConductSummary;
import org.casebook.model.BehaviourTag;
import org.casebook.model.IncidentType;
import org.casebook.model.ReportRecipient;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.Helplines;

/**
 * The pattern of the case at a glance: what the figures say in plain words first, then the figures and
 * charts behind them (hover a bar for its numbers), the orders and their breaches, and the reports.
 */
public final class PatternView extends ScrollPane {
    /** Above this many bars a chart's axis is not labelled bar by bar (26 weeks or 24 hours still are). */
    static final int MAX_LABELLED_BARS = 40;
    /** Above this many weeks (a year) the period is shown a month to a bar. */
    static final int MAX_WEEKS = 53;
    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final java.time.format.DateTimeFormatter LONG_MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final VBox body = new VBox(16);
    private final VBox signs = new VBox(6);
    private final Label narrative = new Label();

    public PatternView(PatternViewModel vm, org.casebook.ui.common.DialogService dialogs) {
        setId("pattern-view");
        setFitToWidth(true);
        getStyleClass().add("pattern");
        DatePicker from = UkDates.picker(new DatePicker());
        from.setId("pattern-from");
        from.setPromptText("First contact");
        from.setAccessibleText("Period from");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = UkDates.picker(new DatePicker());
        to.setId("pattern-to");
        to.setPromptText("Most recent");
        to.setAccessibleText("Period to");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button whole = new Button("Whole case");
        whole.setId("pattern-whole-case");
        whole.setOnAction(e -> vm.wholeCase());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(22, 22);
        busy.visibleProperty().bind(vm.loadingProperty());
        HBox period = new HBox(8, new Label("Period"), from, new Label("to"), to, whole, busy);
        period.setAlignment(Pos.CENTER_LEFT);
        period.getStyleClass().add("filter-bar");

        narrative.setId("pattern-narrative");
        narrative.setWrapText(true);
        narrative.getStyleClass().add("narrative");

        signs.setId("pattern-signs");
        signs.getStyleClass().add("pattern-section");
        vm.signsProperty().addListener((o, a, assessment) -> WarningSignsSection.render(signs, assessment,
                () -> WarningSignsDialog.show(dialogs, assessment).ifPresent(vm::answer),
                () -> ScreeningDialog.show(dialogs, LocalDate.now()).ifPresent(vm::addScreening)));
        VBox page = new VBox(12, period, narrative, body, signs, Helplines.box());
        page.getStyleClass().add("pattern-page");
        setContent(page);
        vm.summaryProperty().addListener((o, a, s) -> render(s));
        render(null);
    }

    private void render(ConductSummary s) {
        body.getChildren().clear();
        if (s == null) {
            narrative.setText("");
            return;
        }
        narrative.setText(String.join("\n", s.narrative())); // one line per point: easier to take in
        body.getChildren().add(cards(s));
        body.getChildren().add(overTime(s));
        body.getChildren().add(escalation(s));
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h);
        }
        List<DayOfWeek> days = List.of(DayOfWeek.values());
        HBox timeCharts = new HBox(12,
                chart("Time of day", "by-hour", "hour", hours, h -> String.format("%02d", h), h -> s.byHour()[h],
                        h -> String.format("%02d:00–%02d:59", h, h) + ": " + Plural.of(s.byHour()[h], "contact", "contacts")),
                chart("Day of the week", "by-day", "day", days, d -> d.getDisplayName(TextStyle.SHORT, Locale.UK),
                        d -> s.byDayOfWeek()[d.getValue() - 1], d -> d.getDisplayName(TextStyle.FULL, Locale.UK)
                                + "s: " + Plural.of(s.byDayOfWeek()[d.getValue() - 1], "contact", "contacts")));
        body.getChildren().add(sideBySide(timeCharts));
        if (s.byHourLeftOut() > 0) {
            Label leftOut = hint("Not in the time of day: " + Plural.of(s.byHourLeftOut(), "contact") + " with no exact"
                    + " time (a day written without a time, or a time marked approximate); "
                    + (s.byHourLeftOut() == 1 ? "it counts" : "they count") + " in the weeks and days.");
            leftOut.setId("by-hour-left-out");
            body.getChildren().add(leftOut);
        }
        HBox countCharts = new HBox(12,
                counts("By channel", "by-channel", Channels.byLabel(s.byChannel()), label -> label),
                counts("Diary entries by type", "by-type", s.byType(), PatternView::typeLabel),
                counts("By behaviour tag", "by-tag", s.byTag(), PatternView::tagLabel));
        body.getChildren().add(sideBySide(countCharts));
        body.getChildren().add(orders(s));
        body.getChildren().add(reports(s));
    }

    /**
     * Charts sharing a row share its width however narrow the window: a chart's own minimum (200 pixels) would
     * otherwise make three of them wider than the page, scrolling it sideways and cutting off the wrapped
     * order and report lines below at the page's right edge.
     */
    private static HBox sideBySide(HBox row) {
        for (Node n : row.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            if (n instanceof Region r) {
                r.setMinWidth(0);
            }
        }
        return row;
    }

    private static Node cards(ConductSummary s) {
        FlowPane cards = new FlowPane(10, 10);
        cards.setId("pattern-cards");
        cards.getChildren().addAll(
                card("incidents", "Diary incidents", String.valueOf(s.incidents())),
                card("messages", "Messages", String.valueOf(s.messages())),
                card("calls", "Calls", String.valueOf(s.calls())),
                card("first", "First", s.first() == null ? "—" : Formats.DAY.format(s.first().atZone(s.zone()))),
                card("last", "Most recent", s.last() == null ? "—" : Formats.DAY.format(s.last().atZone(s.zone()))),
                card("gap", "Longest quiet period", s.longestGap() == null || s.longestGapDays() == 0 ? "—"
                        : Plural.of(s.longestGapDays(), "day", "days")),
                card("lately", "Most serious lately (last 30 days)", s.escalationView().mostSeriousLately() == null
                        ? "—" : s.escalationView().mostSeriousLately().shortLabel()));
        return cards;
    }

    private static Node card(String id, String name, String value) {
        Label v = new Label(value);
        v.setId("card-" + id);
        v.getStyleClass().add("card-value");
        Label n = new Label(name);
        n.getStyleClass().add("card-name");
        VBox card = new VBox(2, v, n);
        card.getStyleClass().add("figure-card");
        return card;
    }

    /**
     * Contacts and incidents over the period: one bar a week, or one a month once the period is longer than
     * {@link #MAX_WEEKS} weeks (hundreds of weekly bars would be hairlines).
     */
    private static Node overTime(ConductSummary s) {
        if (s.perWeek().size() <= MAX_WEEKS || s.perMonth().isEmpty()) {
            List<ConductSummary.WeekCount> weeks = s.perWeek();
            Function<ConductSummary.WeekCount, String> weekLabel = weeks.size() > MAX_LABELLED_BARS
                    ? w -> "the week of " + Formats.DAY.format(w.monday())
                    : w -> Formats.DAY.format(w.monday()).replaceFirst(" \\d{4}$", "");
            return chart("Contacts and incidents per week", "per-week", "week", weeks, weekLabel,
                    ConductSummary.WeekCount::count, w -> w.week() + " (week from " + Formats.DAY.format(w.monday())
                            + "): " + Plural.of(w.count(), "contact or incident", "contacts and incidents")
                            + (w.severe() > 0 ? ", " + w.severe() + " with a serious tag or type" : ""));
        }
        return chart("Contacts and incidents per month", "per-month", "month", s.perMonth(),
                m -> MONTH.format(m.month()), ConductSummary.MonthCount::count,
                m -> LONG_MONTH.format(m.month()) + ": " + Plural.of(m.count(), "contact or incident",
                        "contacts and incidents") + (m.severe() > 0 ? ", " + m.severe() + " with a serious tag or type"
                        : ""));
    }

    /** A bar chart over time or hours, one bar per value, each with its numbers on hover. */
    private static <T> Node chart(String title, String id, String unit, List<T> values, Function<T, String> category,
                                  Function<T, Long> count, Function<T, String> tooltip) {
        NumberAxis y = new NumberAxis();
        List<String> categories = categories(values, category);
        CategoryAxis x = new CategoryAxis(FXCollections.observableArrayList(categories));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        // Many bars: thin, with no gap to eat their width (260 weeks leave each about 3 pixels).
        chart.setCategoryGap(values.size() > 100 ? 0 : values.size() > 30 ? 1 : 3);
        chart.setBarGap(0);
        chart.setPrefHeight(240);
        chart.setMinHeight(200);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            series.getData().add(bar(new XYChart.Data<>(categories.get(i), count.apply(value)), tooltip.apply(value)));
        }
        chart.getData().add(series);
        wholeNumbers(y, values.stream().mapToLong(count::apply).max().orElse(0));
        if (values.size() <= MAX_LABELLED_BARS) {
            return chart;
        }
        // Hundreds of labels would overprint one another (or be dropped at random by the chart): say
        // instead where the bars start and end; each bar's tooltip still gives its own dates and count.
        x.setTickLabelsVisible(false);
        x.setTickMarkVisible(false);
        Label span = new Label("Each bar is one " + unit + ", " + values.size() + " in all: from "
                + categories.get(0).strip() + " on the left to " + categories.get(categories.size() - 1).strip()
                + " on the right. Point at a bar to see its numbers.");
        span.setId(id + "-span");
        span.getStyleClass().add("hint");
        span.setWrapText(true);
        return new VBox(2, chart, span);
    }

    /**
     * Counts by name (channels, types, tags): the bars lie across, one name per row, so every name is written out
     * however many there are and however long they are.
     */
    private static Node counts(String title, String id, Map<String, Long> counts, Function<String, String> label) {
        if (counts.isEmpty()) {
            Label none = new Label(title + ": none in this period.");
            none.setId(id);
            none.getStyleClass().add("hint");
            none.setWrapText(true);
            return none;
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((a, b) -> Long.compare(counts.get(b), counts.get(a)));
        // largest at the top: a category axis runs upwards
        java.util.Collections.reverse(keys);
        List<String> names = categories(keys, label);
        NumberAxis x = new NumberAxis();
        CategoryAxis y = new CategoryAxis(FXCollections.observableArrayList(names));
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        // about 26 pixels a row, bars about 18 thick however few there are; a row of these charts is not
        // stretched to its tallest
        double height = Math.max(200, 90 + 26.0 * keys.size());
        chart.setCategoryGap(Math.max(4, (height - 90) / keys.size() - 18));
        chart.setBarGap(0);
        chart.setPrefHeight(height);
        chart.setMinHeight(height);
        chart.setMaxHeight(height);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            series.getData().add(bar(new XYChart.Data<>(counts.get(k), names.get(i)),
                    label.apply(k) + ": " + counts.get(k)));
        }
        chart.getData().add(series);
        wholeNumbers(x, counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
        return chart;
    }

    /** Each value's category name, kept distinct: two bars can read alike (the same month in different weeks). */
    private static <T> List<String> categories(List<T> values, Function<T, String> category) {
        List<String> categories = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (T value : values) {
            String name = category.apply(value);
            while (!seen.add(name)) {
                name = name + " ";
            }
            categories.add(name);
        }
        return categories;
    }

    /** A bar with its numbers on hover. */
    private static <X, Y> XYChart.Data<X, Y> bar(XYChart.Data<X, Y> bar, String tip) {
        bar.nodeProperty().addListener((o, old, node) -> {
            if (node != null) {
                Tooltip t = new Tooltip(tip);
                t.setShowDelay(Duration.millis(100));
                Tooltip.install(node, t);
            }
        });
        return bar;
    }

    /**
     * A count axis on whole numbers only: ticks 1, 2, 5, 10, 20, 50 … apart, about five of them, never 2.5 or
     * 7.5; written without decimals.
     */
    static void wholeNumbers(NumberAxis axis, long max) {
        long step = 1;
        for (long decade = 1; max > step * 5; decade *= 10) {
            step = max <= decade * 5 ? decade : max <= decade * 10 ? decade * 2 : max <= decade * 25 ? decade * 5
                    : decade * 10;
        }
        axis.setAutoRanging(false);
        axis.setForceZeroInRange(true);
        axis.setMinorTickVisible(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, (max + step - 1) / step * step));
        axis.setTickUnit(step);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.UK, "%,d", Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
    }

    /**
     * Is it getting worse? Not one word from the counts: what kind of conduct each week or month held, the
     * milestones beside it, each more serious kind that began and what it came after, and the halves' counts.
     */
    private static Node escalation(ConductSummary s) {
        ConductSummary.Escalation e = s.escalation();
        ConductSummary.EscalationView v = s.escalationView();
        Label title = new Label("IS IT GETTING WORSE?");
        title.getStyleClass().add("section-title");
        Label headline = new Label(v.headline() != null ? v.headline()
                : "Too little to say yet: no contacts or incidents in this period.");
        headline.setId("pattern-escalation");
        headline.setWrapText(true);
        VBox box = new VBox(6, title, headline);
        for (ConductSummary.KindChange c : v.changes()) {
            Label change = new Label("•  " + c.sentence());
            change.getStyleClass().add("strong");
            change.setWrapText(true);
            box.getChildren().add(change);
        }
        if (!v.buckets().isEmpty() && v.headline() != null) {
            box.getChildren().add(kindsOverTime(v));
        }
        if (!v.milestones().isEmpty()) {
            VBox milestones = new VBox(2);
            milestones.setId("pattern-milestones");
            milestones.getChildren().add(bold("Milestones"));
            for (ConductSummary.Milestone m : v.milestones()) {
                Label line = new Label(Formats.day(m.date()) + " — " + m.text());
                line.setWrapText(true);
                milestones.getChildren().add(line);
            }
            box.getChildren().add(milestones);
        }
        GridPane halves = new GridPane();
        halves.setHgap(18);
        halves.setVgap(4);
        halves.addRow(0, new Label(""), bold("First half"), bold("Second half"));
        halves.addRow(1, new Label("Contacts and incidents"), new Label(String.valueOf(e.firstHalf())),
                new Label(String.valueOf(e.secondHalf())));
        halves.addRow(2, new Label("With a serious tag or type"), new Label(String.valueOf(e.severeFirstHalf())),
                new Label(String.valueOf(e.severeSecondHalf())));
        Label method = new Label("How this is worked out: " + (v.method() == null ? "" : v.method() + " ")
                + e.method());
        method.setId("pattern-escalation-method");
        method.getStyleClass().add("hint");
        method.setWrapText(true);
        box.getChildren().addAll(halves, method);
        box.getStyleClass().add("pattern-section");
        return box;
    }

    /** One stacked bar a week or month, a colour per kind of conduct, each with its numbers on hover. */
    private static Node kindsOverTime(ConductSummary.EscalationView v) {
        List<String> categories = categories(v.buckets(), b -> v.bucket().equals("week")
                ? Formats.DAY.format(b.start()).replaceFirst(" \\d{4}$", "") : MONTH.format(b.start()));
        CategoryAxis x = new CategoryAxis(FXCollections.observableArrayList(categories));
        NumberAxis y = new NumberAxis();
        javafx.scene.chart.StackedBarChart<String, Number> chart = new javafx.scene.chart.StackedBarChart<>(x, y);
        chart.setId("kinds-over-time");
        chart.setTitle("What kind of conduct, per " + v.bucket());
        chart.setAnimated(false);
        chart.setCategoryGap(v.buckets().size() > 30 ? 1 : 3);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        long max = 0;
        for (ConductSummary.SeverityBucket b : v.buckets()) {
            max = Math.max(max, b.total());
        }
        for (ConductLevel level : ConductLevel.values()) {
            if (v.levels().stream().noneMatch(l -> l.level() == level)) {
                continue;
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(level.label());
            for (int i = 0; i < v.buckets().size(); i++) {
                ConductSummary.SeverityBucket b = v.buckets().get(i);
                long n = b.byLevel()[level.ordinal()];
                series.getData().add(bar(new XYChart.Data<>(categories.get(i), n), level.label() + ", "
                        + (v.bucket().equals("week") ? "week from " + Formats.DAY.format(b.start())
                        : LONG_MONTH.format(b.start())) + ": " + n));
            }
            chart.getData().add(series);
        }
        wholeNumbers(y, max);
        x.setTickLabelsVisible(v.buckets().size() <= MAX_LABELLED_BARS);
        return chart;
    }

    private static Node orders(ConductSummary s) {
        Label title = new Label("ORDERS");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title);
        box.setId("pattern-orders");
        box.getStyleClass().add("pattern-section");
        if (s.orders().isEmpty()) {
            box.getChildren().add(hint("No orders recorded. Record any order or bail conditions in Orders."));
        }
        for (ConductSummary.OrderFigures o : s.orders()) {
            Label head = bold(kindLabel(o.kind()) + ", made " + Formats.day(o.made())
                    + (o.expires() == null ? ", until further order" : ", ends " + Formats.day(o.expires()))
                    + (o.issuer() == null ? "" : " — " + o.issuer()));
            head.setWrapText(true);
            Label figures = new Label(Plural.of(o.contactsDuringOrder(), "contact", "contacts")
                    + " in this period while the order was in force; " + Plural.of(o.breaches().size(),
                    "confirmed breach", "confirmed breaches") + ".");
            figures.setWrapText(true);
            box.getChildren().addAll(head, figures);
            for (ConductSummary.Breach b : o.breaches()) {
                Label line = new Label("•  " + Formats.DAY_TIME.format(b.at().atZone(s.zone())) + " — " + b.summary()
                        + "  (breach of: " + b.condition() + ")");
                line.setWrapText(true);
                box.getChildren().add(line);
            }
        }
        return box;
    }

    private static Node reports(ConductSummary s) {
        Label title = new Label("REPORTS");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title);
        box.setId("pattern-reports");
        box.getStyleClass().add("pattern-section");
        if (s.reports().isEmpty()) {
            box.getChildren().add(hint("No reports recorded in this period."));
        }
        for (ConductSummary.ReportFigures r : s.reports()) {
            Label line = new Label("•  " + Formats.day(r.date()) + " — "
                    + ReportRecipient.describe(r.recipientKind(), r.recipient())
                    + (r.reference() == null ? "" : ", ref. " + r.reference())
                    + (r.linkedIncidents() == 0 ? "" : ", " + Plural.of(r.linkedIncidents(), "incident", "incidents")
                    + " linked") + (r.outcome() == null ? "" : ". Next: " + r.outcome()));
            line.setWrapText(true);
            box.getChildren().add(line);
        }
        return box;
    }

    static String typeLabel(String code) {
        try {
            return IncidentType.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    static String tagLabel(String code) {
        try {
            return BehaviourTag.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static String kindLabel(String code) {
        try {
            return org.casebook.model.OrderKind.fromCode(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("strong");
        return label;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }
}
