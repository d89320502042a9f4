package org.casebook.ui.reports;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.casebook.model.Report;
import org.casebook.model.TimelineItem;
import org.casebook.ui.common.DialogService;
import org.casebook.ui.common.Formats;
import org.casebook.ui.common.Icons;
import org.casebook.ui.common.ItemLookup;
import org.casebook.ui.common.LinkItemsDialog;
import org.casebook.ui.common.WrappingRows;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** Reports: who was told and when, their reference, what happened next, and the incidents each covered. */
public final class ReportsView extends SplitPane {
    public ReportsView(ReportsViewModel vm, DialogService dialogs, Supplier<ZoneId> zone,
                       Supplier<List<TimelineItem>> diaryEntries, LongConsumer showOnTimeline) {
        setId("reports-view");
        ListView<Report> reports = new ListView<>(vm.reports());
        reports.setId("reports");
        reports.setAccessibleText("Reports");
        Label empty = new Label("No reports recorded yet. Each time you report it — to the police, a platform, an"
                + " employer or a housing provider — record it here with the reference number you were given.");
        empty.setWrapText(true);
        reports.setPlaceholder(empty);
        WrappingRows.apply(reports, r -> Formats.DAY_TIME.format(r.at()) + "\n" + r.recipientKind().label()
                + (r.recipient() == null ? "" : ": " + r.recipient())
                + (r.reference() == null ? "" : "\nRef. " + r.reference()));
        reports.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != vm.selectedProperty().get()) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().addListener((o, a, r) -> reports.getSelectionModel().select(r));
        VBox.setVgrow(reports, Priority.ALWAYS);
        Button add = new Button("Record a report", Icons.of(MaterialDesignP.PLUS, 16));
        add.setId("add-report");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> ReportDialog.show(dialogs, null, zone.get()).ifPresent(vm::add));
        Button edit = new Button("Edit", Icons.of(MaterialDesignP.PENCIL_OUTLINE, 16));
        edit.setId("edit-report");
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        edit.setOnAction(e -> {
            Report r = vm.selectedProperty().get();
            ReportDialog.show(dialogs, r, zone.get()).ifPresent(d -> vm.edit(r, d));
        });
        Label title = new Label("REPORTS");
        title.getStyleClass().add("section-title");
        VBox left = new VBox(8, title, reports, new HBox(6, add, edit));
        left.getStyleClass().add("section-pane");

        Label heading = new Label();
        heading.getStyleClass().add("detail-title");
        heading.setWrapText(true);
        Label details = new Label();
        details.setId("report-details");
        details.setWrapText(true);
        vm.selectedProperty().addListener((o, a, r) -> {
            heading.setText(r == null ? "" : r.recipientKind().label() + (r.recipient() == null ? "" : ": " + r.recipient()));
            details.setText(r == null ? "" : describe(r));
        });
        Label linkedTitle = new Label("INCIDENTS THIS REPORT COVERED");
        linkedTitle.getStyleClass().add("section-title");
        ListView<TimelineItem> linked = new ListView<>(vm.linked());
        linked.setId("report-linked");
        linked.setAccessibleText("Incidents this report covered: choose one to see it on the timeline");
        linked.setPlaceholder(new Label("None linked yet."));
        WrappingRows.apply(linked, ItemLookup::describe);
        linked.setOnMouseClicked(e -> {
            TimelineItem item = linked.getSelectionModel().getSelectedItem();
            if (item != null && e.getClickCount() == 2) {
                showOnTimeline.accept(item.id());
            }
        });
        VBox.setVgrow(linked, Priority.ALWAYS);
        Button link = new Button("Link incidents…", Icons.of(MaterialDesignL.LINK_VARIANT, 16));
        link.setId("report-link");
        link.setOnAction(e -> {
            Report r = vm.selectedProperty().get();
            List<TimelineItem> candidates = new java.util.ArrayList<>(diaryEntries.get());
            vm.linked().stream().filter(i -> !candidates.contains(i)).forEach(candidates::add);
            LinkItemsDialog.show(dialogs, "Link incidents to this report", "Which incidents did this report cover?",
                    candidates, new HashSet<>(r.incidentIds())).ifPresent(ids -> vm.setLinks(r, ids));
        });
        Label hint = new Label("Double-click an incident to see it on the timeline.");
        hint.getStyleClass().add("hint");
        VBox right = new VBox(8, heading, details, linkedTitle, linked, new HBox(8, link, hint));
        right.getStyleClass().add("section-pane");
        right.visibleProperty().bind(vm.selectedProperty().isNotNull());
        getItems().addAll(left, right);
        setDividerPositions(0.3);
    }

    private static String describe(Report r) {
        StringBuilder text = new StringBuilder(Formats.DAY_TIME.format(r.at()));
        if (r.reference() != null) {
            text.append("\nReference number: ").append(r.reference());
        }
        if (r.contact() != null) {
            text.append("\nOfficer or contact: ").append(r.contact());
        }
        if (r.outcome() != null) {
            text.append("\nWhat happened next: ").append(r.outcome());
        }
        return text.toString();
    }
}
